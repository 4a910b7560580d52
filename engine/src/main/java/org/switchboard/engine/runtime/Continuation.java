package org.switchboard.engine.runtime;

/**
 * Where a call goes on when sipgate posts to a callback URL: the session, and for digits the Gather node whose
 * "digits" output continues. Event continuations ({@code nodeId == null}) serve both answer and hangup pushes. The
 * secret is the token's, so that a digits callback can be closed once used.
 */
record Continuation(CallSession session, String nodeId, Kind kind, long hi, long lo) {

    enum Kind { DIGITS, EVENTS }
}
