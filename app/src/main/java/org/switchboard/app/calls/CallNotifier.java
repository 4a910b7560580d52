package org.switchboard.app.calls;

import java.io.File;
import java.io.IOException;
import java.util.List;
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

    private final BooleanSupplier enabled;
    private final Supplier<Window> owner;
    private final Supplier<Flow> flow;
    private final String notifySend;

    public CallNotifier(BooleanSupplier enabled, Supplier<Window> owner, Supplier<Flow> flow) {
        this.enabled = enabled;
        this.owner = owner;
        this.flow = flow;
        this.notifySend = findOnPath("notify-send");
    }

    /** Whether the desktop's notifications can be reached (else only the app shows them). */
    public static boolean desktopSupported() {
        return findOnPath("notify-send") != null;
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
        if (notifySend != null) {
            try {
                new ProcessBuilder(notifySend, "--app-name=Switchboard", "--expire-time=6000", t.get(0), t.get(1))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                LOG.debug("notify-send could not run: {}", e.getMessage());
            }
        }
    }

    private static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
