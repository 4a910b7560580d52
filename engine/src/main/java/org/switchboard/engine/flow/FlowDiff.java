package org.switchboard.engine.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between two versions of a flow for the calls it takes: nodes added, removed, changed (type, name or
 * properties) and rewired (where their outputs lead). Positions on the canvas and the flow's name do not change a
 * call, so they are no difference. A pure function of two values; the order is the newer flow's node order, then
 * removed nodes in the older flow's order. A node that was changed and rewired gives two entries.
 */
public final class FlowDiff {

    /** The kind of a difference. */
    public enum Kind { ADDED, REMOVED, CHANGED, REWIRED }

    /**
     * One difference: its kind, the node's id, the node in the older version ({@code null} when added) and in the
     * newer one ({@code null} when removed), and for {@link Kind#CHANGED} what changed: property keys, plus
     * {@code "name"} and {@code "type"} for those (sorted; empty for the other kinds).
     */
    public record Change(Kind kind, String nodeId, FlowNode before, FlowNode after, Set<String> what) {

        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(nodeId, "nodeId");
            what = what == null ? Set.of() : Set.copyOf(new TreeSet<>(what));
        }

        /** The node as it is now, or as it was when it was removed. */
        public FlowNode node() {
            return after != null ? after : before;
        }
    }

    /** The name of a node's name in {@link Change#what()}. */
    public static final String NAME = "name";
    /** The name of a node's type in {@link Change#what()}. */
    public static final String TYPE = "type";

    private FlowDiff() {
    }

    /** The differences from {@code live} to {@code draft}; empty when calls would go the same way. */
    public static List<Change> between(Flow live, Flow draft) {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(draft, "draft");
        List<Change> changes = new ArrayList<>();
        for (FlowNode now : draft.nodes()) {
            FlowNode was = live.node(now.id()).orElse(null);
            if (was == null) {
                changes.add(new Change(Kind.ADDED, now.id(), null, now, Set.of()));
                continue;
            }
            Set<String> what = changedParts(was, now);
            if (!what.isEmpty()) {
                changes.add(new Change(Kind.CHANGED, now.id(), was, now, what));
            }
            if (!outputs(live, now.id()).equals(outputs(draft, now.id()))) {
                changes.add(new Change(Kind.REWIRED, now.id(), was, now, Set.of()));
            }
        }
        for (FlowNode was : live.nodes()) {
            if (!draft.contains(was.id())) {
                changes.add(new Change(Kind.REMOVED, was.id(), was, null, Set.of()));
            }
        }
        return List.copyOf(changes);
    }

    /** Whether calls would go the same way in both versions. */
    public static boolean same(Flow live, Flow draft) {
        return between(live, draft).isEmpty();
    }

    private static Set<String> changedParts(FlowNode was, FlowNode now) {
        if (was == now) {
            return Set.of(); // unchanged nodes are shared between versions
        }
        Set<String> what = new LinkedHashSet<>();
        if (!was.type().equals(now.type())) {
            what.add(TYPE);
        }
        if (!was.name().equals(now.name())) {
            what.add(NAME);
        }
        Set<String> keys = new LinkedHashSet<>(was.properties().keySet());
        keys.addAll(now.properties().keySet());
        for (String key : keys) {
            if (!Objects.equals(was.properties().get(key), now.properties().get(key))) {
                what.add(key);
            }
        }
        if (!was.extra().equals(now.extra())) {
            what.addAll(differentKeys(was.extra(), now.extra()));
        }
        return what;
    }

    private static Set<String> differentKeys(Map<String, Object> a, Map<String, Object> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        keys.removeIf(k -> Objects.equals(a.get(k), b.get(k)));
        return keys;
    }

    /** Where a node's outputs lead: "port -> target" for each of its wires. */
    private static Set<String> outputs(Flow flow, String nodeId) {
        Set<String> out = new TreeSet<>();
        for (Wire w : flow.wiresFrom(nodeId)) {
            out.add(w.fromPort() + "\u0000" + w.toNode());
        }
        return out;
    }
}
