package org.switchboard.engine.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.switchboard.engine.flow.Flow;

/**
 * The running calls. Bounded: when {@code maxSessions} is reached the oldest session is dropped (its callbacks stop
 * working), so memory stays flat however many calls arrive and whether or not sipgate ever sends their hangup.
 * Sessions idle for longer than the timeout expire on the next sweep or lookup.
 *
 * <p>Each session sits in a slot of a table, and its callback tokens name that slot (see {@link Tokens}); so a
 * callback finds its call with one array read and a constant-time comparison of the secret, and issuing or dropping
 * tokens touches no shared map. Starting and dropping calls take one lock (a handful of field updates); looking a
 * token up takes none. A freed slot is reused by a later call, whose secrets differ, so an old token never opens it.
 */
public final class CallSessions {

    private final int maxSessions;
    private final long idleMillis;
    private final Clock clock;
    private final Object lock = new Object();
    /** Grows by doubling up to {@code maxSessions}; replaced under the lock, read without it. */
    private volatile AtomicReferenceArray<CallSession> slots;
    /** Freed slots, reused last-in first-out (a warm slot's table entry is likely still in the cache). */
    private int[] free = new int[16];
    private int freeCount;
    /** Slots below this have been handed out at least once. */
    private int fresh;
    /** Sessions oldest first, dropped ones included until they reach the head or the queue is compacted. */
    private final ArrayDeque<CallSession> byAge = new ArrayDeque<>();
    private volatile int count;

    public CallSessions(int maxSessions, Duration idleTimeout) {
        this(maxSessions, idleTimeout, Clock.systemUTC());
    }

    /** @param clock where idle time is read from (tests move it by hand instead of waiting) */
    public CallSessions(int maxSessions, Duration idleTimeout, Clock clock) {
        if (maxSessions < 1 || maxSessions > Tokens.MAX_SLOTS) {
            throw new IllegalArgumentException("maxSessions must be between 1 and " + Tokens.MAX_SLOTS);
        }
        this.maxSessions = maxSessions;
        this.idleMillis = idleTimeout.toMillis();
        this.clock = clock;
        this.slots = new AtomicReferenceArray<>(Math.min(maxSessions, 1024));
    }

    CallSession start(String callId, Flow flow) {
        long now = clock.millis();
        synchronized (lock) {
            if (count == maxSessions) {
                evictOldest();
            }
            int slot = freeCount > 0 ? free[--freeCount] : fresh++;
            AtomicReferenceArray<CallSession> table = slots;
            if (slot == table.length()) {
                table = grow(table);
            }
            CallSession session = new CallSession(slot, callId, flow, now);
            table.set(slot, session);
            byAge.addLast(session);
            count++;
            if (byAge.size() > compactionThreshold()) {
                byAge.removeIf(CallSession::ended);
            }
            return session;
        }
    }

    private AtomicReferenceArray<CallSession> grow(AtomicReferenceArray<CallSession> table) {
        AtomicReferenceArray<CallSession> bigger =
                new AtomicReferenceArray<>(Math.min(maxSessions, table.length() * 2));
        for (int i = 0; i < table.length(); i++) {
            bigger.set(i, table.get(i));
        }
        slots = bigger;
        return bigger;
    }

    private void evictOldest() {
        CallSession oldest;
        while ((oldest = byAge.pollFirst()) != null) {
            if (removeLocked(oldest)) {
                return;
            }
        }
    }

    /** The continuation for a token, or {@code null} when it is unknown, used up or its call has expired. */
    Continuation resolve(String token) {
        int slot = Tokens.slot(token);
        AtomicReferenceArray<CallSession> table = slots;
        if (slot < 0 || slot >= table.length()) {
            return null;
        }
        CallSession s = table.get(slot);
        if (s == null) {
            return null;
        }
        Continuation c = s.match(Tokens.hi(token), Tokens.lo(token));
        if (c == null) {
            return null;
        }
        if (s.ended() || expired(s, clock.millis())) {
            remove(s);
            return null;
        }
        return c;
    }

    /** Makes a digits callback single-use, so a replayed dtmf push cannot steer the call again. */
    boolean consume(Continuation c) {
        return c.session().consumeDigits(c.hi(), c.lo());
    }

    void end(CallSession session) {
        session.end();
        remove(session);
    }

    private void remove(CallSession session) {
        synchronized (lock) {
            removeLocked(session);
        }
    }

    /** Drops a session from its slot; false when it was dropped before. */
    private boolean removeLocked(CallSession session) {
        if (!session.markRemoved()) {
            return false;
        }
        session.end();
        int slot = session.slot();
        slots.compareAndSet(slot, session, null);
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
        count--;
        return true;
    }

    /**
     * Compact the age queue once at least half of it is ended calls (plus some slack): amortised constant time per
     * call, and ended calls no longer pile up to twice the bound when calls end normally. (Removing from the middle
     * of the queue at every hangup would be linear.)
     */
    private int compactionThreshold() {
        return 2 * count + 1024;
    }

    private boolean expired(CallSession s, long now) {
        return now - s.lastActiveMillis() > idleMillis;
    }

    /**
     * Drops sessions idle for longer than the timeout, and takes ended ones out of the age queue; called periodically
     * by the engine. Returns how many expired.
     */
    public int sweep() {
        long now = clock.millis();
        int removed = 0;
        synchronized (lock) {
            for (Iterator<CallSession> it = byAge.iterator(); it.hasNext(); ) {
                CallSession s = it.next();
                if (s.ended()) {
                    // a call that ended: drop it from the age queue now rather than when it reaches the head
                    it.remove();
                } else if (expired(s, now)) {
                    removeLocked(s);
                    it.remove();
                    removed++;
                }
            }
        }
        return removed;
    }

    public int size() {
        return count;
    }

    /** How many entries the age queue holds, ended calls included (for tests). */
    int queuedForTest() {
        synchronized (lock) {
            return byAge.size();
        }
    }

    /** How many callback tokens would still open a call (for tests). */
    int tokenCount() {
        AtomicReferenceArray<CallSession> table = slots;
        int n = 0;
        for (int i = 0; i < table.length(); i++) {
            CallSession s = table.get(i);
            if (s != null) {
                n += s.openTokens();
            }
        }
        return n;
    }

    /** How many slots the table has (for tests: it must not outgrow the bound). */
    int slotsForTest() {
        return slots.length();
    }

    void touch(CallSession session) {
        session.touch(clock.millis());
    }
}
