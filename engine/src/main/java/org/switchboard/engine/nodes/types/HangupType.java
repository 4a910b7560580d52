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
import org.switchboard.engine.sipgate.xml.Hangup;

/** Hang up: ends the call, optionally after a sound. Ends the flow. */
public final class HangupType implements NodeType {

    public static final String ID = "hangup";
    public static final String SOUND = "sound";

    private static final List<PropertySpec> PROPERTIES = List.of(PropertySpec.sound(SOUND, false));

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
        String sound = Sounds.summary(node, SOUND);
        return sound == null ? "" : m.get("summary.hangup.sound", sound);
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        return new Outcome.Render(Sounds.withOptionalSound(node, SOUND, new Hangup(), call), null);
    }
}
