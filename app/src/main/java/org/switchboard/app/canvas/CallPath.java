package org.switchboard.app.canvas;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.switchboard.engine.flow.Wire;

/**
 * The way one call took through the flow, as the canvas shows it: the nodes it is at now (they glow), the nodes it
 * passed, and the wires it took in order (lit, with the ports at their ends filled and a taken output's label in a
 * pill).
 */
record CallPath(Set<String> live, Set<String> visited, List<Wire> wires) {

    static final CallPath NONE = new CallPath(Set.of(), Set.of(), List.of());

    static CallPath of(Collection<String> live, Collection<String> visited, Collection<Wire> wires) {
        return new CallPath(Set.copyOf(live), Set.copyOf(visited), List.copyOf(new LinkedHashSet<>(wires)));
    }

    /** The path without the wires the flow no longer has (an edit removed them); this path if none went. */
    CallPath within(Collection<Wire> flowWires) {
        if (wires.isEmpty()) {
            return this;
        }
        Set<Wire> present = Set.copyOf(flowWires);
        List<Wire> kept = wires.stream().filter(present::contains).toList();
        return kept.size() == wires.size() ? this : new CallPath(live, visited, kept);
    }

    /** Whether a wire the call took ends at this node's input. */
    boolean inputOnPath(String nodeId) {
        for (Wire w : wires) {
            if (w.toNode().equals(nodeId)) {
                return true;
            }
        }
        return false;
    }

    /** The node's outputs a wire the call took starts from. */
    Set<String> outputsOnPath(String nodeId) {
        Set<String> out = new LinkedHashSet<>();
        for (Wire w : wires) {
            if (w.fromNode().equals(nodeId)) {
                out.add(w.fromPort());
            }
        }
        return out;
    }

    /** Every node whose card shows something of the path. */
    Set<String> nodes() {
        Set<String> ids = new LinkedHashSet<>(live);
        ids.addAll(visited);
        for (Wire w : wires) {
            ids.add(w.fromNode());
            ids.add(w.toNode());
        }
        return ids;
    }
}
