package org.switchboard.engine.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.nodes.CallEvent;
import org.switchboard.engine.nodes.CallField;

/**
 * One call from newCall to hangup: the flow version it started on (a redeploy never changes a running call), the
 * facts sipgate sent so far, which nodes want to hear about answer and hangup, and the secrets of its callback
 * tokens. A session is touched by one push at a time in practice, but sipgate may overlap pushes, so all mutation is
 * synchronised on the session.
 *
 * <p>Kept small on purpose: the store holds up to ten thousand of them, and under a flood of calls that never hang
 * up they are what fills the heap. So the facts are an array by field, and the token secrets are plain longs (the
 * token text is rebuilt from the slot and the secret when a URL is written).
 */
public final class CallSession {

    private static final CallField[] FIELDS = CallField.values();

    /** A node output that continues when an event arrives. */
    record Subscription(String nodeId, CallEvent event) {
    }

    private final int slot;
    private final String callId;
    private final Flow flow;
    private final String[] facts = new String[FIELDS.length];
    /** Few (a Dial adds two), so a list with a contains check; null until the first, which most calls never get. */
    private List<Subscription> subscriptions;
    private volatile long lastActiveMillis;
    private volatile boolean ended;
    /** Set by the store, under its lock, when it drops the session. */
    private boolean removed;
    /** The store's estimate of the bytes this session keeps; set under its lock. */
    int weight;
    /** Neighbours in the store's list ordered by last activity (idle longest first); under the store's lock. */
    CallSession older;
    CallSession newer;
    private boolean hasEvents;
    private long eventsHi;
    private long eventsLo;
    /** Open digits callbacks: the Gather node of each and its secret; null until the first Gather. */
    private String[] digitsNodes;
    private long[] digitsSecrets;
    private int digitsCount;

    CallSession(int slot, String callId, Flow flow, long nowMillis) {
        this.slot = slot;
        this.callId = callId;
        this.flow = flow;
        this.lastActiveMillis = nowMillis;
    }

    /** The session's place in the store, named by its tokens; reused by a later call once this one is gone. */
    int slot() {
        return slot;
    }

    public String callId() {
        return callId;
    }

    public Flow flow() {
        return flow;
    }

    public boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }

    /** Marks the session as dropped; true only for the first caller. Called with the store's lock held. */
    boolean markRemoved() {
        if (removed) {
            return false;
        }
        removed = true;
        return true;
    }

    long lastActiveMillis() {
        return lastActiveMillis;
    }

    void touch(long nowMillis) {
        lastActiveMillis = nowMillis;
    }

    synchronized String fact(CallField field) {
        return facts[field.ordinal()];
    }

    synchronized void setFact(CallField field, String value) {
        int i = field.ordinal();
        if (value == null || !value.equals(facts[i])) { // every push repeats the call id: keep one copy per call
            facts[i] = value;
        }
    }

    synchronized void subscribe(Subscription s) {
        if (subscriptions == null) {
            subscriptions = new ArrayList<>(2);
        }
        if (!subscriptions.contains(s)) {
            subscriptions.add(s);
        }
    }

    synchronized List<Subscription> subscriptions(CallEvent event) {
        if (subscriptions == null) {
            return List.of();
        }
        return subscriptions.stream().filter(s -> s.event() == event).toList();
    }

    /** Appends the token of the call's one answer/hangup callback, whose secret is made on first use. */
    synchronized void appendEventsToken(StringBuilder out) {
        if (!hasEvents) {
            eventsHi = Tokens.nextRandom();
            eventsLo = Tokens.nextRandom();
            hasEvents = true;
        }
        Tokens.append(out, slot, eventsHi, eventsLo);
    }

    /** Opens a digits callback that continues at a Gather node and appends its token. */
    synchronized void appendDigitsToken(String nodeId, StringBuilder out) {
        if (digitsNodes == null) {
            digitsNodes = new String[1];
            digitsSecrets = new long[2];
        } else if (digitsCount == digitsNodes.length) {
            digitsNodes = Arrays.copyOf(digitsNodes, digitsCount * 2);
            digitsSecrets = Arrays.copyOf(digitsSecrets, digitsCount * 4);
        }
        long hi = Tokens.nextRandom();
        long lo = Tokens.nextRandom();
        digitsNodes[digitsCount] = nodeId;
        digitsSecrets[2 * digitsCount] = hi;
        digitsSecrets[2 * digitsCount + 1] = lo;
        digitsCount++;
        Tokens.append(out, slot, hi, lo);
    }

    /**
     * The continuation a secret opens, or null when it is none of this call's. Every open secret is compared in
     * full, in constant time, whether or not an earlier one matched.
     */
    synchronized Continuation match(long hi, long lo) {
        Continuation found = null;
        if (hasEvents && Tokens.same(eventsHi, eventsLo, hi, lo)) {
            found = new Continuation(this, null, Continuation.Kind.EVENTS, hi, lo);
        }
        for (int i = 0; i < digitsCount; i++) {
            if (Tokens.same(digitsSecrets[2 * i], digitsSecrets[2 * i + 1], hi, lo) && found == null) {
                found = new Continuation(this, digitsNodes[i], Continuation.Kind.DIGITS, hi, lo);
            }
        }
        return found;
    }

    /** Closes a digits callback, so a replayed dtmf push cannot steer the call again; true only the first time. */
    synchronized boolean consumeDigits(long hi, long lo) {
        for (int i = 0; i < digitsCount; i++) {
            if (Tokens.same(digitsSecrets[2 * i], digitsSecrets[2 * i + 1], hi, lo)) {
                int last = digitsCount - 1;
                digitsNodes[i] = digitsNodes[last];
                digitsSecrets[2 * i] = digitsSecrets[2 * last];
                digitsSecrets[2 * i + 1] = digitsSecrets[2 * last + 1];
                digitsNodes[last] = null;
                digitsSecrets[2 * last] = 0;
                digitsSecrets[2 * last + 1] = 0;
                digitsCount = last;
                return true;
            }
        }
        return false;
    }

    /** How many callbacks would still open this call (for tests). */
    synchronized int openTokens() {
        return (hasEvents ? 1 : 0) + digitsCount;
    }
}
