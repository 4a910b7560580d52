package org.switchboard.engine.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.switchboard.engine.flow.Flow;

/**
 * The running calls. Bounded by count and by bytes: when {@code maxSessions} calls run, or their estimated size
 * reaches {@code maxBytes}, the call idle longest is dropped (its callbacks stop working), so memory stays flat
 * however many calls arrive and whether or not sipgate ever sends their hangup. Such evictions are counted
 * ({@link #evicted()}) so that the server can say so. Sessions idle for longer than the timeout expire on the next
 * sweep or lookup. A call id that is running cannot start a second call ({@link #start} returns null), so a
 * replayed or repeated newCall neither duplicates nor evicts anything.
 *
 * <p>Each session sits in a slot of a table, and its callback tokens name that slot (see {@link Tokens}); so a
 * callback finds its call with one array read and a constant-time comparison of the secret, and issuing or dropping
 * tokens touches no shared map. Starting, touching and dropping calls take one lock (a handful of field updates);
 * looking a token up takes none. A freed slot is reused by a later call, whose secrets differ, so an old token never
 * opens it.
 */
public final class CallSessions {

    /** Default byte bound: well above 10,000 real calls (about 700 bytes each), far below the engine's heap. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    /** What a session costs besides its facts (object, arrays, token secrets), measured: see docs/benchmarks.md. */
    static final int BASE_BYTES = 400;

    private final int maxSessions;
    private final long maxBytes;
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
    /** Running sessions by last activity, a doubly linked list through the sessions: idle longest at the head. */
    private CallSession idlest;
    private CallSession busiest;
    /** Running calls by call id (calls without one are not in it), so a repeated newCall is found. */
    private final Map<String, CallSession> byCallId = new HashMap<>();
    private volatile int count;
    private long bytes;
    private volatile long evicted;
    /** Told the call id of every call given up (idle too long, or dropped because the store was full). */
    private volatile java.util.function.Consumer<String> onGivenUp = id -> { };

    public CallSessions(int maxSessions, Duration idleTimeout) {
        this(maxSessions, idleTimeout, Clock.systemUTC());
    }

    /** @param clock where idle time is read from (tests move it by hand instead of waiting) */
    public CallSessions(int maxSessions, Duration idleTimeout, Clock clock) {
        this(maxSessions, DEFAULT_MAX_BYTES, idleTimeout, clock);
    }

    CallSessions(int maxSessions, long maxBytes, Duration idleTimeout, Clock clock) {
        if (maxSessions < 1 || maxSessions > Tokens.MAX_SLOTS) {
            throw new IllegalArgumentException("maxSessions must be between 1 and " + Tokens.MAX_SLOTS);
        }
        if (maxBytes < BASE_BYTES) {
            throw new IllegalArgumentException("maxBytes must be at least " + BASE_BYTES);
        }
        this.maxSessions = maxSessions;
        this.maxBytes = maxBytes;
        this.idleMillis = idleTimeout.toMillis();
        this.clock = clock;
        this.slots = new AtomicReferenceArray<>(Math.min(maxSessions, 1024));
    }

    CallSession start(String callId, Flow flow) {
        return start(callId, flow, BASE_BYTES + 2 * callId.length());
    }

    /**
     * Starts a call that is estimated to keep {@code weight} bytes, dropping the calls idle longest while the store
     * is full by count or by bytes. Returns null, and changes nothing, when a call with the same non-empty id is
     * running.
     */
    CallSession start(String callId, Flow flow, int weight) {
        java.util.List<String> dropped = new java.util.ArrayList<>(1);
        CallSession started = startLocked(callId, flow, weight, dropped);
        dropped.forEach(onGivenUp); // outside the lock: a listener must not hold up other calls
        return started;
    }

    /**
     * Tells {@code listener} the call id of every call this store gives up without its hangup: idle for longer
     * than the timeout, or dropped while full. Called on the thread that gave it up, outside the store's lock.
     */
    void onGivenUp(java.util.function.Consumer<String> listener) {
        onGivenUp = listener == null ? id -> { } : listener;
    }

    private CallSession startLocked(String callId, Flow flow, int weight, java.util.List<String> dropped) {
        long now = clock.millis();
        synchronized (lock) {
            if (!callId.isEmpty()) {
                CallSession running = byCallId.get(callId);
                if (running != null && !running.ended()) {
                    return null;
                }
            }
            while (count > 0 && (count == maxSessions || bytes + weight > maxBytes)) {
                CallSession head = idlest;
                if (!evictIdlest()) {
                    break;
                }
                if (!head.callId().isEmpty()) {
                    dropped.add(head.callId());
                }
            }
            int slot = freeCount > 0 ? free[--freeCount] : fresh++;
            AtomicReferenceArray<CallSession> table = slots;
            if (slot == table.length()) {
                table = grow(table);
            }
            CallSession session = new CallSession(slot, callId, flow, now);
            session.weight = weight;
            table.set(slot, session);
            append(session);
            if (!callId.isEmpty()) {
                byCallId.put(callId, session);
            }
            count++;
            bytes += weight;
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

    /** Drops the call idle longest (the head of the activity list); false when there is none. */
    private boolean evictIdlest() {
        CallSession head = idlest;
        if (head == null || !removeLocked(head)) {
            return false;
        }
        evicted++;
        return true;
    }

    private void append(CallSession session) {
        session.older = busiest;
        session.newer = null;
        if (busiest == null) {
            idlest = session;
        } else {
            busiest.newer = session;
        }
        busiest = session;
    }

    private void unlink(CallSession session) {
        if (session.older == null) {
            idlest = session.newer;
        } else {
            session.older.newer = session.newer;
        }
        if (session.newer == null) {
            busiest = session.older;
        } else {
            session.newer.older = session.older;
        }
        session.older = null;
        session.newer = null;
    }

    /** How many running calls were dropped because the store was full (not counting expiry or hangup). */
    public long evicted() {
        return evicted;
    }

    /** The estimated bytes the running calls keep (for tests and the status page). */
    public long bytes() {
        synchronized (lock) {
            return bytes;
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
        unlink(session);
        count--;
        bytes -= session.weight;
        if (!session.callId().isEmpty()) {
            byCallId.remove(session.callId(), session);
        }
        return true;
    }

    private boolean expired(CallSession s, long now) {
        return now - s.lastActiveMillis() > idleMillis;
    }

    /** Drops sessions idle for longer than the timeout; called periodically by the engine. Returns how many. */
    public int sweep() {
        long now = clock.millis();
        java.util.List<String> dropped = new java.util.ArrayList<>();
        int removed = 0;
        synchronized (lock) {
            while (idlest != null && expired(idlest, now)) { // the list is in order of last activity
                CallSession head = idlest;
                removeLocked(head);
                removed++;
                if (!head.callId().isEmpty()) {
                    dropped.add(head.callId());
                }
            }
        }
        dropped.forEach(onGivenUp);
        return removed;
    }

    public int size() {
        return count;
    }

    /** How many sessions the activity list holds (for tests: exactly the running ones). */
    int queuedForTest() {
        synchronized (lock) {
            int n = 0;
            for (CallSession s = idlest; s != null; s = s.newer) {
                n++;
            }
            return n;
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

    /** Marks the call active now: it moves to the end of the activity list, so it is evicted last. */
    void touch(CallSession session) {
        synchronized (lock) {
            session.touch(clock.millis());
            if (!session.ended() && table(session)) {
                unlink(session);
                append(session);
            }
        }
    }

    /** Whether the session is still in its slot (not dropped); under the lock. */
    private boolean table(CallSession session) {
        return slots.get(session.slot()) == session;
    }
}
