package org.switchboard.app.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.switchboard.engine.calllog.Retention;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.host.FlowHost;
import org.switchboard.engine.host.HostException;
import org.switchboard.engine.host.HostOptions;
import org.switchboard.engine.host.HostStatus;
import org.switchboard.engine.host.Ports;
import org.switchboard.engine.runtime.RuntimeEvent;
import org.switchboard.engine.server.ServerOptions;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.sipgate.SignatureVerifier;
import org.switchboard.engine.tunnel.Tunnel;
import org.switchboard.engine.warmup.Warmup;

/**
 * The app's Run: serves the open flow on the embedded server in the app's own process, through the same
 * {@link FlowHost} as the headless {@code run} command, bound to 127.0.0.1. Its state is a JavaFX property (set on the
 * JavaFX thread): {@link State#STOPPED}, {@link State#STARTING}, {@link State#RUNNING} on a port,
 * {@link State#ONLINE} and {@link State#RECONNECTING} while a tunnel is open, {@link State#ERROR} with a reason.
 * {@link #deploy} makes a new version live (calls in progress keep theirs); {@link #subscribe} delivers the runtime's
 * events on the JavaFX thread, batched per frame, across stops and starts. Start, stop and going online block on
 * sockets and processes, so they run on a background thread and return futures; their outcomes arrive on the JavaFX
 * thread. Call the methods on the JavaFX thread.
 */
public final class LiveRun implements AutoCloseable {

    /** What the embedded server is doing. */
    public enum State { STOPPED, STARTING, RUNNING, ONLINE, RECONNECTING, ERROR }

    /**
     * The state with its details: the port (-1 when none), the public URL while online, the reason of an error or
     * a reconnect (else {@code null}).
     */
    public record Status(State state, int port, String publicUrl, String reason) {

        public static final Status STOPPED = new Status(State.STOPPED, -1, null, null);

        /** Whether the server takes pushes. */
        public boolean serving() {
            return state == State.RUNNING || state == State.ONLINE || state == State.RECONNECTING;
        }
    }

    /** A subscription to the live events; {@link #close} ends it. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final SecretStore secrets;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.STOPPED);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.STOPPED);
    private final ReadOnlyIntegerWrapper port = new ReadOnlyIntegerWrapper(this, "port", -1);
    private final ReadOnlyStringWrapper baseUrl = new ReadOnlyStringWrapper(this, "baseUrl");
    private final ReadOnlyObjectWrapper<Flow> liveFlow = new ReadOnlyObjectWrapper<>(this, "liveFlow");
    private final List<LiveEvents> subscribers = new CopyOnWriteArrayList<>();
    private static final long WARM_UP_DELAY_MILLIS = 3_000;
    private volatile FlowHost host;
    private volatile Path callLogFile;
    private volatile Retention callLogRetention = Retention.DEFAULT;
    private volatile boolean closed;
    /** The signature check of this and later runs; null: off. */
    private volatile SignatureVerifier verifier;
    /** Counts starts and stops (on the JavaFX thread), so a start that a stop overtook is undone. */
    private long generation;

    /** @param secrets where the sipgate token for Hang up call nodes is stored (as for {@code run}) */
    public LiveRun(SecretStore secrets) {
        this.secrets = Objects.requireNonNull(secrets);
    }

    /**
     * A few seconds from now (after the window is up, so the start is not slowed), initialises the server's
     * one-time state in the background as {@code run} does at its start, so that the first Run takes about as long
     * as any later one. Nothing depends on it.
     */
    public void warmUpSoon() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(WARM_UP_DELAY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (host == null && !closed) {
                Warmup.serverInBackground();
            }
        }, "switchboard-run-warmup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Starts serving {@code flow} on 127.0.0.1:{@code port} (its local sounds from {@code flowFolder}, or none when
     * it is {@code null}: a flow never saved has no folder). The state goes to STARTING at once, then RUNNING or
     * ERROR. The future completes on the JavaFX thread; it fails with a {@link HostException} (see
     * {@link HostException#portInUse()}) when the server cannot start. Stops a server that is still running first.
     */
    public CompletableFuture<Void> start(int wantedPort, Flow flow, Path flowFolder) {
        Objects.requireNonNull(flow, "flow");
        FlowHost previous = host;
        host = null;
        long mine = ++generation;
        setStatus(new Status(State.STARTING, wantedPort, null, null));
        liveFlow.set(flow);
        CompletableFuture<Void> done = new CompletableFuture<>();
        background("switchboard-run-start", () -> {
            if (previous != null) {
                previous.close();
            }
            try {
                HostOptions options = HostOptions.onPort(wantedPort).withSecrets(secrets).withSignatureCheck(verifier);
                if (callLogFile != null) {
                    options = options.withCallLog(callLogFile, callLogRetention);
                }
                FlowHost started = FlowHost.start(options, flow, flowFolder);
                subscribers.forEach(started::addListener);
                Platform.runLater(() -> {
                    if (mine != generation) {
                        background("switchboard-run-stop", started::close); // stopped (or restarted) meanwhile
                        done.cancel(false);
                        return;
                    }
                    host = started;
                    started.addStatusListener(s -> Platform.runLater(() -> follow(started, s)));
                    follow(started, started.status());
                    done.complete(null);
                });
            } catch (HostException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                Platform.runLater(() -> {
                    if (mine != generation) {
                        done.cancel(false);
                        return;
                    }
                    setStatus(new Status(State.ERROR, wantedPort, null, reason));
                    liveFlow.set(null);
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    private void follow(FlowHost from, HostStatus s) {
        if (from != host) {
            return; // a host that was stopped since
        }
        State next = State.valueOf(s.state().name());
        setStatus(new Status(next, s.port(), s.publicUrl(), s.reason()));
        baseUrl.set(from.isClosed() ? null : from.baseUrl());
    }

    private void setStatus(Status s) {
        status.set(s);
        state.set(s.state());
        port.set(s.serving() || s.state() == State.STARTING ? s.port() : -1);
        if (!s.serving()) {
            baseUrl.set(null);
        }
    }

    /**
     * Makes {@code flow} live for new calls (its local sounds from {@code flowFolder}, may be {@code null}); calls
     * in progress finish on the version they started with. Does nothing unless the server is running.
     */
    public boolean deploy(Flow flow, Path flowFolder) {
        FlowHost h = host;
        if (h == null || !getStatus().serving()) {
            return false;
        }
        h.deploy(flow, flowFolder);
        liveFlow.set(flow);
        return true;
    }

    /**
     * Keeps every later run's calls in the call log at {@code file} (none when {@code null}), trimmed to
     * {@code retention} when a run opens it; takes effect at the next start.
     */
    public void useCallLog(Path file, Retention retention) {
        callLogFile = file;
        callLogRetention = retention == null ? Retention.DEFAULT : retention;
    }

    /** The call log runs write to, or {@code null}. */
    public Path callLogFile() {
        return callLogFile;
    }

    /** Stops serving (requests in flight finish first, a few seconds at most) in the background. */
    public CompletableFuture<Void> stop() {
        FlowHost h = host;
        host = null;
        generation++;
        liveFlow.set(null);
        setStatus(Status.STOPPED);
        CompletableFuture<Void> done = new CompletableFuture<>();
        background("switchboard-run-stop", () -> {
            if (h != null) {
                h.close();
            }
            Platform.runLater(() -> done.complete(null));
        });
        return done;
    }

    /**
     * Opens {@code tunnel} to the running server through {@link FlowHost#goOnline}; the state follows it (ONLINE,
     * RECONNECTING, ERROR). The future completes on the JavaFX thread with the public URL, or fails with the
     * tunnel's plain explanation. {@code say} gets one line per tunnel event, on the tunnel's thread.
     */
    public CompletableFuture<String> goOnline(Tunnel tunnel, Consumer<String> say) {
        FlowHost h = host;
        CompletableFuture<String> done = new CompletableFuture<>();
        if (h == null) {
            done.completeExceptionally(new IllegalStateException("The server is not running"));
            return done;
        }
        background("switchboard-go-online", () -> {
            try {
                String url = h.goOnline(tunnel, say);
                Platform.runLater(() -> done.complete(url));
            } catch (Exception e) {
                Platform.runLater(() -> done.completeExceptionally(e));
            }
        });
        return done;
    }

    /**
     * Turns the check of sipgate's signature on with {@code check} (e.g. {@code SignatureVerifier.bundled()}) or off
     * with {@code null}: at once for a running server, and for every later Run. Off by default (only this computer
     * reaches the server until a tunnel is open).
     */
    public void setSignatureCheck(SignatureVerifier check) {
        verifier = check;
        FlowHost h = host;
        if (h != null) {
            try {
                h.setSignatureCheck(check);
            } catch (HostException notBound) {
                // a host that could not bind serves nothing to check
            }
        }
    }

    /** Closes the tunnel and stops its agent in the background; the server keeps running locally. */
    public CompletableFuture<Void> goOffline() {
        FlowHost h = host;
        CompletableFuture<Void> done = new CompletableFuture<>();
        background("switchboard-go-offline", () -> {
            if (h != null) {
                h.goOffline();
            }
            Platform.runLater(() -> done.complete(null));
        });
        return done;
    }

    /**
     * Delivers every later runtime event of this and every later run on the JavaFX thread, batched per frame, until
     * the subscription is closed.
     */
    public Subscription subscribe(Consumer<List<RuntimeEvent>> onFrame) {
        LiveEvents events = new LiveEvents(onFrame);
        subscribers.add(events);
        FlowHost h = host;
        if (h != null) {
            h.addListener(events);
        }
        return () -> {
            subscribers.remove(events);
            FlowHost current = host;
            if (current != null) {
                current.removeListener(events);
            }
        };
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Status getStatus() {
        return status.get();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    /** The port while starting or serving, else -1. */
    public ReadOnlyIntegerProperty portProperty() {
        return port.getReadOnlyProperty();
    }

    /** The base of webhook and callback URLs while serving (the public URL while online), else {@code null}. */
    public ReadOnlyStringProperty baseUrlProperty() {
        return baseUrl.getReadOnlyProperty();
    }

    /** The version new calls get while serving (what was last started or deployed), else {@code null}. */
    public ReadOnlyObjectProperty<Flow> liveFlowProperty() {
        return liveFlow.getReadOnlyProperty();
    }

    /** The deployed flow's webhook URLs on the current base URL (empty when not serving). */
    public List<String> webhookUrls() {
        FlowHost h = host;
        return h == null ? List.of() : h.webhookUrls();
    }

    /** The running host, for the live bridge's other parts (going online); {@code null} when stopped. */
    public FlowHost host() {
        return host;
    }

    /** Whether a failed {@link #start} failed because the port is taken. */
    public static boolean portInUse(Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                ? c.getCause() : failure;
        return t instanceof HostException h && h.portInUse();
    }

    /** Whether {@code port} on 127.0.0.1 is free right now. */
    public static boolean isPortFree(int port) {
        return Ports.isFree(ServerOptions.DEFAULT_BIND_ADDRESS, port);
    }

    /** A free port near {@code wanted}, to offer when it is taken; -1 when none is found. */
    public static int freePortNear(int wanted) {
        return Ports.freeNear(ServerOptions.DEFAULT_BIND_ADDRESS, wanted);
    }

    /** Stops serving and waits for it (the window is closing): no server is left behind. */
    @Override
    public void close() {
        closed = true;
        FlowHost h = host;
        host = null;
        generation++;
        if (h != null) {
            h.close();
        }
        liveFlow.set(null);
        if (Platform.isFxApplicationThread()) {
            setStatus(Status.STOPPED);
        }
    }

    private static void background(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
