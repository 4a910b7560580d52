package org.switchboard.app.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.switchboard.app.icons.NodeIcons;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.i18n.Messages;

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
     *
     * @param category the type's category, null for a type the registry does not know
     */
    public static StackPane tile(String typeId, Category category, double tileSize, double iconSize) {
        StackPane tile = new StackPane(NodeIcons.icon(typeId, iconSize));
        tile.getStyleClass().addAll("tile", categoryClass(category));
        tile.setMinSize(tileSize, tileSize);
        tile.setPrefSize(tileSize, tileSize);
        tile.setMaxSize(tileSize, tileSize);
        return tile;
    }

    /** {@code cat-events}, {@code cat-callControl}, {@code cat-routing}, or {@code cat-unknown} for null. */
    public static String categoryClass(Category category) {
        return category == null ? "cat-unknown" : "cat-" + category.key();
    }

    /** A small chip naming a node, with its category colour as a square dot ({@code type} null: unknown type). */
    public static Label nodeChip(FlowNode node, NodeType type, Messages m) {
        Region dot = new Region();
        dot.getStyleClass().addAll("chip-dot", categoryClass(type == null ? null : type.category()));
        Label chip = new Label(node.displayName(type == null ? node.type() : type.label(m)), dot);
        chip.getStyleClass().addAll("node-chip", "medium");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }
}
