package org.switchboard.app.canvas;

import java.util.function.BiConsumer;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The 164×100 overview in the bottom right corner: every node as a small bar in the colour its look gives
 * ({@link CardLook#minimapColour}: its category's, red for errors, amber for warnings, green where a call is) and
 * the visible part
 * of the flow as an accent frame. Clicking or dragging in it centres the view on that point. Nodes are painted on
 * one canvas only when the flow changes; the frame on a second one, so panning repaints a rectangle, not a
 * thousand nodes.
 */
final class Minimap extends StackPane {

    static final double WIDTH = 164;
    static final double HEIGHT = 100;
    private static final double PAD = 10;

    /** What the minimap draws for one node: world rectangle and colour key. */
    record Item(double x, double y, double w, double h, CanvasColors.Key colour) {
    }

    private final Canvas nodesCanvas = new Canvas(WIDTH, HEIGHT);
    private final Canvas frameCanvas = new Canvas(WIDTH, HEIGHT);
    private final CanvasColors colors;
    private Bounds world = new BoundingBox(0, 0, 1, 1);
    private double scale = 1;
    private double offsetX;
    private double offsetY;

    Minimap(CanvasColors colors, BiConsumer<Double, Double> centreOn) {
        this.colors = colors;
        getStyleClass().add("minimap");
        setId("minimap");
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        Rectangle clip = new Rectangle(WIDTH, HEIGHT);
        clip.setArcWidth(18);
        clip.setArcHeight(18);
        nodesCanvas.setClip(clip);
        frameCanvas.setMouseTransparent(true);
        getChildren().addAll(nodesCanvas, frameCanvas);
        LazyTooltip.install(this, org.switchboard.app.i18n.AppTexts.get("canvas.minimap"));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                centreOn.accept(toWorldX(e.getX()), toWorldY(e.getY()));
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.isPrimaryButtonDown()) {
                centreOn.accept(toWorldX(e.getX()), toWorldY(e.getY()));
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
        addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
    }

    double toWorldX(double x) {
        return (x - offsetX) / scale;
    }

    double toWorldY(double y) {
        return (y - offsetY) / scale;
    }

    /** Repaints the nodes; {@code content} is the world area to show (all nodes, padded). */
    void drawNodes(Iterable<Item> items, Bounds content) {
        world = content == null ? new BoundingBox(0, 0, 1, 1) : content;
        scale = Math.min((WIDTH - 2 * PAD) / Math.max(1, world.getWidth()),
                (HEIGHT - 2 * PAD) / Math.max(1, world.getHeight()));
        offsetX = (WIDTH - world.getWidth() * scale) / 2 - world.getMinX() * scale;
        offsetY = (HEIGHT - world.getHeight() * scale) / 2 - world.getMinY() * scale;
        GraphicsContext g = nodesCanvas.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        for (Item it : items) {
            g.setFill(colors.get(it.colour()));
            double x = it.x() * scale + offsetX;
            double y = it.y() * scale + offsetY;
            double w = Math.max(2, it.w() * scale);
            double h = Math.max(2, Math.min(it.h() * scale, 7));
            g.fillRoundRect(x, y, w, h, 2, 2);
        }
    }

    /** Repaints the frame of the visible world rectangle. */
    void drawFrame(double[] visible) {
        GraphicsContext g = frameCanvas.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        double x = visible[0] * scale + offsetX;
        double y = visible[1] * scale + offsetY;
        double w = visible[2] * scale;
        double h = visible[3] * scale;
        // Keep the frame inside the map so it never vanishes when the view is far off.
        double x0 = clamp(x, 1, WIDTH - 1);
        double y0 = clamp(y, 1, HEIGHT - 1);
        double x1 = clamp(x + w, 1, WIDTH - 1);
        double y1 = clamp(y + h, 1, HEIGHT - 1);
        Color accent = colors.get(CanvasColors.Key.ACCENT);
        g.setFill(accent.deriveColor(0, 1, 1, 0.08));
        g.fillRoundRect(x0, y0, Math.max(2, x1 - x0), Math.max(2, y1 - y0), 4, 4);
        g.setStroke(accent);
        g.setLineWidth(1.5);
        g.strokeRoundRect(x0 + 0.75, y0 + 0.75, Math.max(1, x1 - x0 - 1.5), Math.max(1, y1 - y0 - 1.5), 4, 4);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
