package org.switchboard.engine.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.engine.calllog.CallLog;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.runtime.CallEventListener;
import org.switchboard.engine.runtime.EngineSetup;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.runtime.RuntimeEvent;
import org.switchboard.engine.server.ServerOptions;
import org.switchboard.engine.server.SwitchboardServer;
import org.switchboard.engine.sipgate.SignatureVerifier;
import org.switchboard.engine.tunnel.OnlineSession;
import org.switchboard.engine.tunnel.Tunnel;
import org.switchboard.engine.tunnel.TunnelException;
import org.switchboard.engine.tunnel.TunnelStatus;

/**
 * A flow being served: the one implementation of starting, serving, deploying, going online and stopping that the
 * headless {@code run} command and the desktop app's Run button share. It owns the engine's set-up from the user's
 * settings ({@link EngineSetup}: the sipgate token for Hang up call nodes), the {@link FlowEngine}, the embedded
 * {@link SwitchboardServer}, the optional call log and the optional {@link OnlineSession} (a tunnel).
 *
 * <p>Life cycle: {@link #begin} binds the port in the background while the caller loads its flow; {@link #deploy}
 * makes a flow live (at any time, also while serving: calls in progress keep the version they started with);
 * {@link #serve} waits for the port and starts taking connections; {@link #goOnline} opens a tunnel (before or after
 * {@code serve}); {@link #close} stops everything, letting requests in flight finish. {@link #start} does the first
 * three in one step. Runtime events go to every {@linkplain #addListener listener}; state changes
 * ({@link HostStatus}) to every {@linkplain #addStatusListener status listener}. Listeners are called on server or
 * tunnel threads and must not block. Thread-safe.
 */
public final class FlowHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowHost.class);

    private final HostOptions options;
    private final EngineSetup setup;
    private final CallLog callLog;
    private final FlowEngine engine;
    private final CompletableFuture<SwitchboardServer> starting;
    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<HostStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile HostStatus status;
    private volatile boolean serving;
    private volatile OnlineSession online;
    private volatile boolean closed;

    private FlowHost(HostOptions options, EngineSetup setup, CallLog callLog) {
        this.options = options;
        this.setup = setup;
        this.callLog = callLog;
        this.status = HostStatus.starting(options.port());
        this.engine = new FlowEngine(setup.options().withListener(this::publish));
        ServerOptions base = ServerOptions.defaults().withBindAddress(options.bindAddress()).withPort(options.port())
                .withStatusPort(options.statusPort());
        ServerOptions serverOptions = options.verifier() == null ? base : base.withSignatureCheck(options.verifier());
        // setting up and starting Jetty is the slowest step of a cold start: it runs while the caller loads its flow,
        // and takes no connection before serve()
        this.starting = CompletableFuture.supplyAsync(
                () -> new SwitchboardServer(serverOptions, engine).startPaused(), runnable -> {
                    Thread t = new Thread(runnable, "switchboard-start");
                    t.setDaemon(true);
                    t.start();
                });
    }

    /**
     * Reads the settings, opens the call log (if any) and starts binding the port in the background. Nothing is
     * served before {@link #serve}.
     *
     * @throws HostException when the call log cannot be opened
     */
    public static FlowHost begin(HostOptions options) throws HostException {
        Objects.requireNonNull(options, "options");
        String initialBase = options.baseUrl() != null ? options.baseUrl() : "http://" + options.bindAddress();
        EngineSetup setup = EngineSetup.fromSettings(initialBase, options.secrets(), options.sipgateApi(),
                options.preferredCredentials());
        CallLog log = null;
        if (options.callLogFile() != null) {
            try {
                log = CallLog.open(options.callLogFile(), options.callLogRetention(), options.clock());
            } catch (IOException e) {
                setup.close();
                throw new HostException(e.getMessage(), false, e);
            }
        }
        return new FlowHost(options, setup, log);
    }

    /**
     * Begins, deploys the flow (its local sounds from {@code flowFolder}, which may be {@code null}) and serves: the
     * app's Run in one step.
     *
     * @throws HostException when the port cannot be bound or the call log cannot be opened; nothing is left running
     */
    public static FlowHost start(HostOptions options, Flow flow, Path flowFolder) throws HostException {
        FlowHost host = begin(options);
        try {
            host.deploy(flow, flowFolder);
            host.serve();
            return host;
        } catch (HostException | RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /** Makes {@code flow} live for new calls; calls in progress finish on the version they started with. */
    public void deploy(Flow flow, Path flowFolder) {
        engine.deploy(Objects.requireNonNull(flow, "flow"), flowFolder);
    }

    /** The version new calls get. */
    public Flow deployedFlow() {
        return engine.flow();
    }

    /**
     * Waits until the webhook port is bound and returns it.
     *
     * @throws HostException when it cannot be bound ({@link HostException#portInUse()} when it is taken)
     */
    public int awaitBound() throws HostException {
        return server().port();
    }

    private SwitchboardServer server() throws HostException {
        try {
            return starting.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            boolean inUse = cause instanceof UncheckedIOException u && isBind(u.getCause());
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            setStatus(HostStatus.error(options.port(), message));
            throw new HostException(message, inUse, cause);
        }
    }

    private static boolean isBind(Throwable t) {
        return t instanceof BindException || t != null && t.getCause() instanceof BindException;
    }

    /**
     * Waits for the port, sets the base URL of callback URLs (the configured one, else the tunnel's when online,
     * else the listener's own) and starts taking connections.
     *
     * @throws HostException when the port cannot be bound
     */
    public void serve() throws HostException {
        SwitchboardServer server = server();
        synchronized (lock) {
            if (closed) {
                throw new HostException("The server was stopped", false, null);
            }
            OnlineSession session = online;
            engine.setBaseUrl(options.baseUrl() != null ? options.baseUrl()
                    : session != null ? session.publicUrl() : server.url());
            server.resume();
            serving = true;
            setStatus(session != null ? HostStatus.online(server.port(), session.publicUrl())
                    : HostStatus.running(server.port()));
        }
    }

    /**
     * Opens {@code tunnel} to the webhook listener (waiting for the port first) and follows it: its public URL
     * becomes the base of callback URLs unless a base URL was configured, a drop shows as
     * {@link HostStatus.State#RECONNECTING}, a failure as {@link HostStatus.State#ERROR} (the local listener keeps
     * serving). {@code say} gets one plain line per tunnel event. Returns the public URL.
     *
     * @throws HostException   when the port cannot be bound, or the host is already online or stopped
     * @throws TunnelException when the tunnel cannot go online (the message says why and what to do)
     */
    public String goOnline(Tunnel tunnel, Consumer<String> say) throws HostException, TunnelException {
        SwitchboardServer server = server();
        OnlineSession session;
        synchronized (lock) {
            if (closed) {
                throw new HostException("The server was stopped", false, null);
            }
            if (online != null) {
                throw new HostException("Already online at " + online.publicUrl(), false, null);
            }
            session = new OnlineSession(tunnel, engine, options.baseUrl() == null, say == null ? s -> { } : say);
            online = session;
        }
        try {
            String url = session.open(server.port());
            tunnel.addListener(s -> followTunnel(session, s));
            if (serving) {
                setStatus(HostStatus.online(server.port(), url));
            }
            return url;
        } catch (TunnelException | RuntimeException e) {
            synchronized (lock) {
                online = null;
            }
            session.close();
            throw e;
        }
    }

    private void followTunnel(OnlineSession session, TunnelStatus s) {
        if (online != session || closed || !serving) {
            return;
        }
        int port = port();
        if (s instanceof TunnelStatus.Online o) {
            setStatus(HostStatus.online(port, o.url()));
        } else if (s instanceof TunnelStatus.Reconnecting r) {
            setStatus(HostStatus.reconnecting(port, session.publicUrl(), r.reason()));
        } else if (s instanceof TunnelStatus.Error e) {
            setStatus(HostStatus.error(port, e.message()));
        }
    }

    /** Closes the tunnel (and stops its agent); the local listener keeps serving with its own base URL. */
    public void goOffline() {
        OnlineSession session;
        synchronized (lock) {
            session = online;
            online = null;
        }
        if (session == null) {
            return;
        }
        session.close();
        if (!closed && serving && starting.isDone() && !starting.isCompletedExceptionally()) {
            SwitchboardServer server = starting.join();
            if (options.baseUrl() == null) {
                engine.setBaseUrl(server.url());
            }
            setStatus(HostStatus.running(server.port()));
        }
    }

    /**
     * Turns the check of sipgate's signature on with {@code verifier} (e.g. {@code SignatureVerifier.bundled()}),
     * or off with {@code null}, for every push from now on, without a restart; the options' verifier is where it
     * starts. Going online should turn it on: through a tunnel anyone who finds the URL could send pushes.
     *
     * @throws HostException when the port could not be bound
     */
    public void setSignatureCheck(SignatureVerifier verifier) throws HostException {
        server().setSignatureCheck(verifier);
    }

    /** Whether pushes must carry a valid signature now (false while the port is not bound). */
    public boolean verifiesSignatures() {
        SwitchboardServer s = boundServer();
        return s != null && s.verifiesSignatures();
    }

    /** The open tunnel's session, or {@code null} when offline. */
    public OnlineSession onlineSession() {
        return online;
    }

    /** Adds a listener for every later runtime event (pushes handled, calls ended, RTCM results). */
    public void addListener(CallEventListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(CallEventListener listener) {
        listeners.remove(listener);
    }

    /** Adds a listener for every later change of {@link #status()}. */
    public void addStatusListener(Consumer<HostStatus> listener) {
        statusListeners.add(Objects.requireNonNull(listener));
    }

    public void removeStatusListener(Consumer<HostStatus> listener) {
        statusListeners.remove(listener);
    }

    private void publish(RuntimeEvent event) {
        if (callLog != null) {
            callLog.onEvent(event);
        }
        for (CallEventListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("A call event listener failed: {}", e.toString());
            }
        }
    }

    private void setStatus(HostStatus next) {
        status = next;
        for (Consumer<HostStatus> l : statusListeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("A host status listener failed: {}", e.toString());
            }
        }
    }

    public HostStatus status() {
        return status;
    }

    public HostOptions options() {
        return options;
    }

    /** The webhook listener's port, or -1 while it is not (or could not be) bound. */
    public int port() {
        return boundServer() == null ? -1 : boundServer().port();
    }

    private SwitchboardServer boundServer() {
        return starting.isDone() && !starting.isCompletedExceptionally() ? starting.join() : null;
    }

    /** {@code http://ADDRESS:PORT} of the webhook listener, or {@code null} while it is not bound. */
    public String localUrl() {
        SwitchboardServer s = boundServer();
        return s == null ? null : s.url();
    }

    /** {@code http://127.0.0.1:PORT} of the local status listener, or {@code null} when there is none. */
    public String statusUrl() {
        SwitchboardServer s = boundServer();
        return s == null ? null : s.statusUrl();
    }

    /** The base of callback URLs (the public URL while online, unless one was configured). */
    public String baseUrl() {
        return engine.baseUrl();
    }

    /** The deployed flow's webhook paths. */
    public Set<String> webhookPaths() {
        return engine.webhookPaths();
    }

    /** The deployed flow's webhook URLs on the current base URL, sorted by path. */
    public List<String> webhookUrls() {
        List<String> urls = new ArrayList<>();
        engine.webhookPaths().stream().sorted().forEach(p -> urls.add(baseUrl() + p));
        return urls;
    }

    /** Calls in progress. */
    public int activeCalls() {
        return engine.activeCalls();
    }

    /** One line about the sipgate REST API for Hang up call nodes; never contains the token. */
    public String sipgateApiDescription() {
        return setup.description();
    }

    /** The call log's file, or {@code null} without a call log. */
    public Path callLogFile() {
        return callLog == null ? null : callLog.file();
    }

    /** The engine, for code that works on it directly (sipgate registration); do not close it. */
    public FlowEngine engine() {
        return engine;
    }

    /** Push log lines the server dropped so far (its output was too slow). */
    public long droppedLogLines() {
        SwitchboardServer s = boundServer();
        return s == null ? 0 : s.droppedLogLines();
    }

    /**
     * Stops taking connections, lets requests in flight finish (a few seconds at most), closes the tunnel (after the
     * server, so answers on their way out through it arrive), then the engine, the call log and the REST client.
     * Harmless when called twice.
     */
    @Override
    public void close() {
        OnlineSession session;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            session = online;
            online = null;
        }
        try {
            starting.join().close();
        } catch (CompletionException notStarted) {
            // nothing was bound
        }
        if (session != null) {
            session.close();
        }
        engine.close();
        if (callLog != null) {
            callLog.close();
        }
        setup.close();
        serving = false;
        setStatus(HostStatus.stopped());
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        return closed;
    }
}
