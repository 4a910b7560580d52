package org.switchboard.engine.calllog;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * Follows calls as they happen: each runtime event updates its call, rebuilt exactly as {@link CallLogReader} would
 * rebuild it from the log's lines, and the call's new state comes back as a {@link LoggedCall} value. Memory stays
 * bounded: an ended call is let go at once, at most {@code maxOpen} calls without an end are followed (the one idle
 * longest goes first), and each keeps at most {@code maxPushes} pushes (its first ones and its latest). Not
 * thread-safe: feed it from one thread.
 */
public final class CallTracker {

    private final Clock clock;
    private final int maxOpen;
    private final int maxPushes;
    /** In order of last activity, so the first one is idle longest. */
    private final Map<String, CallBuilder> open = new LinkedHashMap<>(16, 0.75f, true);

    public CallTracker(Clock clock, int maxOpen, int maxPushes) {
        if (maxOpen < 1 || maxPushes < 2) {
            throw new IllegalArgumentException("a call tracker follows at least one call of two pushes");
        }
        this.clock = clock;
        this.maxOpen = maxOpen;
        this.maxPushes = maxPushes;
    }

    /** The call's state after this event, or {@code null} when the event is not about a call the log keeps. */
    public LoggedCall accept(RuntimeEvent event) {
        CallLogLine line = CallLogLine.of(event, clock.instant());
        if (line == null || CallBuilder.apply(open, line, maxPushes) != CallBuilder.Applied.KEPT) {
            return null;
        }
        CallBuilder call = open.get(event.callId());
        if (call == null) {
            return null;
        }
        LoggedCall now = call.build();
        if (call.ended()) {
            open.remove(event.callId());
        } else if (open.size() > maxOpen) {
            open.remove(open.keySet().iterator().next());
        }
        return now;
    }

    /** How many calls without an end are followed now. */
    public int openCalls() {
        return open.size();
    }
}
