package org.switchboard.engine.nodes.types;

import java.util.List;
import java.util.Set;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.CallField;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.Outcome;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.nodes.Webhook;
import org.switchboard.engine.i18n.Messages;

/**
 * Incoming call: the trigger. sipgate posts {@code newCall} to its webhook path; an optional filter limits it to
 * incoming or outgoing calls. Its single output "call" is where the flow starts.
 */
public final class IncomingCallType implements NodeType {

    public static final String ID = "incomingCall";
    public static final String PATH = "path";
    public static final String DIRECTION = "direction";
    public static final String OUT = "call";

    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.webhookPath(PATH, "/sipgate"),
            PropertySpec.choice(DIRECTION, "any", "any", "in", "out"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Category category() {
        return Category.EVENTS;
    }

    @Override
    public boolean isTrigger() {
        return true;
    }

    @Override
    public List<Webhook> webhooks(FlowNode node) {
        String direction = node.text(DIRECTION);
        Set<String> directions = "in".equals(direction) || "out".equals(direction) ? Set.of(direction)
                : Webhook.ANY_DIRECTION;
        return List.of(new Webhook(node.text(PATH), PATH, directions));
    }

    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }

    @Override
    public List<OutputPort> outputs(FlowNode node, Messages m) {
        return List.of(new OutputPort(OUT, m.get("port.call")));
    }

    @Override
    public String summary(FlowNode node, Messages m) {
        String path = node.text(PATH) == null ? "" : node.text(PATH);
        String direction = node.text(DIRECTION);
        return "in".equals(direction) || "out".equals(direction)
                ? m.get("summary.incomingCall." + direction, path) : m.get("summary.incomingCall", path);
    }

    /** Whether a call with this direction ({@code in}/{@code out}, may be null) starts at this node. */
    public static boolean accepts(FlowNode node, String direction) {
        String filter = node.text(DIRECTION);
        return filter == null || "any".equals(filter) || filter.equals(direction);
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        return accepts(node, call.field(CallField.DIRECTION)) ? new Outcome.Route(OUT) : Outcome.STOP;
    }
}
