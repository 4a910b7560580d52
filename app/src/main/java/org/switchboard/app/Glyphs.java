package org.switchboard.app;

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
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;

import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The window's icons, drawn from the project's stroke-only SVGs on the classpath ({@code /icons/ui/<name>.svg},
 * {@code /icons/nodes/<typeId>.svg}) as {@link SVGPath}s whose stroke colour comes from CSS (style class
 * {@code glyph}, paths {@code glyph-path}), so one icon follows the theme and its context (muted, accent, danger).
 */
public final class Glyphs {

    private static final Pattern PATH = Pattern.compile("<path d=\"([^\"]*)\"");
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private Glyphs() {
    }

    /** A UI icon (toolbar, dock, inspector) of the given size in pixels. */
    public static Region ui(String name, double size) {
        return glyph("/icons/ui/" + name + ".svg", size);
    }

    /** The icon of a node type; a neutral one for unknown types. */
    public static Region node(String typeId, double size) {
        String resource = "/icons/nodes/" + typeId + ".svg";
        return paths(resource).isEmpty() ? ui("bolt", size) : glyph(resource, size);
    }

    /**
     * A node type's icon on its category-tinted tile (style classes {@code tile} and {@code cat-<category>}), as in
     * the palette, the inspector header and the node chips.
     */
    public static StackPane tile(String typeId, double tileSize, double iconSize) {
        StackPane tile = new StackPane(node(typeId, iconSize));
        tile.getStyleClass().addAll("tile", categoryClass(typeId));
        tile.setMinSize(tileSize, tileSize);
        tile.setPrefSize(tileSize, tileSize);
        tile.setMaxSize(tileSize, tileSize);
        return tile;
    }

    /** {@code cat-events}, {@code cat-callControl}, {@code cat-routing} or {@code cat-unknown}. */
    public static String categoryClass(String typeId) {
        NodeType type = NodeTypes.standard().get(typeId);
        return "cat-" + (type == null ? "unknown" : type.category().key());
    }

    public static String categoryClass(Category category) {
        return "cat-" + category.key();
    }

    private static Region glyph(String resource, double size) {
        Pane box = new Pane();
        box.getStyleClass().add("glyph");
        box.setMinSize(size, size);
        box.setPrefSize(size, size);
        box.setMaxSize(size, size);
        box.setMouseTransparent(true);
        Group group = new Group();
        double scale = size / 16.0;
        for (String d : paths(resource)) {
            SVGPath p = new SVGPath();
            p.setContent(d);
            p.getStyleClass().add("glyph-path");
            p.setStrokeWidth(1.5);
            p.setStrokeLineCap(StrokeLineCap.ROUND);
            p.setStrokeLineJoin(StrokeLineJoin.ROUND);
            p.setFill(null);
            p.getTransforms().add(new Scale(scale, scale, 0, 0));
            group.getChildren().add(p);
        }
        group.setManaged(false);
        box.getChildren().add(group);
        return box;
    }

    private static List<String> paths(String resource) {
        return CACHE.computeIfAbsent(resource, r -> {
            List<String> out = new ArrayList<>();
            try (InputStream in = Glyphs.class.getResourceAsStream(r)) {
                if (in == null) {
                    return out;
                }
                Matcher m = PATH.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    out.add(m.group(1));
                }
            } catch (IOException e) {
                // a missing icon leaves an empty space; never worth failing the window for
            }
            return List.copyOf(out);
        });
    }
}
