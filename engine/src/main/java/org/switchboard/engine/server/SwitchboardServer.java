package org.switchboard.engine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.Objects;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.runtime.FlowEngine;

/**
 * The embedded webhook server: Jetty 12 (core API, no servlets) in front of a {@link FlowEngine}. It answers sipgate
 * pushes on the engine's webhook paths and callback URLs and {@code GET /health}, and nothing else (see
 * {@link PushHandler} for the rules and {@link PlainErrors} for error answers). The route table belongs to the
 * engine, so {@link #deploy} is the engine's atomic swap. The server does not own the engine: closing the server
 * leaves the engine (and its calls) alone. Typical use: {@code try (var s = new SwitchboardServer(options,
 * engine)) { s.start(); ... }}.
 */
public final class SwitchboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardServer.class);
    private final ServerOptions options;
    private final FlowEngine engine;
    private final Server jetty;
    private final ServerConnector connector;

    public SwitchboardServer(ServerOptions options, FlowEngine engine) {
        this.options = Objects.requireNonNull(options, "options");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.jetty = build(options, new PushHandler(engine, options));
        this.connector = (ServerConnector) jetty.getConnectors()[0];
    }

    /** The one place that sets Jetty up. */
    private static Server build(ServerOptions options, PushHandler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(options.maxThreads(), 2);
        threads.setName("switchboard-http");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.bindAddress());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        jetty.addConnector(connector);
        jetty.setHandler(handler);
        jetty.setErrorHandler(new PlainErrors());
        // no graceful wait: Jetty would hold idle keep-alive connections open for up to the stop timeout, and a push
        // takes well under a millisecond, so stopping at once loses nothing in practice
        jetty.setStopTimeout(0);
        return jetty;
    }

    /**
     * Binds and starts serving.
     *
     * @throws UncheckedIOException with a one-line message when the address cannot be bound (e.g. port in use)
     */
    public SwitchboardServer start() {
        startPaused();
        resume();
        return this;
    }

    /**
     * Binds the port and starts Jetty, but does not take connections yet: they wait in the operating system's queue
     * until {@link #resume}. Lets a caller start the server (a few hundred milliseconds when the JVM is cold) while it
     * loads and deploys the flow, without any push ever seeing a server that has no flow yet.
     *
     * @throws UncheckedIOException with a one-line message when the address cannot be bound (e.g. port in use)
     */
    public SwitchboardServer startPaused() {
        connector.setAccepting(false);
        try {
            jetty.start();
        } catch (IOException e) {
            stopQuietly();
            String where = options.bindAddress() + ":" + options.port();
            String why = e instanceof BindException || e.getCause() instanceof BindException
                    ? "the address is in use or not available" : String.valueOf(e.getMessage());
            throw new UncheckedIOException("Cannot listen on " + where + ": " + why, e);
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException("Cannot start the webhook server: " + e.getMessage(), e);
        }
        return this;
    }

    /** Starts taking connections (after {@link #startPaused}); harmless when already doing so. */
    public void resume() {
        connector.setAccepting(true);
        LOG.info("Webhook server listening on {}", url());
    }

    /** The port actually bound (useful with port 0), or -1 before {@link #start}. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://ADDRESS:PORT}, the server's own root URL. */
    public String url() {
        String host = options.bindAddress();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]"; // IPv6 literal
        }
        return "http://" + host + ":" + port();
    }

    public FlowEngine engine() {
        return engine;
    }

    public ServerOptions options() {
        return options;
    }

    /** Makes the flow live for new calls (the engine's atomic swap); running calls keep their version. */
    public void deploy(Flow flow) {
        engine.deploy(flow);
    }

    public boolean isRunning() {
        return jetty.isRunning();
    }

    /** Stops serving at once and releases the port. The engine stays open. */
    @Override
    public void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Webhook server did not stop cleanly: {}", e.toString());
        }
    }
}
