package org.switchboard.app.inspector;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.nodes.NodeTypes;

/** The inspector with several nodes selected: how many, which (click one to edit it), and Delete. */
final class MultiSelection implements InspectorView {

    private final Set<String> ids;
    private final Node body;
    private final Header header;

    MultiSelection(EditorDocument doc, Set<String> ids, Consumer<String> showNode) {
        this.ids = Set.copyOf(ids);
        StackPane tile = new StackPane(Glyphs.ui("list", 18));
        tile.getStyleClass().addAll("tile", "flow-tile");
        tile.setMinSize(34, 34);
        tile.setMaxSize(34, 34);
        header = new Header(tile, AppTexts.get("inspector.multi.title", ids.size()),
                AppTexts.get("inspector.multi.subtitle"));
        FlowPane chips = new FlowPane(6, 6);
        Flow flow = doc.flow();
        for (FlowNode n : flow.nodes()) {
            if (ids.contains(n.id())) {
                Node chip = Glyphs.nodeChip(n, NodeTypes.standard().get(n.type()), AppTexts.engine());
                chip.setOnMouseClicked(e -> showNode.accept(n.id()));
                chip.getStyleClass().add("clickable");
                chips.getChildren().add(chip);
            }
        }
        Button delete = new Button(AppTexts.get("inspector.multi.delete", ids.size()), Glyphs.ui("trash", 15));
        delete.setId("delete-selection");
        delete.getStyleClass().add("danger-button");
        delete.setOnAction(e -> doc.apply(AppTexts.get("edit.deleteNodes", ids.size()),
                f -> f.withoutNodes(List.copyOf(this.ids))));
        body = Sections.body(Sections.section(AppTexts.get("inspector.multi.nodes"), chips),
                Sections.section(null, delete));
    }

    @Override
    public Node header() {
        return header;
    }

    @Override
    public Node body() {
        return body;
    }

    @Override
    public boolean refresh(Flow flow) {
        return ids.stream().allMatch(flow::contains);
    }
}
