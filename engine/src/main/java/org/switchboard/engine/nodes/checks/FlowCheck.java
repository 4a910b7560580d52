package org.switchboard.engine.nodes.checks;

import java.util.List;
import java.util.function.BiConsumer;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * One check over a whole flow, beyond each node's own properties: reachability, dead ends, Switch rules, sound
 * hosts, verb sequences. {@link FlowChecks#STANDARD} lists them; the validator runs each in turn.
 */
public interface FlowCheck {

    /** Adds what this check finds to {@code problems}, in the language of {@code m}. */
    void check(Flow flow, NodeTypes types, Messages m, List<Problem> problems);

    /** Calls {@code action} for every node of a known type. */
    static void eachNode(Flow flow, NodeTypes types, BiConsumer<FlowNode, NodeType> action) {
        for (FlowNode node : flow.nodes()) {
            NodeType type = types.get(node.type());
            if (type != null) {
                action.accept(node, type);
            }
        }
    }
}
