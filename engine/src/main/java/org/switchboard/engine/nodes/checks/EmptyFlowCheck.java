package org.switchboard.engine.nodes.checks;

import java.util.List;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;

/** An empty flow answers no call, so it is not "ready to run". */
final class EmptyFlowCheck implements FlowCheck {

    @Override
    public void check(Flow flow, NodeTypes types, Messages m, List<Problem> problems) {
        if (flow.nodes().isEmpty()) {
            problems.add(Problem.warning(null, null, m.get("problem.flow.empty")));
        }
    }
}
