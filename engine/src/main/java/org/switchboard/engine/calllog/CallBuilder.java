package org.switchboard.engine.calllog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    static Applied apply(Map<String, CallBuilder> calls, CallLogLine line) {
        return apply(calls, line, Integer.MAX_VALUE);
    }

    /**
     * As {@link #apply(Map, CallLogLine)}, keeping at most {@code maxPushes} pushes a call (its first and latest).
     * A null line (one that could not be read) is unreadable.
     */
    static Applied apply(Map<String, CallBuilder> calls, CallLogLine line, int maxPushes) {
        if (line == null) {
            return Applied.UNREADABLE;
        }
        CallBuilder call = calls.get(line.callId());
        if (CallLogFormat.PUSH.equals(line.type())) {
            if (call == null) {
                call = new CallBuilder(line.callId(), line.time());
                calls.put(line.callId(), call);
            }
            call.push(line, maxPushes);
        } else if (CallLogFormat.END.equals(line.type())) {
            if (call == null) {
                return Applied.UNREADABLE; // an end without its call: nothing to rebuild
            }
            call.endCause = line.cause();
            call.end = line.time();
        } else if (call == null) {
            return Applied.PASSED_OVER; // a line of a kind this version does not know, before its call
        } // else a line of a kind this version does not know: kept with its call, not shown
        return Applied.KEPT;
    }

    private void push(CallLogLine line, int maxPushes) {
        Map<String, String> fields = line.fields();
        LoggedCall.Push push = new LoggedCall.Push(line.event(), line.time(), fields, line.xml(), line.nodes(),
                line.answeredBy(), line.notes(), line.micros());
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
        if ("answer".equals(line.event())) {
            answered = true;
        }
        String digits = fields.get("dtmf");
        if ("dtmf".equals(line.event()) && digits != null && !path.isEmpty()) {
            String gatherer = line.gatherer();
            int at = path.size() - 1;
            for (int i = path.size() - 1; i >= 0 && gatherer != null; i--) {
                if (gatherer.equals(path.get(i).nodeId())) {
                    at = i;
                    break;
                }
            }
            path.set(at, new LoggedCall.Step(path.get(at).nodeId(), digits));
        }
        for (String node : line.nodes()) {
            if (path.size() < maxPushes * 4L) {
                path.add(new LoggedCall.Step(node, null));
            }
        }
    }

    int droppedPushes() {
        return droppedPushes;
    }

    LoggedCall build() {
        return new LoggedCall(callId, start, from, to, direction, path, answered, endCause, end, pushes);
    }
}
