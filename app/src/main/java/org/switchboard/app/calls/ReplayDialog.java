package org.switchboard.app.calls;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.live.DraftReplay;
import org.switchboard.app.ui.Dialogs;

/** The outcome of "Replay against the draft": same or different, and every step side by side. */
final class ReplayDialog {

    private ReplayDialog() {
    }

    static void show(Dialogs dialogs, Window owner, DraftReplay.Outcome outcome, Throwable failed) {
        Alert.AlertType type = failed == null ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR;
        Alert a = dialogs != null ? dialogs.alert(type, owner, AppTexts.get("calls.replay"), null)
                : new Alert(type, "", ButtonType.OK);
        a.setTitle(AppTexts.get("calls.replay"));
        a.getDialogPane().setId("replay-dialog");
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        if (failed != null) {
            a.setHeaderText(AppTexts.get("calls.replay.failed"));
            a.setContentText(failed.getMessage());
        } else {
            a.setHeaderText(outcome.same() ? AppTexts.get("calls.replay.same")
                    : AppTexts.get("calls.replay.differs", outcome.difference()));
            TextArea steps = new TextArea(String.join("\n", outcome.steps()));
            steps.setId("replay-steps");
            steps.getStyleClass().add("call-xml");
            steps.setEditable(false);
            steps.setPrefRowCount(Math.min(12, outcome.steps().size() + 1));
            steps.setPrefColumnCount(60);
            a.getDialogPane().setContent(steps);
        }
        a.show();
    }
}
