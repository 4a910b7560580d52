package org.switchboard.app.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.icons.NodeIcons;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;

/**
 * The small searchable list that opens where a wire was dropped on empty canvas: typing filters the node types
 * that have an input, arrows move the highlight, Enter or a click picks one (the canvas then creates and connects
 * it in one undo step), Escape or a click elsewhere closes it. It floats on the canvas's overlay, so it follows
 * the canvas's theme. Id {@code quick-add}; rows have the ids {@code quick-add-<typeId>}.
 */
final class QuickAddPopup extends VBox {

    private static final PseudoClass HIGHLIGHT = PseudoClass.getPseudoClass("highlighted");

    private final FlowCanvas canvas;
    private final Consumer<String> onPick;
    private final Runnable onClose;
    private final TextField search = new TextField();
    private final VBox list = new VBox();
    private final List<NodeType> candidates = new ArrayList<>();
    private final List<NodeType> shown = new ArrayList<>();
    private int highlighted;
    private boolean closed;

    QuickAddPopup(FlowCanvas canvas, Consumer<String> onPick, Runnable onClose) {
        this.canvas = canvas;
        this.onPick = onPick;
        this.onClose = onClose;
        getStyleClass().add("quick-add");
        setId("quick-add");
        setManaged(false);
        search.getStyleClass().add("quick-add-search");
        search.setId("quick-add-search");
        search.setPromptText(AppTexts.get("canvas.quickAdd.search"));
        list.getStyleClass().add("quick-add-list");
        getChildren().addAll(search, list);
        for (NodeType t : canvas.types().all()) {
            if (t.hasInput()) {
                candidates.add(t);
            }
        }
        search.textProperty().addListener((o, a, b) -> filter(b));
        search.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        search.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                Platform.runLater(() -> {
                    if (!closed && !isFocusWithin()) {
                        canvas.requestFocus();
                        close();
                    }
                });
            }
        });
        filter("");
    }

    void show(Point2D viewPoint) {
        canvas.overlay().getChildren().add(this);
        applyCss();
        double w = prefWidth(-1);
        double h = prefHeight(w);
        double x = Math.max(8, Math.min(viewPoint.getX() + 10, canvas.getWidth() - w - 8));
        double y = Math.max(8, Math.min(viewPoint.getY() - 18, canvas.getHeight() - h - 8));
        resizeRelocate(x, y, w, h);
        search.requestFocus();
    }

    boolean contains(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == this) {
                return true;
            }
        }
        return false;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        canvas.overlay().getChildren().remove(this);
        onClose.run();
    }

    private void filter(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Messages m = canvas.messages();
        shown.clear();
        list.getChildren().clear();
        for (NodeType t : candidates) {
            String label = t.label(m);
            if (q.isEmpty() || label.toLowerCase(Locale.ROOT).contains(q) || t.id().toLowerCase(Locale.ROOT)
                    .contains(q)) {
                shown.add(t);
                list.getChildren().add(row(t, label));
            }
        }
        if (shown.isEmpty()) {
            Label none = new Label(AppTexts.get("canvas.quickAdd.none"));
            none.getStyleClass().add("quick-add-none");
            list.getChildren().add(none);
        }
        highlight(0);
        if (getParent() != null) {
            double w = Math.max(getWidth(), prefWidth(-1));
            resize(w, prefHeight(w));
        }
    }

    private HBox row(NodeType t, String label) {
        StackPane tile = new StackPane(NodeIcons.icon(t.id(), 13));
        tile.getStyleClass().addAll("node-tile", "small");
        Label l = new Label(label);
        l.getStyleClass().add("quick-add-label");
        HBox row = new HBox(tile, l);
        row.getStyleClass().addAll("quick-add-row", "cat-" + t.category().key());
        row.setId("quick-add-" + t.id());
        row.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            e.consume();
            pick(t);
        });
        row.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> highlight(shown.indexOf(t)));
        return row;
    }

    private void highlight(int index) {
        highlighted = shown.isEmpty() ? -1 : Math.max(0, Math.min(shown.size() - 1, index));
        for (int i = 0; i < list.getChildren().size(); i++) {
            list.getChildren().get(i).pseudoClassStateChanged(HIGHLIGHT, i == highlighted);
        }
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case DOWN -> highlight(highlighted + 1);
            case UP -> highlight(highlighted - 1);
            case ENTER -> {
                if (highlighted >= 0) {
                    pick(shown.get(highlighted));
                }
            }
            case ESCAPE -> {
                canvas.requestFocus();
                close();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void pick(NodeType t) {
        if (!closed) {
            onPick.accept(t.id());
        }
    }
}
