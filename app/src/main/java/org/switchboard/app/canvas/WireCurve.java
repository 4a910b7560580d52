package org.switchboard.app.canvas;

import java.util.List;
import java.util.Objects;

import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;

import org.switchboard.engine.flow.Wire;

/**
 * One wire near the view as geometry, not as a scene node: a cubic Bézier from an output port's centre to an input
 * port's centre with horizontal tangents ({@code d = max(40, |x2 - x1| / 2)}), in world coordinates. The shared
 * wire path is built from these, and clicks and hover are tested against them.
 */
final class WireCurve {

    private final Wire wire;
    private Point2D from;
    private Point2D to;
    private double[] box;

    WireCurve(Wire wire) {
        this.wire = wire;
    }

    Wire wire() {
        return wire;
    }

    Point2D from() {
        return from;
    }

    Point2D to() {
        return to;
    }

    /** The box holding the curve as last connected (world coordinates), or null when an end is missing. */
    double[] box() {
        return box;
    }

    /** Moves the ends (null when one is missing). Returns whether anything changed. */
    boolean connect(Point2D newFrom, Point2D newTo) {
        if (newFrom == null || newTo == null) {
            newFrom = null;
            newTo = null;
        }
        if (Objects.equals(newFrom, from) && Objects.equals(newTo, to)) {
            return false;
        }
        from = newFrom;
        to = newTo;
        box = from == null ? null : box(from, to);
        return true;
    }

    /** How far the control points lie right of the start and left of the end. */
    static double tangent(Point2D from, Point2D to) {
        return Math.max(40, Math.abs(to.getX() - from.getX()) / 2);
    }

    /** The box holding a wire's curve: its control points lie d to the right of the start and left of the end. */
    static double[] box(Point2D from, Point2D to) {
        double d = tangent(from, to);
        double x0 = Math.min(from.getX(), to.getX() - d);
        double x1 = Math.max(from.getX() + d, to.getX());
        double y0 = Math.min(from.getY(), to.getY());
        double y1 = Math.max(from.getY(), to.getY());
        return new double[] {x0 - 2, y0 - 2, x1 - x0 + 4, y1 - y0 + 4};
    }

    /** Adds the curve to a path as a move and a Bézier segment; nothing when an end is missing. */
    void appendTo(List<PathElement> elements) {
        if (from == null) {
            return;
        }
        double d = tangent(from, to);
        elements.add(new MoveTo(from.getX(), from.getY()));
        elements.add(new CubicCurveTo(from.getX() + d, from.getY(), to.getX() - d, to.getY(), to.getX(), to.getY()));
    }

    /**
     * The distance from a world point to the curve, or {@link Double#POSITIVE_INFINITY} when the point is more than
     * {@code limit} outside the curve's box (the quick test that rules out nearly every wire). The curve is split
     * into straight pieces of at most about 8 units, which is far closer than a pointer can aim.
     */
    double distance(double x, double y, double limit) {
        if (box == null || x < box[0] - limit || x > box[0] + box[2] + limit
                || y < box[1] - limit || y > box[1] + box[3] + limit) {
            return Double.POSITIVE_INFINITY;
        }
        double d = tangent(from, to);
        double x0 = from.getX();
        double y0 = from.getY();
        double x1 = x0 + d;
        double x2 = to.getX() - d;
        double x3 = to.getX();
        double y3 = to.getY();
        // The control polygon is never shorter than the curve.
        double length = d + Math.hypot(x2 - x1, y3 - y0) + d;
        int steps = (int) Math.max(8, Math.min(512, Math.ceil(length / 8)));
        double best = Double.POSITIVE_INFINITY;
        double px = x0;
        double py = y0;
        for (int i = 1; i <= steps; i++) {
            double t = (double) i / steps;
            double u = 1 - t;
            double a = u * u * u;
            double b = 3 * u * u * t;
            double c = 3 * u * t * t;
            double e = t * t * t;
            double qx = a * x0 + b * x1 + c * x2 + e * x3;
            double qy = (a + b) * y0 + (c + e) * y3;
            best = Math.min(best, segmentDistance(x, y, px, py, qx, qy));
            px = qx;
            py = qy;
        }
        return best;
    }

    private static double segmentDistance(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
        return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
    }
}
