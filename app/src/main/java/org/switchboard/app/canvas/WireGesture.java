package org.switchboard.app.canvas;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.CubicCurve;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Wire;

/**
 * Drawing a wire from an output port: a live Bézier follows the pointer, the inputs it may end on are highlighted
 * (not its own node, nodes with an input, no duplicate wire), and the nearest one under the pointer snaps. Dropping
 * on a target commits one "Connect" step; dropping on empty canvas opens the quick-add list, which creates and
 * connects a node in one step; dropping anywhere else does nothing.
 */
final class WireGesture implements Gesture {

    /** How close (screen pixels) the pointer must come to an input port for it to snap. */
    private static final double SNAP_DISTANCE = 18;

    private final FlowCanvas canvas;
    private final CanvasMouse mouse;
    private final PortView source;
    private final CubicCurve preview = new CubicCurve();
    private final Set<String> targets = new LinkedHashSet<>();
    private String hovered;
    private boolean started;

    WireGesture(FlowCanvas canvas, CanvasMouse mouse, PortView source) {
        this.canvas = canvas;
        this.mouse = mouse;
        this.source = source;
        preview.getStyleClass().addAll("wire-line", "wire-preview");
        preview.setId("wire-preview");
        preview.setFill(null);
        preview.setMouseTransparent(true);
        Flow flow = canvas.document().flow();
        for (NodeEntry e : canvas.model().entries()) {
            if ((e.type == null || e.type.hasInput()) && !e.id.equals(source.nodeId())
                    && !flow.wires().contains(new Wire(source.nodeId(), source.portId(), e.id))) {
                targets.add(e.id);
            }
        }
    }

    private Point2D start() {
        return canvas.model().outputPoint(source.nodeId(), source.portId());
    }

    /** Marks a target's input port, if its card exists (cards far off-screen have nothing to mark). */
    private void mark(String id, PseudoClass state, boolean on) {
        NodeView v = canvas.views().get(id);
        if (v != null && v.inputPort() != null) {
            v.inputPort().pseudoClassStateChanged(state, on);
        }
    }

    @Override
    public void drag(MouseEvent e) {
        if (!started) {
            started = true;
            canvas.previewLayer().getChildren().add(preview);
            targets.forEach(id -> mark(id, PortView.DROP_TARGET, true));
            canvas.selectedWire().set(null);
        }
        Point2D p = canvas.toWorld(e.getSceneX(), e.getSceneY());
        setHovered(findTarget(p));
        WireView.shape(preview, start(), hovered != null ? canvas.model().inputPoint(hovered) : p);
    }

    /** The valid target whose input port is nearest within snapping distance, else the one whose card is hit. */
    private String findTarget(Point2D p) {
        double limit = SNAP_DISTANCE / canvas.panZoom().zoom();
        String best = null;
        double bestDistance = limit;
        for (String id : targets) {
            double d = canvas.model().inputPoint(id).distance(p);
            if (d <= bestDistance) {
                best = id;
                bestDistance = d;
            }
        }
        if (best != null) {
            return best;
        }
        NodeEntry card = canvas.model().cardAt(p);
        return card != null && targets.contains(card.id) ? card.id : null;
    }

    private void setHovered(String id) {
        if (Objects.equals(hovered, id)) {
            return;
        }
        if (hovered != null) {
            mark(hovered, PortView.DROP_HOVER, false);
        }
        hovered = id;
        if (id != null) {
            mark(id, PortView.DROP_HOVER, true);
        }
    }

    @Override
    public void release(MouseEvent e) {
        if (!started) {
            return;
        }
        drag(e);
        String target = hovered;
        Point2D p = canvas.toWorld(e.getSceneX(), e.getSceneY());
        clearHighlights();
        if (target != null) {
            canvas.previewLayer().getChildren().remove(preview);
            Wire w = new Wire(source.nodeId(), source.portId(), target);
            canvas.document().apply(CanvasEdits.connectLabel(), f -> f.withWire(w));
        } else if (canvas.model().cardAt(p) == null) {
            // Keep the preview as a pointer to where the new node will go while the list is open.
            mouse.openQuickAdd(source.nodeId(), source.portId(), p,
                    () -> canvas.previewLayer().getChildren().remove(preview));
        } else {
            canvas.previewLayer().getChildren().remove(preview);
        }
    }

    private void clearHighlights() {
        setHovered(null);
        targets.forEach(id -> mark(id, PortView.DROP_TARGET, false));
    }

    @Override
    public void cancel() {
        clearHighlights();
        canvas.previewLayer().getChildren().remove(preview);
    }
}
