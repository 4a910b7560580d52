package org.switchboard.engine.sipgate;

/**
 * The outcome of one call to sipgate's REST API: whether it worked, the HTTP status ({@code 0} when sipgate could
 * not be reached at all) and a one-line message that can be shown to the user as it is, e.g. "sipgate rejected the
 * token id or token".
 */
public record RestResult(boolean ok, int status, String message) {

    /** A success with the given status and message. */
    public static RestResult success(int status, String message) {
        return new RestResult(true, status, message);
    }

    /** A failure with the given status (0 for no answer) and message. */
    public static RestResult failure(int status, String message) {
        return new RestResult(false, status, message);
    }
}
