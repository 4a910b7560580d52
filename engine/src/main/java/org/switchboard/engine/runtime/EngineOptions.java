package org.switchboard.engine.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.switchboard.engine.nodes.NodeTypes;

/**
 * Settings of a {@link FlowEngine}: the public base URL used in callback URLs, how many calls are kept, how long an
 * idle call is kept, how running calls are controlled (RTCM), who hears about calls, which node types it knows, and
 * the clock it reads the time from (idle expiry, time-based nodes; tests pass a clock they move by hand).
 */
public record EngineOptions(String baseUrl, int maxSessions, Duration idleTimeout, CallControl callControl,
                            CallEventListener listener, NodeTypes types, Clock clock) {

    public static final int DEFAULT_MAX_SESSIONS = 10_000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(4);

    public EngineOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        callControl = callControl == null ? CallControl.UNCONFIGURED : callControl;
        listener = listener == null ? CallEventListener.NONE : listener;
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
        types = types == null ? NodeTypes.standard() : types;
        clock = clock == null ? Clock.systemDefaultZone() : clock;
    }

    /** The standard node types and the system clock. */
    public EngineOptions(String baseUrl, int maxSessions, Duration idleTimeout, CallControl callControl,
                         CallEventListener listener) {
        this(baseUrl, maxSessions, idleTimeout, callControl, listener, null, null);
    }

    public static EngineOptions defaults(String baseUrl) {
        return new EngineOptions(baseUrl, DEFAULT_MAX_SESSIONS, DEFAULT_IDLE_TIMEOUT, null, null);
    }

    public EngineOptions withListener(CallEventListener l) {
        return new EngineOptions(baseUrl, maxSessions, idleTimeout, callControl, l, types, clock);
    }

    public EngineOptions withCallControl(CallControl c) {
        return new EngineOptions(baseUrl, maxSessions, idleTimeout, c, listener, types, clock);
    }

    public EngineOptions withTypes(NodeTypes t) {
        return new EngineOptions(baseUrl, maxSessions, idleTimeout, callControl, listener, t, clock);
    }

    public EngineOptions withClock(Clock c) {
        return new EngineOptions(baseUrl, maxSessions, idleTimeout, callControl, listener, types, c);
    }
}
