package org.switchboard.app.inspector;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.flow.Flow;

/** The inspector with nothing selected: the flow's name, its size, and how to get going. */
final class FlowInfo implements InspectorView {

    private final Header header;
    private final TextField name = new TextField();
    private final Label counts = new Label();
    private final Node body;
    private boolean updating;

    FlowInfo(EditorDocument doc) {
        StackPane tile = new StackPane(Glyphs.ui("file", 18));
        tile.getStyleClass().addAll("tile", "flow-tile");
        tile.setMinSize(34, 34);
        tile.setMaxSize(34, 34);
        header = new Header(tile, "", "");
        name.setId("flow-name");
        name.setPromptText(AppTexts.get("inspector.flow.untitled"));
        name.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                doc.apply(AppTexts.get("edit.renameFlow"), "flow:name", f -> f.withName(b));
            }
        });
        name.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                doc.sealEdits();
            }
        });
        name.setOnAction(e -> doc.sealEdits());
        counts.getStyleClass().add("help");
        counts.setId("flow-counts");
        body = Sections.body(
                Sections.section(AppTexts.get("inspector.flow.name"), name),
                Sections.section(AppTexts.get("inspector.flow.overview"), counts),
                Sections.section(null, Sections.callout(AppTexts.get("inspector.flow.help"))));
        refresh(doc.flow());
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
        int nodes = flow.nodes().size();
        header.set(flow.name().isBlank() ? AppTexts.get("inspector.flow.untitled") : flow.name(),
                AppTexts.get("inspector.flow.subtitle", nodes));
        if (!flow.name().equals(name.getText())) {
            updating = true;
            try {
                name.setText(flow.name());
            } finally {
                updating = false;
            }
        }
        counts.setText(AppTexts.get("inspector.flow.counts", nodes, flow.wires().size()));
        return true;
    }
}
