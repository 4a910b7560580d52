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

/**
 * Hang up call (RTCM): ends a running call through sipgate's REST API ({@code DELETE /calls/{callId}}), e.g.
 * after an answer event. The credentials come from the settings, never from the flow file.
 */
public final class HangupCallType implements NodeType {

    public static final String ID = "hangupCall";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Category category() {
        return Category.EVENTS;
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of();
    }

    @Override
    public List<OutputPort> outputs(FlowNode node, Messages m) {
        return List.of();
    }

    @Override
    public String summary(FlowNode node, Messages m) {
        return m.get("summary.hangupCall");
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        call.hangUpCall(node);
        return Outcome.STOP;
    }
}
