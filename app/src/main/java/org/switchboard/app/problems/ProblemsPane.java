package org.switchboard.app.problems;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The Problems tab: the problems of the document's current {@link org.switchboard.app.document.DocumentState},
 * errors first, one row each with a severity icon, the node it concerns, the sentence, a one-click fix where the fix
 * is mechanical ({@link ProblemFixes}) and "Show". Refreshed at most once per pulse however many edits arrive (rows
 * are redrawn on every change, so a renamed node's chip follows); clicking a row (or Enter) shows that node.
 */
public final class ProblemsPane extends StackPane {

    private final EditorDocument doc;
    private final NodeTypes types;
    private final Messages messages;
    private final Consumer<String> showNode;
    private final Supplier<String> homeCountry;
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ListView<Problem> list = new ListView<>(problems);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyBooleanWrapper anyError = new ReadOnlyBooleanWrapper(this, "anyError");
    private List<Problem> infos = List.of();
    private boolean pending;

    /**
     * @param types    names and colours the nodes in the rows
     * @param messages the node type labels' language
     * @param showNode    selects a node and brings it into view
     * @param homeCountry the settings' current home country (null when not set), for the country code fix
     */
    public ProblemsPane(EditorDocument doc, NodeTypes types, Messages messages, Consumer<String> showNode,
                        Supplier<String> homeCountry) {
        this.doc = doc;
        this.types = types;
        this.messages = messages;
        this.showNode = showNode;
        this.homeCountry = homeCountry;
        getStyleClass().add("problems");
        setId("problems");
        list.getStyleClass().add("problems-list");
        list.setCellFactory(v -> new ProblemCell());
        Label empty = new Label(AppTexts.get("problems.none"), Glyphs.ui("info", 15));
        empty.getStyleClass().add("problems-empty");
        list.setPlaceholder(empty);
        list.setOnKeyPressed(e -> {
            Problem p = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && p != null && p.nodeId() != null) {
                showNode.accept(p.nodeId());
            }
        });
        getChildren().add(list);
        // every new flow value, even one equal to the last (the same file opened again: its sounds are checked again)
        doc.flowProperty().addListener((javafx.beans.Observable o) -> schedule());
        doc.fileProperty().addListener((o, a, b) -> schedule()); // local sounds are checked beside the file
        refresh();
    }

    /** The number of problems shown (for the tab's count pill). */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Whether one of the problems is an error (the count pill is then red, not amber). */
    public ReadOnlyBooleanProperty anyErrorProperty() {
        return anyError.getReadOnlyProperty();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Notes shown after the problems, with an info icon and not counted (e.g. the branches no test call reaches);
     * they replace the notes shown before.
     */
    public void setInfos(List<Problem> notes) {
        infos = List.copyOf(notes);
        refresh();
    }

    /** Redraws the rows, e.g. after the home country changed (the country code fix follows it). */
    public void refreshFixes() {
        list.refresh();
    }

    private void schedule() {
        if (!pending) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                refresh();
            });
        }
    }

    private void refresh() {
        List<Problem> found = doc.state().problems().stream()
                .sorted((a, b) -> Boolean.compare(!a.isError(), !b.isError())).toList();
        List<Problem> rows = new java.util.ArrayList<>(found);
        rows.addAll(infos);
        if (!rows.equals(problems)) {
            problems.setAll(rows);
        } else {
            // the same problems, but a node may have a new name (its chip) or a fix may no longer apply
            list.refresh();
        }
        count.set(found.size());
        anyError.set(found.stream().anyMatch(Problem::isError));
    }

    private static Button rowButton(String text, String styleClass, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().addAll("problem-action", styleClass);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            e.consume();
            action.run();
        });
        return b;
    }

    private final class ProblemCell extends ListCell<Problem> {
        ProblemCell() {
            setPrefWidth(0); // the list's width decides; a long message wraps instead of scrolling sideways
            setOnMouseClicked(e -> {
                Problem p = getItem();
                if (p != null && p.nodeId() != null) {
                    showNode.accept(p.nodeId());
                }
            });
        }

        @Override
        protected void updateItem(Problem p, boolean empty) {
            super.updateItem(p, empty);
            getStyleClass().removeAll("error", "warning", "info");
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            getStyleClass().add(p.isError() ? "error" : p.isInfo() ? "info" : "warning");
            Node icon = Glyphs.ui(p.isError() ? "error" : p.isInfo() ? "info" : "warn", 16);
            icon.getStyleClass().add("severity");
            HBox row = new HBox(10, icon);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("problem-row");
            Flow flow = doc.flow();
            FlowNode node = p.nodeId() == null ? null : flow.nodeOrNull(p.nodeId());
            if (node != null) {
                row.getChildren().add(Glyphs.nodeChip(node, types.get(node.type()), messages));
            }
            Label text = new Label(p.message());
            text.getStyleClass().add("problem-text");
            text.setMinWidth(0);
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            row.getChildren().add(text);
            ProblemFixes.Fix fix = ProblemFixes.fixFor(p, flow, types, homeCountry.get());
            if (fix != null) {
                row.getChildren().add(rowButton(fix.label(), "problem-fix",
                        () -> doc.apply(fix.label(), fix.edit())));
            }
            if (node != null) {
                row.getChildren().add(rowButton(AppTexts.get("problems.show"), "problem-show",
                        () -> showNode.accept(p.nodeId())));
            }
            setGraphic(row);
            setText(null);
            setTooltip(new Tooltip(p.message()));
        }
    }
}
