package org.switchboard.engine.nodes.checks;

import java.util.List;
import java.util.Set;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallEvent;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.OutputPort;

/**
 * Outputs that lead nowhere where the call would then get no answer from the flow (sipgate routes it as if
 * sipgate.io were off): a trigger's, a Gather's digits, a Switch rule's. Outputs that fire on answer and hangup
 * (their answer is ignored anyway) and Play's "then" (Play is an answer on its own) may stay open.
 */
final class DeadEndCheck implements FlowCheck {

    @Override
    public void check(Flow flow, NodeTypes types, Messages m, List<Problem> problems) {
        Set<String> reached = ReachabilityCheck.reachable(flow, types);
        for (FlowNode node : flow.nodes()) {
            NodeType type = types.get(node.type());
            if (type == null || !reached.contains(node.id())) {
                continue;
            }
            for (OutputPort port : type.outputs(node, m)) {
                String id = port.id();
                boolean optional = id.equals(type.resumePort(CallEvent.ANSWER))
                        || id.equals(type.resumePort(CallEvent.HANGUP)) || id.equals(type.continuesAnswerAt());
                if (!optional && flow.wiresFrom(node.id(), id).isEmpty()) {
                    problems.add(Problem.warning(node.id(), null, m.get("problem.output.deadEnd", port.label())));
                }
            }
        }
    }
}
