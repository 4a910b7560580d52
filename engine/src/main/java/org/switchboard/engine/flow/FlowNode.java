package org.switchboard.engine.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a flow: its id (unique in the flow), its type id (which may be unknown to this version; such nodes
 * are kept unchanged), a user-given name (may be empty), its canvas position and its properties as frozen JSON-like
 * values (see {@link Values}). Unknown properties are kept as they are, and so are node-level fields this version
 * does not know ({@code extra}), so files written by newer versions survive a round trip.
 */
public record FlowNode(String id, String type, String name, Position position, Map<String, Object> properties,
                       Map<String, Object> extra) {

    public FlowNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name;
        position = position == null ? Position.ORIGIN : position;
        properties = Values.freezeMap(properties);
        extra = Values.freezeMap(extra);
    }

    public FlowNode(String id, String type, String name, Position position, Map<String, Object> properties) {
        this(id, type, name, position, properties, Map.of());
    }

    public static FlowNode of(String id, String type, double x, double y) {
        return new FlowNode(id, type, "", new Position(x, y), Map.of());
    }

    public Object property(String key) {
        return properties.get(key);
    }

    public String text(String key) {
        return Values.asText(properties.get(key));
    }

    public FlowNode withName(String newName) {
        return new FlowNode(id, type, newName, position, properties, extra);
    }

    public FlowNode withPosition(Position newPosition) {
        return new FlowNode(id, type, name, newPosition, properties, extra);
    }

    public FlowNode withId(String newId) {
        return new FlowNode(newId, type, name, position, properties, extra);
    }

    public FlowNode movedBy(double dx, double dy) {
        return withPosition(position.translate(dx, dy));
    }

    public FlowNode withProperty(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        copy.put(key, value);
        return new FlowNode(id, type, name, position, copy, extra);
    }

    public FlowNode withProperties(Map<String, ?> newProperties) {
        return new FlowNode(id, type, name, position, Values.freezeMap(newProperties), extra);
    }

    /** The name if the user gave one, otherwise the given fallback (usually the type's label). */
    public String displayName(String fallback) {
        return name.isBlank() ? fallback : name;
    }
}
