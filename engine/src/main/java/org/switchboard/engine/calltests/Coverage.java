package org.switchboard.engine.calltests;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * What a set of test runs left untested: the nodes no test call entered, and the wired outputs no test call went on
 * at (an output without a wire leads nowhere and is not counted). The app can mark these on the canvas; the CLI
 * prints them.
 */
public record Coverage(List<String> untestedNodes, List<RuntimeEvent.OutputTaken> untestedOutputs,
                       int nodes, int outputs) {

    public Coverage {
        untestedNodes = List.copyOf(untestedNodes);
        untestedOutputs = List.copyOf(untestedOutputs);
    }

    /** Coverage of these results over the flow. */
    public static Coverage of(Flow flow, NodeTypes types, List<TestResult> results) {
        Set<String> entered = new HashSet<>();
        Set<RuntimeEvent.OutputTaken> taken = new HashSet<>();
        for (TestResult r : results) {
            entered.addAll(r.nodesEntered());
            taken.addAll(r.outputsTaken());
        }
        List<String> untestedNodes = new ArrayList<>();
        List<RuntimeEvent.OutputTaken> untestedOutputs = new ArrayList<>();
        int outputs = 0;
        for (FlowNode node : flow.nodes()) {
            if (!entered.contains(node.id())) {
                untestedNodes.add(node.id());
            }
            NodeType type = types.get(node.type());
            if (type == null) {
                continue;
            }
            for (String port : type.outputIds(node)) {
                if (flow.wiresFrom(node.id(), port).isEmpty()) {
                    continue;
                }
                outputs++;
                RuntimeEvent.OutputTaken output = new RuntimeEvent.OutputTaken(node.id(), port);
                if (!taken.contains(output)) {
                    untestedOutputs.add(output);
                }
            }
        }
        return new Coverage(untestedNodes, untestedOutputs, flow.nodes().size(), outputs);
    }

    /** Whether every node and every wired output was reached. */
    public boolean complete() {
        return untestedNodes.isEmpty() && untestedOutputs.isEmpty();
    }
}
