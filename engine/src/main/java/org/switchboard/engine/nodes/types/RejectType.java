package org.switchboard.engine.nodes.types;

import java.util.List;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.Outcome;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.sipgate.xml.Reject;

/** Reject: refuses the call as "rejected" or "busy", optionally after a sound. Ends the flow. */
public final class RejectType implements NodeType {

    public static final String ID = "reject";
    public static final String REASON = "reason";
    public static final String SOUND = "sound";

    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.choice(REASON, "rejected", "rejected", "busy"),
            PropertySpec.sound(SOUND, false));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Category category() {
        return Category.CALL_CONTROL;
    }

    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }

    @Override
    public List<OutputPort> outputs(FlowNode node, Messages m) {
        return List.of();
    }

    @Override
    public boolean endsAnswer() {
        return true;
    }

    @Override
    public String summary(FlowNode node, Messages m) {
        return "busy".equals(node.text(REASON)) ? m.get("summary.reject.busy") : m.get("summary.reject.rejected");
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        String reason = "busy".equals(node.text(REASON)) ? "busy" : "rejected";
        return new Outcome.Render(Sounds.withOptionalSound(node, SOUND, Reject.of(reason), call), null);
    }
}
