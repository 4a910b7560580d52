package org.switchboard.engine.flow;

/**
 * Something wrong or doubtful in a flow, as shown in the Problems panel and by {@code validate}. {@code nodeId}
 * and {@code property} are {@code null} when the problem is about the whole flow or the whole node. The message is
 * a complete sentence in the user's language.
 */
public record Problem(Severity severity, String nodeId, String property, String message) {

    /** INFO: worth knowing, nothing wrong (e.g. a branch no test call reaches); only the app makes these. */
    public enum Severity { ERROR, WARNING, INFO }

    public static Problem error(String nodeId, String property, String message) {
        return new Problem(Severity.ERROR, nodeId, property, message);
    }

    public static Problem warning(String nodeId, String property, String message) {
        return new Problem(Severity.WARNING, nodeId, property, message);
    }

    public static Problem info(String nodeId, String property, String message) {
        return new Problem(Severity.INFO, nodeId, property, message);
    }

    public boolean isInfo() {
        return severity == Severity.INFO;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
