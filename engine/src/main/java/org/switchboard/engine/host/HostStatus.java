package org.switchboard.engine.host;

/**
 * What a {@link FlowHost} is doing, as a plain value for a status line or pill: its {@link State}, the port of the
 * webhook listener (or -1), the public URL while online (else {@code null}) and, for {@link State#ERROR} and
 * {@link State#RECONNECTING}, the reason in plain words (else {@code null}).
 */
public record HostStatus(State state, int port, String publicUrl, String reason) {

    /** The states in the order a host usually goes through them. */
    public enum State { STOPPED, STARTING, RUNNING, ONLINE, RECONNECTING, ERROR }

    public static HostStatus stopped() {
        return new HostStatus(State.STOPPED, -1, null, null);
    }

    public static HostStatus starting(int port) {
        return new HostStatus(State.STARTING, port, null, null);
    }

    public static HostStatus running(int port) {
        return new HostStatus(State.RUNNING, port, null, null);
    }

    public static HostStatus online(int port, String url) {
        return new HostStatus(State.ONLINE, port, url, null);
    }

    public static HostStatus reconnecting(int port, String url, String reason) {
        return new HostStatus(State.RECONNECTING, port, url, reason);
    }

    public static HostStatus error(int port, String reason) {
        return new HostStatus(State.ERROR, port, null, reason);
    }

    /** Whether the webhook listener takes pushes in this state. */
    public boolean serving() {
        return state == State.RUNNING || state == State.ONLINE || state == State.RECONNECTING;
    }
}
