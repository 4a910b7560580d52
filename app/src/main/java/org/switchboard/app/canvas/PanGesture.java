package org.switchboard.app.canvas;

import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;

/** Moves the view with the pointer (middle button, or primary with Space held). Not an edit. */
final class PanGesture implements Gesture {

    private final FlowCanvas canvas;
    private final Cursor before;
    private double lastX;
    private double lastY;

    PanGesture(FlowCanvas canvas, MouseEvent press) {
        this.canvas = canvas;
        this.before = canvas.getCursor();
        lastX = press.getSceneX();
        lastY = press.getSceneY();
        canvas.setCursor(Cursor.CLOSED_HAND);
    }

    @Override
    public void drag(MouseEvent e) {
        canvas.panZoom().panBy(e.getSceneX() - lastX, e.getSceneY() - lastY);
        lastX = e.getSceneX();
        lastY = e.getSceneY();
    }

    @Override
    public void release(MouseEvent e) {
        drag(e);
        canvas.setCursor(before);
    }

    @Override
    public void cancel() {
        canvas.setCursor(before);
    }
}
