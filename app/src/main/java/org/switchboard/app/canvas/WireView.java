package org.switchboard.app.canvas;

import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;

import org.switchboard.engine.flow.Wire;

/**
 * A wire drawn on its own, on top of the shared wire path: only the selected, the hovered and the lit wires get
 * one, so their looks come from CSS. Style class {@code wire}; {@code :selected} when the user picked it, {@code
 * :hovered} when the pointer is on it (set by the canvas from the curve's geometry, since the other wires are not
 * nodes that could be hovered), {@code :lit} when a call took it (then a wide {@code wire-glow} curve lies under
 * the line). A wide transparent twin of the curve gives the hand cursor along the 2 px line.
 */
final class WireView extends Group {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass HOVERED = PseudoClass.getPseudoClass("hovered");
    static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");

    private final Wire wire;
    private final CubicCurve hit = new CubicCurve();
    private final CubicCurve line = new CubicCurve();
    /** The glow under a lit wire; made when the wire is first lit. */
    private CubicCurve glow;
    private Point2D shownFrom;
    private Point2D shownTo;

    WireView(Wire wire) {
        this.wire = wire;
        getStyleClass().add("wire");
        setId(id(wire));
        hit.getStyleClass().add("wire-hit");
        hit.setFill(null);
        hit.setStroke(Color.TRANSPARENT);
        hit.setStrokeWidth(2 * WireLayer.HIT_DISTANCE);
        // Opacity 0 keeps it pickable (for the cursor) without painting a 12 px stroke.
        hit.setOpacity(0);
        line.getStyleClass().add("wire-line");
        line.setFill(null);
        line.setMouseTransparent(true);
        getChildren().addAll(hit, line);
        setAutoSizeChildren(false);
    }

    /** The scene id of a wire's own view, e.g. {@code wire-switch1-2-dial2}. */
    static String id(Wire wire) {
        return "wire-" + wire.fromNode() + "-" + wire.fromPort() + "-" + wire.toNode();
    }

    Wire wire() {
        return wire;
    }

    void setLook(boolean selected, boolean hovered, boolean lit) {
        pseudoClassStateChanged(SELECTED, selected);
        pseudoClassStateChanged(HOVERED, hovered);
        pseudoClassStateChanged(LIT, lit);
        if (lit && glow == null) {
            glow = new CubicCurve();
            glow.getStyleClass().add("wire-glow");
            glow.setFill(null);
            glow.setMouseTransparent(true);
            if (shownFrom != null) {
                shape(glow, shownFrom, shownTo);
            }
            getChildren().add(1, glow);
        }
        if (glow != null) {
            glow.setVisible(lit);
        }
    }

    /** Draws the wire between the two port centres. */
    void connect(Point2D from, Point2D to) {
        if (from.equals(shownFrom) && to.equals(shownTo)) {
            return;
        }
        shownFrom = from;
        shownTo = to;
        shape(hit, from, to);
        shape(line, from, to);
        if (glow != null) {
            shape(glow, from, to);
        }
    }

    static void shape(CubicCurve c, Point2D from, Point2D to) {
        double d = WireCurve.tangent(from, to);
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
