package org.switchboard.engine.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link FlowEngine}: the public base URL used in callback URLs, how many calls are kept, how long an
 * idle call is kept, how running calls are controlled (RTCM), and who hears about calls.
 */
public record EngineOptions(String baseUrl, int maxSessions, Duration idleTimeout, CallControl callControl,
                            CallEventListener listener) {

    public static final int DEFAULT_MAX_SESSIONS = 10_000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(4);

    public EngineOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        callControl = callControl == null ? CallControl.UNCONFIGURED : callControl;
        listener = listener == null ? CallEventListener.NONE : listener;
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
    }

    public static EngineOptions defaults(String baseUrl) {
        return new EngineOptions(baseUrl, DEFAULT_MAX_SESSIONS, DEFAULT_IDLE_TIMEOUT, null, null);
    }

    public EngineOptions withListener(CallEventListener l) {
        return new EngineOptions(baseUrl, maxSessions, idleTimeout, callControl, l);
    }

    public EngineOptions withCallControl(CallControl c) {
        return new EngineOptions(baseUrl, maxSessions, idleTimeout, c, listener);
    }
}
