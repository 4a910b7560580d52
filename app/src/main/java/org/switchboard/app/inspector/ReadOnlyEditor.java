package org.switchboard.app.inspector;

import javafx.scene.control.Label;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * A property whose kind has no editor in this app: its value as text, read-only, with a note that it is kept as it
 * is; the engine's check still shows under it.
 */
final class ReadOnlyEditor extends PropertyEditor {

    private final Label value = new Label();

    ReadOnlyEditor(NodeEdits edits, PropertySpec spec) {
        super(edits, spec);
        value.setId("prop-" + spec.key());
        value.setWrapText(true);
        Label note = new Label(AppTexts.get("inspector.noEditor"));
        note.getStyleClass().add("help");
        note.setWrapText(true);
        block.setControl(value, note);
    }

    @Override
    void refresh(FlowNode node) {
        Object v = node.property(spec.key());
        value.setText(v == null ? "" : String.valueOf(v));
        block.setProblem(problem(node));
    }
}
