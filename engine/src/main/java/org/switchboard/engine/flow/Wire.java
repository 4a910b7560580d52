package org.switchboard.engine.flow;

import java.util.Objects;

/**
 * A connection from one node's output port to another node's single input. Wires are values: two wires with the
 * same ends are the same wire, so a flow never holds duplicates.
 */
public record Wire(String fromNode, String fromPort, String toNode) {

    public Wire {
        Objects.requireNonNull(fromNode, "fromNode");
        Objects.requireNonNull(fromPort, "fromPort");
        Objects.requireNonNull(toNode, "toNode");
    }

    public boolean touches(String nodeId) {
        return fromNode.equals(nodeId) || toNode.equals(nodeId);
    }
}
