package org.switchboard.app.ui;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import org.switchboard.app.icons.NodeIcons;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The window's icons: the project's line icons from {@link NodeIcons} (paths with style class {@code icon-path},
 * coloured by CSS so an icon follows the theme and its context), and node type icons on their category-tinted
 * tiles as in the palette, the inspector header and the connection rows.
 */
public final class Glyphs {

    private Glyphs() {
    }

    /** A UI icon (toolbar, dock, inspector) of the given size in pixels. */
    public static Node ui(String name, double size) {
        return NodeIcons.ui(name, size);
    }

    /**
     * A node type's icon on its category-tinted tile (style classes {@code tile} and {@code cat-<category>}).
     */
    public static StackPane tile(String typeId, double tileSize, double iconSize) {
        StackPane tile = new StackPane(NodeIcons.icon(typeId, iconSize));
        tile.getStyleClass().addAll("tile", categoryClass(typeId));
        tile.setMinSize(tileSize, tileSize);
        tile.setPrefSize(tileSize, tileSize);
        tile.setMaxSize(tileSize, tileSize);
        return tile;
    }

    /** {@code cat-events}, {@code cat-callControl}, {@code cat-routing} or {@code cat-unknown}. */
    public static String categoryClass(String typeId) {
        NodeType type = NodeTypes.standard().get(typeId);
        return type == null ? "cat-unknown" : categoryClass(type.category());
    }

    public static String categoryClass(Category category) {
        return "cat-" + category.key();
    }
}
