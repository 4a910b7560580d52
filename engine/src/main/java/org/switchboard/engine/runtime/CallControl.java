package org.switchboard.engine.runtime;

/**
 * Acts on running calls through sipgate's REST API. The runtime calls it from webhook threads; implementations
 * must return at once and do the request in the background.
 */
public interface CallControl {

    /** Ends the call; the result is reported through the listener. Returns a note when it cannot even try. */
    String hangUp(String callId, CallEventListener listener);

    /** Used when no sipgate credentials are configured: explains that instead of calling. */
    CallControl UNCONFIGURED = (callId, listener) ->
            "Hang up call skipped: no sipgate personal access token is configured in the settings";
}
