package org.switchboard.app.simulator;

import java.util.function.Function;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.switchboard.app.ui.Glyphs;

/**
 * The step transcript of a simulated call: one row per thing that happened, with the time since the call began, a
 * round icon, the sentence and a chip naming the node it happened at. The newest row of a call in progress is the
 * current step ({@code :current}, live-soft).
 */
final class TranscriptView extends ListView<TranscriptView.Row> {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass ACTION = PseudoClass.getPseudoClass("action");

    /**
     * One row: time ({@code mm:ss}), the icon's name, the sentence, the node it concerns (or null), whether it is
     * something the caller or the called party did (not the flow), and whether it is the current step.
     */
    record Row(String time, String icon, String text, String nodeId, boolean action, boolean current) {
        Row settled() {
            return new Row(time, icon, text, nodeId, action, false);
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    /** @param chipOf the chip naming a node, or null when the node is gone */
    TranscriptView(Function<String, Node> chipOf) {
        setItems(rows);
        getStyleClass().add("sim-transcript");
        setId("sim-transcript");
        setFocusTraversable(false);
        setCellFactory(v -> new RowCell(chipOf));
    }

    ObservableList<Row> rows() {
        return rows;
    }

    /** Adds a row; the row before it stops being the current step. */
    void add(Row row) {
        if (!rows.isEmpty() && rows.get(rows.size() - 1).current()) {
            rows.set(rows.size() - 1, rows.get(rows.size() - 1).settled());
        }
        rows.add(row);
        scrollTo(rows.size() - 1);
    }

    /** The call is over: no row is current any more. */
    void settle() {
        if (!rows.isEmpty() && rows.get(rows.size() - 1).current()) {
            rows.set(rows.size() - 1, rows.get(rows.size() - 1).settled());
        }
    }

    private static final class RowCell extends ListCell<Row> {
        private final Function<String, Node> chipOf;

        RowCell(Function<String, Node> chipOf) {
            this.chipOf = chipOf;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(CURRENT, !empty && row != null && row.current());
            pseudoClassStateChanged(ACTION, !empty && row != null && row.action());
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label time = new Label(row.time());
            time.getStyleClass().add("sim-time");
            time.setMinWidth(Region.USE_PREF_SIZE);
            StackPane icon = new StackPane(Glyphs.ui(row.icon(), 13));
            icon.getStyleClass().add("sim-step-icon");
            Label text = new Label(row.text());
            text.getStyleClass().add("sim-step-text");
            text.setMinWidth(0);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(8, time, icon, text);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("sim-step");
            Node chip = row.nodeId() == null ? null : chipOf.apply(row.nodeId());
            if (chip != null) {
                line.getChildren().add(chip);
            }
            setGraphic(line);
            setText(null);
        }
    }
}
