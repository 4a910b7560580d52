package org.switchboard.engine.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.switchboard.engine.files.JsonTree.Arr;
import org.switchboard.engine.files.JsonTree.Node;
import org.switchboard.engine.files.JsonTree.Obj;
import org.switchboard.engine.files.JsonTree.Scalar;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.flow.Wire;

/**
 * Converts a Node-RED export of node-red-contrib-sipgate flows into a Switchboard {@link Flow}. sipgate nodes,
 * Node-RED's {@code switch} on call fields, comments and tabs have counterparts; delays, junctions and links are
 * bridged (their inputs wired straight to their outputs); everything else is kept as an inert placeholder or left
 * out, and every such decision comes back as a {@link LoadProblem} naming the node, never silently. The mapping and
 * its reasons are documented in docs/node-red-import.md.
 */
public final class NodeRedImport {

    /** Node-RED positions are card centres; ours are top-left corners of a card about this big. */
    static final double CARD_WIDTH = 180;
    static final double CARD_HEIGHT = 60;
    /** Vertical gap between the tabs of a multi-tab export, which are stacked in one flow. */
    static final double TAB_GAP = 120;

    private static final Set<String> FLOW_TYPES = Set.of("webhook", "dial", "gather", "play", "reject", "hangup",
            "log", "hangup-call", "switch", "delay", "junction", "link in", "link out", "debug");

    private final String source;
    private final List<LoadProblem> problems = new ArrayList<>();
    private final Map<String, NodeRedEntry> entries = new LinkedHashMap<>();
    private final Map<String, String> tabs = new LinkedHashMap<>();
    private final Set<String> subflows = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> idCounters = new HashMap<>();
    private final List<FlowNode> nodes = new ArrayList<>();
    private final Map<String, String> tabOfNode = new HashMap<>();
    /** Node-RED id -> the Switchboard nodes that a wire into it reaches (two for a Gather with a companion). */
    private final Map<String, List<String>> inputs = new HashMap<>();
    /** Node-RED id -> for each Node-RED output, the Switchboard node and port it became (null: none). */
    private final Map<String, List<NodeRedMapping.PortRef>> outputs = new LinkedHashMap<>();
    /** Bridged Node-RED nodes (delay, junction, link) -> the Node-RED ids their input continues to. */
    private final Map<String, List<String>> bridges = new LinkedHashMap<>();
    private final List<Wire> wires = new ArrayList<>();
    private boolean groupsReported;

    private NodeRedImport(String source) {
        this.source = source;
    }

    /** Reads and converts a Node-RED export given as JSON text (a list of nodes). */
    public static LoadedFlow convert(String json, String sourceName) throws FlowFileException {
        Node root = JsonTree.parse(json, sourceName);
        if (root instanceof Arr arr) {
            return convert(arr, sourceName);
        }
        if (root instanceof Obj obj && obj.get("flows") instanceof Arr flows) {
            return convert(flows, sourceName);
        }
        throw JsonTree.error(sourceName, root, "", "expected a Node-RED export (a JSON list of nodes), found "
                + JsonTree.describe(root));
    }

    static LoadedFlow convert(Arr root, String source) throws FlowFileException {
        return new NodeRedImport(source).run(root);
    }

    private LoadedFlow run(Arr root) throws FlowFileException {
        readEntries(root);
        for (NodeRedEntry e : entries.values()) {
            if (e.type().equals("tab")) {
                tabs.put(e.id(), e.text("label"));
                if (e.flag("disabled")) {
                    problems.add(new LoadProblem("tab '" + e.text("label") + "'", "the tab was disabled in Node-RED; "
                            + "its nodes are imported and will run when the flow goes live"));
                }
            } else if (e.type().equals("subflow")) {
                subflows.add(e.id());
            }
        }
        NodeRedMapping mapping = new NodeRedMapping(entries, problems, notes, this::newId);
        for (NodeRedEntry e : entries.values()) {
            if (!subflows.contains(e.z())) {
                importEntry(e, mapping);
            }
        }
        wire();
        return new LoadedFlow(Flow.of(flowName(), positioned(), wires(), extra()), problems,
                LoadedFlow.Source.NODE_RED);
    }

    /** Turns one element of the export into nodes, a bridge, a note or a reported omission. */
    private void importEntry(NodeRedEntry e, NodeRedMapping mapping) {
        switch (e.type()) {
            case "tab":
                break;
            case "subflow":
                problems.add(new LoadProblem(e.place(), "subflows are not supported; its "
                        + countInside(e.id()) + " nodes were not imported"));
                break;
            case "comment":
                addNote(e);
                break;
            case "group":
                if (!groupsReported) {
                    problems.add(new LoadProblem(e.place(), "groups are not imported; their nodes are"));
                    groupsReported = true;
                }
                break;
            case "delay":
            case "junction":
            case "link in":
                bridges.put(e.id(), e.outputWires(0));
                break;
            case "link out":
                bridges.put(e.id(), linkTargets(e));
                break;
            case "debug":
                problems.add(new LoadProblem(e.place(), "debug nodes are not imported; Switchboard's call log "
                        + "shows every call"));
                break;
            default:
                if (isConfig(e)) {
                    mapping.configNode(e);
                } else {
                    place(e, mapping.flowNode(e));
                }
        }
    }

    // ---- reading the export ----

    private void readEntries(Arr root) throws FlowFileException {
        for (int i = 0; i < root.items().size(); i++) {
            Node item = root.items().get(i);
            String path = "[" + i + "]";
            if (!(item instanceof Obj o)) {
                throw JsonTree.error(source, item, path, "expected a Node-RED node (an object with \"id\" and "
                        + "\"type\"), found " + JsonTree.describe(item));
            }
            String id = text(o, "id", path);
            String type = text(o, "type", path);
            if (entries.containsKey(id)) {
                throw JsonTree.error(source, o.get("id"), path + ".id", "the node id \"" + id + "\" is used twice");
            }
            boolean positioned = o.has("x") || o.has("y");
            double x = number(o, "x", path);
            double y = number(o, "y", path);
            String name = o.get("name") instanceof Scalar s && s.value() instanceof String n ? n : "";
            String z = o.get("z") instanceof Scalar s && s.value() instanceof String t ? t : "";
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) JsonTree.plain(o);
            entries.put(id, new NodeRedEntry(id, type, name, config, positioned, x, y, z, wires(o, path)));
        }
    }

    private String text(Obj o, String key, String path) throws FlowFileException {
        Node n = o.get(key);
        if (n == null) {
            throw JsonTree.error(source, o, path, "\"" + key + "\" is missing");
        }
        if (!(n instanceof Scalar s) || !(s.value() instanceof String t) || t.isBlank()) {
            throw JsonTree.error(source, n, path + "." + key, "expected text, found " + JsonTree.describe(n));
        }
        return t;
    }

    private double number(Obj o, String key, String path) throws FlowFileException {
        Node n = o.get(key);
        if (n == null) {
            return 0;
        }
        if (!(n instanceof Scalar s) || !(s.value() instanceof Number v)) {
            throw JsonTree.error(source, n, path + "." + key, "expected a number, found " + JsonTree.describe(n));
        }
        return v.doubleValue();
    }

    private List<List<String>> wires(Obj o, String path) throws FlowFileException {
        Node n = o.get("wires");
        if (n == null) {
            return List.of();
        }
        String problem = "expected a list of outputs, each a list of node ids";
        if (!(n instanceof Arr outs)) {
            throw JsonTree.error(source, n, path + ".wires", problem + ", found " + JsonTree.describe(n));
        }
        List<List<String>> result = new ArrayList<>();
        for (int i = 0; i < outs.items().size(); i++) {
            Node out = outs.items().get(i);
            if (!(out instanceof Arr targets)) {
                throw JsonTree.error(source, out, path + ".wires[" + i + "]",
                        problem + ", found " + JsonTree.describe(out));
            }
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < targets.items().size(); j++) {
                Node t = targets.items().get(j);
                if (!(t instanceof Scalar s) || !(s.value() instanceof String id)) {
                    throw JsonTree.error(source, t, path + ".wires[" + i + "][" + j + "]",
                            "expected a node id, found " + JsonTree.describe(t));
                }
                ids.add(id);
            }
            result.add(ids);
        }
        return result;
    }

    private boolean isConfig(NodeRedEntry e) {
        return !e.positioned() && e.wires().isEmpty() && !FLOW_TYPES.contains(e.type());
    }

    private int countInside(String subflowId) {
        return (int) entries.values().stream().filter(x -> x.z().equals(subflowId)).count();
    }

    private List<String> linkTargets(NodeRedEntry e) {
        List<String> targets = new ArrayList<>();
        for (Object o : Values.asList(e.get("links"))) {
            if (o instanceof String s) {
                targets.add(s);
            }
        }
        if ("return".equals(e.text("mode"))) {
            problems.add(new LoadProblem(e.place(), "'return to calling link' is not supported; the wire ends here"));
        }
        return targets;
    }

    private void addNote(NodeRedEntry e) {
        String info = e.text("info").strip();
        String title = e.name().strip();
        String note = title.isEmpty() ? info : info.isEmpty() ? title : title + "\n\n" + info;
        if (!note.isEmpty()) {
            notes.add(note);
        }
    }

    // ---- building the flow ----

    private String newId(String prefix) {
        int n = idCounters.merge(prefix, 1, Integer::sum);
        return prefix + n;
    }

    private void place(NodeRedEntry e, NodeRedMapping.Mapped mapped) {
        if (e.has("d") && e.flag("d")) {
            problems.add(new LoadProblem(e.place(), "the node was disabled in Node-RED; Switchboard has no disabled "
                    + "nodes, so it runs now (delete it if it is not needed)"));
        }
        List<String> in = new ArrayList<>();
        in.add(mapped.node().id());
        nodes.add(mapped.node());
        tabOfNode.put(mapped.node().id(), e.z());
        if (mapped.companion() != null) {
            in.add(mapped.companion().id());
            nodes.add(mapped.companion());
            tabOfNode.put(mapped.companion().id(), e.z());
        }
        inputs.put(e.id(), in);
        outputs.put(e.id(), mapped.outputs());
    }

    /** The Switchboard nodes a wire into the Node-RED node reaches, following bridges (cycles end nowhere). */
    private List<String> resolve(String nodeRedId, Set<String> visiting) {
        if (inputs.containsKey(nodeRedId)) {
            return inputs.get(nodeRedId);
        }
        if (!bridges.containsKey(nodeRedId) || !visiting.add(nodeRedId)) {
            return List.of();
        }
        Set<String> targets = new LinkedHashSet<>();
        for (String next : bridges.get(nodeRedId)) {
            targets.addAll(resolve(next, visiting));
        }
        visiting.remove(nodeRedId);
        return List.copyOf(targets);
    }

    private void wire() {
        for (Map.Entry<String, List<NodeRedMapping.PortRef>> out : outputs.entrySet()) {
            NodeRedEntry e = entries.get(out.getKey());
            List<NodeRedMapping.PortRef> ports = out.getValue();
            for (int i = 0; i < e.wires().size(); i++) {
                List<String> targets = e.outputWires(i);
                if (targets.isEmpty()) {
                    continue;
                }
                NodeRedMapping.PortRef port = i < ports.size() ? ports.get(i) : null;
                if (port == NodeRedMapping.DROPPED) {
                    continue;
                }
                if (port == null) {
                    problems.add(new LoadProblem(e.place(), "output " + (i + 1) + " has no counterpart in "
                            + "Switchboard; its wires were left out"));
                    continue;
                }
                for (String target : targets) {
                    connect(e, port, target);
                }
            }
        }
        reportBridges();
        // Wire order follows the export's node order, so the same export always gives the same file.
        List<String> order = new ArrayList<>();
        nodes.forEach(n -> order.add(n.id()));
        wires.sort((a, b) -> Integer.compare(order.indexOf(a.fromNode()), order.indexOf(b.fromNode())));
    }

    private void connect(NodeRedEntry from, NodeRedMapping.PortRef port, String target) {
        if (!entries.containsKey(target)) {
            problems.add(new LoadProblem(from.place(), "a wire leads to node " + target + ", which is not in the "
                    + "export; it was left out"));
            return;
        }
        List<String> reached = resolve(target, new HashSet<>());
        // Wires into a debug node need no word of their own: the debug node itself is reported once.
        if (reached.isEmpty() && !bridges.containsKey(target) && !entries.get(target).type().equals("debug")) {
            problems.add(new LoadProblem(from.place(), "a wire leads to " + entries.get(target).place()
                    + ", which was not imported; the wire was left out"));
        }
        for (String to : reached) {
            Wire w = new Wire(port.node(), port.port(), to);
            if (!wires.contains(w)) {
                wires.add(w);
            }
        }
    }

    private void reportBridges() {
        for (Map.Entry<String, List<String>> b : bridges.entrySet()) {
            NodeRedEntry e = entries.get(b.getKey());
            if (!e.type().equals("delay")) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String id : resolve(e.id(), new HashSet<>())) {
                next.add(label(id));
            }
            String what = NodeRedMapping.describeDelay(e);
            String then = next.isEmpty() ? "it was not connected to anything"
                    : "its input now goes straight to " + String.join(", ", next) + ", which "
                    + (next.size() == 1 ? "runs" : "run") + " right away";
            problems.add(new LoadProblem(e.place(), what + " was removed because Switchboard has no delay; "
                    + then));
        }
    }

    private String label(String nodeId) {
        for (FlowNode n : nodes) {
            if (n.id().equals(nodeId)) {
                return "'" + n.displayName(NodeRedMapping.typeLabel(n.type())) + "'";
            }
        }
        return nodeId;
    }

    private List<Wire> wires() {
        return wires;
    }

    /** Converts centres to corners and stacks the tabs of a multi-tab export one below the other. */
    private List<FlowNode> positioned() {
        List<String> order = new ArrayList<>(tabs.keySet());
        Map<String, Double> offset = new HashMap<>();
        double nextTop = 0;
        boolean first = true;
        for (String tab : order) {
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (FlowNode n : nodes) {
                if (tab.equals(tabOfNode.get(n.id()))) {
                    minY = Math.min(minY, n.position().y());
                    maxY = Math.max(maxY, n.position().y());
                }
            }
            if (minY == Double.MAX_VALUE) {
                continue;
            }
            double shift = first ? 0 : nextTop - (minY - CARD_HEIGHT / 2);
            offset.put(tab, shift);
            nextTop = maxY + shift + CARD_HEIGHT / 2 + TAB_GAP;
            first = false;
        }
        if (offset.size() > 1) {
            problems.add(new LoadProblem("export", "it has " + offset.size() + " tabs ("
                    + String.join(", ", offset.keySet().stream().map(t -> "'" + tabs.get(t) + "'").toList())
                    + "); they were placed one below the other in one flow"));
        }
        List<FlowNode> result = new ArrayList<>(nodes.size());
        for (FlowNode n : nodes) {
            double dy = offset.getOrDefault(tabOfNode.get(n.id()), 0.0);
            Position p = n.position();
            result.add(n.withPosition(new Position(Math.round(p.x() - CARD_WIDTH / 2),
                    Math.round(p.y() - CARD_HEIGHT / 2 + dy))));
        }
        return result;
    }

    private String flowName() {
        if (!tabs.isEmpty()) {
            String label = tabs.values().iterator().next();
            if (!label.isBlank()) {
                return label;
            }
        }
        String file = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        return file.toLowerCase(Locale.ROOT).endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }

    private Map<String, Object> extra() {
        return notes.isEmpty() ? Map.of() : Map.of("notes", String.join("\n\n", notes));
    }
}
