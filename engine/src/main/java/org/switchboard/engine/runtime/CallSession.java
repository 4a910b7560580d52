package org.switchboard.engine.runtime;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.nodes.CallEvent;
import org.switchboard.engine.nodes.CallField;

/**
 * One call from newCall to hangup: the flow version it started on (a redeploy never changes a running call), the
 * facts sipgate sent so far, and which nodes want to hear about answer and hangup. A session is touched by one push
 * at a time in practice, but sipgate may overlap pushes, so all mutation is synchronised on the session.
 */
public final class CallSession {

    /** A node output that continues when an event arrives. */
    record Subscription(String nodeId, CallEvent event) {
    }

    private final long id;
    private final String callId;
    private final Flow flow;
    private final long startedAtMillis;
    private final Map<CallField, String> facts = new EnumMap<>(CallField.class);
    /** Few (a Dial adds two), so a list with a contains check; null until the first, which most calls never get. */
    private List<Subscription> subscriptions;
    /** Null once {@link #takeTokens} handed them over (the session is then gone from the store). */
    private List<String> tokens = new ArrayList<>(3);
    private volatile long lastActiveNanos;
    private volatile boolean ended;
    private boolean removed;
    private String eventsToken;

    CallSession(long id, String callId, Flow flow, long nowNanos) {
        this.id = id;
        this.callId = callId;
        this.flow = flow;
        this.startedAtMillis = System.currentTimeMillis();
        this.lastActiveNanos = nowNanos;
    }

    /** Unique among the calls of one engine; not secret (it never leaves the process). */
    public String id() {
        return Long.toString(id);
    }

    public String callId() {
        return callId;
    }

    public Flow flow() {
        return flow;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    public boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }

    /** Marks the session as dropped from the store; true only for the first caller. */
    synchronized boolean markRemoved() {
        if (removed) {
            return false;
        }
        removed = true;
        return true;
    }

    long lastActiveNanos() {
        return lastActiveNanos;
    }

    void touch(long nowNanos) {
        lastActiveNanos = nowNanos;
    }

    synchronized String fact(CallField field) {
        return facts.get(field);
    }

    synchronized void setFact(CallField field, String value) {
        if (value == null) {
            facts.remove(field);
        } else if (!value.equals(facts.get(field))) { // every push repeats the call id: keep one copy per call
            facts.put(field, value);
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

    synchronized void addToken(String token) {
        if (tokens == null) {
            tokens = new ArrayList<>(1);
        }
        tokens.add(token);
    }

    synchronized void removeToken(String token) {
        if (tokens != null) {
            tokens.remove(token);
        }
    }

    /**
     * Hands over the tokens issued so far and forgets them, for the store to drop when it removes the session: no
     * copy, which an evicting push would otherwise make for every call it pushes out.
     */
    synchronized List<String> takeTokens() {
        List<String> taken = tokens == null ? List.of() : tokens;
        tokens = null;
        return taken;
    }

    synchronized String eventsToken() {
        return eventsToken;
    }

    synchronized void setEventsToken(String token) {
        eventsToken = token;
    }
}
