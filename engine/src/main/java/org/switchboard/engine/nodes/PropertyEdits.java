package org.switchboard.engine.nodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.flow.Wire;

/**
 * Edits of a node's list properties that also keep the wires right ({@code Flow -> Flow}, like every edit). When the
 * entries of a list own outputs (a Switch's rules, see {@link NodeType#entryPort}), removing one drops the wires of
 * its output and moves the wires of the entries below it up by one, so every wire keeps following its entry.
 */
public final class PropertyEdits {

    private PropertyEdits() {
    }

    /**
     * The flow with entry {@code index} of the node's list property {@code key} removed and its wires rewired; the
     * flow unchanged when there is no such node or entry.
     */
    public static Flow removeEntry(Flow flow, NodeTypes types, String nodeId, String key, int index) {
        FlowNode node = flow.nodeOrNull(nodeId);
        if (node == null || index < 0) {
            return flow;
        }
        List<Object> list = new ArrayList<>(Values.asList(node.property(key)));
        if (index >= list.size()) {
            return flow;
        }
        list.remove(index);
        FlowNode changed = node.withProperty(key, list);
        NodeType type = types.get(node.type());
        Map<String, String> moved = new HashMap<>();
        String removedPort = null;
        if (type != null) {
            removedPort = type.entryPort(node, key, index);
            for (int i = index + 1; i <= list.size(); i++) {
                String from = type.entryPort(node, key, i);
                String to = type.entryPort(changed, key, i - 1);
                if (from != null && to != null) {
                    moved.put(from, to);
                }
            }
        }
        List<Wire> wires = new ArrayList<>(flow.wires().size());
        for (Wire w : flow.wires()) {
            if (!w.fromNode().equals(nodeId)) {
                wires.add(w);
            } else if (!w.fromPort().equals(removedPort)) {
                String port = moved.get(w.fromPort());
                wires.add(port == null ? w : new Wire(w.fromNode(), port, w.toNode()));
            }
        }
        return flow.withWires(wires).updateNode(nodeId, n -> changed);
    }

    /** The flow with {@code entry} appended to the node's list property {@code key}. */
    public static Flow addEntry(Flow flow, String nodeId, String key, Object entry) {
        return flow.updateNode(nodeId, n -> {
            List<Object> list = new ArrayList<>(Values.asList(n.property(key)));
            list.add(entry);
            return n.withProperty(key, list);
        });
    }
}
