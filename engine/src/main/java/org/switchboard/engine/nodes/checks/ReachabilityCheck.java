package org.switchboard.engine.nodes.checks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * Nodes no call can reach: a node without any wire ("not connected"), and a wired node that no path from a trigger
 * leads to ("never runs"). Only checked when the flow has a trigger; without one the validator already says so.
 */
final class ReachabilityCheck implements FlowCheck {

    @Override
    public void check(Flow flow, NodeTypes types, Messages m, List<Problem> problems) {
        Set<String> reached = reachable(flow, types);
        if (reached.isEmpty()) {
            return;
        }
        for (FlowNode node : flow.nodes()) {
            NodeType type = types.get(node.type());
            if (reached.contains(node.id()) || type == null || type.isTrigger()) {
                continue;
            }
            boolean wired = !flow.wiresInto(node.id()).isEmpty() || !flow.wiresFrom(node.id()).isEmpty();
            problems.add(Problem.warning(node.id(), null,
                    m.get(wired ? "problem.node.unreachable" : "problem.node.unconnected")));
        }
    }

    /** Every node a call can get to, following all wires from every trigger. */
    static Set<String> reachable(Flow flow, NodeTypes types) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (FlowNode node : flow.nodes()) {
            NodeType type = types.get(node.type());
            if (type != null && type.isTrigger() && seen.add(node.id())) {
                todo.add(node.id());
            }
        }
        while (!todo.isEmpty()) {
            for (Wire w : flow.wiresFrom(todo.poll())) {
                if (flow.contains(w.toNode()) && seen.add(w.toNode())) {
                    todo.add(w.toNode());
                }
            }
        }
        return seen;
    }
}
