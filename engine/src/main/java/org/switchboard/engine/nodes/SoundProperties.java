package org.switchboard.engine.nodes;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.SoundRef;

/** The sound properties of a flow (every property whose kind is {@link PropertyKinds#SOUND_URL}), in flow order. */
public final class SoundProperties {

    /** One sound property of a node, with its value read as a {@link SoundRef}. */
    public record Use(FlowNode node, NodeType type, PropertySpec spec, SoundRef sound) {
    }

    private SoundProperties() {
    }

    /** Every set sound property of the flow's nodes of known types. */
    public static List<Use> of(Flow flow, NodeTypes types) {
        List<Use> uses = new ArrayList<>();
        for (FlowNode node : flow.nodes()) {
            NodeType type = types.get(node.type());
            if (type == null) {
                continue;
            }
            for (PropertySpec spec : type.properties()) {
                Object value = node.property(spec.key());
                if (spec.kind() == PropertyKinds.SOUND_URL && !SoundRef.hasUnknownSource(value)) {
                    SoundRef sound = SoundRef.of(value);
                    if (!sound.isEmpty()) {
                        uses.add(new Use(node, type, spec, sound));
                    }
                }
            }
        }
        return uses;
    }
}
