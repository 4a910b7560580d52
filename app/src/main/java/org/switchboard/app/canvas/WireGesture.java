package org.switchboard.app.canvas;

import java.util.LinkedHashSet;
import java.util.Set;

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
    private final Set<NodeView> targets = new LinkedHashSet<>();
    private NodeView hovered;
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
        for (NodeView v : canvas.views().values()) {
            if (v.hasInput() && !v.nodeId().equals(source.nodeId())
                    && !flow.wires().contains(new Wire(source.nodeId(), source.portId(), v.nodeId()))) {
                targets.add(v);
            }
        }
    }

    private Point2D start() {
        return canvas.view(source.nodeId()).outputPoint(source.portId());
    }

    @Override
    public void drag(MouseEvent e) {
        if (!started) {
            started = true;
            canvas.previewLayer().getChildren().add(preview);
            targets.forEach(v -> v.inputPort().pseudoClassStateChanged(PortView.DROP_TARGET, true));
            canvas.selectedWire().set(null);
        }
        Point2D p = canvas.toWorld(e.getSceneX(), e.getSceneY());
        setHovered(findTarget(p));
        WireView.shape(preview, start(), hovered != null ? hovered.inputPoint() : p);
    }

    /** The valid target whose input port is nearest within snapping distance, else the one whose card is hit. */
    private NodeView findTarget(Point2D p) {
        double limit = SNAP_DISTANCE / canvas.panZoom().zoom();
        NodeView best = null;
        double bestDistance = limit;
        for (NodeView v : targets) {
            double d = v.inputPoint().distance(p);
            if (d <= bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        if (best != null) {
            return best;
        }
        NodeView card = cardAt(p);
        return card != null && targets.contains(card) ? card : null;
    }

    private NodeView cardAt(Point2D p) {
        NodeView hit = null;
        for (NodeView v : canvas.views().values()) {
            if (p.getX() >= v.getLayoutX() && p.getX() <= v.getLayoutX() + v.width()
                    && p.getY() >= v.getLayoutY() && p.getY() <= v.getLayoutY() + v.height()) {
                hit = v; // later cards are drawn on top, so the last hit is the visible one
            }
        }
        return hit;
    }

    private void setHovered(NodeView v) {
        if (hovered == v) {
            return;
        }
        if (hovered != null) {
            hovered.inputPort().pseudoClassStateChanged(PortView.DROP_HOVER, false);
        }
        hovered = v;
        if (v != null) {
            v.inputPort().pseudoClassStateChanged(PortView.DROP_HOVER, true);
        }
    }

    @Override
    public void release(MouseEvent e) {
        if (!started) {
            return;
        }
        drag(e);
        NodeView target = hovered;
        Point2D p = canvas.toWorld(e.getSceneX(), e.getSceneY());
        clearHighlights();
        if (target != null) {
            canvas.previewLayer().getChildren().remove(preview);
            Wire w = new Wire(source.nodeId(), source.portId(), target.nodeId());
            canvas.document().apply(CanvasEdits.connectLabel(), f -> f.withWire(w));
        } else if (cardAt(p) == null) {
            // Keep the preview as a pointer to where the new node will go while the list is open.
            mouse.openQuickAdd(source.nodeId(), source.portId(), p,
                    () -> canvas.previewLayer().getChildren().remove(preview));
        } else {
            canvas.previewLayer().getChildren().remove(preview);
        }
    }

    private void clearHighlights() {
        setHovered(null);
        targets.forEach(v -> v.inputPort().pseudoClassStateChanged(PortView.DROP_TARGET, false));
    }

    @Override
    public void cancel() {
        clearHighlights();
        canvas.previewLayer().getChildren().remove(preview);
    }
}
