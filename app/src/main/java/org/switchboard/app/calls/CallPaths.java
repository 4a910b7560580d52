package org.switchboard.app.calls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Wire;

/** The canvas's view of a call's path: the node it is at, the nodes it passed, and the wires between, in order. */
record CallPaths(Set<String> live, Set<String> visited, List<Wire> wires) {

    /** Matches the path to {@code flow}: each step to the next goes along a wire between them, if the flow has one. */
    static CallPaths of(LoggedCall call, Flow flow) {
        Set<String> visited = new LinkedHashSet<>();
        List<Wire> wires = new ArrayList<>();
        String previous = null;
        for (LoggedCall.Step step : call.path()) {
            if (!flow.contains(step.nodeId())) {
                previous = null;
                continue;
            }
            visited.add(step.nodeId());
            if (previous != null) {
                for (Wire w : flow.wiresFrom(previous)) {
                    if (w.toNode().equals(step.nodeId())) {
                        wires.add(w);
                        break;
                    }
                }
            }
            previous = step.nodeId();
        }
        Set<String> live = Set.of();
        if (call.inProgress() && previous != null) {
            live = Set.of(previous);
            visited.remove(previous);
        }
        return new CallPaths(live, visited, wires);
    }
}
