package org.switchboard.engine.nodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.checks.FlowCheck;
import org.switchboard.engine.nodes.checks.FlowChecks;

/**
 * Validates a whole flow: every node's properties, unknown node types, wires that lead nowhere, triggers that
 * clash, and combinations that cannot run. A flow with problems still loads and can be edited; errors only stop
 * it from going live.
 */
public final class FlowValidator {

    private final NodeTypes types;

    public FlowValidator(NodeTypes types) {
        this.types = types;
    }

    public static List<Problem> validate(Flow flow, Messages m) {
        return new FlowValidator(NodeTypes.standard()).check(flow, m);
    }

    public List<Problem> check(Flow flow, Messages m) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> triggerPaths = new HashMap<>();
        boolean anyTrigger = false;
        for (FlowNode node : flow.nodes()) {
            NodeType type = types.get(node.type());
            if (type == null) {
                problems.add(Problem.warning(node.id(), null, m.get("problem.unknownType", node.type())));
                continue;
            }
            problems.addAll(type.validate(node, m));
            anyTrigger |= type.isTrigger();
            for (Webhook hook : type.webhooks(node)) {
                for (String direction : hook.directions()) {
                    String other = triggerPaths.putIfAbsent(hook.path() + " " + direction, node.id());
                    if (other != null) {
                        problems.add(Problem.error(node.id(), hook.propertyKey(),
                                m.get("problem.duplicatePath", hook.path(), type.label(m))));
                        break;
                    }
                }
            }
        }
        if (!anyTrigger && !flow.nodes().isEmpty()) {
            problems.add(Problem.warning(null, null, m.get("problem.noTrigger")));
        }
        checkWires(flow, m, problems);
        for (FlowCheck check : FlowChecks.STANDARD) {
            check.check(flow, types, m, problems);
        }
        return problems;
    }

    private void checkWires(Flow flow, Messages m, List<Problem> problems) {
        Set<String> reported = new HashSet<>();
        for (Wire w : flow.wires()) {
            FlowNode from = flow.nodeOrNull(w.fromNode());
            FlowNode to = flow.nodeOrNull(w.toNode());
            if (from == null) {
                problems.add(Problem.error(to == null ? null : to.id(), null,
                        m.get("problem.wire.missingSource", w.fromNode())));
                continue;
            }
            if (to == null) {
                problems.add(Problem.error(from.id(), null, m.get("problem.wire.missingTarget", w.toNode())));
                continue;
            }
            NodeType fromType = types.get(from.type());
            NodeType toType = types.get(to.type());
            if (fromType != null && !fromType.outputIds(from).contains(w.fromPort())) {
                problems.add(Problem.error(from.id(), null, m.get("problem.wire.missingPort", w.fromPort())));
            }
            if (toType != null && !toType.hasInput()) {
                problems.add(Problem.error(to.id(), null, m.get("problem.wire.noInput")));
            }
            if (fromType != null && w.fromPort().equals(fromType.continuesAnswerAt()) && toType != null
                    && !toType.endsAnswer() && reported.add(from.id())) {
                problems.add(Problem.warning(from.id(), null, m.get("problem.play.next")));
            }
        }
    }
}
