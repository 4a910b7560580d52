package org.switchboard.app.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.CacheHint;
import javafx.scene.Group;

import org.switchboard.engine.flow.Wire;

/**
 * Keeps the scene graph in step with the {@link CanvasModel} and the view: which cards and wires exist, and in which
 * form, is the {@link CardPolicy}'s decision for the frame; each card shows the {@link CardLook} the canvas gives it.
 * Runs in the canvas's layout pass, so new cards get their CSS and place in the same frame.
 */
final class CanvasViews {

    private final FlowCanvas canvas;
    private final CanvasModel model;
    private final CardMeasurer measurer;
    private final SimpleCardLooks simpleLooks;
    private final Group nodesLayer;
    private final WireLayer wires;
    private final Map<String, NodeView> nodeViews = new HashMap<>();
    private boolean dirty = true;
    /** The flow, the fonts or a previewed position changed since the last sync (not just the view). */
    private boolean contentChanged = true;
    /** A zoom gesture is in progress: existing cards keep their form and stay, only missing ones are built. */
    private boolean zooming;
    private boolean showEverything;
    private int syncPass;
    private CacheHint cacheHint = CacheHint.DEFAULT;

    CanvasViews(FlowCanvas canvas, CanvasModel model, CardMeasurer measurer, SimpleCardLooks simpleLooks,
            Group nodesLayer, Group wiresLayer) {
        this.canvas = canvas;
        this.model = model;
        this.measurer = measurer;
        this.simpleLooks = simpleLooks;
        this.nodesLayer = nodesLayer;
        this.wires = new WireLayer(wiresLayer);
    }

    Map<String, NodeView> nodeViews() {
        return nodeViews;
    }

    WireLayer wires() {
        return wires;
    }

    void markDirty() {
        dirty = true;
        contentChanged = true;
    }

    /**
     * Starts or ends a zoom gesture. During one, nothing is dropped and existing cards keep their form, except that
     * full cards turn simple below the simple-card zoom; so a zoom frame mostly rescales what is there and builds the
     * cards that come into view. When the gesture ends, one pass brings every card to the right form and drops the
     * far ones.
     */
    void setZooming(boolean z) {
        if (zooming != z) {
            zooming = z;
            if (!z) {
                markDirty();
            }
        }
    }

    boolean zooming() {
        return zooming;
    }

    boolean dirty() {
        return dirty;
    }

    void setShowEverything(boolean all) {
        showEverything = all;
        dirty = true;
    }

    /** SPEED lets cards reuse their bitmaps while the zoom changes; DEFAULT paints them sharp again. */
    void setCacheHint(CacheHint hint) {
        if (hint != cacheHint) {
            cacheHint = hint;
            nodeViews.values().forEach(v -> v.setCacheHint(hint));
        }
    }

    /** Shows the card's current look (its selection, hover, live state changed), if it exists. */
    void refreshLook(String id) {
        NodeView v = nodeViews.get(id);
        NodeEntry e = model.entry(id);
        if (v != null && e != null && v.built()) {
            v.setLook(canvas.lookOf(e, v.shownDetail()));
            showPath(v);
        }
    }

    void refreshLooks() {
        nodeViews.keySet().forEach(this::refreshLook);
    }

    void setWireSelected(Wire w) {
        wires.setSelected(w);
    }

    void setWireHovered(Wire w) {
        wires.setHovered(w);
    }

    /** What one sync pass did so far: its build budget and work, the cards it showed, added and removed. */
    private static final class Pass {
        final CardPolicy policy;
        final int budget;
        final List<NodeView> added = new ArrayList<>();
        final Set<NodeView> removed = new HashSet<>();
        int work;
        int shown;
        boolean deferred;

        Pass(CardPolicy policy) {
            this.policy = policy;
            this.budget = policy.buildBudget();
        }
    }

    /** Builds, updates and drops views for the visible world rectangle {x, y, w, h} at this zoom. */
    void sync(double[] visible, double zoom) {
        Pass pass = new Pass(new CardPolicy(visible, zoom, zooming, showEverything));
        // Two rounds: cards in view first, then those in the margin, so a budget cut never leaves holes in view.
        for (int round = 0; round < 2; round++) {
            double[] area = round == 0 ? pass.policy.inView() : pass.policy.createArea();
            for (NodeEntry e : model.entries()) {
                syncCard(e, round == 1, area, pass);
            }
        }
        if (nodeViews.size() > pass.shown) {
            nodeViews.entrySet().removeIf(en -> {
                if (model.entry(en.getKey()) == null) {
                    pass.removed.add(en.getValue());
                    return true;
                }
                return false;
            });
        }
        syncPass++;
        wires.setDrawArea(pass.policy.drawArea());
        boolean wiresAdded = syncWires(pass.policy);
        contentChanged = false;
        if (!pass.removed.isEmpty()) {
            nodesLayer.getChildren().removeAll(pass.removed);
        }
        if (!pass.added.isEmpty()) {
            nodesLayer.getChildren().addAll(pass.added);
        }
        if ((!pass.added.isEmpty() || wiresAdded) && canvas.getScene() != null) {
            // Style the new views now rather than in the next frame's CSS pass.
            nodesLayer.getParent().applyCss();
        }
        dirty = pass.deferred;
        if (pass.deferred) {
            // Build the rest in the next frames instead of stalling this one.
            Platform.runLater(canvas::requestLayout);
        }
    }

    /**
     * Shows, builds or drops one card. The first round ({@code margin} false) shows the cards in view; the second
     * those in the creation margin, keeps those the policy keeps and drops the rest.
     */
    private void syncCard(NodeEntry e, boolean margin, double[] area, Pass pass) {
        NodeView v = nodeViews.get(e.id);
        if (margin && v != null && v.isShownIn(syncPass)) {
            return;
        }
        double[] b = model.roughBox(e);
        boolean want = CardPolicy.intersects(b, area);
        if (want && e.geometry == null) {
            model.geometry(e);
            b = model.roughBox(e);
            want = CardPolicy.intersects(b, area);
        }
        if (margin && !want && v != null) {
            want = pass.policy.keeps(b);
        }
        if (!want) {
            if (margin && v != null) {
                nodeViews.remove(e.id);
                pass.removed.add(v);
            }
            return;
        }
        CardGeometry g = model.geometry(e);
        CardLook.Detail detail = pass.policy.detailFor(v != null && v.built() ? v.shownDetail() : null);
        boolean build = v == null || v.needsRebuild(e, g, detail);
        if (!build && !contentChanged && v.getLayoutX() == e.x() && v.getLayoutY() == e.y()) {
            // Only the view moved: the card is up to date.
            shown(v, pass);
            return;
        }
        if (build && pass.work >= pass.budget) {
            pass.deferred = true;
            if (v == null) {
                return;
            }
            // Over budget: an existing card keeps its old look for a frame or two.
            build = false;
        }
        if (v == null) {
            v = new NodeView(e.id, simpleLooks);
            v.setCacheHint(cacheHint);
            nodeViews.put(e.id, v);
            pass.added.add(v);
        }
        if (build) {
            pass.work++;
        }
        v.show(e, g, measurer, canvas.lookOf(e, detail), build);
        showPath(v);
        shown(v, pass);
    }

    /**
     * Fills the card's ports on the call path shown, puts a taken output's label in a pill, and marks what no test
     * call reaches.
     */
    private void showPath(NodeView v) {
        CallPath p = canvas.callPath();
        v.setPath(p.inputOnPath(v.nodeId()), p.outputsOnPath(v.nodeId()));
        v.setUntested(canvas.untested(v.nodeId()), canvas.untestedOutputs(v.nodeId()));
        v.setCallState(canvas.callState(v.nodeId()), measurer);
    }

    private void shown(NodeView v, Pass pass) {
        snap(v);
        v.markShown(syncPass);
        pass.shown++;
    }

    /**
     * Puts the card on whole device pixels for the current zoom. Not while zooming (the cards' bitmaps are scaled
     * then anyway, and the gesture's end snaps them), and not when every card is shown for an export at its own
     * scale.
     */
    private void snap(NodeView v) {
        if (showEverything) {
            v.clearSnap();
        } else if (!zooming) {
            PanZoom pz = canvas.panZoom();
            v.snapToPixels(pz.zoom(), pz.pixelScale());
        }
    }

    /**
     * Brings the wires near the view up to date and redraws the shared path if one came, went or moved. Returns
     * whether a wire view was added (it needs its CSS).
     */
    private boolean syncWires(CardPolicy policy) {
        Map<Wire, WireCurve> curves = wires.curves();
        boolean changed = false;
        for (Wire w : model.wires()) {
            WireCurve c = curves.get(w);
            if (c != null && !contentChanged && c.box() != null) {
                // Its ends did not move: only culling (suspended while zooming) can change.
                if (policy.keeps(c.box())) {
                    continue;
                }
                curves.remove(w);
                changed = true;
                continue;
            }
            Point2D from = null;
            Point2D to = null;
            boolean want = false;
            NodeEntry a = model.entry(w.fromNode());
            NodeEntry b = model.entry(w.toNode());
            // A new wire is only wanted within the creation margin, so only there are its cards measured for it.
            double[] reach = c == null ? policy.createArea() : policy.keepArea();
            if (a != null && b != null
                    && (zooming && c != null || CardPolicy.intersects(roughWireBox(a, b), reach))) {
                from = model.outputPoint(w.fromNode(), w.fromPort());
                to = model.inputPoint(w.toNode());
                if (from != null && to != null) {
                    double[] box = WireCurve.box(from, to);
                    want = policy.wants(box, c != null);
                }
            }
            if (want) {
                if (c == null) {
                    c = new WireCurve(w);
                    curves.put(w, c);
                }
                changed |= c.connect(from, to);
            } else if (c != null) {
                curves.remove(w);
                changed = true;
            }
        }
        if (dirty && !curves.isEmpty()) {
            Set<Wire> present = new HashSet<>(model.wires());
            changed |= curves.keySet().removeIf(w -> !present.contains(w));
        }
        if (changed) {
            wires.changed();
        }
        return wires.refresh();
    }

    private double[] roughWireBox(NodeEntry a, NodeEntry b) {
        double[] ra = model.roughBox(a);
        double[] rb = model.roughBox(b);
        double x0 = Math.min(ra[0], rb[0]);
        double x1 = Math.max(ra[0] + ra[2], rb[0] + rb[2]);
        double y0 = Math.min(ra[1], rb[1]);
        double y1 = Math.max(ra[1] + ra[3], rb[1] + rb[3]);
        double margin = Math.max(40, (x1 - x0) / 2);
        return new double[] {x0 - margin, y0, x1 - x0 + 2 * margin, y1 - y0};
    }
}
