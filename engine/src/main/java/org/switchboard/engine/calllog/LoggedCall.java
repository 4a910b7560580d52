package org.switchboard.engine.calllog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One call as rebuilt from the call log: when it started, who called whom in which direction, the path of node ids
 * it took (with the digits pressed where a node gathered them), whether it was answered, how it ended (the hangup
 * cause sipgate sent, null while the log does not show an end) and every push in order.
 */
public record LoggedCall(String callId, Instant start, String from, String to, String direction, List<Step> path,
                         boolean answered, String endCause, Instant end, List<Push> pushes) {

    public LoggedCall {
        path = List.copyOf(path);
        pushes = List.copyOf(pushes);
    }

    /** How long the call lasted, from its first push to its end; null while it has not ended. */
    public Duration duration() {
        return end == null ? null : Duration.between(start, end);
    }

    /** A node the call entered, and the digits pressed there (null when none). */
    public record Step(String nodeId, String digits) {
    }

    /** A push as logged: event, time, the fields sipgate sent (first values), the XML answered. */
    public record Push(String event, Instant time, java.util.Map<String, String> fields, String xml) {
    }
}
