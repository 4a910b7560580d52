package org.switchboard.engine.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.engine.files.JsonTree.Arr;
import org.switchboard.engine.files.JsonTree.Node;
import org.switchboard.engine.files.JsonTree.Obj;
import org.switchboard.engine.files.JsonTree.Scalar;

/**
 * Reads the Switchboard flow format from a located JSON tree into a {@link FlowDto}. Only problems that make the
 * file unreadable throw (with the place and the JSON path); everything about what the flow means is left to
 * validation, so a flow with unknown node types or broken wires still opens.
 */
final class FlowFileReader {

    private final String source;
    private final List<LoadProblem> problems = new ArrayList<>();

    private FlowFileReader(String source) {
        this.source = source;
    }

    record Result(FlowDto flow, List<LoadProblem> problems) {
    }

    static Result read(Obj root, String source) throws FlowFileException {
        FlowFileReader reader = new FlowFileReader(source);
        FlowDto flow = reader.flow(root);
        return new Result(flow, reader.problems);
    }

    private FlowDto flow(Obj root) throws FlowFileException {
        Node version = root.get("formatVersion");
        if (version == null) {
            throw JsonTree.error(source, root, "", root.has("nodes")
                    ? "\"formatVersion\" is missing; a Switchboard flow file starts with \"formatVersion\": 1"
                    : "this is not a Switchboard flow file (it has no \"formatVersion\" and no \"nodes\")");
        }
        Long v = wholeNumber(version);
        if (v == null) {
            throw JsonTree.error(source, version, "formatVersion",
                    "expected a whole number, found " + JsonTree.describe(version));
        }
        if (v > FlowDto.CURRENT_VERSION) {
            throw JsonTree.error(source, version, "formatVersion", "the file was written by a newer Switchboard "
                    + "(format " + v + "); this version reads format " + FlowDto.CURRENT_VERSION
                    + " and older. Please update Switchboard");
        }
        if (v < 1) {
            throw JsonTree.error(source, version, "formatVersion", "unknown format version " + v);
        }
        String name = optionalText(root, "name", "");
        List<NodeDto> nodes = nodes(root.get("nodes"));
        List<WireDto> wires = wires(root.get("wires"));
        Map<String, Object> extra = new LinkedHashMap<>();
        root.fields().forEach((k, n) -> {
            if (!FlowDto.KEYS.contains(k)) {
                extra.put(k, JsonTree.plain(n));
            }
        });
        return new FlowDto(v.intValue(), name, nodes, wires, extra);
    }

    private List<NodeDto> nodes(Node node) throws FlowFileException {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Arr arr)) {
            throw JsonTree.error(source, node, "nodes", "expected a list of nodes, found " + JsonTree.describe(node));
        }
        List<NodeDto> nodes = new ArrayList<>(arr.items().size());
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < arr.items().size(); i++) {
            String path = JsonTree.child("nodes", i);
            Node item = arr.items().get(i);
            if (!(item instanceof Obj o)) {
                throw JsonTree.error(source, item, path, "expected a node (an object with \"id\" and \"type\"), "
                        + "found " + JsonTree.describe(item));
            }
            String id = requiredText(o, "id", path);
            Integer earlier = firstLine.putIfAbsent(id, o.get("id").loc().line());
            if (earlier != null) {
                throw JsonTree.error(source, o.get("id"), JsonTree.child(path, "id"),
                        "the node id \"" + id + "\" is used twice (first at line " + earlier + ")");
            }
            String type = requiredText(o, "type", path);
            String name = optionalText(o, "name", path);
            double x = coordinate(o, "x", path);
            double y = coordinate(o, "y", path);
            Map<String, Object> properties = properties(o, path);
            Map<String, Object> extra = new LinkedHashMap<>();
            o.fields().forEach((k, n) -> {
                if (!FlowDto.NODE_KEYS.contains(k)) {
                    extra.put(k, JsonTree.plain(n));
                }
            });
            nodes.add(new NodeDto(id, type, name, x, y, properties, extra));
        }
        return nodes;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(Obj node, String path) throws FlowFileException {
        Node p = node.get("properties");
        if (p == null || (p instanceof Scalar s && s.value() == null)) {
            return Map.of();
        }
        if (!(p instanceof Obj)) {
            throw JsonTree.error(source, p, JsonTree.child(path, "properties"),
                    "expected an object of properties, found " + JsonTree.describe(p));
        }
        return (Map<String, Object>) JsonTree.plain(p);
    }

    private List<WireDto> wires(Node node) throws FlowFileException {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Arr arr)) {
            throw JsonTree.error(source, node, "wires", "expected a list of wires, found " + JsonTree.describe(node));
        }
        List<WireDto> wires = new ArrayList<>(arr.items().size());
        for (int i = 0; i < arr.items().size(); i++) {
            String path = JsonTree.child("wires", i);
            Node item = arr.items().get(i);
            if (!(item instanceof Obj o)) {
                throw JsonTree.error(source, item, path, "expected a wire (an object with \"from\", \"port\" and "
                        + "\"to\"), found " + JsonTree.describe(item));
            }
            String from = requiredText(o, "from", path);
            String port = requiredText(o, "port", path);
            String to = requiredText(o, "to", path);
            for (String key : o.fields().keySet()) {
                if (!key.equals("from") && !key.equals("port") && !key.equals("to")) {
                    // Wires are plain values in the model; an unknown wire field cannot be kept, so say so.
                    problems.add(new LoadProblem(path, "the wire field \"" + key + "\" is not known to this "
                            + "version and will not be saved"));
                }
            }
            wires.add(new WireDto(from, port, to));
        }
        return wires;
    }

    private String requiredText(Obj o, String key, String path) throws FlowFileException {
        Node n = o.get(key);
        if (n == null) {
            throw JsonTree.error(source, o, path, "\"" + key + "\" is missing");
        }
        if (!(n instanceof Scalar s) || !(s.value() instanceof String text)) {
            throw JsonTree.error(source, n, JsonTree.child(path, key),
                    "expected text, found " + JsonTree.describe(n));
        }
        if (text.isBlank()) {
            throw JsonTree.error(source, n, JsonTree.child(path, key), "\"" + key + "\" must not be empty");
        }
        return text;
    }

    private String optionalText(Obj o, String key, String path) throws FlowFileException {
        Node n = o.get(key);
        if (n == null || (n instanceof Scalar s && s.value() == null)) {
            return "";
        }
        if (!(n instanceof Scalar s) || !(s.value() instanceof String text)) {
            throw JsonTree.error(source, n, JsonTree.child(path, key),
                    "expected text, found " + JsonTree.describe(n));
        }
        return text;
    }

    private double coordinate(Obj o, String key, String path) throws FlowFileException {
        Node n = o.get(key);
        if (n == null) {
            return 0;
        }
        if (!(n instanceof Scalar s) || !(s.value() instanceof Number number)) {
            throw JsonTree.error(source, n, JsonTree.child(path, key),
                    "expected a number, found " + JsonTree.describe(n));
        }
        return number.doubleValue();
    }

    private static Long wholeNumber(Node n) {
        if (n instanceof Scalar s && s.value() instanceof Long l) {
            return l;
        }
        if (n instanceof Scalar s && s.value() instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        return null;
    }
}
