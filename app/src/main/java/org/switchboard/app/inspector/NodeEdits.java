package org.switchboard.app.inspector;

import java.util.function.UnaryOperator;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PropertyChecks;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * How the inspector changes one node: every change is one labelled edit on the document. Typing into a field
 * coalesces under {@code prop:<nodeId>:<key>} (so a typed word is one undo step until the field is left); clicks
 * (a toggle, a choice, adding a row) are edits of their own.
 */
record NodeEdits(EditorDocument doc, String nodeId, NodeType type, NodeTypes types, Messages messages) {

    FlowNode node() {
        return doc.flow().nodeOrNull(nodeId);
    }

    String label(PropertySpec spec) {
        return PropertyChecks.label(type, spec, messages);
    }

    /** A typed change, merged with the previous one while the user stays in the field. */
    void typed(PropertySpec spec, Object value) {
        doc.apply(AppTexts.get("edit.property", label(spec)), "prop:" + nodeId + ":" + spec.key(),
                f -> f.updateNode(nodeId, n -> n.withProperty(spec.key(), value)));
    }

    /** A change made in one click. */
    void clicked(PropertySpec spec, Object value) {
        doc.apply(AppTexts.get("edit.property", label(spec)),
                f -> f.updateNode(nodeId, n -> n.withProperty(spec.key(), value)));
    }

    /** Any other one-step change to the flow, with its own label. */
    void apply(String label, UnaryOperator<Flow> edit) {
        doc.apply(label, edit);
    }

    void rename(String name) {
        doc.apply(AppTexts.get("edit.rename", type == null ? "" : type.label(messages)), "name:" + nodeId,
                f -> f.updateNode(nodeId, n -> n.withName(name)));
    }

    /** Ends the current typed run (focus left the field, or Enter). */
    void seal() {
        doc.sealEdits();
    }
}
