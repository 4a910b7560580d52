package org.switchboard.engine.nodes.types;

import java.util.List;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.CallEvent;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.Outcome;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * Call events: when the walk reaches it, subscribes to the call's answer and hangup and routes them to its
 * outputs. sipgate ignores what is answered to those pushes, so only side effects (e.g. Hang up call) run there.
 */
public final class CallEventsType implements NodeType {

    public static final String ID = "callEvents";

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
        return List.of(new OutputPort(CallEvent.ANSWER.port(), m.get("port.answered")),
                new OutputPort(CallEvent.HANGUP.port(), m.get("port.hungUp")));
    }

    @Override
    public String resumePort(CallEvent event) {
        return event == CallEvent.ANSWER || event == CallEvent.HANGUP ? event.port() : null;
    }

    @Override
    public String summary(FlowNode node, Messages m) {
        return m.get("summary.callEvents");
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        call.subscribe(node, CallEvent.ANSWER);
        call.subscribe(node, CallEvent.HANGUP);
        return Outcome.STOP;
    }
}
