package org.switchboard.app.canvas;

import java.util.function.Consumer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The view transform of the canvas: screen = pan + zoom × world. Zoom is a property the toolbar can bind to; a
 * zoom that comes from outside keeps the centre of the view fixed, one from the pointer keeps the point under the
 * pointer fixed. Neither panning nor zooming is an edit of the flow.
 * <p>
 * The pan shown is always a whole number of device pixels; the exact pan is kept apart, so sub-pixel moves (touchpad
 * scrolling, zooming around the pointer) add up instead of being lost. With whole-pixel offsets the software
 * renderer copies the cards' cached bitmaps instead of resampling them, about eight times faster and without
 * blurring them (see docs/benchmarks.md); {@link NodeView#snapToPixels} does the same for each card's own offset.
 */
final class PanZoom {

    static final double MIN = 0.25;
    static final double MAX = 2.0;
    private static final double[] STEPS = {0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0};

    private final Translate translate = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private final Runnable onChange;
    private Consumer<Boolean> onZoom = pointer -> { };
    private double pivotX = Double.NaN;
    private double pivotY;
    private double viewWidth;
    private double viewHeight;
    /** The pan before rounding to whole device pixels. */
    private double exactX;
    private double exactY;
    /** Device pixels per view unit (2 on a HiDPI screen): the pan is rounded to whole device pixels. */
    private double pixelScale = 1;

    PanZoom(Runnable onChange) {
        this.onChange = onChange;
        zoom.addListener((o, oldValue, newValue) -> zoomChanged(oldValue.doubleValue(), newValue.doubleValue()));
    }

    /**
     * Called whenever the zoom factor changes (for switching to cheaper rendering while zooming), with whether the
     * step zooms around the pointer ({@link #zoomAt}: Ctrl + scroll, pinch) rather than the view's centre.
     */
    void setOnZoom(Consumer<Boolean> r) {
        onZoom = r;
    }

    Translate translate() {
        return translate;
    }

    Scale scale() {
        return scale;
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    double zoom() {
        return scale.getX();
    }

    double panX() {
        return translate.getX();
    }

    double panY() {
        return translate.getY();
    }

    /** Sets the device pixels per view unit (the window's render scale); the pan is rounded to those pixels. */
    void setPixelScale(double s) {
        if (s > 0 && s != pixelScale) {
            pixelScale = s;
            show(exactX, exactY);
        }
    }

    double pixelScale() {
        return pixelScale;
    }

    /** Rounds a view coordinate to the nearest whole device pixel. */
    double snap(double v) {
        return Math.rint(v * pixelScale) / pixelScale;
    }

    void setViewSize(double w, double h) {
        viewWidth = w;
        viewHeight = h;
    }

    double viewWidth() {
        return viewWidth;
    }

    double viewHeight() {
        return viewHeight;
    }

    Point2D toWorld(double x, double y) {
        return new Point2D((x - translate.getX()) / zoom(), (y - translate.getY()) / zoom());
    }

    Point2D toView(double wx, double wy) {
        return new Point2D(wx * zoom() + translate.getX(), wy * zoom() + translate.getY());
    }

    /** The world rectangle currently visible: x, y, width, height. */
    double[] visibleWorld() {
        Point2D a = toWorld(0, 0);
        return new double[] {a.getX(), a.getY(), viewWidth / zoom(), viewHeight / zoom()};
    }

    void panBy(double dx, double dy) {
        if (dx == 0 && dy == 0) {
            return;
        }
        if (show(exactX + dx, exactY + dy)) {
            onChange.run();
        }
    }

    void panTo(double x, double y) {
        panBy(x - exactX, y - exactY);
    }

    /** Keeps the exact pan and shows it rounded to whole device pixels; returns whether the shown pan changed. */
    private boolean show(double x, double y) {
        exactX = x;
        exactY = y;
        double sx = snap(x);
        double sy = snap(y);
        if (sx == translate.getX() && sy == translate.getY()) {
            return false;
        }
        translate.setX(sx);
        translate.setY(sy);
        return true;
    }

    /** Zooms so that the given view point keeps showing the same world point. */
    void zoomAt(double x, double y, double newZoom) {
        pivotX = x;
        pivotY = y;
        try {
            zoom.set(clamp(newZoom));
        } finally {
            pivotX = Double.NaN;
        }
    }

    void zoomIn() {
        for (double s : STEPS) {
            if (s > zoom() + 1e-3) {
                zoom.set(s);
                return;
            }
        }
    }

    void zoomOut() {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < zoom() - 1e-3) {
                zoom.set(STEPS[i]);
                return;
            }
        }
    }

    /**
     * Shows the world rectangle in the middle of the view, as large as fits up to 100 %. A flow that fits at 100 %
     * with at least {@code minMargin} around it is shown at 100 % (text at its designed size) rather than shrunk a
     * little for the full {@code margin}.
     */
    void fit(Bounds world, double margin, double minMargin) {
        if (world == null || viewWidth <= 0 || viewHeight <= 0) {
            return;
        }
        double z = Math.min((viewWidth - 2 * margin) / Math.max(1, world.getWidth()),
                (viewHeight - 2 * margin) / Math.max(1, world.getHeight()));
        if (world.getWidth() + 2 * minMargin <= viewWidth && world.getHeight() + 2 * minMargin <= viewHeight) {
            z = 1.0;
        }
        z = clamp(Math.min(1.0, z));
        pivotX = Double.NaN;
        scale.setX(z);
        scale.setY(z);
        zoom.set(z);
        show(viewWidth / 2 - (world.getMinX() + world.getWidth() / 2) * z,
                viewHeight / 2 - (world.getMinY() + world.getHeight() / 2) * z);
        onChange.run();
    }

    static double clamp(double z) {
        return Math.max(MIN, Math.min(MAX, z));
    }

    private void zoomChanged(double oldZoom, double newZoom) {
        double z = clamp(newZoom);
        if (z != newZoom) {
            zoom.set(z);
            return;
        }
        double current = scale.getX();
        if (current == z) {
            return;
        }
        double px = Double.isNaN(pivotX) ? viewWidth / 2 : pivotX;
        double py = Double.isNaN(pivotX) ? viewHeight / 2 : pivotY;
        // From the exact pan, so that zooming in and out around one point does not drift by rounding.
        double wx = (px - exactX) / current;
        double wy = (py - exactY) / current;
        scale.setX(z);
        scale.setY(z);
        show(px - wx * z, py - wy * z);
        onZoom.accept(!Double.isNaN(pivotX));
        onChange.run();
    }
}
