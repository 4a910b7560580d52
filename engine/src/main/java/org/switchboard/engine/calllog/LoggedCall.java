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

    /**
     * A push as logged: event, time, the fields sipgate sent (first values), the XML answered, the nodes the walk
     * entered, the node that answered (null when none did), the runtime's notes on why, and how long the answer
     * took in microseconds (-1 when not known).
     */
    public record Push(String event, Instant time, java.util.Map<String, String> fields, String xml,
                       List<String> nodes, String answeredBy, List<String> notes, long micros) {

        public Push {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public Push(String event, Instant time, java.util.Map<String, String> fields, String xml) {
            this(event, time, fields, xml, List.of(), null, List.of(), -1);
        }
    }

    /** Whether the log shows no end of the call yet. */
    public boolean inProgress() {
        return end == null;
    }

    /** The XML of the last push that got one, or null. */
    public String lastXml() {
        for (int i = pushes.size() - 1; i >= 0; i--) {
            if (pushes.get(i).xml() != null) {
                return pushes.get(i).xml();
            }
        }
        return null;
    }
}
