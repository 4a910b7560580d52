package org.switchboard.app.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Wire;

/**
 * The canvas's edits as pure functions on flows, and their undo labels in the user's language. Kept apart from
 * the gestures so that each gesture only previews and then commits one of these through
 * {@code EditorDocument.apply}.
 */
final class CanvasEdits {

    private CanvasEdits() {
    }

    static double snap(double v) {
        return Math.round(v / GridLayer.STEP) * GridLayer.STEP;
    }

    static String addLabel(String typeLabel) {
        return AppTexts.get("canvas.undo.add", typeLabel);
    }

    static String moveLabel(int n) {
        return AppTexts.get("canvas.undo.move", n);
    }

    static String deleteLabel(int n) {
        return AppTexts.get("canvas.undo.delete", n);
    }

    static String pasteLabel(int n) {
        return AppTexts.get("canvas.undo.paste", n);
    }

    static String duplicateLabel(int n) {
        return AppTexts.get("canvas.undo.duplicate", n);
    }

    static String cutLabel(int n) {
        return AppTexts.get("canvas.undo.cut", n);
    }

    static String connectLabel() {
        return AppTexts.get("canvas.undo.connect");
    }

    static String deleteWireLabel() {
        return AppTexts.get("canvas.undo.deleteWire");
    }

    /** The id prefix for new nodes of a type: the type id, or "node" when it would not make a readable id. */
    static String idPrefix(String typeId) {
        return typeId != null && typeId.matches("[A-Za-z][A-Za-z0-9_]*") ? typeId : "node";
    }

    /** The selected nodes and the wires between them, as a flow of its own (what copy puts on the clipboard). */
    static Flow subFlow(Flow flow, Collection<String> ids) {
        Set<String> set = Set.copyOf(ids);
        List<FlowNode> nodes = flow.nodes().stream().filter(n -> set.contains(n.id())).toList();
        List<Wire> wires = flow.wires().stream()
                .filter(w -> set.contains(w.fromNode()) && set.contains(w.toNode())).toList();
        return Flow.of("", nodes, wires);
    }

    /** The result of inserting a copied sub-flow: the new flow and the ids the inserted nodes got. */
    record Insertion(Flow flow, List<String> newIds) {
    }

    /**
     * Inserts the sub-flow's nodes with fresh ids, moved by (dx, dy), and its inner wires; wires to nodes outside
     * the sub-flow are dropped.
     */
    static Insertion insert(Flow target, Flow piece, double dx, double dy) {
        Set<String> taken = new HashSet<>();
        target.nodes().forEach(n -> taken.add(n.id()));
        Map<String, String> renamed = new LinkedHashMap<>();
        List<FlowNode> added = new ArrayList<>();
        for (FlowNode n : piece.nodes()) {
            String id = freshId(target, taken, idPrefix(n.type()));
            taken.add(id);
            renamed.put(n.id(), id);
            Position p = n.position();
            added.add(n.withId(id).withPosition(new Position(p.x() + dx, p.y() + dy)));
        }
        List<Wire> wires = new ArrayList<>();
        for (Wire w : piece.wires()) {
            String from = renamed.get(w.fromNode());
            String to = renamed.get(w.toNode());
            if (from != null && to != null) {
                wires.add(new Wire(from, w.fromPort(), to));
            }
        }
        return new Insertion(target.withNodesAndWires(added, wires), List.copyOf(renamed.values()));
    }

    private static String freshId(Flow target, Set<String> taken, String prefix) {
        String id = target.freshId(prefix);
        for (int i = target.nodes().size() + 1; taken.contains(id); i++) {
            id = prefix + i;
        }
        return id;
    }
}
