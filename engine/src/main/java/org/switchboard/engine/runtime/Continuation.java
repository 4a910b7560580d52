package org.switchboard.engine.runtime;

/**
 * Where a call goes on when sipgate posts to a callback URL: the session, and for digits the Gather node whose
 * "digits" output continues. Event continuations ({@code nodeId == null}) serve both answer and hangup pushes.
 */
record Continuation(CallSession session, String nodeId, Kind kind, String token) {

    enum Kind { DIGITS, EVENTS }
}
