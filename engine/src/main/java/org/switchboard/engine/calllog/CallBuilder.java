package org.switchboard.engine.calllog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rebuilds one call from its call log lines (as read from the file, or as made from live events): the reader and the
 * live {@link CallTracker} share it, so a call looks the same whether it is watched or read back.
 */
final class CallBuilder {

    /** What became of a line: taken into its call, passed over (a kind this version does not know), unreadable. */
    enum Applied { KEPT, PASSED_OVER, UNREADABLE }

    private final String callId;
    private final Instant start;
    private String from;
    private String to;
    private String direction;
    private boolean answered;
    private String endCause;
    private Instant end;
    private final List<LoggedCall.Step> path = new ArrayList<>();
    private final List<LoggedCall.Push> pushes = new ArrayList<>();
    private int droppedPushes;

    CallBuilder(String callId, Instant start) {
        this.callId = callId;
        this.start = start;
    }

    String callId() {
        return callId;
    }

    Instant start() {
        return start;
    }

    boolean ended() {
        return end != null;
    }

    /** Applies one line to the call it names in {@code calls} (adding the call at its first push). */
    static Applied apply(Map<String, CallBuilder> calls, JsonNode json) {
        return apply(calls, json, Integer.MAX_VALUE);
    }

    /** As {@link #apply(Map, JsonNode)}, keeping at most {@code maxPushes} pushes a call (its first and latest). */
    static Applied apply(Map<String, CallBuilder> calls, JsonNode json, int maxPushes) {
        if (json == null || !json.isObject()) {
            return Applied.UNREADABLE;
        }
        String callId = json.path(CallLogFormat.CALL_ID).asText("");
        Instant time;
        try {
            time = Instant.parse(json.path(CallLogFormat.TIME).asText(""));
        } catch (DateTimeParseException e) {
            return Applied.UNREADABLE;
        }
        String type = json.path(CallLogFormat.TYPE).asText("");
        CallBuilder call = calls.get(callId);
        if (CallLogFormat.PUSH.equals(type)) {
            if (call == null) {
                call = new CallBuilder(callId, time);
                calls.put(callId, call);
            }
            call.push(json, time, maxPushes);
        } else if (CallLogFormat.END.equals(type)) {
            if (call == null) {
                return Applied.UNREADABLE; // an end without its call: nothing to rebuild
            }
            call.endCause = json.path(CallLogFormat.CAUSE).asText(null);
            call.end = time;
        } else if (call == null) {
            return Applied.PASSED_OVER; // a line of a kind this version does not know, before its call
        } // else a line of a kind this version does not know: kept with its call, not shown
        return Applied.KEPT;
    }

    private void push(JsonNode json, Instant time, int maxPushes) {
        String event = json.path(CallLogFormat.EVENT).asText("");
        Map<String, String> fields = new LinkedHashMap<>();
        json.path(CallLogFormat.FIELDS).fields().forEachRemaining(f -> fields.put(f.getKey(),
                f.getValue().isArray() ? f.getValue().path(0).asText("") : f.getValue().asText("")));
        List<String> nodes = texts(json.path(CallLogFormat.NODES));
        LoggedCall.Push push = new LoggedCall.Push(event, time, fields, json.path(CallLogFormat.XML).asText(null),
                nodes, json.path(CallLogFormat.ANSWERED_BY).asText(null), texts(json.path(CallLogFormat.NOTES)),
                json.path(CallLogFormat.MICROS).asLong(-1));
        if (pushes.size() >= maxPushes) {
            pushes.remove(pushes.size() / 2); // a runaway call keeps its start and its latest pushes
            droppedPushes++;
        }
        pushes.add(push);
        if (from == null) {
            from = fields.get("from");
            to = fields.get("to");
            direction = fields.get("direction");
        }
        if ("answer".equals(event)) {
            answered = true;
        }
        String digits = fields.get("dtmf");
        if ("dtmf".equals(event) && digits != null && !path.isEmpty()) {
            String gatherer = json.path(CallLogFormat.OUTPUTS).path(0).path(CallLogFormat.NODE).asText(null);
            int at = path.size() - 1;
            for (int i = path.size() - 1; i >= 0 && gatherer != null; i--) {
                if (gatherer.equals(path.get(i).nodeId())) {
                    at = i;
                    break;
                }
            }
            path.set(at, new LoggedCall.Step(path.get(at).nodeId(), digits));
        }
        for (String node : nodes) {
            if (path.size() < maxPushes * 4L) {
                path.add(new LoggedCall.Step(node, null));
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText(""));
        }
        return out;
    }

    int droppedPushes() {
        return droppedPushes;
    }

    LoggedCall build() {
        return new LoggedCall(callId, start, from, to, direction, path, answered, endCause, end, pushes);
    }
}
