package org.switchboard.app.palette;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.controlsfx.control.textfield.CustomTextField;

import org.switchboard.app.canvas.PaletteDrag;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The node palette on the left: a search field that filters as you type, collapsible category groups with one row
 * per node type, and a tip. Rows are dragged onto the canvas ({@link PaletteDrag}) or added at the centre of the
 * visible canvas with a double-click or Enter.
 */
public final class PalettePane extends VBox {

    /** Palette groups in the order the design shows them. */
    private static final List<Category> ORDER = List.of(Category.CALL_CONTROL, Category.ROUTING, Category.EVENTS);

    private final Consumer<String> onAdd;
    private final Function<String, Image> dragImage;
    private final CustomTextField search = new CustomTextField();
    private final List<Group> groups = new ArrayList<>();

    /**
     * @param types    the node types to offer
     * @param messages their labels' language
     * @param onAdd    adds a node of the given type id at the canvas centre
     * @param dragImage the picture dragged for a type id (its card as the canvas draws it), or null
     */
    public PalettePane(NodeTypes types, Messages messages, Consumer<String> onAdd,
                       Function<String, Image> dragImage) {
        this.onAdd = onAdd;
        this.dragImage = dragImage;
        getStyleClass().add("palette");
        setId("palette");

        Label title = new Label(AppTexts.get("palette.title"));
        title.getStyleClass().addAll("panel-title", "semibold");
        HBox head = new HBox(title);
        head.getStyleClass().add("panel-head");
        head.setAlignment(Pos.CENTER_LEFT);

        search.setId("palette-search");
        search.setPromptText(AppTexts.get("palette.search"));
        search.getStyleClass().add("palette-search");
        search.setLeft(Glyphs.ui("search", 15));
        Label kbd = new Label("/");
        kbd.getStyleClass().add("kbd");
        search.setRight(kbd);
        VBox.setMargin(search, new javafx.geometry.Insets(0, 12, 6, 12));
        search.textProperty().addListener((o, a, b) -> filter(b));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                Row first = firstVisibleRow();
                if (first != null) {
                    if (e.getCode() == KeyCode.ENTER) {
                        onAdd.accept(first.type.id());
                    } else {
                        first.requestFocus();
                    }
                }
                e.consume();
            }
        });

        VBox list = new VBox();
        list.getStyleClass().add("palette-groups");
        for (Category c : ORDER) {
            Group g = new Group(c, types.inCategory(c), messages);
            groups.add(g);
            list.getChildren().add(g);
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("palette-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label tip = new Label(AppTexts.get("palette.tip"), Glyphs.ui("bulb", 15));
        tip.setWrapText(true);
        tip.getStyleClass().add("palette-tip");
        tip.setMaxWidth(Double.MAX_VALUE);
        tip.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().addAll(head, search, scroll, tip);
    }

    /** Focuses the search field (the "/" shortcut) and selects its text. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private void filter(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        for (Group g : groups) {
            boolean any = false;
            for (Row r : g.rows) {
                boolean show = q.isEmpty() || r.matches(q);
                r.setVisible(show);
                r.setManaged(show);
                any |= show;
            }
            g.setVisible(any);
            g.setManaged(any);
            // a search shows matches even in collapsed groups
            g.body.setVisible(!q.isEmpty() || g.expanded);
            g.body.setManaged(!q.isEmpty() || g.expanded);
        }
    }

    private Row firstVisibleRow() {
        for (Group g : groups) {
            for (Row r : g.rows) {
                if (r.isVisible() && g.isVisible()) {
                    return r;
                }
            }
        }
        return null;
    }

    /** One category: a header that collapses it and its rows. */
    private final class Group extends VBox {
        private final List<Row> rows = new ArrayList<>();
        private final VBox body = new VBox();
        private final Node chevron = Glyphs.ui("chev-d", 12);
        private boolean expanded = true;

        Group(Category category, List<NodeType> types, Messages m) {
            getStyleClass().add("palette-group");
            Label name = new Label(m.get("category." + category.key()).toUpperCase(AppTexts.locale()));
            name.getStyleClass().add("semibold");
            HBox header = new HBox(5, chevron, name);
            header.getStyleClass().add("palette-group-head");
            header.setAlignment(Pos.CENTER_LEFT);
            header.setOnMouseClicked(e -> toggle());
            for (NodeType t : types) {
                Row r = new Row(t, m);
                rows.add(r);
                body.getChildren().add(r);
            }
            getChildren().addAll(header, body);
        }

        private void toggle() {
            expanded = !expanded;
            chevron.setRotate(expanded ? 0 : -90);
            filter(search.getText());
        }
    }

    /** One node type: tile, label, and a grip that shows on hover. */
    private final class Row extends HBox {
        private final NodeType type;
        private final String haystack;

        Row(NodeType type, Messages m) {
            this.type = type;
            String label = type.label(m);
            this.haystack = (label + " " + type.id() + " " + type.description(m)).toLowerCase(Locale.ROOT);
            getStyleClass().add("palette-row");
            setId("palette-" + type.id());
            setAlignment(Pos.CENTER_LEFT);
            setFocusTraversable(true);
            Label text = new Label(label);
            text.getStyleClass().add("palette-label");
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            // the grip shows on hover over the end of the label, so long (German) labels keep the full width
            Node grip = Glyphs.ui("grip", 14);
            grip.getStyleClass().add("grip");
            StackPane labelAndGrip = new StackPane(text, grip);
            StackPane.setAlignment(grip, Pos.CENTER_RIGHT);
            labelAndGrip.setMinWidth(0);
            HBox.setHgrow(labelAndGrip, Priority.ALWAYS);
            getChildren().addAll(Glyphs.tile(type.id(), type.category(), 20, 13), labelAndGrip);
            Tooltip tip = new Tooltip(type.description(m));
            tip.setShowDelay(Duration.millis(500));
            tip.setWrapText(true);
            tip.setMaxWidth(280);
            Tooltip.install(this, tip);

            PaletteDrag.install(this, type.id(), () -> dragImage.apply(type.id()));
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    onAdd.accept(type.id());
                }
            });
            setOnMousePressed(e -> requestFocus());
            setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    onAdd.accept(type.id());
                    e.consume();
                }
            });
        }

        boolean matches(String query) {
            return haystack.contains(query);
        }
    }
}
