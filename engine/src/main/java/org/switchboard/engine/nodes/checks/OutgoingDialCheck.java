package org.switchboard.engine.nodes.checks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.Webhook;
import org.switchboard.engine.nodes.types.DialType;

/**
 * sipgate documents several Dial targets for incoming calls only: a Dial that outgoing calls reach (from a trigger
 * that takes outgoing calls alone) may ring one number. At run time the engine answers {@code <Hangup/>} instead of
 * a Dial with several numbers on any outgoing call.
 */
final class OutgoingDialCheck implements FlowCheck {

    @Override
    public void check(Flow flow, NodeTypes types, Messages m, List<Problem> problems) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> outgoingOnly = new HashSet<>();
        FlowCheck.eachNode(flow, types, (node, type) -> {
            List<Webhook> hooks = type.webhooks(node);
            if (!hooks.isEmpty() && hooks.stream().allMatch(h -> h.directions().equals(Set.of("out")))
                    && outgoingOnly.add(node.id())) {
                todo.add(node.id());
            }
        });
        while (!todo.isEmpty()) {
            for (Wire w : flow.wiresFrom(todo.poll())) {
                if (flow.contains(w.toNode()) && outgoingOnly.add(w.toNode())) {
                    todo.add(w.toNode());
                }
            }
        }
        for (String id : outgoingOnly) {
            FlowNode node = flow.nodeOrNull(id);
            if (DialType.ID.equals(node.type()) && "number".equals(node.text(DialType.TARGET))) {
                long count = Values.asList(node.property(DialType.NUMBERS)).stream()
                        .filter(o -> o != null && !Values.asText(o).isBlank()).count();
                if (count > 1) {
                    problems.add(Problem.error(id, DialType.NUMBERS, m.get("problem.dial.outgoingMany", count)));
                }
            }
        }
    }
}
