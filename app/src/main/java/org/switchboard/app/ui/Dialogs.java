package org.switchboard.app.ui;

import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.cli.VersionProvider;

/**
 * The app's message boxes, themed like the window and worded for people: errors show the one-line message the
 * engine wrote (never a stack trace), questions name the file and offer plain answers. Styled by the {@link Theme}
 * it is given.
 */
public final class Dialogs {

    /** The answer to "Save changes to X?". */
    public enum SaveChoice { SAVE, DONT_SAVE, CANCEL }

    private final Theme theme;

    public Dialogs(Theme theme) {
        this.theme = theme;
    }

    public void error(Window owner, String header, String message) {
        Alert a = alert(Alert.AlertType.ERROR, owner, AppTexts.get("dialog.error.title"), header);
        a.setContentText(message);
        a.getDialogPane().setId("error-dialog");
        a.showAndWait();
    }

    public SaveChoice askSave(Window owner, String documentName) {
        ButtonType save = new ButtonType(AppTexts.get("dialog.save.save"), ButtonBar.ButtonData.YES);
        ButtonType dontSave = new ButtonType(AppTexts.get("dialog.save.dontSave"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(AppTexts.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.WARNING, owner, AppTexts.get("dialog.save.title"),
                AppTexts.get("dialog.save.header", documentName));
        a.setContentText(AppTexts.get("dialog.save.text"));
        a.getButtonTypes().setAll(save, dontSave, cancel);
        a.getDialogPane().setId("save-changes-dialog");
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == cancel) {
            return SaveChoice.CANCEL;
        }
        return r.get() == save ? SaveChoice.SAVE : SaveChoice.DONT_SAVE;
    }

    /**
     * "Switchboard was not closed properly. Restore …?" Returns true for Restore. Neither answer is a cancel
     * button, so the question cannot be closed away by accident: unsaved work is only dropped when asked to.
     */
    public boolean askRestore(Window owner, String documentName, String time) {
        ButtonType restore = new ButtonType(AppTexts.get("dialog.restore.restore"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(AppTexts.get("dialog.restore.discard"), ButtonBar.ButtonData.OTHER);
        Alert a = alert(Alert.AlertType.CONFIRMATION, owner, AppTexts.get("dialog.restore.title"),
                AppTexts.get("dialog.restore.header"));
        a.setContentText(AppTexts.get("dialog.restore.text", documentName, time));
        a.getButtonTypes().setAll(restore, discard);
        a.getDialogPane().setId("restore-dialog");
        return a.showAndWait().orElse(restore) == restore;
    }

    /** What a Node-RED import could not take over, one line each. */
    public void importReport(Window owner, String fileName, List<String> lines) {
        Alert a = alert(Alert.AlertType.INFORMATION, owner, AppTexts.get("dialog.import.title"),
                AppTexts.get("dialog.import.header", fileName));
        Label intro = new Label(lines.isEmpty() ? AppTexts.get("dialog.import.clean")
                : AppTexts.get("dialog.import.text", lines.size()));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(10, intro);
        if (!lines.isEmpty()) {
            TextArea list = new TextArea(String.join("\n", lines));
            list.setEditable(false);
            list.setWrapText(true);
            list.setPrefRowCount(Math.min(12, lines.size() + 1));
            list.setId("import-problems");
            content.getChildren().add(list);
        }
        Label saveHint = new Label(AppTexts.get("dialog.import.saveHint"));
        saveHint.setWrapText(true);
        saveHint.setMinHeight(Region.USE_PREF_SIZE);
        content.getChildren().add(saveHint);
        content.setPrefWidth(520);
        a.getDialogPane().setContent(content);
        a.getDialogPane().setId("import-dialog");
        a.showAndWait();
    }

    public void about(Window owner) {
        Alert a = alert(Alert.AlertType.INFORMATION, owner, AppTexts.get("dialog.about.title"),
                AppTexts.get("app.name") + " " + version());
        a.setContentText(AppTexts.get("dialog.about.text"));
        var logo = Dialogs.class.getResource("/icons/app/png/switchboard-64.png");
        if (logo != null) {
            ImageView view = new ImageView(new Image(logo.toExternalForm(), 48, 48, true, true));
            a.setGraphic(view);
        }
        a.getDialogPane().setId("about-dialog");
        a.showAndWait();
    }

    /** The build's version (the same for app and engine: one Maven reactor), e.g. {@code 0.1.0}. */
    public static String version() {
        return VersionProvider.version();
    }

    /** The app's own line icon on a tinted tile, in place of JavaFX's stock alert icons. */
    private static Node icon(Alert.AlertType type) {
        String kind = switch (type) {
            case ERROR -> "error";
            case WARNING -> "warn";
            default -> "info";
        };
        StackPane tile = new StackPane(Glyphs.ui(kind, 22));
        tile.getStyleClass().addAll("dialog-icon", kind);
        tile.setMinSize(40, 40);
        tile.setMaxSize(40, 40);
        return tile;
    }

    /** An alert with the app's theme, owned by the window (so it is centred on it), resizable to its text. */
    public Alert alert(Alert.AlertType type, Window owner, String title, String header) {
        Alert a = new Alert(type);
        if (owner != null && owner.isShowing()) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(header);
        a.setGraphic(icon(type));
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        a.getDialogPane().setMinWidth(420);
        a.setResizable(true);
        theme.style(a);
        return a;
    }
}
