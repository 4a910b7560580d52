package org.switchboard.engine.nodes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.engine.nodes.types.CallEventsType;
import org.switchboard.engine.nodes.types.DialType;
import org.switchboard.engine.nodes.types.GatherType;
import org.switchboard.engine.nodes.types.HangupCallType;
import org.switchboard.engine.nodes.types.HangupType;
import org.switchboard.engine.nodes.types.IncomingCallType;
import org.switchboard.engine.nodes.types.PlayType;
import org.switchboard.engine.nodes.types.RejectType;
import org.switchboard.engine.nodes.types.SwitchType;

/** The registry of node types, in palette order. Types not found here are "unknown" and kept as they are. */
public final class NodeTypes {

    private static final NodeTypes STANDARD = new NodeTypes(List.of(
            new DialType(), new PlayType(), new GatherType(), new RejectType(), new HangupType(),
            new SwitchType(),
            new IncomingCallType(), new CallEventsType(), new HangupCallType()));

    private final Map<String, NodeType> byId = new LinkedHashMap<>();

    public NodeTypes(List<NodeType> types) {
        for (NodeType t : types) {
            if (byId.put(t.id(), t) != null) {
                throw new IllegalArgumentException("Duplicate node type " + t.id());
            }
        }
    }

    public static NodeTypes standard() {
        return STANDARD;
    }

    /** The type with this id, or {@code null} when it is unknown. */
    public NodeType get(String id) {
        return byId.get(id);
    }

    public List<NodeType> all() {
        return List.copyOf(byId.values());
    }

    public List<NodeType> inCategory(Category category) {
        return byId.values().stream().filter(t -> t.category() == category).toList();
    }
}
