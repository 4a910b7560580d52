package org.switchboard.engine.files;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Values;

/**
 * A whole flow file: {@code formatVersion}, {@code name}, {@code nodes}, {@code wires}, and top-level keys this
 * version does not know ({@code extra}, written after the known keys so that a file from a newer version survives
 * a round trip). See docs/flow-format.md.
 */
public record FlowDto(int formatVersion, String name, List<NodeDto> nodes, List<WireDto> wires,
                      Map<String, Object> extra) {

    /** The format this version writes and the newest it reads. */
    public static final int CURRENT_VERSION = 1;

    /** Top-level keys with a meaning; they are never taken from or written as extra. */
    static final Set<String> KEYS = Set.of("formatVersion", "name", "nodes", "wires");

    /** Node-level keys with a meaning. */
    static final Set<String> NODE_KEYS = Set.of("id", "type", "name", "x", "y", "properties");

    public FlowDto {
        name = name == null ? "" : name;
        nodes = List.copyOf(nodes);
        wires = List.copyOf(wires);
        extra = Values.freezeMap(extra);
    }

    public static FlowDto of(Flow flow) {
        return new FlowDto(CURRENT_VERSION, flow.name(), flow.nodes().stream().map(NodeDto::of).toList(),
                flow.wires().stream().map(WireDto::of).toList(), flow.extra());
    }

    /** The model value; duplicate node ids must have been rejected before. */
    public Flow toFlow() {
        return Flow.of(name, nodes.stream().map(NodeDto::toNode).toList(),
                wires.stream().map(WireDto::toWire).toList(), extra);
    }
}
