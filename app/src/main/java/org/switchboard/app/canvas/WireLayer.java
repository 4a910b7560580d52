package org.switchboard.app.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

import org.switchboard.engine.flow.Wire;

/**
 * Draws the wires near the view. All ordinary wires are one {@link Path}: with a node per wire, stroking about a
 * thousand separate curves took a third of the software renderer's time in every pan and zoom frame. The path is
 * rebuilt only when a wire comes into range, leaves it or moves; panning and zooming only transform it. The
 * selected and the hovered wire, and the wires a call took (lit, a handful), are left out of the path and get a
 * {@link WireView} of their own on top, so their CSS looks still apply. Since single wires are no longer nodes,
 * clicks and hover are tested against the curves' geometry ({@link #wireAt}).
 */
final class WireLayer {

    /** How close (world units) the pointer must come to a wire to hover or pick it: half the old 12 px hit line. */
    static final double HIT_DISTANCE = 6;

    private final Group layer;
    private final Path path = new Path();
    private final Map<Wire, WireCurve> curves = new HashMap<>();
    private final Map<Wire, WireView> highlighted = new LinkedHashMap<>();
    private final Set<Wire> inPath = new HashSet<>();
    private Wire selected;
    private Wire hovered;
    private Set<Wire> lit = Set.of();
    private double[] drawArea = CardPolicy.EVERYWHERE;
    private boolean pathDirty = true;

    WireLayer(Group layer) {
        this.layer = layer;
        path.getStyleClass().addAll("wire-line", "wire-path");
        path.setId("wire-path");
        path.setFill(null);
        path.setMouseTransparent(true);
        layer.getChildren().add(path);
    }

    /** The wires near the view by wire; changing it must be followed by {@link #changed()}. */
    Map<Wire, WireCurve> curves() {
        return curves;
    }

    /** A wire came, went or moved: the path is rebuilt at the next {@link #refresh()}. */
    void changed() {
        pathDirty = true;
    }

    /**
     * Only wires whose box meets this world rectangle go into the path. The renderer strokes a path whole, also the
     * parts outside the view, so the wires kept around the view for panning stay out of it until they come near.
     */
    void setDrawArea(double[] area) {
        drawArea = area;
    }

    Wire selected() {
        return selected;
    }

    Wire hovered() {
        return hovered;
    }

    /** The shared path holding every wire that is not highlighted (for tests). */
    Path path() {
        return path;
    }

    void setSelected(Wire w) {
        if (!Objects.equals(selected, w)) {
            selected = w;
            pathDirty = true;
            refresh();
        }
    }

    void setHovered(Wire w) {
        if (!Objects.equals(hovered, w)) {
            hovered = w;
            pathDirty = true;
            refresh();
        }
    }

    /** The wires a call took, drawn lit in this order (later ones on top); empty for none. */
    void setLit(Collection<Wire> wires) {
        Set<Wire> next = new LinkedHashSet<>(wires);
        if (!List.copyOf(next).equals(List.copyOf(lit))) {
            lit = next;
            pathDirty = true;
            refresh();
        }
    }

    Set<Wire> lit() {
        return lit;
    }

    /** The wire whose curve is nearest to a world point within {@link #HIT_DISTANCE}, or null. */
    Wire wireAt(double x, double y) {
        Wire best = null;
        double bestDistance = HIT_DISTANCE;
        for (WireCurve c : curves.values()) {
            double d = c.distance(x, y, HIT_DISTANCE);
            if (d <= bestDistance) {
                best = c.wire();
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * Rebuilds the path and the highlighted wires' views if anything changed since the last time. Returns whether
     * it added a view (which then still needs its CSS).
     */
    boolean refresh() {
        if (!pathDirty && inPath.size() == countDrawn()) {
            return false;
        }
        pathDirty = false;
        inPath.clear();
        List<PathElement> elements = new ArrayList<>(2 * curves.size());
        for (WireCurve c : curves.values()) {
            if (drawn(c)) {
                inPath.add(c.wire());
                c.appendTo(elements);
            }
        }
        path.getElements().setAll(elements);
        return refreshHighlighted();
    }

    private boolean drawn(WireCurve c) {
        return c.box() != null && CardPolicy.intersects(c.box(), drawArea) && !c.wire().equals(selected)
                && !c.wire().equals(hovered) && !lit.contains(c.wire());
    }

    /** How many wires belong in the path now; -1 as soon as one of them is not in it (it must be rebuilt). */
    private int countDrawn() {
        int n = 0;
        for (WireCurve c : curves.values()) {
            if (drawn(c)) {
                if (!inPath.contains(c.wire())) {
                    return -1;
                }
                n++;
            }
        }
        return n;
    }

    private boolean refreshHighlighted() {
        Map<Wire, WireView> old = new LinkedHashMap<>(highlighted);
        highlighted.clear();
        boolean added = false;
        // Lit wires first, in the order the call took them; the selected wire last, on top of the hovered one.
        List<Wire> own = new ArrayList<>(lit.size() + 2);
        own.addAll(lit);
        own.add(hovered);
        own.add(selected);
        for (Wire w : own) {
            WireCurve c = w == null ? null : curves.get(w);
            if (c == null || c.from() == null) {
                continue;
            }
            // a lit wire that is also hovered or selected moves up to its place among those
            WireView v = highlighted.remove(w);
            if (v == null) {
                v = old.remove(w);
            }
            if (v == null) {
                v = new WireView(w);
                added = true;
            }
            v.setLook(w.equals(selected), w.equals(hovered), lit.contains(w));
            v.connect(c.from(), c.to());
            highlighted.put(w, v);
        }
        List<Node> children = new ArrayList<>(1 + highlighted.size());
        children.add(path);
        children.addAll(highlighted.values());
        if (!children.equals(layer.getChildren())) {
            layer.getChildren().setAll(children);
        }
        return added;
    }
}
