package org.switchboard.app.run;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.FlowDiff;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The differences between the live flow and the draft as lines a user reads: "Added: Dial “Ben”", "Changed: Main
 * menu (Timeout, name)", "Rewired: Switch", "Removed: Play “Sorry”". Nodes are named as on their cards; changed
 * settings by their labels in the inspector.
 */
final class ChangeLines {

    private final NodeTypes types;
    private final Messages messages;

    ChangeLines(NodeTypes types, Messages messages) {
        this.types = types;
        this.messages = messages;
    }

    List<String> of(List<FlowDiff.Change> changes) {
        List<String> lines = new ArrayList<>();
        for (FlowDiff.Change c : changes) {
            String node = nodeName(c.node());
            lines.add(switch (c.kind()) {
                case ADDED -> AppTexts.get("run.change.added", node);
                case REMOVED -> AppTexts.get("run.change.removed", node);
                case REWIRED -> AppTexts.get("run.change.rewired", node);
                case CHANGED -> AppTexts.get("run.change.changed", node, parts(c));
            });
        }
        return lines;
    }

    private String nodeName(FlowNode node) {
        NodeType type = types.get(node.type());
        String label = type == null ? node.type() : type.label(messages);
        return node.name().isBlank() || node.name().equals(label) ? label
                : AppTexts.get("run.change.named", label, node.name());
    }

    private String parts(FlowDiff.Change c) {
        List<String> names = new ArrayList<>();
        for (String part : c.what()) {
            if (part.equals(FlowDiff.NAME) || part.equals(FlowDiff.TYPE)) {
                names.add(AppTexts.get("run.change.part." + part));
                continue;
            }
            String key = "prop." + c.node().type() + "." + part;
            names.add(messages.has(key) ? messages.get(key) : part);
        }
        return String.join(", ", names);
    }
}
