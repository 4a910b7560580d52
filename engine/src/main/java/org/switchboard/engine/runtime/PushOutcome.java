package org.switchboard.engine.runtime;

/**
 * What the server answers to a push: either 200 with an XML document (and, in {@code reason}, the walk's notes for
 * the log), or an HTTP error with a one-line reason that is safe to show to the caller (no stack traces, no paths).
 */
public record PushOutcome(int status, String xml, String reason, String callId, String answeringNode) {

    public static PushOutcome xml(String xml, String callId, String answeringNode) {
        return new PushOutcome(200, xml, null, callId, answeringNode);
    }

    public static PushOutcome error(int status, String reason) {
        return new PushOutcome(status, null, reason, null, null);
    }

    /** Why the walk went as it did ("route: output 'otherwise' is not connected"; ...), or {@code null}. */
    public String notes() {
        return ok() ? reason : null;
    }

    public boolean ok() {
        return status == 200;
    }
}
