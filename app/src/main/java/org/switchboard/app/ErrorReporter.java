package org.switchboard.app;

import javafx.application.Platform;
import javafx.scene.control.Alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Dialogs;

/**
 * The last line of defence: an error nobody caught is logged with its stack trace, and the user sees one friendly
 * sentence (and the error's own one-line message) instead of a stack trace. Unsaved work stays in the recovery
 * file, so the message can say so.
 */
public final class ErrorReporter implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);
    private final Dialogs dialogs;
    private boolean showing;

    private ErrorReporter(Dialogs dialogs) {
        this.dialogs = dialogs;
    }

    public static void install(Dialogs dialogs) {
        ErrorReporter r = new ErrorReporter(dialogs);
        Thread.setDefaultUncaughtExceptionHandler(r);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(r);
        } else {
            Platform.runLater(() -> Thread.currentThread().setUncaughtExceptionHandler(r));
        }
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        LOG.error("Unexpected error in thread {}", t.getName(), e);
        if (Platform.isFxApplicationThread()) {
            show(e);
        } else {
            try {
                Platform.runLater(() -> show(e));
            } catch (IllegalStateException toolkitGone) {
                // the window is gone; the log has it
            }
        }
    }

    /** The one line a user gets to see: the error's message, or its kind when it has none. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String m = root.getMessage();
        if (m == null || m.isBlank()) {
            return root.getClass().getSimpleName();
        }
        String line = m.lines().findFirst().orElse(m).trim();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private void show(Throwable e) {
        if (showing) {
            return;
        }
        showing = true;
        try {
            Alert a = dialogs.alert(Alert.AlertType.ERROR, null, AppTexts.get("dialog.error.title"),
                    AppTexts.get("dialog.unexpected.header"));
            a.setContentText(AppTexts.get("dialog.unexpected.text", oneLine(e)));
            a.getDialogPane().setId("unexpected-error-dialog");
            // show(), not showAndWait(): the error may come from layout or an animation, where waiting is refused
            a.setOnHidden(ev -> showing = false);
            a.show();
        } catch (RuntimeException again) {
            showing = false;
            LOG.error("Could not show the error dialog", again);
        }
    }
}
