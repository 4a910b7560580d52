package org.switchboard.app.canvas;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;

import org.switchboard.engine.flow.Wire;

/**
 * One wire: a cubic Bézier from an output port's centre to an input port's centre with horizontal tangents
 * ({@code d = max(40, |x2 - x1| / 2)}), drawn under the nodes. A wide transparent twin of the curve catches clicks,
 * so the 2 px line is easy to select. Style class {@code wire}; {@code :selected} when the user picked it.
 */
final class WireView extends Group {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Wire wire;
    private final CubicCurve hit = new CubicCurve();
    private final CubicCurve line = new CubicCurve();
    private Point2D shownFrom;
    private Point2D shownTo;
    private double[] box;

    WireView(Wire wire) {
        this.wire = wire;
        getStyleClass().add("wire");
        setId("wire-" + wire.fromNode() + "-" + wire.fromPort() + "-" + wire.toNode());
        hit.getStyleClass().add("wire-hit");
        hit.setFill(null);
        hit.setStroke(Color.TRANSPARENT);
        hit.setStrokeWidth(12);
        // Opacity 0 keeps it pickable but skips painting a 12 px stroke for every wire in every frame.
        hit.setOpacity(0);
        line.getStyleClass().add("wire-line");
        line.setFill(null);
        line.setMouseTransparent(true);
        getChildren().addAll(hit, line);
        setAutoSizeChildren(false);
    }

    Wire wire() {
        return wire;
    }

    /** The box holding the curve as last connected (world coordinates), or null when an end is missing. */
    double[] box() {
        return box;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    /** Draws the wire between the two port centres; hides it when either end is missing. */
    void connect(Point2D from, Point2D to) {
        if (from == null || to == null) {
            setVisible(false);
            box = null;
            shownFrom = null;
            shownTo = null;
            return;
        }
        setVisible(true);
        if (from.equals(shownFrom) && to.equals(shownTo)) {
            return;
        }
        shownFrom = from;
        shownTo = to;
        box = CanvasViews.curveBox(from, to);
        shape(hit, from, to);
        shape(line, from, to);
    }

    static void shape(CubicCurve c, Point2D from, Point2D to) {
        double d = Math.max(40, Math.abs(to.getX() - from.getX()) / 2);
        c.setStartX(from.getX());
        c.setStartY(from.getY());
        c.setControlX1(from.getX() + d);
        c.setControlY1(from.getY());
        c.setControlX2(to.getX() - d);
        c.setControlY2(to.getY());
        c.setEndX(to.getX());
        c.setEndY(to.getY());
    }
}
