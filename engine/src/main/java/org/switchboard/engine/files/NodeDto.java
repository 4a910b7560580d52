package org.switchboard.engine.files;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PropertyKinds;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * One node as written in a flow file: id, type, name, the top-left corner {@code x}/{@code y}, its properties, and
 * node-level keys this version does not know ({@code extra}, written after the known keys). Separate from
 * {@link FlowNode} so that the model can change without breaking files.
 */
public record NodeDto(String id, String type, String name, double x, double y, Map<String, Object> properties,
                      Map<String, Object> extra) {

    public NodeDto {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name;
        properties = Values.freezeMap(properties);
        extra = Values.freezeMap(extra);
    }

    /**
     * Maps a model node. Known properties come first in the order the node type declares them, unknown ones after
     * in their own order, so that equal nodes are written the same way however they were edited.
     */
    public static NodeDto of(FlowNode node) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        NodeType type = NodeTypes.standard().get(node.type());
        if (type != null) {
            for (PropertySpec spec : type.properties()) {
                if (node.properties().containsKey(spec.key())) {
                    Object value = node.properties().get(spec.key());
                    ordered.put(spec.key(), spec.kind() == PropertyKinds.SOUND_URL ? savedSound(value) : value);
                }
            }
        }
        node.properties().forEach(ordered::putIfAbsent);
        return new NodeDto(node.id(), node.type(), node.name(), node.position().x(), node.position().y(), ordered,
                node.extra());
    }

    public FlowNode toNode() {
        return new FlowNode(id, type, name, new Position(x, y), properties, extra);
    }

    /**
     * A sound as saved: only the chosen source's fields (the inspector keeps the others while editing); a value
     * with a source this version does not know is kept as it is.
     */
    private static Object savedSound(Object value) {
        return value instanceof Map<?, ?> && !SoundRef.hasUnknownSource(value) ? SoundRef.of(value).toValue() : value;
    }
}
