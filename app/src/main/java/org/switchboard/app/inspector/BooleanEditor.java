package org.switchboard.app.inspector;

import org.controlsfx.control.ToggleSwitch;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertySpec;

/** On/off: a switch at the right of the field title; each flip is one edit. */
final class BooleanEditor extends PropertyEditor {

    private final ToggleSwitch toggle = new ToggleSwitch();

    BooleanEditor(NodeEdits edits, PropertySpec spec) {
        super(edits, spec);
        toggle.setId("prop-" + spec.key());
        toggle.selectedProperty().addListener((o, a, b) -> {
            if (!updating) {
                edits.clicked(spec, b);
            }
        });
        block.setTrailing(toggle);
    }

    @Override
    void refresh(FlowNode node) {
        updating = true;
        try {
            toggle.setSelected(Boolean.TRUE.equals(Values.asBoolean(node.property(spec.key()))));
        } finally {
            updating = false;
        }
        block.setProblem(problem(node), toggle);
    }
}
