package org.switchboard.engine.extension;

import java.util.List;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.Outcome;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.PropertyKinds;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.nodes.Webhook;

/** A trigger the engine has never heard of: new calls on its own webhook path start here, whatever the direction. */
public final class HotlineType implements NodeType {

    public static final String ID = "test.hotline";
    public static final String HOOK = "hook";

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
        return List.of(new Webhook(node.text(HOOK), HOOK, Webhook.ANY_DIRECTION));
    }

    @Override
    public List<PropertySpec> properties() {
        return List.of(new PropertySpec(HOOK, PropertyKinds.WEBHOOK_PATH, "/hotline", true, null, null, null, null,
                null));
    }

    @Override
    public List<OutputPort> outputs(FlowNode node, Messages messages) {
        return List.of(new OutputPort("call", "call"));
    }

    @Override
    public String summary(FlowNode node, Messages messages) {
        return node.text(HOOK);
    }

    @Override
    public String label(Messages messages) {
        return "Hotline";
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        return new Outcome.Route("call");
    }
}
