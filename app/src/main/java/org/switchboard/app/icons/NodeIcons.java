package org.switchboard.app.icons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's line icons as JavaFX nodes, read from the strict SVG files on the classpath ({@code /icons/nodes/
 * <typeId>.svg} and {@code /icons/ui/<name>.svg}: a 16×16 view box holding only {@code <path d="..."/>}
 * elements, drawn with a 1.5 stroke and round caps). Each icon is a fixed-size {@link Pane} (style classes
 * {@code icon} and {@code icon-<name>}) whose paths carry the style class {@code icon-path}, so CSS colours them
 * with {@code -fx-stroke} (the canvas gives node icons their category colour this way). A missing or unreadable
 * file gives a neutral dot instead of an error, so a new node type never breaks the editor.
 */
public final class NodeIcons {

    private static final Logger LOG = LoggerFactory.getLogger(NodeIcons.class);
    private static final Pattern PATH = Pattern.compile("<path\\s+d=\"([^\"]*)\"\\s*/>");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 16 16\"");
    private static final double VIEW = 16;
    private static final Color DEFAULT_STROKE = Color.web("#545A66");
    /** Parsed path data per resource; an empty list means "missing", so a file is read at most once. */
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private NodeIcons() {
    }

    /** The icon of a node type ({@code dial}, {@code gather}, ...), {@code size} pixels square. */
    public static Node icon(String typeId, double size) {
        return build("/icons/nodes/" + typeId + ".svg", "node-" + typeId, size);
    }

    /** A UI icon ({@code plus}, {@code warn}, {@code excl}, ...), {@code size} pixels square. */
    public static Node ui(String name, double size) {
        return build("/icons/ui/" + name + ".svg", name, size);
    }

    /**
     * A node type's icon as one stroked shape, {@code size} pixels square with its origin at the top-left corner
     * (place it with {@code setLayoutX/Y}): the lightest form, for cards drawn by the hundred. Style class
     * {@code icon-path}, or {@code icon-dot} for the fallback dot.
     */
    public static Shape glyph(String typeId, double size) {
        return shape("/icons/nodes/" + typeId + ".svg", size);
    }

    /** A UI icon as one stroked shape; see {@link #glyph}. */
    public static Shape uiGlyph(String name, double size) {
        return shape("/icons/ui/" + name + ".svg", size);
    }

    private static Shape shape(String resource, double size) {
        List<String> data = paths(resource);
        if (data.isEmpty()) {
            Circle dot = new Circle(size / 2, size / 2, Math.max(1.5, size * 0.16));
            dot.getStyleClass().add("icon-dot");
            dot.setFill(DEFAULT_STROKE);
            dot.setMouseTransparent(true);
            return dot;
        }
        SVGPath p = new SVGPath();
        p.setContent(String.join(" ", data));
        p.getStyleClass().add("icon-path");
        p.setFill(null);
        p.setStroke(DEFAULT_STROKE);
        p.setStrokeWidth(1.5);
        p.setStrokeLineCap(StrokeLineCap.ROUND);
        p.setStrokeLineJoin(StrokeLineJoin.ROUND);
        p.getTransforms().add(new Scale(size / VIEW, size / VIEW, 0, 0));
        p.setMouseTransparent(true);
        return p;
    }

    /** Whether the icon file exists and holds at least one path (for tests and fallbacks). */
    public static boolean exists(String resource) {
        return !paths(resource).isEmpty();
    }

    private static Node build(String resource, String name, double size) {
        Pane box = new Pane();
        box.getStyleClass().addAll("icon", "icon-" + name);
        box.setMinSize(size, size);
        box.setPrefSize(size, size);
        box.setMaxSize(size, size);
        box.setMouseTransparent(true);
        List<String> data = paths(resource);
        if (data.isEmpty()) {
            Circle dot = new Circle(size / 2, size / 2, Math.max(1.5, size * 0.16));
            dot.getStyleClass().add("icon-dot");
            dot.setFill(DEFAULT_STROKE);
            box.getStyleClass().add("icon-missing");
            box.getChildren().add(dot);
            return box;
        }
        Group group = new Group();
        group.setManaged(false);
        group.getTransforms().add(new Scale(size / VIEW, size / VIEW, 0, 0));
        for (String d : data) {
            SVGPath p = new SVGPath();
            p.setContent(d);
            p.getStyleClass().add("icon-path");
            p.setFill(null);
            p.setStroke(DEFAULT_STROKE);
            p.setStrokeWidth(1.5);
            p.setStrokeLineCap(StrokeLineCap.ROUND);
            p.setStrokeLineJoin(StrokeLineJoin.ROUND);
            group.getChildren().add(p);
        }
        box.getChildren().add(group);
        return box;
    }

    private static List<String> paths(String resource) {
        return CACHE.computeIfAbsent(resource, NodeIcons::read);
    }

    private static List<String> read(String resource) {
        try (InputStream in = NodeIcons.class.getResourceAsStream(resource)) {
            if (in == null) {
                LOG.debug("No icon {}; using a dot", resource);
                return List.of();
            }
            String svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!VIEW_BOX.matcher(svg).find()) {
                LOG.warn("Icon {} does not use the 16x16 view box; using a dot", resource);
                return List.of();
            }
            List<String> out = new ArrayList<>();
            Matcher m = PATH.matcher(svg);
            while (m.find()) {
                out.add(m.group(1));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            LOG.warn("Cannot read icon {}: {}", resource, e.getMessage());
            return List.of();
        }
    }
}
