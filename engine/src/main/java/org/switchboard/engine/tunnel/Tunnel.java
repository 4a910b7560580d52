package org.switchboard.engine.tunnel;

import java.util.function.Consumer;

/**
 * A public HTTPS address for a local port, so that sipgate can reach a server that listens on 127.0.0.1 only.
 * {@link #open} blocks until the tunnel is online and returns its public URL; afterwards the tunnel reports what
 * happens to it (a dropped connection, a new address after a restart, a failure) as {@link TunnelStatus} events to
 * its listeners. {@link #close} takes it offline and stops whatever process carries it. Implementations are
 * thread-safe; listeners are called on an internal thread and must not block.
 */
public interface Tunnel extends AutoCloseable {

    /**
     * Opens the tunnel to {@code http://localhost:localPort}.
     *
     * @return the public HTTPS URL, without a trailing slash
     * @throws TunnelException with the {@link TunnelProblem} and a plain explanation when it cannot go online
     */
    String open(int localPort) throws TunnelException;

    /** The current state. */
    TunnelStatus status();

    /** Adds a listener for every later status change. */
    void addListener(Consumer<TunnelStatus> listener);

    /** Takes the tunnel offline and stops its process; does nothing if it is not open. */
    @Override
    void close();
}
