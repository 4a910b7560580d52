package org.switchboard.app.calls;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Flow;

/**
 * A notification for each incoming call (when the setting is on): caller, called number and where the flow sent it.
 * Always inside the app (ControlsFX), and also from the desktop where it has a notification service the app can
 * reach: {@code notify-send} (freedesktop notifications, most Linux desktops) when it is installed. Java's
 * {@code SystemTray} is not used: it needs AWT beside JavaFX and a tray, which many Linux desktops lack.
 */
public final class CallNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(CallNotifier.class);
    private static final String NOTIFY_SEND = "notify-send";
    /** How long notify-send may take before it counts as failed (it only hands the text to the desktop). */
    private static final long NOTIFY_SECONDS = 10;

    private final BooleanSupplier enabled;
    private final Supplier<Window> owner;
    private final Supplier<Flow> flow;
    private final AtomicBoolean saidTrouble = new AtomicBoolean();
    private volatile String notifySend;

    public CallNotifier(BooleanSupplier enabled, Supplier<Window> owner, Supplier<Flow> flow) {
        this.enabled = enabled;
        this.owner = owner;
        this.flow = flow;
        searchIn(System.getenv("PATH"));
    }

    /** Whether the desktop's notifications can be reached (else only the app shows them). */
    public static boolean desktopSupported() {
        return findOnPath(NOTIFY_SEND, System.getenv("PATH")) != null;
    }

    /**
     * Where to look for {@code notify-send}: a search path like {@code PATH} (the app uses the real one; tests put a
     * stand-in first).
     */
    public void searchIn(String searchPath) {
        notifySend = findOnPath(NOTIFY_SEND, searchPath);
    }

    /** The title and text of a call's notification. */
    static List<String> texts(LoggedCall call, Flow flow) {
        String title = AppTexts.get("calls.notify.title", CallText.number(call.from()));
        String where = CallText.firstStop(call, flow);
        String text = AppTexts.get("calls.notify.text", CallText.number(call.to()), where.isEmpty() ? "\u2013" : where);
        return List.of(title, text);
    }

    /** Shows the notification for a new call, if the setting is on. Call on the JavaFX thread. */
    public void incoming(LoggedCall call) {
        if (!enabled.getAsBoolean() || "out".equals(call.direction())) {
            return;
        }
        List<String> t = texts(call, flow.get());
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            Notifications.create().title(t.get(0)).text(t.get(1)).owner(w).hideAfter(Duration.seconds(6))
                    .showInformation();
        }
        String program = notifySend;
        if (program == null) {
            if (saidTrouble.compareAndSet(false, true)) { // an optional helper: worth a note, not a warning
                LOG.info("Calls are announced in the app only: notify-send (desktop notifications) is not installed.");
            }
            return;
        }
        // an argument list, no shell: caller, number and node names reach notify-send as they are; "--" ends its
        // options, so a text starting with "-" is shown, not read as one
        List<String> argv = List.of(program, "--app-name=Switchboard", "--expire-time=6000", "--", t.get(0), t.get(1));
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            sayOnce("notify-send could not be started: " + e.getMessage());
            return;
        }
        p.onExit().completeOnTimeout(null, NOTIFY_SECONDS, TimeUnit.SECONDS).thenAccept(done -> {
            if (done == null) {
                p.destroyForcibly();
                sayOnce("notify-send did not finish within " + NOTIFY_SECONDS + " s");
            } else if (done.exitValue() != 0) {
                sayOnce("notify-send failed with exit code " + done.exitValue());
            }
        });
    }

    /** Says once (a session) why calls are not announced on the desktop; never with the call's numbers. */
    private void sayOnce(String why) {
        if (saidTrouble.compareAndSet(false, true)) {
            LOG.warn("Calls are announced in the app only, not on the desktop: {}.", why);
        } else {
            LOG.debug("Desktop notification not shown: {}", why);
        }
    }

    private static String findOnPath(String name, String searchPath) {
        if (searchPath == null) {
            return null;
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            File f = new File(dir, name);
            if (f.isFile() && f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
