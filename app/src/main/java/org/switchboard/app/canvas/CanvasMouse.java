package org.switchboard.app.canvas;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeType;

/**
 * Routes pointer input on the canvas to one gesture at a time: the press decides (middle button or Space held:
 * pan; output port: wire; node: select and move; wire: select it; empty canvas: rubber band), and the gesture gets
 * the drags and the release. Scrolling pans, Ctrl + scroll and pinch zoom around the pointer. Also the shared
 * edits that several gestures and the keyboard end in (add a node, delete the selection).
 */
final class CanvasMouse {

    /** Where a dropped card lands relative to the pointer: the pointer ends up in its header, near the title. */
    static final double DROP_DX = 56;

    private final FlowCanvas canvas;
    private Gesture active;
    private boolean spaceDown;
    private QuickAddPopup quickAdd;

    CanvasMouse(FlowCanvas canvas) {
        this.canvas = canvas;
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventFilter(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            canvas.setHoveredWire(null);
            canvas.setHoveredCard(null);
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(ZoomEvent.ZOOM, this::zoomed);
    }

    private EditorDocument doc() {
        return canvas.document();
    }

    private void pressed(MouseEvent e) {
        Node target = e.getTarget() instanceof Node n ? n : null;
        if (quickAdd != null && !quickAdd.contains(target)) {
            closeQuickAdd();
        }
        if (target != null && canvas.isOverlayControl(target)) {
            return;
        }
        canvas.requestFocus();
        cancelGesture();
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            active = new PanGesture(canvas, e);
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        PortView port = ancestor(target, PortView.class);
        NodeView node = ancestor(target, NodeView.class);
        Wire wire = node == null ? canvas.wireAt(e.getSceneX(), e.getSceneY()) : null;
        if (port != null && !port.isInput()) {
            active = new WireGesture(canvas, this, port);
        } else if (node != null) {
            active = MoveGesture.press(canvas, node, e);
        } else if (wire != null) {
            doc().select(List.of());
            canvas.selectedWire().set(wire);
        } else {
            boolean additive = e.isShiftDown() || e.isShortcutDown();
            if (!additive) {
                canvas.clearSelection();
            }
            active = new RubberBandGesture(canvas, e, additive);
        }
        if (active != null) {
            canvas.setHoveredWire(null);
        }
        e.consume();
    }

    /**
     * Highlights the wire under the pointer. Wires are not nodes of their own (they share one path), so this
     * replaces CSS {@code :hover} with a test against the curves ({@link FlowCanvas#wireAt} leaves out points on
     * cards); the floating controls cover them too.
     */
    private void moved(MouseEvent e) {
        hover(e.getTarget(), e.getSceneX(), e.getSceneY());
    }

    private void hover(Object target, double sceneX, double sceneY) {
        boolean overlay = target instanceof Node n && canvas.isOverlayControl(n);
        String card = overlay || active != null ? null : canvas.cardAt(sceneX, sceneY);
        canvas.setHoveredCard(card);
        canvas.setHoveredWire(overlay || active != null || card != null ? null : canvas.wireAt(sceneX, sceneY));
    }

    private void dragged(MouseEvent e) {
        if (active != null) {
            active.drag(e);
            e.consume();
        }
    }

    private void released(MouseEvent e) {
        if (active != null) {
            Gesture g = active;
            active = null;
            g.release(e);
            e.consume();
        }
    }

    /** Ends a running gesture without committing it (Escape). Returns whether there was one. */
    boolean cancelGesture() {
        boolean had = active != null || quickAdd != null;
        if (active != null) {
            active.cancel();
            active = null;
        }
        closeQuickAdd();
        return had;
    }

    boolean gestureRunning() {
        return active != null;
    }

    void setSpaceDown(boolean down) {
        spaceDown = down;
        canvas.setCursor(down ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            double factor = Math.pow(1.0015, e.getDeltaY());
            canvas.panZoom().zoomAt(e.getX(), e.getY(), canvas.panZoom().zoom() * factor);
        } else if (e.isShiftDown() && e.getDeltaX() == 0) {
            canvas.panZoom().panBy(e.getDeltaY(), 0);
        } else {
            canvas.panZoom().panBy(e.getDeltaX(), e.getDeltaY());
        }
        // The view moved under a still pointer: the wire under it may be another one now.
        hover(e.getTarget(), e.getSceneX(), e.getSceneY());
        e.consume();
    }

    private void zoomed(ZoomEvent e) {
        canvas.panZoom().zoomAt(e.getX(), e.getY(), canvas.panZoom().zoom() * e.getZoomFactor());
        e.consume();
    }

    static <T> T ancestor(Node n, Class<T> type) {
        for (Node p = n; p != null && !(p instanceof FlowCanvas); p = p.getParent()) {
            if (type.isInstance(p)) {
                return type.cast(p);
            }
        }
        return null;
    }

    // ---- shared edits ----

    /**
     * Adds a node of the type near the world point, optionally wired from an output, as one undo step, and
     * selects it. With a wire the new card's input port goes to the point; without, the point lands in its header.
     */
    FlowNode addNodeAt(String typeId, Point2D world, Wire from) {
        NodeType type = canvas.types().get(typeId);
        if (type == null) {
            return null;
        }
        double x = CanvasEdits.snap(world.getX() - (from == null ? DROP_DX : 0));
        double y = CanvasEdits.snap(world.getY() - NodeView.PORT_Y);
        String id = doc().flow().freshId(CanvasEdits.idPrefix(typeId));
        FlowNode node = type.newNode(id, x, y);
        List<Wire> wires = new ArrayList<>();
        if (from != null) {
            wires.add(new Wire(from.fromNode(), from.fromPort(), id));
        }
        doc().apply(CanvasEdits.addLabel(type.label(canvas.messages())),
                f -> f.withNodesAndWires(List.of(node), wires));
        canvas.selectedWire().set(null);
        doc().select(List.of(id));
        canvas.requestFocus();
        return node;
    }

    void deleteSelection() {
        List<String> ids = List.copyOf(doc().selectedNodes());
        if (!ids.isEmpty()) {
            canvas.deleteNodes(ids, CanvasEdits.deleteLabel(ids.size()));
            return;
        }
        Wire w = canvas.selectedWire().get();
        if (w != null) {
            doc().apply(CanvasEdits.deleteWireLabel(), f -> f.withoutWires(List.of(w)));
            canvas.selectedWire().set(null);
        }
    }

    // ---- quick add ----

    void openQuickAdd(String fromNode, String fromPort, Point2D world, Runnable onClose) {
        closeQuickAdd();
        quickAdd = new QuickAddPopup(canvas, typeId -> {
            closeQuickAdd();
            addNodeAt(typeId, world, new Wire(fromNode, fromPort, "?"));
        }, onClose);
        quickAdd.show(canvas.panZoom().toView(world.getX(), world.getY()));
    }

    void closeQuickAdd() {
        if (quickAdd != null) {
            QuickAddPopup q = quickAdd;
            quickAdd = null;
            q.close();
        }
    }

    QuickAddPopup quickAdd() {
        return quickAdd;
    }
}
