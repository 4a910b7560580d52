package org.switchboard.engine.tunnel;

/**
 * What a {@link Tunnel} is doing, as plain events: {@link Starting}, {@link Online} with the public URL,
 * {@link Reconnecting} after the connection dropped, {@link Offline} after it was closed, or {@link Error} with the
 * kind of problem and a message that says what to do.
 */
public sealed interface TunnelStatus {

    /** One line for a status bar or a log, e.g. "Online: https://…". */
    String describe();

    /** The agent is being started and the tunnel opened. */
    record Starting() implements TunnelStatus {
        @Override
        public String describe() {
            return "Starting the tunnel";
        }
    }

    /** Online at {@code url} (HTTPS, no trailing slash). */
    record Online(String url) implements TunnelStatus {
        @Override
        public String describe() {
            return "Online: " + url;
        }
    }

    /** The connection dropped; attempt {@code attempt} to get it back is under way. */
    record Reconnecting(int attempt, String reason) implements TunnelStatus {
        @Override
        public String describe() {
            return "Reconnecting (attempt " + attempt + "): " + reason;
        }
    }

    /** Closed on purpose; the agent is stopped. */
    record Offline() implements TunnelStatus {
        @Override
        public String describe() {
            return "Offline";
        }
    }

    /** Could not go or stay online; {@code message} explains it in plain words with the fix. */
    record Error(TunnelProblem problem, String message) implements TunnelStatus {
        @Override
        public String describe() {
            return "Error: " + message;
        }
    }
}
