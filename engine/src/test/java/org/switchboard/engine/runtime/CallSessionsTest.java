package org.switchboard.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;

/**
 * The session store: ending is idempotent, sweeping skips ended calls, eviction bounds it, slots are reused without
 * letting an old token into a new call, and tokens are single-use where they must be.
 */
class CallSessionsTest {

    @Test
    void endingACallTwiceCountsOnceAndTheSweepLeavesOthersAlone() {
        ManualClock clock = new ManualClock();
        CallSessions sessions = new CallSessions(10, Duration.ofSeconds(10), clock);
        CallSession a = sessions.start("a", Flow.empty());
        CallSession b = sessions.start("b", Flow.empty());
        String tokenA = digitsToken(a, "g");
        String tokenB = eventsToken(b);
        assertNotEquals(a.slot(), b.slot());
        sessions.end(a);
        sessions.end(a);
        assertEquals(1, sessions.size());
        assertNull(sessions.resolve(tokenA));
        assertEquals(0, sessions.sweep(), "nothing has expired; the ended call is not counted again");
        assertNotNull(sessions.resolve(tokenB));
        assertEquals(1, sessions.tokenCount());
        clock.advance(Duration.ofSeconds(11));
        assertEquals(1, sessions.sweep());
        assertEquals(0, sessions.size());
        assertNull(sessions.resolve(tokenB));
    }

    @Test
    void callsGivenUpWithoutTheirHangupAreToldByCallId() {
        ManualClock clock = new ManualClock();
        CallSessions sessions = new CallSessions(2, Duration.ofSeconds(10), clock);
        java.util.List<String> givenUp = new java.util.ArrayList<>();
        sessions.onGivenUp(givenUp::add);
        sessions.start("a", Flow.empty());
        sessions.end(sessions.start("b", Flow.empty()));
        sessions.start("c", Flow.empty());
        sessions.start("d", Flow.empty()); // full: "a", idle longest, is dropped
        assertEquals(java.util.List.of("a"), givenUp);
        clock.advance(Duration.ofSeconds(11));
        assertEquals(2, sessions.sweep());
        assertEquals(java.util.List.of("a", "c", "d"), givenUp, "an ended call is not given up again");
    }

    @Test
    void endedCallsDoNotPileUpInTheAgeQueue() {
        CallSessions sessions = new CallSessions(10_000, Duration.ofHours(1));
        for (int i = 0; i < 5_000; i++) {
            CallSession s = sessions.start("c" + i, Flow.empty());
            eventsToken(s);
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
            String token = eventsToken(s);
            first = first == null ? token : first;
            last = token;
        }
        assertEquals(100, sessions.size());
        assertEquals(100, sessions.tokenCount());
        assertNull(sessions.resolve(first));
        assertNotNull(sessions.resolve(last));
    }

    @Test
    void aReusedSlotDoesNotOpenForTheOldCallsTokens() {
        CallSessions sessions = new CallSessions(10, Duration.ofHours(1));
        CallSession old = sessions.start("old", Flow.empty());
        String oldEvents = eventsToken(old);
        String oldDigits = digitsToken(old, "g");
        sessions.end(old);
        CallSession next = sessions.start("next", Flow.empty());
        assertEquals(old.slot(), next.slot(), "the freed slot is reused");
        String nextEvents = eventsToken(next);
        assertEquals(oldEvents.substring(0, 4), nextEvents.substring(0, 4), "both tokens name the same slot");
        assertNull(sessions.resolve(oldEvents));
        assertNull(sessions.resolve(oldDigits));
        Continuation c = sessions.resolve(nextEvents);
        assertNotNull(c);
        assertSame(next, c.session());
    }

    @Test
    void aDigitsTokenOpensItsGatherOnceAndTheEventsTokenStays() {
        CallSessions sessions = new CallSessions(10, Duration.ofHours(1));
        CallSession s = sessions.start("c", Flow.empty());
        String events = eventsToken(s);
        String first = digitsToken(s, "g1");
        String second = digitsToken(s, "g2");
        assertNotEquals(first, second);
        assertEquals(3, sessions.tokenCount());
        Continuation c = sessions.resolve(second);
        assertEquals("g2", c.nodeId());
        assertEquals(Continuation.Kind.DIGITS, c.kind());
        assertTrue(sessions.consume(c));
        assertFalse(sessions.consume(c), "a replayed dtmf push finds the callback closed");
        assertNull(sessions.resolve(second));
        assertEquals("g1", sessions.resolve(first).nodeId());
        assertEquals(Continuation.Kind.EVENTS, sessions.resolve(events).kind());
        assertEquals(eventsToken(s), events, "one events token per call");
    }

    @Test
    void aTokenWithOneCharacterChangedOpensNothing() {
        CallSessions sessions = new CallSessions(10, Duration.ofHours(1));
        CallSession s = sessions.start("c", Flow.empty());
        String token = eventsToken(s);
        assertNotNull(sessions.resolve(token));
        for (int i = 4; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertNull(sessions.resolve(changed), "changed at " + i + ": " + changed);
        }
        assertNull(sessions.resolve("AAAA" + token.substring(4) + "x"));
        assertNull(sessions.resolve(""));
        assertNull(sessions.resolve(null));
    }

    @Test
    void theSlotTableNeverOutgrowsTheBound() {
        CallSessions sessions = new CallSessions(1500, Duration.ofHours(1));
        for (int i = 0; i < 20_000; i++) {
            CallSession s = sessions.start("c" + i, Flow.empty());
            if (i % 3 == 0) {
                sessions.end(s);
            }
        }
        assertEquals(1500, sessions.size());
        assertEquals(1500, sessions.slotsForTest());
    }

    @Test
    void underConcurrentCallsATokenOnlyEverOpensItsOwnCall() throws Exception {
        CallSessions sessions = new CallSessions(64, Duration.ofHours(1));
        int threads = 4;
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(new Thread(() -> {
                java.util.ArrayDeque<String[]> mine = new java.util.ArrayDeque<>();
                for (int i = 0; i < 20_000; i++) {
                    String callId = id + "-" + i;
                    CallSession s = sessions.start(callId, Flow.empty());
                    mine.add(new String[] {callId, eventsToken(s), digitsToken(s, "g")});
                    if (mine.size() > 40) { // older calls: ended by us, or evicted by the others meanwhile
                        String[] old = mine.poll();
                        for (int k = 1; k < 3; k++) {
                            Continuation c = sessions.resolve(old[k]);
                            if (c != null) {
                                opened.incrementAndGet();
                                if (!c.session().callId().equals(old[0])) {
                                    wrong.incrementAndGet();
                                }
                                if (i % 2 == 0) {
                                    sessions.end(c.session());
                                }
                            }
                        }
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        assertEquals(0, wrong.get(), "a token opened another call");
        assertTrue(opened.get() > 0, "some old calls were still there to open");
        assertTrue(sessions.size() <= 64, "size " + sessions.size());
        assertTrue(sessions.slotsForTest() <= 64);
    }

    static String eventsToken(CallSession s) {
        StringBuilder b = new StringBuilder();
        s.appendEventsToken(b);
        return b.toString();
    }

    static String digitsToken(CallSession s, String nodeId) {
        StringBuilder b = new StringBuilder();
        s.appendDigitsToken(nodeId, b);
        return b.toString();
    }

    @Test
    void aFullStoreEvictsTheCallIdleLongestNotTheOldestAndCountsIt() {
        ManualClock clock = new ManualClock();
        CallSessions sessions = new CallSessions(3, Duration.ofHours(1), clock);
        CallSession a = sessions.start("a", Flow.empty());
        clock.advance(Duration.ofMillis(10));
        CallSession b = sessions.start("b", Flow.empty());
        clock.advance(Duration.ofMillis(10));
        CallSession c = sessions.start("c", Flow.empty());
        clock.advance(Duration.ofMillis(10));
        sessions.touch(a); // the oldest call is the most recently active one
        String aToken = eventsToken(a);
        String bToken = eventsToken(b);
        clock.advance(Duration.ofMillis(10));
        sessions.start("d", Flow.empty());
        assertEquals(3, sessions.size());
        assertNull(sessions.resolve(bToken), "b was idle longest");
        assertNotNull(sessions.resolve(aToken));
        assertEquals(1, sessions.evicted());
        clock.advance(Duration.ofMillis(10));
        sessions.start("e", Flow.empty());
        assertTrue(c.ended(), "then c");
        assertNotNull(sessions.resolve(aToken));
        assertEquals(2, sessions.evicted());
    }

    @Test
    void aCallActiveLongAgoGoesBeforeANewCallThatHasNotBeenActiveYet() {
        ManualClock clock = new ManualClock();
        CallSessions sessions = new CallSessions(2, Duration.ofHours(1), clock);
        CallSession answered = sessions.start("answered", Flow.empty());
        clock.advance(Duration.ofMillis(10));
        sessions.touch(answered); // its dtmf came at 10
        clock.advance(Duration.ofMillis(10));
        CallSession fresh = sessions.start("fresh", Flow.empty()); // started at 20, waits for its dtmf
        String freshToken = digitsToken(fresh, "g");
        clock.advance(Duration.ofMillis(10));
        sessions.start("next", Flow.empty());
        assertTrue(answered.ended(), "idle since 10");
        assertNotNull(sessions.resolve(freshToken), "active at 20 stays");
    }

    @Test
    void theStoreIsBoundedByBytesAsWellAsByCount() {
        CallSessions sessions = new CallSessions(10_000, 10 * 1000, Duration.ofHours(1), java.time.Clock.systemUTC());
        for (int i = 0; i < 100; i++) {
            sessions.start("c" + i, Flow.empty(), 1000);
        }
        assertEquals(10, sessions.size(), "10 calls of 1,000 bytes fill 10,000 bytes");
        assertTrue(sessions.bytes() <= 10_000, "bytes " + sessions.bytes());
        assertEquals(90, sessions.evicted());
        sessions.start("big", Flow.empty(), 5000);
        assertEquals(6, sessions.size());
    }

    @Test
    void aRunningCallIdCannotStartASecondCallButAnEndedOneMay() {
        CallSessions sessions = new CallSessions(10, Duration.ofHours(1));
        CallSession first = sessions.start("same", Flow.empty());
        assertNull(sessions.start("same", Flow.empty()), "a repeated newCall starts nothing");
        assertEquals(1, sessions.size());
        assertEquals(0, sessions.evicted());
        assertNotNull(sessions.start("", Flow.empty()));
        assertNotNull(sessions.start("", Flow.empty()), "calls without an id are not matched to each other");
        sessions.end(first);
        assertNotNull(sessions.start("same", Flow.empty()), "after its hangup the id may come again");
    }
}
