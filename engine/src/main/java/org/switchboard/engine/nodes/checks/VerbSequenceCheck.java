package org.switchboard.engine.nodes.checks;

import java.util.List;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PropertyChecks;
import org.switchboard.engine.nodes.PropertyKinds;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * Verb sequences sipgate does not document: a Play followed in the same answer by a node that ends it (Dial,
 * Reject, Hang up), and such a node's own sound played before its verb. They are sent (the Node-RED module does
 * the same), but marked as a warning. Play after Play is the validator's own "never runs" warning.
 */
final class VerbSequenceCheck implements FlowCheck {

    @Override
    public void check(Flow flow, NodeTypes types, Messages m, List<Problem> problems) {
        FlowCheck.eachNode(flow, types, (node, type) -> {
            String port = type.continuesAnswerAt();
            if (port != null) {
                for (Wire w : flow.wiresFrom(node.id(), port)) {
                    FlowNode next = flow.nodeOrNull(w.toNode());
                    NodeType nextType = next == null ? null : types.get(next.type());
                    if (nextType != null && nextType.endsAnswer()) {
                        problems.add(Problem.warning(node.id(), null, m.get("problem.sequence.undocumented",
                                type.label(m), nextType.label(m))));
                        break;
                    }
                }
            }
            if (type.endsAnswer()) {
                for (PropertySpec spec : type.properties()) {
                    String url = Values.asText(node.property(spec.key()));
                    if (spec.kind() == PropertyKinds.SOUND_URL && url != null && !url.isBlank()
                            && PropertyChecks.applies(spec, node)) {
                        problems.add(Problem.warning(node.id(), spec.key(), m.get("problem.sequence.ownSound",
                                PropertyChecks.label(type, spec, m), type.label(m))));
                    }
                }
            }
        });
    }
}
