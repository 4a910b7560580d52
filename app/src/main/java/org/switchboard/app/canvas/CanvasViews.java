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
 * Keeps the scene graph in step with the {@link CanvasModel} and the view: cards and wires exist only near the
 * visible area (built when they come within a quarter of a screen of it, dropped when more than three quarters
 * away, so panning does not churn), in full or simplified form depending on the zoom. Runs in the canvas's layout
 * pass, so new cards get their CSS and place in the same frame.
 */
final class CanvasViews {

    private static final double CREATE_MARGIN = 0.25;
    private static final double KEEP_MARGIN = 0.75;
    /** How many cards one frame may build or rebuild; the rest follow in the next frames. */
    private static final int DETAILED_PER_FRAME = 16;
    private static final int SIMPLE_PER_FRAME = 100;
    static final double[] EVERYWHERE = {-1e12, -1e12, 2e12, 2e12};
    /** How far around the view wires are stroked (a fraction of the view), so small pans do not redraw them. */
    private static final double DRAW_MARGIN = 0.1;

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
    /** Cards built for the first time and existing cards rebuilt (counted for tests and benchmarks). */
    private int cardBuilds;
    private int cardRebuilds;
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

    /** Cards built so far: {new cards, rebuilt existing cards}. */
    int[] buildCounts() {
        return new int[] {cardBuilds, cardRebuilds};
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

    void setSelectedLook(String id, boolean selected) {
        NodeView v = nodeViews.get(id);
        if (v != null) {
            v.setSelected(selected);
        }
    }

    void refreshSelectionLook() {
        nodeViews.forEach((id, v) -> v.setSelected(canvas.selected(id)));
    }

    void setWireSelected(Wire w) {
        wires.setSelected(w);
    }

    void setWireHovered(Wire w) {
        wires.setHovered(w);
    }

    /** Builds, updates and drops views for the visible world rectangle {x, y, w, h}. */
    void sync(double[] visible, boolean lod) {
        boolean detailed = showEverything || !lod;
        double[] create = showEverything ? EVERYWHERE : expand(visible, CREATE_MARGIN);
        double[] keep = showEverything ? EVERYWHERE : expand(visible, KEEP_MARGIN);
        int budget = showEverything ? Integer.MAX_VALUE
                : detailed && !zooming ? DETAILED_PER_FRAME : SIMPLE_PER_FRAME;
        List<NodeView> added = new ArrayList<>();
        Set<NodeView> removed = new HashSet<>();
        boolean deferred = false;
        int work = 0;
        int shown = 0;
        // Two rounds: cards in view first, then those in the margin, so a budget cut never leaves holes in view.
        for (int round = 0; round < 2; round++) {
            double[] area = round == 0 && !showEverything ? visible : create;
            for (NodeEntry e : model.entries()) {
                NodeView v = nodeViews.get(e.id);
                if (round == 1 && v != null && v.isShownIn(syncPass)) {
                    continue;
                }
                double[] b = model.roughBox(e);
                boolean want = intersects(b, area);
                if (want && e.geometry == null) {
                    model.geometry(e);
                    b = model.roughBox(e);
                    want = intersects(b, area);
                }
                if (round == 1 && !want && v != null) {
                    // While zooming, nothing is dropped: the cards far away cost nothing until the gesture ends.
                    want = zooming || intersects(b, keep);
                }
                if (want) {
                    CardGeometry g = model.geometry(e);
                    // While zooming a new card comes in simple (a tenth of the work of a full card) and an existing
                    // one keeps its form, except that below the simple-card zoom full cards turn simple too (a few
                    // solid fills instead of resampling a bitmap). The gesture's end brings every card to the form
                    // the zoom asks for.
                    boolean cardLod = !zooming ? !detailed
                            : v != null && v.built() && !lod ? v.shownLod() : !showEverything;
                    boolean build = v == null || v.needsRebuild(e, g, cardLod);
                    if (!build && !contentChanged && v.getLayoutX() == e.x() && v.getLayoutY() == e.y()) {
                        // Only the view moved: the card is up to date.
                        snap(v);
                        v.markShown(syncPass);
                        shown++;
                        continue;
                    }
                    if (build && work >= budget && v != null) {
                        // Over budget: an existing card keeps its old look for a frame or two.
                        deferred = true;
                        build = false;
                    } else if (build && work >= budget) {
                        deferred = true;
                        continue;
                    }
                    boolean isNew = v == null || !v.built();
                    if (v == null) {
                        v = new NodeView(e.id, simpleLooks);
                        v.setCacheHint(cacheHint);
                        nodeViews.put(e.id, v);
                        added.add(v);
                    }
                    if (build) {
                        work++;
                    }
                    if (v.show(e, g, measurer, cardLod, canvas.selected(e.id), build)) {
                        if (isNew) {
                            cardBuilds++;
                        } else {
                            cardRebuilds++;
                        }
                    }
                    snap(v);
                    v.markShown(syncPass);
                    shown++;
                } else if (round == 1 && v != null) {
                    nodeViews.remove(e.id);
                    removed.add(v);
                }
            }
        }
        if (nodeViews.size() > shown) {
            nodeViews.entrySet().removeIf(en -> {
                if (model.entry(en.getKey()) == null) {
                    removed.add(en.getValue());
                    return true;
                }
                return false;
            });
        }
        syncPass++;
        wires.setDrawArea(showEverything ? EVERYWHERE : expand(visible, DRAW_MARGIN));
        boolean wiresAdded = syncWires(create, keep);
        contentChanged = false;
        if (!removed.isEmpty()) {
            nodesLayer.getChildren().removeAll(removed);
        }
        if (!added.isEmpty()) {
            nodesLayer.getChildren().addAll(added);
        }
        if ((!added.isEmpty() || wiresAdded) && canvas.getScene() != null) {
            // Style the new views now rather than in the next frame's CSS pass.
            nodesLayer.getParent().applyCss();
        }
        dirty = deferred;
        if (deferred) {
            // Build the rest in the next frames instead of stalling this one.
            Platform.runLater(canvas::requestLayout);
        }
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
    private boolean syncWires(double[] create, double[] keep) {
        Map<Wire, WireCurve> curves = wires.curves();
        boolean changed = false;
        for (Wire w : model.wires()) {
            WireCurve c = curves.get(w);
            if (c != null && !contentChanged && c.box() != null) {
                // Its ends did not move: only culling (suspended while zooming) can change.
                if (zooming || intersects(c.box(), keep)) {
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
            double[] reach = c == null ? create : keep;
            if (a != null && b != null && (zooming && c != null || intersects(roughWireBox(a, b), reach))) {
                from = model.outputPoint(w.fromNode(), w.fromPort());
                to = model.inputPoint(w.toNode());
                if (from != null && to != null) {
                    double[] box = WireCurve.box(from, to);
                    want = intersects(box, create) || (c != null && (zooming || intersects(box, keep)));
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

    static double[] expand(double[] r, double fraction) {
        double mx = r[2] * fraction;
        double my = r[3] * fraction;
        return new double[] {r[0] - mx, r[1] - my, r[2] + 2 * mx, r[3] + 2 * my};
    }

    static boolean intersects(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && a[0] + a[2] > b[0] && a[1] < b[1] + b[3] && a[1] + a[3] > b[1];
    }
}
