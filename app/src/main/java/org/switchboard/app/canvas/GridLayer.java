package org.switchboard.app.canvas;

import java.nio.IntBuffer;
import java.util.Arrays;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The dot grid behind the flow: 2.1 px dots every 20 canvas units. The dots are written straight into the pixels
 * of one image a little larger than the view, which panning only shifts by whole pixels; the image is rewritten
 * only when the zoom, the view size or the colour changes. (Measured with the software renderer: a tiled pattern
 * fill or a repainted canvas cost several times more per frame than moving one image.) When zoomed out the
 * spacing doubles, so the screen never fills with dots and a frame costs the same at every zoom.
 */
final class GridLayer extends ImageView {

    static final double STEP = 20;
    /** World offset of the dots inside a grid cell (the design draws them in the middle of each cell). */
    static final double OFFSET = 10;
    private static final double DOT_RADIUS = 1.05;
    private static final double MIN_SCREEN_STEP = 9;
    private static final double MAX_SCREEN_STEP = STEP * PanZoom.MAX;
    private static final int SUB = 4;

    private WritableImage image;
    private PixelBuffer<IntBuffer> buffer;
    private int[] pixels = new int[0];
    private double paintedZoom = Double.NaN;
    private double paintedStep;
    private Color paintedColor;
    /** Where the last paint put its dots (screen step) and how large their stamps were, to clear just those. */
    private double stampedStep = Double.NaN;
    private int stampedReach;

    GridLayer() {
        setMouseTransparent(true);
        setManaged(false);
        setSmooth(false);
        getStyleClass().add("grid-layer");
    }

    void draw(double zoom, double panX, double panY, double viewWidth, double viewHeight, Color dot) {
        double worldStep = STEP;
        while (worldStep * zoom < MIN_SCREEN_STEP) {
            worldStep *= 2;
        }
        double screenStep = worldStep * zoom;
        int w = (int) Math.ceil(viewWidth + MAX_SCREEN_STEP) + 1;
        int h = (int) Math.ceil(viewHeight + MAX_SCREEN_STEP) + 1;
        if (w <= 1 || h <= 1) {
            return;
        }
        if (image == null || image.getWidth() != w || image.getHeight() != h || zoom != paintedZoom
                || !dot.equals(paintedColor)) {
            paint(w, h, screenStep, DOT_RADIUS * Math.max(0.75, Math.min(1.25, zoom)), dot);
            paintedZoom = zoom;
            paintedStep = screenStep;
            paintedColor = dot;
        }
        // Dots sit at world OFFSET + k * worldStep; in the image they sit at k * step + step / 2.
        double dotX = panX + OFFSET * zoom;
        double dotY = panY + OFFSET * zoom;
        setTranslateX(Math.round(floorMod(dotX - paintedStep / 2, paintedStep) - paintedStep));
        setTranslateY(Math.round(floorMod(dotY - paintedStep / 2, paintedStep) - paintedStep));
    }

    /** A copy of the image's pixels (premultiplied ARGB, row by row), for tests. */
    int[] pixels() {
        return pixels.clone();
    }

    /** A premultiplied ARGB square with one dot of the given radius centred at (cx, cy). */
    private static int[] stamp(int size, double cx, double cy, double radius, Color color) {
        int[] out = new int[size * size];
        double alpha = color.getOpacity();
        int r = (int) Math.round(color.getRed() * 255);
        int g = (int) Math.round(color.getGreen() * 255);
        int b = (int) Math.round(color.getBlue() * 255);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double cover = Math.max(0, Math.min(1, radius + 0.5 - Math.sqrt(dx * dx + dy * dy))) * alpha;
                if (cover > 0) {
                    int a = (int) Math.round(cover * 255);
                    out[y * size + x] = a << 24 | (r * a / 255) << 16 | (g * a / 255) << 8 | (b * a / 255);
                }
            }
        }
        return out;
    }

    private static double floorMod(double a, double m) {
        double r = a % m;
        return r < 0 ? r + m : r;
    }

    private void paint(int w, int h, double step, double radius, Color color) {
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            pixels = new int[w * h];
            // The image shares the int array: no pixel format conversion on the way to the renderer.
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
            setImage(image);
        } else if (!Double.isNaN(stampedStep)) {
            // The dots cover a tenth of the image or less: clearing only them is cheaper than clearing it all.
            stampDots(w, h, stampedStep, stampedReach, null);
        } else {
            Arrays.fill(pixels, 0);
        }
        // One anti-aliased stamp per quarter-pixel position of the dot centre, then copy stamps: no maths per dot.
        int reach = (int) Math.ceil(radius + 1);
        int size = 2 * reach + 2;
        int[][] stamps = new int[SUB * SUB][];
        for (int sy = 0; sy < SUB; sy++) {
            for (int sx = 0; sx < SUB; sx++) {
                stamps[sy * SUB + sx] = stamp(size, reach + (double) sx / SUB, reach + (double) sy / SUB, radius,
                        color);
            }
        }
        stampDots(w, h, step, reach, stamps);
        stampedStep = step;
        stampedReach = reach;
        buffer.updateBuffer(whole -> null);
    }

    /** Copies a dot stamp to every grid position, or clears the stamp's square there when {@code stamps} is null. */
    private void stampDots(int w, int h, double step, int reach, int[][] stamps) {
        int size = 2 * reach + 2;
        for (double cy = step / 2; cy < h; cy += step) {
            int iy = (int) Math.floor(cy);
            int fy = (int) ((cy - iy) * SUB);
            for (double cx = step / 2; cx < w; cx += step) {
                int ix = (int) Math.floor(cx);
                int fx = (int) ((cx - ix) * SUB);
                int[] st = stamps == null ? null : stamps[fy * SUB + fx];
                int x0 = Math.max(0, ix - reach);
                int x1 = Math.min(w, ix - reach + size);
                for (int y = 0; y < size; y++) {
                    int py = iy - reach + y;
                    if (py < 0 || py >= h) {
                        continue;
                    }
                    int row = py * w;
                    if (st == null) {
                        Arrays.fill(pixels, row + x0, row + x1, 0);
                        continue;
                    }
                    for (int px = x0; px < x1; px++) {
                        int v = st[y * size + px - (ix - reach)];
                        if (v != 0) {
                            pixels[row + px] = v;
                        }
                    }
                }
            }
        }
    }
}
