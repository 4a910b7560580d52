package org.switchboard.app.inspector;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.nodes.PropertyKind;

/**
 * The layout of one inspector field: a title (with an optional hint at the right), a help line, the control and
 * the inline check message under it. A message marked as a warning ({@link PropertyKind#isWarning}) is one,
 * anything else an error; the
 * control then gets the {@code :invalid} or {@code :warning} pseudo-class (danger or warn outline).
 */
final class FieldBlock extends VBox {

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final Label hint = new Label();
    private final HBox head;
    private final Label message = new Label();
    private final VBox controlBox = new VBox(6);

    FieldBlock(String title, String help) {
        getStyleClass().add("field");
        setSpacing(6);
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().addAll("field-title", "semibold");
        titleLabel.setMinWidth(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("field-hint");
        hint.setVisible(false);
        hint.setManaged(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        head = new HBox(8, titleLabel, spacer, hint);
        head.setAlignment(Pos.BASELINE_LEFT);
        getChildren().add(head);
        if (help != null && !help.isBlank()) {
            Label helpLabel = new Label(help);
            helpLabel.getStyleClass().add("help");
            helpLabel.setWrapText(true);
            helpLabel.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(helpLabel);
        }
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setVisible(false);
        message.setManaged(false);
        getChildren().addAll(controlBox, message);
    }

    void setControl(Node... controls) {
        controlBox.getChildren().setAll(controls);
    }

    /** Puts a small control (a switch) at the right of the title instead of under it. */
    void setTrailing(Node control) {
        head.getChildren().add(control);
        head.setAlignment(Pos.CENTER_LEFT);
    }

    VBox controlBox() {
        return controlBox;
    }

    void setHint(String text) {
        boolean show = text != null && !text.isEmpty();
        hint.setText(show ? text : "");
        hint.setVisible(show);
        hint.setManaged(show);
    }

    /**
     * Shows a check result under the control and marks the given controls: null clears; a warning
     * ({@link PropertyKind#isWarning}) is shown as one.
     */
    void setProblem(String problem, Node... marked) {
        boolean show = problem != null;
        boolean warning = PropertyKind.isWarning(problem);
        message.setText(show ? PropertyKind.text(problem) : "");
        message.setGraphic(show ? Glyphs.ui(warning ? "warn" : "error", 14) : null);
        message.getStyleClass().removeAll("error", "warning");
        if (show) {
            message.getStyleClass().add(warning ? "warning" : "error");
        }
        message.setVisible(show);
        message.setManaged(show);
        for (Node n : marked) {
            mark(n, problem);
        }
    }

    static void mark(Node n, String problem) {
        boolean show = problem != null;
        boolean warning = PropertyKind.isWarning(problem);
        n.pseudoClassStateChanged(INVALID, show && !warning);
        n.pseudoClassStateChanged(WARNING, warning);
    }
}
