package org.switchboard.app.canvas;

import javafx.geometry.Point2D;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.TransferMode;

/**
 * Accepts palette drags ({@link PaletteDrag#FORMAT}) anywhere on the canvas and places the node where it is
 * dropped, through the same {@link FlowCanvas#placeNode(String, Point2D)} the keyboard and tests use. Also takes
 * the mouse-drag form of a palette drag (see {@link PaletteDrag#installMouseDrag}).
 */
final class PaletteDropTarget {

    private PaletteDropTarget() {
    }

    static void install(FlowCanvas canvas) {
        canvas.addEventHandler(DragEvent.DRAG_OVER, e -> {
            String type = PaletteDrag.typeId(e.getDragboard());
            if (type != null && canvas.types().get(type) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        canvas.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            String type = PaletteDrag.typeId(e.getDragboard());
            boolean done = type != null
                    && canvas.placeNode(type, new Point2D(e.getSceneX(), e.getSceneY())) != null;
            e.setDropCompleted(done);
            e.consume();
        });
        canvas.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            String type = PaletteDrag.typeId(e);
            if (type != null && !canvas.isOverlayControl(e.getPickResult().getIntersectedNode())) {
                canvas.placeNode(type, new Point2D(e.getSceneX(), e.getSceneY()));
                e.consume();
            }
        });
    }
}
