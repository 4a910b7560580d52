package org.switchboard.app.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Problem;

/**
 * What every view of the document reads after a change: the flow, a revision number that grows with every change
 * (edit, undo, redo, open), and the flow's problems, as a list and by node. Derived once per change by
 * {@link EditorDocument#state()}, so the flow is validated once however many views show it.
 *
 * @param problemsByNode the problems that concern a node, by node id, in the order of {@code problems}
 */
public record DocumentState(Flow flow, long revision, List<Problem> problems,
                            Map<String, List<Problem>> problemsByNode) {

    public DocumentState {
        problems = List.copyOf(problems);
        problemsByNode = Map.copyOf(problemsByNode);
    }

    /** The state of a flow with the problems found in it. */
    public static DocumentState of(Flow flow, long revision, List<Problem> problems) {
        Map<String, List<Problem>> byNode = new LinkedHashMap<>();
        for (Problem p : problems) {
            if (p.nodeId() != null) {
                byNode.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(p);
            }
        }
        byNode.replaceAll((k, v) -> List.copyOf(v));
        return new DocumentState(flow, revision, problems, byNode);
    }

    /** The problems of one node, empty when it has none. */
    public List<Problem> problemsOf(String nodeId) {
        return problemsByNode.getOrDefault(nodeId, List.of());
    }
}
