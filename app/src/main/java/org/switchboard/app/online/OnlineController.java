package org.switchboard.app.online;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.live.LiveOnline;
import org.switchboard.app.live.LiveRun;
import org.switchboard.app.settings.AppSettings;
import org.switchboard.app.settings.OnlineSettings;
import org.switchboard.app.ui.Dialogs;
import org.switchboard.app.ui.Theme;
import org.switchboard.engine.settings.ConfigDirs;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.tunnel.AgentDownload;
import org.switchboard.engine.tunnel.NgrokOptions;
import org.switchboard.engine.tunnel.NgrokTunnel;
import org.switchboard.engine.tunnel.TunnelException;
import org.switchboard.engine.tunnel.TunnelProblem;
import org.switchboard.engine.tunnel.TunnelStatus;

/**
 * Going online from the app: the toolbar's online controls ({@link #bar()}), the guided dialog the first time (no
 * authtoken yet), the tunnel through the engine's {@link NgrokTunnel} and {@link LiveOnline}, a problem box for
 * every failure, Copy, Use in sipgate and Go offline (which offers to put sipgate's previous URLs back). The
 * authtoken is stored in the secrets file only once ngrok accepted it. At start, an agent that a crashed run left
 * behind is stopped. Call on the JavaFX thread.
 */
public final class OnlineController {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineController.class);

    private final Window owner;
    private final Theme theme;
    private final Dialogs dialogs;
    private final AppSettings settings;
    private final Runnable saveSettings;
    private final SecretStore secrets;
    private final LiveOnline live;
    private final Consumer<String> openLink;
    private final Path stateDir;
    private final SipgateUrls sipgate;
    private final OnlineBar bar;
    private Attempt attempt;

    /**
     * @param openLink opens a web page in the browser (the ngrok dashboard links)
     */
    public OnlineController(Window owner, Theme theme, Dialogs dialogs, AppSettings settings, Runnable saveSettings,
                            SecretStore secrets, LiveRun run, Consumer<String> openLink) {
        this.owner = owner;
        this.theme = theme;
        this.dialogs = dialogs;
        this.settings = settings;
        this.saveSettings = saveSettings;
        this.secrets = secrets;
        this.live = new LiveOnline(run);
        this.openLink = openLink;
        this.stateDir = ConfigDirs.stateDir();
        this.sipgate = new SipgateUrls(secrets);
        this.bar = new OnlineBar(this, run);
        run.statusProperty().addListener((o, was, now) -> bar.webhookUrlProperty().set(webhookUrl()));
        background("switchboard-agent-cleanup", () -> NgrokTunnel.stopLeftoverAgents(stateDir));
    }

    /** The toolbar's online controls. */
    public Node bar() {
        return bar;
    }

    /** The URL sipgate needs: the Incoming call node's path on the public address ("" when offline). */
    String webhookUrl() {
        LiveRun.Status s = live.run().getStatus();
        if (s.publicUrl() == null) {
            return "";
        }
        return live.incomingUrl().orElse(s.publicUrl());
    }

    /** Go online: the guided dialog when no authtoken is known yet, else straight on. */
    void goOnline() {
        Optional<String> token = storedAuthtoken();
        if (token.isEmpty()) {
            ngrokSettings();
            return;
        }
        bar.busyProperty().set(true);
        DownloadProgress progress = new DownloadProgress(owner, theme);
        Attempt a = connect(token.get(), settings.online(), progress::show);
        progress.onCancel(a::cancel);
        a.result().whenComplete((url, failure) -> {
            bar.busyProperty().set(false);
            progress.close();
            if (failure != null && !a.isCancelled()) {
                handleFailure(unwrap(failure), false);
            }
        });
    }

    /** The guided dialog's first step: authtoken, region, domain, signature check (going online again with them). */
    void ngrokSettings() {
        new GoOnlineWizard(this, GoOnlineWizard.Step.NGROK).showAndWait();
    }

    /** One attempt to go online: its outcome (on the JavaFX thread) and how to cancel it. */
    final class Attempt {
        private final CompletableFuture<String> result;
        private final AgentDownload download;
        private final NgrokTunnel tunnel;
        private volatile boolean cancelled;

        private Attempt(CompletableFuture<String> result, AgentDownload download, NgrokTunnel tunnel) {
            this.result = result;
            this.download = download;
            this.tunnel = tunnel;
        }

        CompletableFuture<String> result() {
            return result;
        }

        boolean isCancelled() {
            return cancelled;
        }

        /** Stops a download at once and the tunnel as soon as it is up or given up. */
        void cancel() {
            cancelled = true;
            if (download != null) {
                download.cancel();
            }
            if (tunnel != null) {
                background("switchboard-go-online-cancel", tunnel::close);
            }
        }
    }

    /**
     * Opens the tunnel with {@code authtoken} and the address settings {@code s}; on success keeps both (the
     * authtoken in the secrets file). {@code progress} hears about a download of the agent, on its thread.
     */
    Attempt connect(String authtoken, OnlineSettings s, AgentDownload.Progress progress) {
        NgrokOptions options;
        try {
            options = NgrokOptions.defaults(stateDir).withAuthtoken(authtoken).withRegion(s.region())
                    .withDomain(s.domain()).withAgentPath(s.ngrokPath() == null ? null : Path.of(s.ngrokPath()));
        } catch (IllegalArgumentException e) {
            return new Attempt(CompletableFuture.failedFuture(e), null, null);
        }
        AgentDownload download = new AgentDownload(s.downloadUrl(), progress);
        NgrokTunnel tunnel = new NgrokTunnel(options, download);
        CompletableFuture<String> result = new CompletableFuture<>();
        Attempt a = new Attempt(result, download, tunnel);
        attempt = a;
        live.goOnline(tunnel, s.checksSignatures(), line -> LOG.info("{}", line)).whenComplete((url, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
                return;
            }
            if (a.isCancelled()) {
                live.goOffline();
                result.completeExceptionally(new IllegalStateException("cancelled"));
                return;
            }
            keep(authtoken, s);
            tunnel.addListener(status -> {
                if (status instanceof TunnelStatus.Error error) {
                    Platform.runLater(() -> dropped(a, error));
                }
            });
            bar.webhookUrlProperty().set(webhookUrl());
            result.complete(url);
        });
        return a;
    }

    private void keep(String authtoken, OnlineSettings s) {
        try {
            if (!authtoken.equals(secrets.get(SecretStore.NGROK_AUTHTOKEN).orElse(null))) {
                secrets.put(SecretStore.NGROK_AUTHTOKEN, authtoken);
            }
        } catch (IOException e) {
            dialogs.error(owner, AppTexts.get("online.problem.title"), e.getMessage());
        }
        if (!s.equals(settings.online())) {
            settings.setOnline(s);
            saveSettings.run();
        }
    }

    /** The tunnel gave up while online: go back to running locally, and say why. */
    private void dropped(Attempt a, TunnelStatus.Error error) {
        if (attempt != a) {
            return;
        }
        live.goOffline();
        handleFailure(new TunnelException(error.problem(), error.message()), true);
    }

    private void handleFailure(Throwable failure, boolean dropped) {
        if (!(failure instanceof TunnelException e)) {
            dialogs.error(owner, AppTexts.get("online.problem.title"), failure instanceof IllegalArgumentException
                    ? AppTexts.get("online.problem.invalidSetting", failure.getMessage()) : failure.getMessage());
            return;
        }
        switch (OnlineProblems.show(dialogs, owner, e, dropped)) {
            case ENTER_TOKEN, CHANGE_DOMAIN -> ngrokSettings();
            case STOP_AGENT -> stopSwitchboardAgents();
            default -> {
                // closed
            }
        }
    }

    /** The answer to ngrok's one-agent limit: stop the agent a Switchboard run started, and say what happened. */
    private void stopSwitchboardAgents() {
        int stopped = NgrokTunnel.stopAgentsStartedBySwitchboard(stateDir);
        Alert a = dialogs.alert(Alert.AlertType.INFORMATION, owner, AppTexts.get("online.problem.title"),
                AppTexts.get("online.problem.stopAgent"));
        a.setContentText(AppTexts.get(stopped > 0 ? "online.problem.stopped" : "online.problem.noneStopped"));
        a.getDialogPane().setId("online-agents-stopped-dialog");
        a.showAndWait();
    }

    /** Copies exactly the URL sipgate needs. */
    void copyUrl() {
        String url = webhookUrl();
        if (url.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(url);
        Clipboard.getSystemClipboard().setContent(content);
        bar.flashCopied();
    }

    /** Use in sipgate: the guided dialog's last step (or its sipgate account step when no token is stored yet). */
    void useInSipgate() {
        new GoOnlineWizard(this, sipgate.hasToken() ? GoOnlineWizard.Step.USE : GoOnlineWizard.Step.SIPGATE)
                .showAndWait();
    }

    /** Go offline: offers to put sipgate's previous URLs back, then closes the tunnel; the flow keeps running. */
    void goOffline() {
        Optional<SipgateUrls.Change> changed = sipgate.applied();
        if (changed.isPresent() && askRestore(changed.get())) {
            SipgateUrls.Outcome outcome = sipgate.restore();
            if (!outcome.ok()) {
                dialogs.error(owner, AppTexts.get("online.use.failed"), outcome.message());
            }
        }
        attempt = null;
        live.goOffline();
    }

    private boolean askRestore(SipgateUrls.Change change) {
        ButtonType yes = new ButtonType(AppTexts.get("online.offline.restore.yes"), ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(AppTexts.get("online.offline.restore.no"), ButtonBar.ButtonData.NO);
        Alert a = dialogs.alert(Alert.AlertType.CONFIRMATION, owner, AppTexts.get("online.offline"),
                AppTexts.get("online.offline.restore.header"));
        String before = change.oldIncoming().isEmpty() ? AppTexts.get("online.use.none") : change.oldIncoming();
        a.setContentText(AppTexts.get("online.offline.restore.text", before));
        a.getButtonTypes().setAll(yes, no);
        a.getDialogPane().setId("online-restore-dialog");
        return a.showAndWait().orElse(no) == yes;
    }

    // ---- for the guided dialog ----

    Window owner() {
        return owner;
    }

    Theme theme() {
        return theme;
    }

    SecretStore secrets() {
        return secrets;
    }

    SipgateUrls sipgate() {
        return sipgate;
    }

    LiveOnline live() {
        return live;
    }

    AppSettings settings() {
        return settings;
    }

    void open(String link) {
        openLink.accept(link);
    }

    boolean isOnline() {
        LiveRun.State s = live.run().getState();
        return s == LiveRun.State.ONLINE || s == LiveRun.State.RECONNECTING;
    }

    Optional<String> storedAuthtoken() {
        try {
            return NgrokOptions.authtokenFrom(System.getenv(NgrokOptions.AUTHTOKEN_ENV), secrets);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The plain explanation of a failed attempt, for the guided dialog. */
    static String explain(Throwable failure) {
        if (failure instanceof TunnelException e) {
            return OnlineProblems.explain(e.problem(), e.getMessage());
        }
        if (failure instanceof IllegalArgumentException) {
            return AppTexts.get("online.problem.invalidSetting", failure.getMessage());
        }
        return OnlineProblems.explain(TunnelProblem.FAILED, failure.getMessage());
    }

    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    static void background(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
