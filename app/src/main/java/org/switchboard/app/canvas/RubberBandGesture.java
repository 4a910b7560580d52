package org.switchboard.app.canvas;

import java.util.LinkedHashSet;
import java.util.Set;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;

/**
 * Selecting by dragging a rectangle over empty canvas: every card the rectangle touches is selected (added to the
 * selection with Shift or Ctrl). The look updates live; the document's selection changes once, on release.
 */
final class RubberBandGesture implements Gesture {

    private final FlowCanvas canvas;
    private final Rectangle band = new Rectangle();
    private final Point2D startLocal;
    private final Set<String> base;
    private Set<String> current;

    RubberBandGesture(FlowCanvas canvas, MouseEvent press, boolean additive) {
        this.canvas = canvas;
        this.startLocal = canvas.sceneToLocal(press.getSceneX(), press.getSceneY());
        this.base = additive ? new LinkedHashSet<>(canvas.document().selectedNodes()) : new LinkedHashSet<>();
        this.current = base;
        band.getStyleClass().add("rubber-band");
        band.setId("rubber-band");
        band.setManaged(false);
        band.setMouseTransparent(true);
    }

    @Override
    public void drag(MouseEvent e) {
        Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        double x = Math.min(p.getX(), startLocal.getX());
        double y = Math.min(p.getY(), startLocal.getY());
        double w = Math.abs(p.getX() - startLocal.getX());
        double h = Math.abs(p.getY() - startLocal.getY());
        band.setX(x);
        band.setY(y);
        band.setWidth(w);
        band.setHeight(h);
        if (band.getParent() == null) {
            canvas.overlay().getChildren().add(band);
        }
        Point2D a = canvas.panZoom().toWorld(x, y);
        Point2D b = canvas.panZoom().toWorld(x + w, y + h);
        Set<String> hits = new LinkedHashSet<>(base);
        hits.addAll(canvas.model().cardsIn(a.getX(), a.getY(), b.getX(), b.getY()));
        current = hits;
        canvas.previewSelection(hits);
    }

    @Override
    public void release(MouseEvent e) {
        if (band.getParent() != null) {
            drag(e);
        }
        canvas.overlay().getChildren().remove(band);
        canvas.document().select(current);
        canvas.restoreSelectionLook();
    }

    @Override
    public void cancel() {
        canvas.overlay().getChildren().remove(band);
        canvas.restoreSelectionLook();
    }
}
