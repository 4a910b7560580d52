package org.switchboard.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;

/** The session store without its id map: ending is idempotent, sweeping skips ended calls, eviction still bounds. */
class CallSessionsTest {

    @Test
    void endingACallTwiceCountsOnceAndTheSweepLeavesOthersAlone() {
        long[] now = {0};
        CallSessions sessions = new CallSessions(10, Duration.ofSeconds(10), () -> now[0]);
        CallSession a = sessions.start("a", Flow.empty());
        CallSession b = sessions.start("b", Flow.empty());
        String tokenA = sessions.issue(a, "g", Continuation.Kind.DIGITS);
        String tokenB = sessions.issue(b, null, Continuation.Kind.EVENTS);
        assertNotEquals(a.id(), b.id());
        sessions.end(a);
        sessions.end(a);
        assertEquals(1, sessions.size());
        assertNull(sessions.resolve(tokenA));
        assertEquals(0, sessions.sweep(), "nothing has expired; the ended call is not counted again");
        assertNotNull(sessions.resolve(tokenB));
        assertEquals(1, sessions.tokenCount());
        now[0] = Duration.ofSeconds(11).toNanos();
        assertEquals(1, sessions.sweep());
        assertEquals(0, sessions.size());
        assertNull(sessions.resolve(tokenB));
    }

    @Test
    void endedCallsDoNotPileUpInTheAgeQueue() {
        CallSessions sessions = new CallSessions(10_000, Duration.ofHours(1));
        for (int i = 0; i < 5_000; i++) {
            CallSession s = sessions.start("c" + i, Flow.empty());
            sessions.issue(s, null, Continuation.Kind.EVENTS);
            sessions.end(s);
        }
        assertEquals(0, sessions.size());
        assertTrue(sessions.queuedForTest() <= 1024 + 1, "queued: " + sessions.queuedForTest());
    }

    @Test
    void evictionKeepsTheNewestCallsUnderAFlood() {
        CallSessions sessions = new CallSessions(100, Duration.ofHours(1));
        String first = null;
        String last = null;
        for (int i = 0; i < 10_000; i++) {
            CallSession s = sessions.start("c" + i, Flow.empty());
            String token = sessions.issue(s, null, Continuation.Kind.EVENTS);
            first = first == null ? token : first;
            last = token;
        }
        assertEquals(100, sessions.size());
        assertEquals(100, sessions.tokenCount());
        assertNull(sessions.resolve(first));
        assertNotNull(sessions.resolve(last));
    }
}
