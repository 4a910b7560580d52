package org.switchboard.app.inspector;

import javafx.scene.control.TextField;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertyKind;
import org.switchboard.engine.nodes.PropertySpec;

/** Text, phone number, sound URL and webhook path: a text field, checked as the user types. */
final class TextEditor extends PropertyEditor {

    private final TextField field;

    TextEditor(NodeEdits edits, PropertySpec spec) {
        super(edits, spec);
        field = textField("prop-" + spec.key());
        if (spec.kind() == PropertyKind.SOUND_URL) {
            field.setPromptText(AppTexts.get("inspector.sound.placeholder"));
        } else if (spec.kind() == PropertyKind.PHONE_NUMBER) {
            field.setPromptText(AppTexts.get("inspector.phone.placeholder"));
            field.getStyleClass().add("tnum");
        } else if (spec.kind() == PropertyKind.WEBHOOK_PATH) {
            field.getStyleClass().add("mono");
        }
        field.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                edits.typed(spec, b);
            }
        });
        block.setControl(field);
    }

    @Override
    void refresh(FlowNode node) {
        setText(field, Values.asText(node.property(spec.key())));
        block.setProblem(problem(node), field);
    }
}
