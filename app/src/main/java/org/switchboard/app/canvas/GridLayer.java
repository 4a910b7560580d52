package org.switchboard.app.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;

/**
 * The dot grid behind the flow: 2.1 px dots every 20 canvas units, painted as one tiled {@link ImagePattern} fill
 * per frame instead of thousands of shapes. When zoomed out the spacing doubles (every second dot is kept), so
 * the screen never fills with dots and the cost of a frame stays the same at every zoom.
 */
final class GridLayer extends Canvas {

    static final double STEP = 20;
    /** World offset of the dots inside a grid cell (the design draws them in the middle of each cell). */
    static final double OFFSET = 10;
    private static final double DOT_RADIUS = 1.05;
    private static final double MIN_SCREEN_STEP = 9;

    private WritableImage tile;
    private int tileKey = -1;
    private Color tileColor;

    GridLayer() {
        setMouseTransparent(true);
        getStyleClass().add("grid-layer");
    }

    void draw(double zoom, double panX, double panY, Color dot) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        double worldStep = STEP;
        while (worldStep * zoom < MIN_SCREEN_STEP) {
            worldStep *= 2;
        }
        double screenStep = worldStep * zoom;
        // Dots shrink a little when zoomed out and stop growing past 125 %, so the grid stays quiet.
        double radius = DOT_RADIUS * Math.max(0.75, Math.min(1.25, zoom));
        WritableImage image = tile(screenStep, radius, dot);
        double originX = panX + (OFFSET - worldStep / 2) * zoom;
        double originY = panY + (OFFSET - worldStep / 2) * zoom;
        g.setFill(new ImagePattern(image, originX, originY, screenStep, screenStep, false));
        g.fillRect(0, 0, w, h);
    }

    /** A cell with one anti-aliased dot in its middle, drawn at twice the screen size for crisp edges. */
    private WritableImage tile(double screenStep, double radius, Color color) {
        int size = Math.max(4, (int) Math.round(screenStep * 2));
        int key = size * 1000 + (int) Math.round(radius * 100);
        if (tile != null && key == tileKey && color.equals(tileColor)) {
            return tile;
        }
        WritableImage img = new WritableImage(size, size);
        PixelWriter px = img.getPixelWriter();
        double c = size / 2.0;
        double r = radius * size / screenStep;
        int samples = 4;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx0 = x - c;
                double dy0 = y - c;
                if (dx0 * dx0 + dy0 * dy0 > (r + 2) * (r + 2)) {
                    px.setColor(x, y, Color.TRANSPARENT);
                    continue;
                }
                int inside = 0;
                for (int sy = 0; sy < samples; sy++) {
                    for (int sx = 0; sx < samples; sx++) {
                        double dx = x + (sx + 0.5) / samples - c;
                        double dy = y + (sy + 0.5) / samples - c;
                        if (dx * dx + dy * dy <= r * r) {
                            inside++;
                        }
                    }
                }
                double a = color.getOpacity() * inside / (double) (samples * samples);
                px.setColor(x, y, Color.color(color.getRed(), color.getGreen(), color.getBlue(), a));
            }
        }
        tile = img;
        tileKey = key;
        tileColor = color;
        return img;
    }

    @Override
    public boolean isResizable() {
        return false;
    }
}
