package org.switchboard.app.canvas;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;

/**
 * Selecting and moving nodes with the pointer. The press selects (Shift or Ctrl toggles); dragging moves the
 * selected cards live; the release snaps the grabbed card to the 20 px grid, moves the others by the same amount
 * and commits one "Move 3 nodes" step. A click without a drag on a node of a larger selection selects only it.
 */
final class MoveGesture implements Gesture {

    /** Pointer travel (screen pixels) below which a press and release count as a click. */
    private static final double CLICK_SLOP = 3;

    private final FlowCanvas canvas;
    private final NodeView grabbed;
    private final Point2D startWorld;
    private final double startSceneX;
    private final double startSceneY;
    private final Map<String, Position> start = new LinkedHashMap<>();
    private final boolean narrowOnClick;
    private boolean moving;
    private double lastDx;
    private double lastDy;

    private MoveGesture(FlowCanvas canvas, NodeView grabbed, MouseEvent press, boolean narrowOnClick) {
        this.canvas = canvas;
        this.grabbed = grabbed;
        this.narrowOnClick = narrowOnClick;
        this.startWorld = canvas.toWorld(press.getSceneX(), press.getSceneY());
        this.startSceneX = press.getSceneX();
        this.startSceneY = press.getSceneY();
        for (String id : canvas.document().selectedNodes()) {
            FlowNode n = canvas.document().flow().nodeOrNull(id);
            if (n != null) {
                start.put(id, n.position());
            }
        }
    }

    /** Applies the press's selection rule and returns the gesture that moves the selection, or null. */
    static MoveGesture press(FlowCanvas canvas, NodeView node, MouseEvent e) {
        EditorDocument doc = canvas.document();
        String id = node.nodeId();
        canvas.selectedWire().set(null);
        boolean toggle = e.isShiftDown() || e.isShortcutDown();
        boolean wasSelected = doc.selectedNodes().contains(id);
        if (toggle) {
            Set<String> s = new HashSet<>(doc.selectedNodes());
            if (!s.remove(id)) {
                s.add(id);
            }
            doc.select(s);
            if (!s.contains(id)) {
                return null;
            }
        } else if (!wasSelected) {
            doc.select(List.of(id));
        }
        return new MoveGesture(canvas, node, e, !toggle && wasSelected && doc.selectedNodes().size() > 1);
    }

    @Override
    public void drag(MouseEvent e) {
        if (!moving && Math.hypot(e.getSceneX() - startSceneX, e.getSceneY() - startSceneY) < CLICK_SLOP) {
            return;
        }
        moving = true;
        Point2D now = canvas.toWorld(e.getSceneX(), e.getSceneY());
        double dx = now.getX() - startWorld.getX();
        double dy = now.getY() - startWorld.getY();
        canvas.previewMove(start.keySet(), dx, dy);
        lastDx = dx;
        lastDy = dy;
    }

    @Override
    public void release(MouseEvent e) {
        if (!moving) {
            if (narrowOnClick) {
                canvas.document().select(List.of(grabbed.nodeId()));
            }
            return;
        }
        drag(e);
        Position anchor = start.get(grabbed.nodeId());
        if (anchor == null) {
            cancel();
            return;
        }
        double dx = CanvasEdits.snap(anchor.x() + lastDx) - anchor.x();
        double dy = CanvasEdits.snap(anchor.y() + lastDy) - anchor.y();
        Map<String, Position> moved = new LinkedHashMap<>();
        start.forEach((id, p) -> moved.put(id, p.translate(dx, dy)));
        canvas.clearPreviewMove();
        canvas.document().apply(CanvasEdits.moveLabel(moved.size()), f -> f.withPositions(moved));
    }

    @Override
    public void cancel() {
        canvas.clearPreviewMove();
    }
}
