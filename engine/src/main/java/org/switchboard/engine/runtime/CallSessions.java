package org.switchboard.engine.runtime;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.switchboard.engine.flow.Flow;

/**
 * The running calls and their callback tokens. Bounded: when {@code maxSessions} is reached the oldest session is
 * dropped (its tokens stop working), so memory stays flat however many calls arrive and whether or not sipgate
 * ever sends their hangup. Sessions idle for longer than the timeout expire on the next sweep or lookup.
 */
public final class CallSessions {

    private final int maxSessions;
    private final long idleNanos;
    private final LongSupplier clock;
    private final Map<String, Continuation> tokens = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentLinkedQueue<CallSession> byAge = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();

    public CallSessions(int maxSessions, Duration idleTimeout) {
        this(maxSessions, idleTimeout, System::nanoTime);
    }

    CallSessions(int maxSessions, Duration idleTimeout, LongSupplier clock) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
        this.maxSessions = maxSessions;
        this.idleNanos = idleTimeout.toNanos();
        this.clock = clock;
    }

    CallSession start(String callId, Flow flow) {
        // the id is not a credential (it never leaves the process), so a counter does; the age queue is the only
        // index of sessions, which saves a map update per call on the push path
        CallSession session = new CallSession(ids.incrementAndGet(), callId, flow, clock.getAsLong());
        byAge.add(session);
        queued.incrementAndGet();
        if (count.incrementAndGet() > maxSessions) {
            evictOldest();
        }
        if (queued.get() > compactionThreshold()) {
            compactQueue();
        }
        return session;
    }

    private void evictOldest() {
        while (count.get() > maxSessions) {
            CallSession oldest = byAge.poll();
            if (oldest == null) {
                return;
            }
            queued.decrementAndGet();
            remove(oldest);
        }
    }

    /** A token that resumes the call at the given node (digits) or for its events. */
    String issue(CallSession session, String nodeId, Continuation.Kind kind) {
        String token = Tokens.next();
        tokens.put(token, new Continuation(session, nodeId, kind, token));
        session.addToken(token);
        return token;
    }

    /** The continuation for a token, or {@code null} when it is unknown, used up or its call has expired. */
    Continuation resolve(String token) {
        if (!Tokens.wellFormed(token)) {
            return null;
        }
        Continuation c = tokens.get(token);
        if (c == null) {
            return null;
        }
        CallSession s = c.session();
        if (s.ended() || expired(s, clock.getAsLong())) {
            remove(s);
            return null;
        }
        return c;
    }

    /** Makes a digits token single-use, so a replayed dtmf push cannot steer the call again. */
    boolean consume(Continuation c) {
        boolean removed = tokens.remove(c.token(), c);
        if (removed) {
            c.session().removeToken(c.token());
        }
        return removed;
    }

    void end(CallSession session) {
        session.end();
        remove(session);
    }

    private void remove(CallSession session) {
        if (session.markRemoved()) {
            count.decrementAndGet();
            session.end();
            List<String> issued = session.takeTokens();
            for (int i = 0; i < issued.size(); i++) {
                tokens.remove(issued.get(i));
            }
        }
    }

    /**
     * Ended sessions stay in the age queue until they reach its head (removing from the middle is linear); this
     * drops them in one amortised pass once they are about half of it.
     */
    private synchronized void compactQueue() {
        if (queued.get() > compactionThreshold()) {
            byAge.removeIf(CallSession::ended);
            queued.set(byAge.size());
        }
    }

    /**
     * Compact once at least half the queue is ended calls (plus some slack): still amortised constant time per call,
     * and ended calls (about a kilobyte each) no longer pile up to twice the bound when calls end normally.
     */
    private int compactionThreshold() {
        return 2 * count.get() + 1024;
    }

    private boolean expired(CallSession s, long now) {
        return now - s.lastActiveNanos() > idleNanos;
    }

    /**
     * Drops sessions idle for longer than the timeout, and takes ended ones out of the age queue; called periodically
     * by the engine. (The count of queued sessions may then be too high until the next compaction, which only makes
     * that come sooner.)
     */
    public int sweep() {
        long now = clock.getAsLong();
        int removed = 0;
        for (Iterator<CallSession> it = byAge.iterator(); it.hasNext(); ) {
            CallSession s = it.next();
            if (s.ended()) {
                it.remove(); // a call that ended: drop it from the age queue now rather than when it reaches the head
            } else if (expired(s, now)) {
                remove(s);
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    public int size() {
        return count.get();
    }

    /** How many entries the age queue holds, ended calls included (for tests). */
    int queuedForTest() {
        return byAge.size();
    }

    int tokenCount() {
        return tokens.size();
    }

    void touch(CallSession session) {
        session.touch(clock.getAsLong());
    }
}
