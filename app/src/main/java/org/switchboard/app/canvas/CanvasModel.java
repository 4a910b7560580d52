package org.switchboard.app.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

import org.switchboard.app.document.DocumentState;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The canvas's view of the current flow, kept by node id: one {@link NodeEntry} per node (in drawing order) with its
 * problems, connections and lazily measured card geometry, plus the wires. Rebuilt from each new
 * flow value; entries of unchanged nodes are kept, so their measurements and cards survive the edit.
 */
final class CanvasModel {

    /** A card size used before a node is measured; wide enough never to cull a card that is in view. */
    private static final double ESTIMATE_HEIGHT = 400;

    private final NodeTypes types;
    private final CardMeasurer measurer;
    private Map<String, NodeEntry> entries = new LinkedHashMap<>();
    private List<Wire> wires = List.of();
    private Messages messages;

    CanvasModel(NodeTypes types, CardMeasurer measurer) {
        this.types = types;
        this.measurer = measurer;
    }

    Collection<NodeEntry> entries() {
        return entries.values();
    }

    NodeEntry entry(String id) {
        return entries.get(id);
    }

    Set<String> ids() {
        return entries.keySet();
    }

    List<Wire> wires() {
        return wires;
    }

    NodeTypes types() {
        return types;
    }

    /**
     * Takes the document's new state (its problems come with it, checked once for every view). Returns the number of
     * nodes whose cards changed (for callers that care).
     */
    int reconcile(DocumentState state, Messages m) {
        boolean languageChanged = messages != m;
        messages = m;
        Flow flow = state.flow();
        Set<String> inputConnected = new HashSet<>();
        Map<String, Set<String>> outputsConnected = new HashMap<>();
        for (Wire w : flow.wires()) {
            if (flow.contains(w.fromNode()) && flow.contains(w.toNode())) {
                inputConnected.add(w.toNode());
                outputsConnected.computeIfAbsent(w.fromNode(), k -> new LinkedHashSet<>()).add(w.fromPort());
            }
        }
        wires = flow.wires();
        Map<String, NodeEntry> next = new LinkedHashMap<>();
        int changed = 0;
        for (FlowNode n : flow.nodes()) {
            NodeEntry e = entries.get(n.id());
            if (e == null) {
                e = new NodeEntry(n.id());
            }
            NodeType type = types.get(n.type());
            Set<String> outs = outputsConnected.getOrDefault(n.id(), Set.of());
            List<String> unknown = type == null ? List.copyOf(outs) : List.of();
            if (languageChanged) {
                e.geometry = null;
                e.version++;
            }
            if (e.update(n, type, state.problemsOf(n.id()), unknown)) {
                changed++;
            }
            e.inputConnected = inputConnected.contains(n.id());
            e.connectedOutputs = outs;
            next.put(n.id(), e);
        }
        entries = next;
        return changed;
    }

    /** Forgets all measurements (the fonts changed). */
    void invalidateGeometry() {
        for (NodeEntry e : entries.values()) {
            e.geometry = null;
            e.version++;
        }
    }

    CardGeometry geometry(NodeEntry e) {
        if (e.geometry == null) {
            e.geometry = measurer.measure(e.node, e.type, e.problems, e.unknownOutputs, messages);
        }
        return e.geometry;
    }

    /** The card's world box if measured, else a generous estimate (for culling without measuring). */
    double[] roughBox(NodeEntry e) {
        if (e.geometry != null) {
            return new double[] {e.x(), e.y(), e.geometry.width(), e.geometry.height()};
        }
        return new double[] {e.x(), e.y(), CardGeometry.MAX_WIDTH, ESTIMATE_HEIGHT};
    }

    /** An output port's centre in world coordinates, or null when the node or port does not exist. */
    Point2D outputPoint(String nodeId, String port) {
        NodeEntry e = entries.get(nodeId);
        if (e == null) {
            return null;
        }
        CardGeometry g = geometry(e);
        double y = g.outputY(port);
        return Double.isNaN(y) ? null : new Point2D(e.x() + g.width(), e.y() + y);
    }

    /** The input port's centre in world coordinates, or null when the node has none. */
    Point2D inputPoint(String nodeId) {
        NodeEntry e = entries.get(nodeId);
        if (e == null || (e.type != null && !e.type.hasInput())) {
            return null;
        }
        return new Point2D(e.x(), e.y() + CardGeometry.PORT_Y);
    }

    /** The world rectangle holding every card (measuring all of them), or null for an empty flow. */
    Bounds bounds() {
        if (entries.isEmpty()) {
            return null;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeEntry e : entries.values()) {
            CardGeometry g = geometry(e);
            minX = Math.min(minX, e.x());
            minY = Math.min(minY, e.y());
            maxX = Math.max(maxX, e.x() + g.width());
            maxY = Math.max(maxY, e.y() + g.height());
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The topmost card under a world point, or null. */
    NodeEntry cardAt(Point2D p) {
        NodeEntry hit = null;
        for (NodeEntry e : entries.values()) {
            double[] b = roughBox(e);
            if (p.getX() >= b[0] && p.getX() <= b[0] + b[2] && p.getY() >= b[1] && p.getY() <= b[1] + b[3]) {
                CardGeometry g = geometry(e);
                if (p.getX() <= e.x() + g.width() && p.getY() <= e.y() + g.height()) {
                    hit = e; // later cards are drawn on top
                }
            }
        }
        return hit;
    }

    /** The ids of the cards touching a world rectangle. */
    List<String> cardsIn(double x0, double y0, double x1, double y1) {
        List<String> out = new ArrayList<>();
        for (NodeEntry e : entries.values()) {
            double[] b = roughBox(e);
            if (b[0] < x1 && b[0] + b[2] > x0 && b[1] < y1 && b[1] + b[3] > y0) {
                CardGeometry g = geometry(e);
                if (e.x() + g.width() > x0 && e.y() + g.height() > y0) {
                    out.add(e.id);
                }
            }
        }
        return out;
    }
}
