package org.switchboard.engine.tunnel;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.github.alexdlaird.exception.JavaNgrokHTTPException;
import com.github.alexdlaird.exception.JavaNgrokInstallerException;
import com.github.alexdlaird.exception.NgrokException;
import com.github.alexdlaird.http.HttpClientException;
import com.github.alexdlaird.ngrok.NgrokClient;
import com.github.alexdlaird.ngrok.conf.JavaNgrokConfig;
import com.github.alexdlaird.ngrok.process.NgrokLog;
import com.github.alexdlaird.ngrok.protocol.BindTls;
import com.github.alexdlaird.ngrok.protocol.CreateTunnel;
import com.github.alexdlaird.ngrok.protocol.Proto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Tunnel} through ngrok, driven with java-ngrok: starts the ngrok agent ({@code ngrok start --none}, its API
 * on a local port), asks it for an HTTPS tunnel to the local port (on the reserved domain, if one is set) and watches
 * it. When the agent reports a dropped session it is shown as {@link TunnelStatus.Reconnecting} until the agent has
 * it back; when the agent itself exits, it is started again with back-off (0.5, 1, 2, 4, 8 s) and gives up with
 * {@link TunnelProblem#AGENT_EXITED}. The pid of the agent is kept in the state directory, so that the next start
 * can stop an agent that a crashed run left behind. java-ngrok's own logging is switched off unless configured,
 * since ngrok's error lines quote the authtoken back.
 */
public final class NgrokTunnel implements Tunnel {

    static {
        String key = "org.slf4j.simpleLogger.log.com.github.alexdlaird";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "off");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(NgrokTunnel.class);
    private static final int MAX_RESTARTS = 5;
    private static final long FIRST_BACKOFF_MILLIS = 500;
    private static final long WATCH_MILLIS = 200;
    private static final long STABLE_MILLIS = 30_000;

    private final NgrokOptions options;
    private final AgentLocator.Downloader downloader;
    private final AgentPidFile pidFile;
    private final List<Consumer<TunnelStatus>> listeners = new CopyOnWriteArrayList<>();

    private volatile TunnelStatus status = new TunnelStatus.Offline();
    private volatile boolean closing;
    private volatile boolean sessionDropped;
    private volatile String url;
    private volatile ProcessHandle agent;
    private NgrokClient client;
    private CreateTunnel request;
    private ScheduledExecutorService watchdog;
    private int dropCount;
    private int restarts;
    private volatile long onlineSince;

    /** A tunnel that may download the agent with java-ngrok's installer when it is neither configured nor on PATH. */
    public NgrokTunnel(NgrokOptions options) {
        this(options, new AgentDownload(null, null));
    }

    /**
     * A tunnel that, when the agent is neither configured nor on PATH, downloads it with {@code download} (its
     * address, progress and Cancel are the caller's).
     */
    public NgrokTunnel(NgrokOptions options, AgentDownload download) {
        this(options, (AgentLocator.Downloader) download);
    }

    /**
     * Stops every ngrok agent that a Switchboard run which is no longer running left behind (after a crash), and
     * nothing else; call it at start.
     *
     * @return how many agents were stopped
     */
    public static int stopLeftoverAgents(Path stateDir) {
        return new AgentPidFile(stateDir).stopLeftovers();
    }

    /**
     * Stops every ngrok agent that a Switchboard run started and that is still running, also that of a run which
     * is still open (the answer to ngrok's "only one agent" limit). Agents started by anything else are left alone.
     *
     * @return how many agents were stopped
     */
    public static int stopAgentsStartedBySwitchboard(Path stateDir) {
        return new AgentPidFile(stateDir).stopAllRecorded();
    }

    /** A tunnel with its own way to fetch a missing agent (tests: one that never touches the network). */
    NgrokTunnel(NgrokOptions options, AgentLocator.Downloader downloader) {
        this.options = options;
        this.downloader = downloader;
        this.pidFile = new AgentPidFile(options.stateDir());
    }

    @Override
    public synchronized String open(int localPort) throws TunnelException {
        if (status instanceof TunnelStatus.Online online) {
            return online.url();
        }
        if (!(status instanceof TunnelStatus.Offline)) {
            close(); // reconnecting or failed: start afresh
        }
        closing = false;
        emit(new TunnelStatus.Starting());
        try {
            if (options.authtoken() == null) {
                throw TunnelException.of(TunnelProblem.AUTHTOKEN_MISSING, null);
            }
            Path program = AgentLocator.locate(options, downloader);
            pidFile.stopLeftovers();
            JavaNgrokConfig config = new JavaNgrokConfig.Builder()
                    .withNgrokPath(program)
                    .withConfigPath(options.stateDir().resolve("ngrok").resolve("ngrok.yml"))
                    .withAuthToken(options.authtoken())
                    .withRegion(options.regionValue())
                    .withStartupTimeout(options.startupTimeoutSeconds())
                    .withLogEventCallback(this::onAgentLog)
                    .build();
            client = new NgrokClient.Builder().withJavaNgrokConfig(config).build();
            CreateTunnel.Builder tunnel = new CreateTunnel.Builder(true).withProto(Proto.HTTP)
                    .withAddr(localPort).withBindTls(BindTls.TRUE);
            if (options.domain() != null) {
                tunnel.withDomain(options.domain());
            }
            request = tunnel.build();
            String publicUrl = connect();
            startWatchdog();
            return publicUrl;
        } catch (TunnelException e) {
            stopAgent();
            emit(new TunnelStatus.Error(e.problem(), e.getMessage()));
            throw e;
        } catch (RuntimeException e) { // anything else java-ngrok or the agent's answers can throw
            stopAgent();
            TunnelException failure = TunnelException.of(TunnelProblem.FAILED,
                    NgrokErrors.detail(e.getMessage(), options.authtoken()));
            emit(new TunnelStatus.Error(failure.problem(), failure.getMessage()));
            throw failure;
        }
    }

    @Override
    public TunnelStatus status() {
        return status;
    }

    @Override
    public void addListener(Consumer<TunnelStatus> listener) {
        listeners.add(listener);
    }

    /** The pid of the running agent, if any (for tests and a "which agent" hint). */
    public Long agentPid() {
        ProcessHandle a = agent;
        return a == null || !a.isAlive() ? null : a.pid();
    }

    @Override
    public void close() {
        closing = true;
        ScheduledExecutorService w;
        synchronized (this) {
            w = watchdog;
            watchdog = null;
        }
        if (w != null) {
            w.shutdownNow();
        }
        synchronized (this) {
            boolean wasOpen = !(status instanceof TunnelStatus.Offline);
            stopAgent();
            url = null;
            if (wasOpen) {
                emit(new TunnelStatus.Offline());
            }
        }
    }

    /** Starts the agent (if it is not running) and opens the tunnel; emits Online. */
    private String connect() throws TunnelException {
        Set<Long> before = childPids();
        try {
            com.github.alexdlaird.ngrok.protocol.Tunnel opened = client.connect(request);
            rememberAgent(before);
            String publicUrl = trimSlash(opened.getPublicUrl());
            if (publicUrl.startsWith("http://")) {
                publicUrl = "https://" + publicUrl.substring("http://".length());
            }
            url = publicUrl;
            onlineSince = System.nanoTime();
            sessionDropped = false;
            emit(new TunnelStatus.Online(publicUrl));
            return publicUrl;
        } catch (JavaNgrokInstallerException e) {
            throw TunnelException.of(TunnelProblem.DOWNLOAD_BLOCKED, NgrokErrors.detail(e.getMessage(), null));
        } catch (NgrokException e) {
            throw fromAgentText(agentErrors(e), options.startupTimeoutSeconds());
        } catch (JavaNgrokHTTPException e) {
            rememberAgent(before); // the agent runs, but refused the tunnel: stop it and wait for it
            throw fromAgentText(e.getBody(), 0);
        } catch (HttpClientException e) {
            // the agent's local API went away while it was starting: it exited
            stopAgent();
            throw TunnelException.of(TunnelProblem.AGENT_EXITED, "it ended while starting");
        }
    }

    private TunnelException fromAgentText(String text, int timeoutSeconds) {
        stopAgent();
        if (text == null || text.isBlank()) {
            return TunnelException.of(TunnelProblem.AGENT_EXITED, timeoutSeconds > 0
                    ? "it did not report a tunnel within " + timeoutSeconds + " s" : null);
        }
        return TunnelException.of(NgrokErrors.classify(text), NgrokErrors.detail(text, options.authtoken()));
    }

    /** The agent's own error text: the one that stopped the start, else every err= it logged. */
    private static String agentErrors(NgrokException e) {
        if (e.getNgrokError() != null && !e.getNgrokError().isBlank()) {
            return e.getNgrokError();
        }
        if (e.getNgrokLogs() == null) {
            return null;
        }
        return e.getNgrokLogs().stream().map(NgrokLog::getErr).filter(err -> err != null && !err.isBlank())
                .collect(Collectors.joining("\n"));
    }

    /** Called by java-ngrok for every line the agent logs, on its reader thread. */
    private Void onAgentLog(NgrokLog line) {
        if (closing || url == null) {
            return null; // starting up: java-ngrok itself decides from these lines
        }
        String msg = line.getMsg() == null ? "" : line.getMsg();
        if ("ERROR".equals(line.getLvl()) && (msg.contains("session") || msg.contains("heartbeat"))) {
            String err = line.getErr();
            sessionDropped = true;
            TunnelProblem why = NgrokErrors.classify(err);
            String reason = why == TunnelProblem.FAILED ? "the connection to ngrok dropped" : why.what();
            emit(new TunnelStatus.Reconnecting(++dropCount, reason));
        } else if (sessionDropped && msg.contains("client session established")) {
            sessionDropped = false;
            dropCount = 0;
            emit(new TunnelStatus.Online(url));
        }
        return null;
    }

    private void startWatchdog() {
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "switchboard-tunnel-watch");
            t.setDaemon(true);
            return t;
        });
        watchdog = w;
        w.scheduleWithFixedDelay(this::checkAgent, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs on the watchdog: when the agent has gone, start it again with back-off. Restarts count up until the agent
     * has stayed up for {@link #STABLE_MILLIS}, so an agent that comes up and falls over again ends in an error too.
     */
    private void checkAgent() {
        if (closing || client == null || client.getNgrokProcess().isRunning()) {
            return;
        }
        LOG.info("The ngrok agent exited; starting it again");
        pidFile.forget();
        if (System.nanoTime() - onlineSince > TimeUnit.MILLISECONDS.toNanos(STABLE_MILLIS)) {
            restarts = 0;
        }
        TunnelException last = null;
        while (!closing && restarts < MAX_RESTARTS) {
            restarts++;
            emit(new TunnelStatus.Reconnecting(restarts, TunnelProblem.AGENT_EXITED.what()));
            try {
                Thread.sleep(Math.min(FIRST_BACKOFF_MILLIS << (restarts - 1), 8_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // closing
            }
            synchronized (this) {
                if (closing) {
                    return;
                }
                try {
                    connect();
                    return;
                } catch (TunnelException e) {
                    last = e;
                    if (isPermanent(e.problem())) {
                        break;
                    }
                } catch (RuntimeException e) {
                    last = TunnelException.of(TunnelProblem.AGENT_EXITED,
                            NgrokErrors.detail(e.getMessage(), options.authtoken()));
                }
            }
        }
        if (!closing) {
            TunnelException failure = last != null && isPermanent(last.problem()) ? last
                    : TunnelException.of(TunnelProblem.AGENT_EXITED, "gave up after " + MAX_RESTARTS + " restarts");
            url = null;
            stopAgent();
            emit(new TunnelStatus.Error(failure.problem(), failure.getMessage()));
            ScheduledExecutorService w = watchdog;
            if (w != null) {
                w.shutdown();
            }
        }
    }

    private static boolean isPermanent(TunnelProblem problem) {
        return switch (problem) {
            case AUTHTOKEN_MISSING, AUTHTOKEN_INVALID, SESSION_LIMIT, DOMAIN_NOT_RESERVED, AGENT_NOT_FOUND -> true;
            default -> false;
        };
    }

    private void stopAgent() {
        NgrokClient c = client;
        if (c != null) {
            try {
                c.getNgrokProcess().stop();
            } catch (RuntimeException e) {
                LOG.debug("Stopping ngrok: {}", e.getClass().getSimpleName());
            }
        }
        ProcessHandle a = agent;
        if (a != null && a.isAlive()) {
            AgentPidFile.stop(a);
        }
        agent = null;
        pidFile.forget();
    }

    private void rememberAgent(Set<Long> before) {
        ProcessHandle.current().children()
                .filter(p -> !before.contains(p.pid()) && p.isAlive())
                .reduce((a, b) -> b)
                .ifPresent(p -> {
                    agent = p;
                    pidFile.remember(p);
                });
    }

    private static Set<Long> childPids() {
        Set<Long> pids = new HashSet<>();
        ProcessHandle.current().children().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private void emit(TunnelStatus next) {
        status = next;
        LOG.debug("Tunnel: {}", next.describe());
        for (Consumer<TunnelStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("A tunnel listener failed: {}", e.toString());
            }
        }
    }

    private static String trimSlash(String value) {
        return value != null && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
