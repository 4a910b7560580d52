package org.switchboard.engine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.sipgate.SignatureVerifier;

/**
 * The embedded webhook server: Jetty 12 (core API, no servlets) in front of a {@link FlowEngine}. It answers sipgate
 * pushes on the engine's webhook paths and callback URLs and the flow's local sounds under
 * {@code /sounds/}, and nothing else (see {@link PushHandler} and {@link SoundHandler} for the rules and
 * {@link PlainErrors} for error answers). The route table belongs to the
 * engine, so {@link #deploy} is the engine's atomic swap. The server does not own the engine: closing the server
 * leaves the engine (and its calls) alone. Hardened for the internet: a connection limit and a long accept queue,
 * a deadline for reading each whole request ({@link ReadDeadline}), per-source limits ({@link ServerLimits}), and a
 * stop that lets requests in flight finish within a short grace time. An optional second listener on the loopback
 * address answers {@code /health} with details ({@link ServerOptions#statusPort}).
 * Typical use: {@code try (var s = new SwitchboardServer(options,
 * engine)) { s.start(); ... }}.
 */
public final class SwitchboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardServer.class);
    private final ServerOptions options;
    private final FlowEngine engine;
    private final Server jetty;
    private final ServerConnector connector;
    private final ServerConnector statusConnector;
    private final PushHandler handler;
    /** Takes requests handed over inside this process; null unless {@link #acceptInProcess} added it. */
    private LocalConnector inProcess;

    public SwitchboardServer(ServerOptions options, FlowEngine engine) {
        this.options = Objects.requireNonNull(options, "options");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.handler = new PushHandler(engine, options);
        this.jetty = build(options, new SoundHandler(engine, handler));
        this.connector = (ServerConnector) jetty.getConnectors()[0];
        this.statusConnector = jetty.getConnectors().length > 1 ? (ServerConnector) jetty.getConnectors()[1] : null;
        handler.setStatusConnector(statusConnector);
    }

    /** The one place that sets Jetty up. */
    private static Server build(ServerOptions options, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(options.maxThreads(), 2);
        threads.setName("switchboard-http");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // a request counts as in flight (and is finished at a stop) from its head on, not from its body's arrival
        http.setDelayDispatchUntilContent(false);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        ServerLimits limits = options.limits();
        connector.setHost(options.bindAddress());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        connector.setAcceptQueueSize(limits.acceptQueue());
        jetty.addConnector(connector);
        if (options.statusPort() >= 0) {
            ServerConnector status = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
            status.setHost(InetAddress.getLoopbackAddress().getHostAddress());
            status.setPort(options.statusPort());
            status.setIdleTimeout(options.idleTimeout().toMillis());
            jetty.addConnector(status);
        }
        jetty.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        jetty.addBean(new ReadDeadline(connector, limits.readDeadline()));
        // requests in flight finish at a stop (new ones on open connections get 503); idle keep-alive connections
        // do not hold the stop up
        GracefulHandler graceful = new GracefulHandler(handler);
        // while stopping, a connection whose request is still arriving may pause as long as the grace time (Jetty's
        // default of one second would cut off a slow but legitimate push mid-body)
        graceful.setShutdownIdleTimeout(Math.max(1000, limits.stopGrace().toMillis()));
        jetty.setHandler(graceful);
        jetty.setErrorHandler(new PlainErrors());
        jetty.setStopTimeout(limits.stopGrace().toMillis());
        return jetty;
    }

    /**
     * Also takes requests handed to it inside this process ({@link #answerInProcess}); call before {@link #start}.
     * They go through the same HTTP parsing, handlers, limits per source (a request from inside the process is the
     * local machine) and error answers as the listener's requests; only the socket, and the connection limits that
     * guard it, are left out. {@code switchboard-engine test} runs its test calls this way, so that a short
     * command-line run needs no HTTP client (whose start took a good part of it; docs/benchmarks.md, "Test calls").
     */
    public SwitchboardServer acceptInProcess() {
        if (jetty.isStarted()) {
            throw new IllegalStateException("acceptInProcess() must come before start()");
        }
        if (inProcess == null) {
            HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
            inProcess = new LocalConnector(jetty, new HttpConnectionFactory(http));
            inProcess.setIdleTimeout(options.idleTimeout().toMillis());
            jetty.addConnector(inProcess);
        }
        return this;
    }

    /**
     * Answers one raw HTTP/1.1 request handed over inside this process (see {@link #acceptInProcess}) and returns the
     * whole response as the server sent it.
     *
     * @throws IOException when no complete response came within {@code timeout}, or the server is not running
     */
    public ByteBuffer answerInProcess(ByteBuffer request, Duration timeout) throws IOException, InterruptedException {
        if (inProcess == null) {
            throw new IllegalStateException("This server does not take requests in-process (see acceptInProcess)");
        }
        ByteBuffer response;
        try {
            response = inProcess.getResponse(request, false, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | IOException e) {
            throw e;
        } catch (Exception e) { // Jetty declares Exception: a stopped connector, a response it cannot parse
            throw new IOException(String.valueOf(e.getMessage()), e);
        }
        if (response == null) {
            throw new IOException("No complete answer within " + timeout.toMillis() + " ms");
        }
        return response;
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

    /** The local status listener's URL ({@code http://127.0.0.1:PORT}), or null when there is none. */
    public String statusUrl() {
        return statusConnector == null ? null : "http://" + statusConnector.getHost() + ":"
                + statusConnector.getLocalPort();
    }

    /** Push log lines dropped so far because standard error did not take them (blocked or too slow). */
    public long droppedLogLines() {
        return handler.droppedLogLines();
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

    /**
     * Turns the signature check on with {@code verifier}, or off with {@code null}, for every push from now on (the
     * options' setting is where it starts): going online turns it on without a restart.
     */
    public void setSignatureCheck(SignatureVerifier verifier) {
        handler.setVerifier(verifier);
    }

    /** Whether pushes must carry a valid signature now. */
    public boolean verifiesSignatures() {
        return handler.verifiesSignatures();
    }

    public boolean isRunning() {
        return jetty.isRunning();
    }

    /**
     * Stops taking connections, lets requests in flight finish (up to the grace time of {@link ServerLimits}) and
     * releases the port. The engine stays open.
     */
    @Override
    public void close() {
        if (jetty.isStarted()) {
            connector.setAccepting(false);
            ReadDeadline.closeIdle(connector); // keep-alive connections between requests would hold the stop up
        }
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
