package org.switchboard.engine.flow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A call flow as an immutable value: named nodes, wires between them, and top-level properties this version does
 * not know (kept for round trips). Every edit returns a new {@code Flow}; unchanged nodes are shared, so keeping
 * many versions for undo is cheap and any thread may read a flow without locks. Node order is the order of
 * insertion, which is also the drawing order.
 */
public final class Flow {

    private static final Flow EMPTY = new Flow("", List.of(), List.of(), Map.of());

    private final String name;
    private final Map<String, FlowNode> nodesById;
    private final List<FlowNode> nodes;
    private final List<Wire> wires;
    private final Map<String, Object> extra;

    private Flow(String name, Collection<FlowNode> nodes, Collection<Wire> wires, Map<String, ?> extra) {
        this.name = name == null ? "" : name;
        Map<String, FlowNode> byId = new LinkedHashMap<>();
        for (FlowNode node : nodes) {
            if (byId.put(node.id(), node) != null) {
                throw new IllegalArgumentException("Two nodes have the id '" + node.id() + "'");
            }
        }
        this.nodesById = Collections.unmodifiableMap(byId);
        this.nodes = List.copyOf(byId.values());
        this.wires = List.copyOf(new LinkedHashSet<>(wires));
        this.extra = Values.freezeMap(extra);
    }

    public static Flow empty() {
        return EMPTY;
    }

    /**
     * Builds a flow. Wires may name nodes or ports that do not exist; validation reports them, so that a broken file
     * still opens. Duplicate wires collapse into one; duplicate node ids are refused.
     */
    public static Flow of(String name, Collection<FlowNode> nodes, Collection<Wire> wires, Map<String, ?> extra) {
        return new Flow(name, nodes, wires, extra);
    }

    public static Flow of(String name, Collection<FlowNode> nodes, Collection<Wire> wires) {
        return new Flow(name, nodes, wires, Map.of());
    }

    public String name() {
        return name;
    }

    public List<FlowNode> nodes() {
        return nodes;
    }

    public List<Wire> wires() {
        return wires;
    }

    /** Top-level properties written by another version, kept as they were. */
    public Map<String, Object> extra() {
        return extra;
    }

    public Optional<FlowNode> node(String id) {
        return Optional.ofNullable(nodesById.get(id));
    }

    public FlowNode nodeOrNull(String id) {
        return nodesById.get(id);
    }

    public boolean contains(String nodeId) {
        return nodesById.containsKey(nodeId);
    }

    public List<Wire> wiresFrom(String nodeId, String port) {
        List<Wire> out = new ArrayList<>(2);
        for (Wire w : wires) {
            if (w.fromNode().equals(nodeId) && w.fromPort().equals(port)) {
                out.add(w);
            }
        }
        return out;
    }

    public List<Wire> wiresFrom(String nodeId) {
        return wires.stream().filter(w -> w.fromNode().equals(nodeId)).toList();
    }

    public List<Wire> wiresInto(String nodeId) {
        return wires.stream().filter(w -> w.toNode().equals(nodeId)).toList();
    }

    // ---- edits: each returns a new flow ----

    public Flow withName(String newName) {
        return new Flow(newName, nodes, wires, extra);
    }

    /** Adds the node, or replaces the node with the same id in place. */
    public Flow withNode(FlowNode node) {
        Map<String, FlowNode> copy = new LinkedHashMap<>(nodesById);
        copy.put(node.id(), node);
        return new Flow(name, copy.values(), wires, extra);
    }

    /** Adds or replaces several nodes and adds wires in one step (paste, duplicate, quick-add). */
    public Flow withNodesAndWires(Collection<FlowNode> added, Collection<Wire> addedWires) {
        Map<String, FlowNode> copy = new LinkedHashMap<>(nodesById);
        added.forEach(n -> copy.put(n.id(), n));
        List<Wire> allWires = new ArrayList<>(wires);
        allWires.addAll(addedWires);
        return new Flow(name, copy.values(), allWires, extra);
    }

    public Flow updateNode(String id, UnaryOperator<FlowNode> change) {
        FlowNode old = nodesById.get(id);
        if (old == null) {
            return this;
        }
        FlowNode updated = change.apply(old);
        if (!updated.id().equals(id)) {
            throw new IllegalArgumentException("An update must keep the node id");
        }
        return updated.equals(old) ? this : withNode(updated);
    }

    /** Removes the nodes and every wire that touches them. */
    public Flow withoutNodes(Collection<String> ids) {
        Set<String> gone = Set.copyOf(ids);
        List<FlowNode> keptNodes = nodes.stream().filter(n -> !gone.contains(n.id())).toList();
        List<Wire> keptWires = wires.stream()
                .filter(w -> !gone.contains(w.fromNode()) && !gone.contains(w.toNode())).toList();
        return new Flow(name, keptNodes, keptWires, extra);
    }

    public Flow withWire(Wire wire) {
        if (wires.contains(wire)) {
            return this;
        }
        List<Wire> copy = new ArrayList<>(wires);
        copy.add(wire);
        return new Flow(name, nodes, copy, extra);
    }

    public Flow withoutWires(Collection<Wire> gone) {
        Set<Wire> set = Set.copyOf(gone);
        return new Flow(name, nodes, wires.stream().filter(w -> !set.contains(w)).toList(), extra);
    }

    public Flow withWires(Collection<Wire> newWires) {
        return new Flow(name, nodes, newWires, extra);
    }

    /** Moves the given nodes by the same offset (one drag = one edit). */
    public Flow moveNodes(Collection<String> ids, double dx, double dy) {
        Set<String> moving = Set.copyOf(ids);
        List<FlowNode> moved = nodes.stream()
                .map(n -> moving.contains(n.id()) ? n.movedBy(dx, dy) : n).toList();
        return new Flow(name, moved, wires, extra);
    }

    /** Places nodes at the given positions (e.g. after a drag with snapping). */
    public Flow withPositions(Map<String, Position> positions) {
        List<FlowNode> moved = nodes.stream()
                .map(n -> positions.containsKey(n.id()) ? n.withPosition(positions.get(n.id())) : n).toList();
        return new Flow(name, moved, wires, extra);
    }

    /** A node id not used in this flow, made of the prefix and a number. */
    public String freshId(String prefix) {
        for (int i = nodes.size() + 1; ; i++) {
            String candidate = prefix + i;
            if (!nodesById.containsKey(candidate)) {
                return candidate;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Flow f && name.equals(f.name) && nodes.equals(f.nodes) && wires.equals(f.wires)
                && extra.equals(f.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nodes, wires, extra);
    }

    @Override
    public String toString() {
        return "Flow[" + name + ", " + nodes.size() + " nodes, " + wires.size() + " wires]";
    }
}
