package org.switchboard.engine.cli;

import static org.switchboard.engine.cli.SwitchboardEngineCli.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.files.LoadedFlow;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.host.FlowHost;
import org.switchboard.engine.host.HostException;
import org.switchboard.engine.host.HostOptions;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.checks.BaseUrlCheck;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.sipgate.SignatureVerifier;
import org.switchboard.engine.sounds.FlowSounds;
import org.switchboard.engine.sounds.Speech;
import org.switchboard.engine.tunnel.TunnelException;

/**
 * {@code run --flow FILE}: serves a flow to sipgate without the desktop app. Loads and checks the flow (problems are
 * printed, a file that cannot be read is exit 2), speaks its text-to-speech sounds that are not spoken yet, serves its
 * local sounds from the {@code sounds/} folder beside the file, starts the webhook server, prints {@code Listening on
 * http://ADDR:PORT} and the webhook URLs to paste into sipgate, and serves until Ctrl-C or SIGTERM, then stops
 * cleanly: SIGTERM and SIGINT stop taking connections, let requests in flight finish (a few seconds at most), print
 * {@code Stopped.} and exit 0. When the file changes on disk it is loaded again and deployed (running calls keep
 * their version); a file that no longer loads leaves the running version in place.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Serves a flow to sipgate.io until stopped with Ctrl-C.",
            "Exit code: 0 stopped normally, 2 the flow file cannot be read, the server cannot start or the "
                + "tunnel cannot go online."})
public final class RunCommand implements Callable<Integer> {

    private static final long WATCH_MILLIS = 500;
    private static final String MISSING = "missing";

    @Option(names = "--flow", required = true, paramLabel = "FILE", description = "the flow file to serve")
    Path flowFile;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; a tunnel or proxy is the way in)")
    String bind;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "public URL of this server as sipgate reaches it, e.g. your tunnel "
                    + "(default: http://ADDR:PORT)")
    String baseUrl;

    @Option(names = "--verify-signature", description = "refuse pushes without a valid X-Sipgate-Signature")
    boolean verifySignature;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "sipgate's public key to check signatures with (default: the bundled key; implies "
                    + "--verify-signature)")
    Path publicKey;

    @Option(names = "--no-reload", description = "do not load the flow again when the file changes")
    boolean noReload;

    @Option(names = "--status-port", paramLabel = "N", defaultValue = "-1",
            description = "also answer GET /health with details (live calls, uptime, paths) on 127.0.0.1:N, "
                    + "for this machine only (0 picks a free port; default: off)")
    int statusPort;

    @Option(names = "--call-log", paramLabel = "FILE",
            description = "append every call to FILE as JSON lines (owner-only; calls older than 90 days and "
                    + "beyond the newest 10000 are removed when it opens; default: no log)")
    Path callLogFile;

    @Mixin
    TunnelOptions online;

    @Spec
    CommandSpec spec;

    /** How long a shutdown hook (a stop the signal handlers did not catch) waits for the clean stop to finish. */
    private static final long HOOK_WAIT_MILLIS = 10_000;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (baseUrl != null && !baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            return fail(err, "--base-url must start with http:// or https://, got " + baseUrl);
        }
        String onlineProblem = online.problem(baseUrl);
        if (onlineProblem != null) {
            return fail(err, onlineProblem);
        }
        SignatureVerifier verifier = null;
        if (verifySignature || publicKey != null || online.requireSignature()) {
            try {
                verifier = publicKey == null ? SignatureVerifier.bundled() : SignatureVerifier.fromFile(publicKey);
            } catch (IllegalArgumentException e) {
                return fail(err, e.getMessage());
            }
        }
        if (statusPort < -1 || statusPort > 65_535) {
            return fail(err, "--status-port must be between 0 and 65535, got " + statusPort);
        }
        FlowHost host;
        try {
            HostOptions options = new HostOptions(bind, port, statusPort, baseUrl, verifier, callLogFile,
                    SecretStore.standard(), online.sipgateApi == null ? null : online.sipgateApi.toString(),
                    TunnelOptions.environmentCredentials(), null, null);
            host = FlowHost.begin(options); // binds the port in the background while this thread loads the flow
        } catch (HostException | IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }

        Messages messages = Messages.forLocale(Locale.getDefault());
        LoadedFlow loaded;
        try {
            loaded = FlowFiles.load(flowFile);
        } catch (FlowFileException e) {
            host.close();
            return fail(err, e.getMessage());
        }
        host.deploy(prepare(loaded, messages, out, err), ValidateCommand.Report.folderOf(flowFile));
        try {
            host.awaitBound();
            if (online.tunnel) {
                online.goOnline(host, out);
            }
            host.serve();
        } catch (HostException | TunnelException | IOException e) {
            host.close();
            return fail(err, e.getMessage());
        }
        String base = host.baseUrl();

        ScheduledExecutorService watcher = noReload ? null : watch(host, messages, out, err);
        Thread hook = new Thread(this::stopFromHook, "switchboard-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Signals signals = new Signals();
        signals.catchStop(this::stop);

        if (host.onlineSession() != null) {
            out.println("Public URL: " + host.onlineSession().publicUrl());
        }
        out.println("Listening on " + host.localUrl());
        if (host.statusUrl() != null) {
            out.println("Status (this machine only): " + host.statusUrl() + "/health");
        }
        if (host.webhookPaths().isEmpty()) {
            out.println("warning: the flow has no Incoming call node, so no call will be answered");
        }
        for (String path : host.webhookPaths()) {
            out.println("Webhook URL for sipgate: " + base + path);
        }
        out.println("Signature check: " + (verifier == null ? "off" : "on (key sha256 " + verifier.fingerprint()
                + ")"));
        out.println("sipgate API: " + host.sipgateApiDescription());
        if (host.callLogFile() != null) {
            out.println("Call log: " + host.callLogFile());
        }
        Problem http = BaseUrlCheck.problem(base, messages);
        if (http != null) {
            out.println("warning: " + http.message());
        }
        if (verifier == null && online.tunnel) {
            out.println("warning: the signature check is off while the tunnel is open: anyone who finds the URL can "
                    + "send calls to this flow");
        }
        if (online.sipgateRegister) {
            online.registerInSipgate(host.onlineSession(), host.engine(), base, out, err);
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();

        awaitStop();
        if (watcher != null) {
            watcher.shutdownNow();
        }
        host.close(); // requests in flight are answered first, then the tunnel, engine and call log close
        signals.restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down (a signal not caught here): the hook waits for this thread
        }
        out.println("Stopped.");
        out.flush();
        finished.countDown();
        return SwitchboardEngineCli.OK;
    }

    /** Asks {@link #call} to stop (from a signal, the shutdown hook or a test); it then returns 0. */
    void stop() {
        stopped.countDown();
    }

    /** The JVM is exiting without a signal handled here: stop cleanly before it does, within a bound. */
    private void stopFromHook() {
        stop();
        try {
            finished.await(HOOK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitStop() {
        boolean interrupted = false;
        while (true) {
            try {
                stopped.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Speaks text-to-speech sounds that have no current sound yet (into the flow's sounds folder; the flow file is
     * not changed), then prints the problems of the result. Returns the flow to deploy.
     */
    private Flow prepare(LoadedFlow loaded, Messages messages, PrintWriter out, PrintWriter err) {
        if (loaded.source() == LoadedFlow.Source.NODE_RED) {
            out.println("note: " + flowFile + " is a Node-RED export; it was converted on load");
        }
        FlowSounds.Spoken spoken = FlowSounds.speak(loaded.flow(), ValidateCommand.Report.folderOf(flowFile),
                NodeTypes.standard(), Speech.find());
        for (String failure : spoken.failures()) {
            err.println("error: text to speech: " + failure);
        }
        if (spoken.spokenCount() > 0) {
            out.println("Spoke " + spoken.spokenCount() + " text-to-speech sound(s) into the sounds folder");
        }
        ValidateCommand.Report report = ValidateCommand.Report.print(flowFile, loaded.problems(), spoken.flow(),
                List.of(), messages, out);
        out.println(flowFile + ": " + report.summary());
        if (report.errors() > 0) {
            out.println("warning: calls that reach a node with errors will not go as drawn");
        }
        return spoken.flow();
    }

    /**
     * Polls the file's time stamp and size twice a second (a watch service would miss editors that replace the file
     * by renaming a new one over it) and deploys the new version.
     */
    private ScheduledExecutorService watch(FlowHost host, Messages messages, PrintWriter out, PrintWriter err) {
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
                r -> daemon("switchboard-flow-watch", r));
        String[] seen = {stamp(flowFile)};
        watcher.scheduleWithFixedDelay(() -> {
            String now = stamp(flowFile);
            if (now.equals(seen[0]) || now.equals(MISSING)) {
                return; // unchanged, or replaced right now (a save renames the new file over the old one)
            }
            seen[0] = now;
            try {
                LoadedFlow loaded = FlowFiles.load(flowFile);
                Flow flow = prepare(loaded, messages, out, err);
                host.deploy(flow, ValidateCommand.Report.folderOf(flowFile));
                out.println("Reloaded " + flowFile + "; new calls use this version");
                out.flush();
            } catch (FlowFileException e) {
                err.println("error: " + e.getMessage() + " (still serving the previous version)");
                err.flush();
            } catch (RuntimeException e) {
                err.println("error: reloading failed: " + SwitchboardEngineCli.oneLine(e)
                        + " (still serving the previous version)");
                err.flush();
            }
        }, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        return watcher;
    }

    private static String stamp(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return time.toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return MISSING;
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

}
