package org.switchboard.app.calls;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.canvas.FlowCanvas;
import org.switchboard.app.document.FilePicker;
import org.switchboard.app.live.CallMonitor;
import org.switchboard.app.live.LiveRun;
import org.switchboard.app.settings.AppSettings;
import org.switchboard.app.ui.Dialogs;
import org.switchboard.engine.calllog.Retention;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.i18n.Messages;

/**
 * Puts the call monitor together for the window: the kept call log in the per-user folder (runs write it; it is read
 * back at start in the background), the Calls tab, the live call pill on the canvas and notifications.
 */
public final class CallsTab implements AutoCloseable {

    /** The kept call log's name in the per-user folder. */
    public static final String LOG_NAME = "calls.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(CallsTab.class);

    private final LiveRun run;
    private final AppSettings settings;
    private final Path logFile;
    private final CallMonitor monitor;
    private final CallsPane pane;
    private final LiveCallPill pill;
    private final CallNotifier notifier;

    public CallsTab(LiveRun run, Supplier<Flow> flow, FlowCanvas canvas, AppSettings settings, Path dataDir,
                    Clock clock, Supplier<Window> owner, Supplier<FilePicker> files, Dialogs dialogs,
                    Messages messages) {
        this.run = run;
        this.settings = settings;
        this.logFile = dataDir.resolve(LOG_NAME);
        this.monitor = new CallMonitor(run, clock);
        this.pane = new CallsPane(monitor, flow, canvas, clock, messages);
        pane.setFiles(files, dialogs);
        pane.setLogFile(logFile);
        pane.followProperty().set(settings.followCalls());
        pane.followProperty().addListener((o, a, b) -> settings.setFollowCalls(b));
        this.pill = new LiveCallPill(monitor.calls(), flow, clock, pane::select);
        canvas.addBanner(pill);
        this.notifier = new CallNotifier(settings::callNotifications, owner, flow);
        monitor.setOnIncoming(notifier::incoming);
        applySettings();
        monitor.load(logFile).exceptionally(e -> {
            LOG.warn("The call log could not be read: {}", e.getMessage());
            return 0;
        });
    }

    /** Takes over the retention setting for the next run. */
    public void applySettings() {
        run.useCallLog(logFile, new Retention(Duration.ofDays(settings.callLogDays()), settings.callLogMaxCalls()));
    }

    public CallsPane pane() {
        return pane;
    }

    public CallMonitor monitor() {
        return monitor;
    }

    public LiveCallPill pill() {
        return pill;
    }

    public CallNotifier notifier() {
        return notifier;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        monitor.close();
    }
}
