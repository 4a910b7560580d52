package org.switchboard.app.inspector;

import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertyChecks;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * One property of the selected node in the inspector form, made from its {@link PropertySpec} by the editor that
 * {@link PropertyEditors} maps its kind's editor id to. The flow is the
 * truth: whatever the user enters is applied at once (even when invalid, so nothing typed is lost and the problem
 * shows on the canvas and in Problems), and {@link #refresh} brings the control and its inline check up to date
 * after any change, including undo.
 */
abstract class PropertyEditor {

    final NodeEdits edits;
    final PropertySpec spec;
    final FieldBlock block;
    /** True while {@link #refresh} writes into controls, so that this is not taken for user input. */
    boolean updating;

    PropertyEditor(NodeEdits edits, PropertySpec spec) {
        this.edits = edits;
        this.spec = spec;
        String helpKey = "prop." + edits.type().id() + "." + spec.key() + ".help";
        this.block = new FieldBlock(edits.label(spec),
                edits.messages().has(helpKey) ? edits.messages().get(helpKey) : null);
        block.setId("field-" + spec.key());
    }

    /** The number of rows of a list property; the form is rebuilt when it changes. */
    static int listSize(FlowNode node, PropertySpec spec) {
        return node == null ? 0 : Values.asList(node.property(spec.key())).size();
    }

    FieldBlock view() {
        return block;
    }

    abstract void refresh(FlowNode node);

    /** The engine's check of the node's current value: null or a message (maybe a warning, see FieldBlock). */
    String problem(FlowNode node) {
        return PropertyChecks.check(edits.type(), spec, node.property(spec.key()), edits.messages());
    }

    /** A text field that ends the typed edit when it loses focus or Enter is pressed. */
    TextField textField(String id) {
        TextField f = new TextField();
        f.setId(id);
        sealOnLeave(f);
        return f;
    }

    void sealOnLeave(TextInputControl f) {
        f.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                edits.seal();
            }
        });
        if (f instanceof TextField tf) {
            tf.setOnAction(e -> edits.seal());
        }
    }

    /** Sets a field's text without treating it as typing, keeping the caret where it can. */
    void setText(TextInputControl f, String text) {
        String t = text == null ? "" : text;
        if (!t.equals(f.getText())) {
            boolean was = updating;
            updating = true;
            try {
                int caret = Math.min(f.getCaretPosition(), t.length());
                f.setText(t);
                f.positionCaret(caret);
            } finally {
                updating = was;
            }
        }
    }
}
