package org.switchboard.engine.files;

import java.util.List;
import java.util.Map;

import org.switchboard.engine.flow.Values;

/**
 * One element of a Node-RED export as the importer sees it: id, type, name, its configuration as plain values,
 * the centre position if it has one, the tab ({@code z}) and its output wires ({@code wires[i]} = the ids that
 * output {@code i} leads to).
 */
record NodeRedEntry(String id, String type, String name, Map<String, Object> config, boolean positioned, double x,
                    double y, String z, List<List<String>> wires) {

    String text(String key) {
        String s = Values.asText(config.get(key));
        return s == null ? "" : s;
    }

    Object get(String key) {
        return config.get(key);
    }

    boolean has(String key) {
        return config.containsKey(key);
    }

    /** JavaScript truthiness, as the Node-RED nodes test their flags; the text "false" counts as false. */
    boolean flag(String key) {
        Object v = config.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty() && !"false".equalsIgnoreCase(s.trim());
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return v != null;
    }

    List<String> outputWires(int index) {
        return index < wires.size() ? wires.get(index) : List.of();
    }

    /** How problems name it: {@code node 'Welcome message' (tts)}, or the id when it has no name. */
    String place() {
        return "node " + (name.isBlank() ? id : "'" + name + "'") + " (" + type + ")";
    }
}
