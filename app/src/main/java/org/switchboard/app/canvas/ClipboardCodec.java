package org.switchboard.app.canvas;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Wire;

/**
 * The clipboard form of a sub-flow: JSON text in the shape of the flow file format ({@code formatVersion},
 * {@code nodes[id,type,name,x,y,properties]}, {@code wires[from,port,to]}), so that a copied selection can be
 * pasted into another window or a text editor and back. A stand-in until the files module's codec is on main;
 * it keeps node-level fields it does not know, like the file format does.
 */
final class ClipboardCodec {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final List<String> NODE_FIELDS = List.of("id", "type", "name", "x", "y", "properties");

    private ClipboardCodec() {
    }

    static String toJson(Flow flow) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("formatVersion", 1);
        List<Object> nodes = new ArrayList<>();
        for (FlowNode n : flow.nodes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.id());
            m.put("type", n.type());
            m.put("name", n.name());
            m.put("x", n.position().x());
            m.put("y", n.position().y());
            m.put("properties", n.properties());
            n.extra().forEach(m::putIfAbsent);
            nodes.add(m);
        }
        root.put("nodes", nodes);
        List<Object> wires = new ArrayList<>();
        for (Wire w : flow.wires()) {
            wires.add(Map.of("from", w.fromNode(), "port", w.fromPort(), "to", w.toNode()));
        }
        root.put("wires", wires);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the selection as JSON", e);
        }
    }

    /** The sub-flow in the text, or {@code null} when the text is not a flow (any other clipboard content). */
    static Flow fromJson(String text) {
        if (text == null || !text.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.path("nodes").isArray()) {
                return null;
            }
            List<FlowNode> nodes = new ArrayList<>();
            for (JsonNode n : root.path("nodes")) {
                String id = n.path("id").asText("");
                String type = n.path("type").asText("");
                if (id.isEmpty() || type.isEmpty()) {
                    return null;
                }
                Map<String, Object> props = n.path("properties").isObject()
                        ? JSON.convertValue(n.path("properties"), MAP) : Map.of();
                Map<String, Object> extra = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (!NODE_FIELDS.contains(f.getKey())) {
                        extra.put(f.getKey(), JSON.convertValue(f.getValue(), Object.class));
                    }
                }
                nodes.add(new FlowNode(id, type, n.path("name").asText(""),
                        new Position(n.path("x").asDouble(0), n.path("y").asDouble(0)), props, extra));
            }
            List<Wire> wires = new ArrayList<>();
            for (JsonNode w : root.path("wires")) {
                String from = w.path("from").asText("");
                String to = w.path("to").asText("");
                String port = w.path("port").asText("");
                if (!from.isEmpty() && !to.isEmpty() && !port.isEmpty()) {
                    wires.add(new Wire(from, port, to));
                }
            }
            return Flow.of("", nodes, wires);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Not ours (or a broken copy): pasting it does nothing, as with any other text.
            return null;
        }
    }
}
