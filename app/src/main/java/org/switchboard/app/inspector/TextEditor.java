package org.switchboard.app.inspector;

import javafx.scene.control.TextField;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertySpec;

/** Text, phone number, sound URL and webhook path: a text field, checked as the user types. */
final class TextEditor extends PropertyEditor {

    private final TextField field;

    /**
     * @param placeholderKey app text shown while the field is empty, or null
     * @param styleClass     an extra style class (tabular digits, monospace), or null
     */
    TextEditor(NodeEdits edits, PropertySpec spec, String placeholderKey, String styleClass) {
        super(edits, spec);
        field = textField("prop-" + spec.key());
        if (placeholderKey != null) {
            field.setPromptText(AppTexts.get(placeholderKey));
        }
        if (styleClass != null) {
            field.getStyleClass().add(styleClass);
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
