package org.switchboard.engine.calllog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.switchboard.engine.runtime.RuntimeEvent;

/** Live calls rebuilt from events look as the log reader rebuilds them, and the tracker's memory stays bounded. */
class CallTrackerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    private static RuntimeEvent.PushHandled newCall(String id) {
        return new RuntimeEvent.PushHandled(id, "newCall", List.of("in", "menu"),
                List.of(new RuntimeEvent.OutputTaken("in", "call")), "menu", "<Response><Gather/></Response>",
                List.of(), 420, Map.of("from", List.of("4917012345678"), "to", List.of("492115550100"),
                "direction", List.of("in")));
    }

    private static RuntimeEvent.PushHandled dtmf(String id, String digits) {
        return new RuntimeEvent.PushHandled(id, "dtmf", List.of("digits", "ben"),
                List.of(new RuntimeEvent.OutputTaken("menu", "digits"), new RuntimeEvent.OutputTaken("digits", "2")),
                "ben", "<Response><Dial/></Response>", List.of("note"), 900, Map.of("dtmf", List.of(digits)));
    }

    @Test
    void aLiveCallLooksAsTheLogReadsItBack(@TempDir Path dir) throws Exception {
        CallTracker tracker = new CallTracker(CLOCK, 10, 10);
        Path file = dir.resolve("calls.jsonl");
        LoggedCall live;
        try (CallLog log = CallLog.open(file, Retention.DEFAULT, CLOCK)) {
            for (RuntimeEvent e : List.of(newCall("c1"), dtmf("c1", "2"))) {
                log.onEvent(e);
                live = tracker.accept(e);
            }
            live = tracker.accept(new RuntimeEvent.CallEnded("c1", "normalClearing"));
            log.onEvent(new RuntimeEvent.CallEnded("c1", "normalClearing"));
        }
        LoggedCall read = CallLogReader.read(file).calls().get(0);
        assertEquals(read, live);
        assertEquals(List.of(new LoggedCall.Step("in", null), new LoggedCall.Step("menu", "2"),
                new LoggedCall.Step("digits", null), new LoggedCall.Step("ben", null)), live.path());
        assertEquals(900, live.pushes().get(1).micros());
        assertEquals(List.of("note"), live.pushes().get(1).notes());
        assertEquals("ben", live.pushes().get(1).answeredBy());
        assertEquals(0, tracker.openCalls(), "an ended call is let go");
    }

    @Test
    void memoryIsBoundedInCallsAndPushes() {
        CallTracker tracker = new CallTracker(CLOCK, 3, 4);
        for (int i = 0; i < 10; i++) {
            tracker.accept(newCall("c" + i));
        }
        assertEquals(3, tracker.openCalls());
        LoggedCall last = null;
        for (int i = 0; i < 50; i++) {
            last = tracker.accept(dtmf("c9", Integer.toString(i % 10)));
        }
        assertEquals(4, last.pushes().size());
        assertEquals("newCall", last.pushes().get(0).event(), "a long call keeps its start");
        assertTrue(last.path().size() <= 16, "and its path stays bounded: " + last.path().size());
        assertNull(tracker.accept(new RuntimeEvent.RestCallDone("c9", "hangup", true, "ok")));
    }
}
