package org.switchboard.app.online;

import java.util.Locale;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Theme;

/**
 * The box that shows the ngrok agent being downloaded on first use, with its progress and Cancel. It appears only
 * when a download really starts (the first bytes are reported), so going online with an agent at hand shows none.
 * {@link #show} may be called from any thread.
 */
final class DownloadProgress {

    private final Window owner;
    private final Theme theme;
    private Dialog<ButtonType> dialog;
    private final Label text = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private Runnable onCancel = () -> { };
    private boolean closed;

    DownloadProgress(Window owner, Theme theme) {
        this.owner = owner;
        this.theme = theme;
        text.setId("online-download-text");
        bar.setId("online-download-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
    }

    void onCancel(Runnable action) {
        onCancel = action;
    }

    /** Reports bytes downloaded so far (total -1: unknown). */
    void show(long done, long total) {
        Platform.runLater(() -> {
            if (closed) {
                return;
            }
            update(text, bar, done, total);
            if (dialog == null) {
                dialog = new Dialog<>();
                if (owner != null && owner.isShowing()) {
                    dialog.initOwner(owner);
                }
                dialog.setTitle(AppTexts.get("online.wizard.title"));
                theme.style(dialog);
                dialog.getDialogPane().setId("online-download-dialog");
                VBox content = new VBox(10, text, bar);
                content.setPrefWidth(400);
                dialog.getDialogPane().setContent(content);
                ButtonType cancel = new ButtonType(AppTexts.get("online.connect.cancel"),
                        ButtonBar.ButtonData.CANCEL_CLOSE);
                dialog.getDialogPane().getButtonTypes().setAll(cancel);
                dialog.getDialogPane().lookupButton(cancel).setId("online-download-cancel");
                dialog.setOnHidden(e -> {
                    if (!closed) {
                        closed = true;
                        onCancel.run();
                    }
                });
                dialog.show();
            }
        });
    }

    /** Sets the label and bar for {@code done} of {@code total} bytes. */
    static void update(Label text, ProgressBar bar, long done, long total) {
        if (total > 0) {
            text.setText(AppTexts.get("online.connect.download", String.format(Locale.ROOT, "%.1f / %.1f MB",
                    done / 1e6, total / 1e6)));
            bar.setProgress(Math.min(1, (double) done / total));
        } else {
            text.setText(AppTexts.get("online.connect.download.unknown"));
            bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        }
    }

    /** Closes the box (the attempt ended). */
    void close() {
        Platform.runLater(() -> {
            closed = true;
            if (dialog != null) {
                dialog.close();
            }
        });
    }
}
