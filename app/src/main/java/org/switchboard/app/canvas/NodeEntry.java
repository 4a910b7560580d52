package org.switchboard.app.canvas;

import java.util.List;
import java.util.Set;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.nodes.NodeType;

/**
 * What the canvas knows about one node of the current flow, whether or not its card is built: the node, its type,
 * its problems and connections, its measured card layout (computed lazily, dropped when the content changes) and
 * the offset of a move being previewed. {@link #version} changes whenever the card must be rebuilt.
 */
final class NodeEntry {

    final String id;
    FlowNode node;
    NodeType type;
    List<Problem> problems = List.of();
    List<String> unknownOutputs = List.of();
    boolean inputConnected;
    Set<String> connectedOutputs = Set.of();
    int version;
    CardGeometry geometry;
    double previewDx;
    double previewDy;

    NodeEntry(String id) {
        this.id = id;
    }

    /** Takes the new state; returns whether the card's content changed (so it must be re-measured and rebuilt). */
    boolean update(FlowNode n, NodeType t, List<Problem> p, List<String> unknown) {
        boolean changed = node == null || type != t || !problems.equals(p) || !unknownOutputs.equals(unknown)
                || !sameContent(node, n);
        node = n;
        type = t;
        if (changed) {
            problems = List.copyOf(p);
            unknownOutputs = List.copyOf(unknown);
            geometry = null;
            version++;
        }
        return changed;
    }

    private static boolean sameContent(FlowNode a, FlowNode b) {
        return a.type().equals(b.type()) && a.name().equals(b.name()) && a.properties().equals(b.properties())
                && a.extra().equals(b.extra());
    }

    double x() {
        return node.position().x() + previewDx;
    }

    double y() {
        return node.position().y() + previewDy;
    }

    boolean hasWarning() {
        return !problems.isEmpty();
    }

    /** Whether one of its problems is an error (the card is then red, like the Problems row and the field). */
    boolean hasError() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
