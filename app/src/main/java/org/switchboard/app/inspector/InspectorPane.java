package org.switchboard.app.inspector;

import java.util.Set;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Shortcuts;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The inspector on the right. It shows the flow with nothing selected, a form for one selected node, or a summary
 * of several. It follows the document: a selection change builds the matching view; a flow change (typing, undo, a
 * canvas edit) updates the view in place, at most once per pulse, and builds a new one only when its layout must
 * change. The footer says that changes apply at once and how to undo.
 */
public final class InspectorPane extends VBox {

    private final EditorDocument doc;
    private final Consumer<String> showNode;
    private final NodeTypes types;
    private final PropertyEditors propertyEditors;
    private final StackPane headerSlot = new StackPane();
    private final ScrollPane scroll = new ScrollPane();
    private InspectorView view;
    private Set<String> viewSelection = Set.of();
    private boolean pending;

    /**
     * With the standard node types and their editors.
     *
     * @param showNode selects a node and brings it into view on the canvas
     */
    public InspectorPane(EditorDocument doc, Consumer<String> showNode) {
        this(doc, showNode, NodeTypes.standard(), PropertyEditors.standard());
    }

    /**
     * @param showNode        selects a node and brings it into view on the canvas
     * @param types           the node types whose forms it shows
     * @param propertyEditors the editor for each property kind's editor id
     */
    public InspectorPane(EditorDocument doc, Consumer<String> showNode, NodeTypes types,
                         PropertyEditors propertyEditors) {
        this.doc = doc;
        this.showNode = showNode;
        this.types = types;
        this.propertyEditors = propertyEditors;
        getStyleClass().add("inspector");
        setId("inspector");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("inspector-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label applies = new Label(AppTexts.get("inspector.footer"));
        Label kbd = new Label(Shortcuts.display("Z", false));
        kbd.getStyleClass().add("kbd");
        Label undo = new Label(AppTexts.get("inspector.footer.undo"));
        for (Label l : new Label[] {applies, kbd, undo}) {
            l.setMinWidth(Label.USE_PREF_SIZE);
        }
        HBox footer = new HBox(6, applies, kbd, undo);
        footer.getStyleClass().add("inspector-foot");
        footer.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(headerSlot, scroll, footer);
        doc.selectedNodes().addListener((SetChangeListener<String>) c -> schedule());
        doc.flowProperty().addListener((o, a, b) -> schedule());
        update();
    }

    private void schedule() {
        if (!pending) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                update();
            });
        }
    }

    /** Brings the inspector up to date now (also called once per pulse after changes). */
    public void update() {
        Set<String> selection = Set.copyOf(doc.selectedNodes());
        if (view != null && selection.equals(viewSelection) && view.refresh(doc.flow())) {
            return;
        }
        String focusedId = selection.equals(viewSelection) ? focusedFieldId() : null;
        viewSelection = selection;
        if (selection.isEmpty()) {
            view = new FlowInfo(doc);
        } else if (selection.size() == 1) {
            FlowNode node = doc.flow().nodeOrNull(selection.iterator().next());
            view = node == null ? new FlowInfo(doc) : new NodeForm(doc, node, showNode, types, propertyEditors);
        } else {
            view = new MultiSelection(doc, selection, showNode);
        }
        headerSlot.getChildren().setAll(view.header());
        double scrollPos = scroll.getVvalue();
        scroll.setContent(view.body());
        if (focusedId != null) {
            // the same node's form was rebuilt (a row added or removed): keep working where the user was
            Node again = view.body().lookup("#" + focusedId);
            if (again != null) {
                scroll.setVvalue(scrollPos);
                again.requestFocus();
            }
        }
    }

    private String focusedFieldId() {
        if (getScene() == null || !(getScene().getFocusOwner() instanceof TextInputControl t)) {
            return null;
        }
        for (Node n = t; n != null; n = n.getParent()) {
            if (n == this) {
                return t.getId();
            }
        }
        return null;
    }
}
