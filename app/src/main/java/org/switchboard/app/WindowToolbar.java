package org.switchboard.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.util.Duration;

import org.switchboard.app.document.DocumentFiles;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Actions;
import org.switchboard.app.ui.CompactButtons;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.app.ui.MenuFold;

/**
 * The 48 px bar at the top of the window: logo and name, a compact menu bar (File, Edit, View, Run, Help), the
 * document name with its unsaved dot and recent files, New / Open / Save, Undo / Redo (tooltips say what they would
 * undo), and the zoom menu; the window adds Run's part at the right. Only commands that exist are shown.
 */
final class WindowToolbar extends HBox {

    private final Actions actions;
    private final EditorDocument doc;
    private final DocumentFiles files;
    private final Menu recentMenu = new Menu(AppTexts.get("menu.file.recent"));
    private final MenuButton docButton = new MenuButton();

    WindowToolbar(Actions actions, EditorDocument doc, DocumentFiles files, ObservableNumberValue zoom) {
        this.actions = actions;
        this.doc = doc;
        this.files = files;
        getStyleClass().add("toolbar");
        setId("toolbar");
        setAlignment(Pos.CENTER_LEFT);

        Label name = new Label(AppTexts.get("app.name"));
        name.getStyleClass().addAll("brand-name", "semibold");
        HBox brand = new HBox(9, logo(), name);
        brand.getStyleClass().add("brand");
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.setMinWidth(Region.USE_PREF_SIZE);
        CompactButtons.watch(brand, name); // short of room, the logo stands for the name (as in the dock of a Mac)

        MenuBar menus = new MenuBar(fileMenu(), editMenu(), viewMenu(), runMenu(), helpMenu());
        menus.getStyleClass().add("window-menus");
        menus.setId("menu-bar");
        menus.setUseSystemMenuBar(true);
        menus.setMinWidth(Region.USE_PREF_SIZE);
        MenuButton folded = new MenuButton(null, Glyphs.ui("menus", 16));
        folded.setId("menu-fold");
        folded.getStyleClass().add("menu-fold");
        folded.setTooltip(tip(AppTexts.get("toolbar.menus")));
        folded.setAccessibleText(AppTexts.get("toolbar.menus"));
        folded.setFocusTraversable(false);
        folded.setMinWidth(Region.USE_PREF_SIZE);
        MenuFold.watch(this, menus, folded); // before the brand's: short of room, the menus fold first

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        spacer.setMinWidth(8);

        getChildren().addAll(brand, menus, folded, separator(), documentButton(), separator(),
                iconButton("new", "new", AppTexts.get("toolbar.new", actions.keysText("new"))),
                iconButton("open", "open", AppTexts.get("toolbar.open", actions.keysText("open"))),
                iconButton("save", "save", AppTexts.get("toolbar.save", actions.keysText("save"))),
                separator(), undoButton(true), undoButton(false), separator(), zoomButton(zoom), spacer);
        files.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
    }

    /** The mark: one dot forking to two, white on the accent-to-violet tile. */
    private static StackPane logo() {
        SVGPath fork = new SVGPath();
        fork.setContent("M4.4 8c3 0 3.4-3.6 6.6-3.6M4.4 8c3 0 3.4 3.6 6.6 3.6");
        fork.getStyleClass().add("logo-fork");
        fork.setStrokeWidth(1.6);
        fork.setStrokeLineCap(StrokeLineCap.ROUND);
        fork.setFill(null);
        javafx.scene.Group mark = new javafx.scene.Group(fork, dot(3.6, 8, 1.9), dot(12, 4.4, 1.7),
                dot(12, 11.6, 1.7));
        StackPane logo = new StackPane(mark);
        logo.getStyleClass().add("logo");
        logo.setMinSize(24, 24);
        logo.setMaxSize(24, 24);
        return logo;
    }

    private static Circle dot(double x, double y, double r) {
        Circle c = new Circle(x, y, r);
        c.getStyleClass().add("logo-dot");
        return c;
    }

    private static Region separator() {
        Region sep = new Region();
        sep.getStyleClass().add("toolbar-separator");
        HBox.setMargin(sep, new javafx.geometry.Insets(0, 6, 0, 6));
        return sep;
    }

    /** A toolbar button for an action (CSS id {@code toolbar-<action>}). */
    private Button iconButton(String action, String icon, String tooltip) {
        Button b = actions.button(action, "toolbar-" + action, icon);
        b.setTooltip(tip(tooltip));
        return b;
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(400));
        return t;
    }

    private Button undoButton(boolean undo) {
        Button b = iconButton(undo ? "undo" : "redo", undo ? "undo" : "redo", "");
        var label = undo ? doc.undoLabelProperty() : doc.redoLabelProperty();
        String keys = actions.keysText(undo ? "undo" : "redo");
        b.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> label.get().isEmpty()
                ? AppTexts.get(undo ? "toolbar.undo.none" : "toolbar.redo.none", keys)
                : AppTexts.get(undo ? "toolbar.undo" : "toolbar.redo", label.get(), keys), label));
        return b;
    }

    private MenuButton documentButton() {
        docButton.setId("document-button");
        docButton.getStyleClass().add("document-button");
        Label name = new Label();
        name.getStyleClass().addAll("document-name", "medium");
        name.textProperty().bind(files.displayNameProperty());
        Region dirty = new Region();
        dirty.getStyleClass().add("dirty-dot");
        dirty.setId("dirty-dot");
        dirty.visibleProperty().bind(doc.dirtyProperty());
        dirty.managedProperty().bind(doc.dirtyProperty());
        HBox graphic = new HBox(8, name, dirty, Glyphs.ui("chev-d", 14));
        graphic.setAlignment(Pos.CENTER_LEFT);
        docButton.setGraphic(graphic);
        docButton.setTooltip(tip(AppTexts.get("toolbar.recent")));
        docButton.setFocusTraversable(false);
        docButton.setMinWidth(120); // the name keeps a readable start when the toolbar is short of room
        return docButton;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        docButton.getItems().clear();
        if (files.recentFiles().isEmpty()) {
            MenuItem none = new MenuItem(AppTexts.get("menu.file.recent.none"));
            none.setDisable(true);
            MenuItem none2 = new MenuItem(none.getText());
            none2.setDisable(true);
            recentMenu.getItems().add(none);
            docButton.getItems().add(none2);
            return;
        }
        int i = 0;
        for (Path p : files.recentFiles()) {
            recentMenu.getItems().add(recentItem(p, "recent-menu-" + i));
            docButton.getItems().add(recentItem(p, "recent-" + i));
            i++;
        }
        MenuItem clear = new MenuItem(AppTexts.get("menu.file.recent.clear"));
        clear.setOnAction(e -> files.clearRecent());
        recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
    }

    private MenuItem recentItem(Path p, String id) {
        String dir = p.getParent() == null ? "" : p.getParent().toString();
        MenuItem item = new MenuItem(p.getFileName() + (dir.isEmpty() ? "" : "  —  " + dir));
        item.setId(id);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> files.open(p));
        return item;
    }

    private MenuButton zoomButton(ObservableNumberValue zoom) {
        MenuButton b = new MenuButton();
        b.setId("zoom-button");
        b.setMinWidth(88); // "100 %" and the chevron, also when the toolbar is short of room
        b.getStyleClass().add("zoom-button");
        b.setFocusTraversable(false);
        b.textProperty().bind(Bindings.createStringBinding(
                () -> AppTexts.get("toolbar.zoom", Math.round(zoom.doubleValue() * 100)), zoom));
        b.getItems().addAll(items("", "zoom-in", "zoom-out", "zoom-fit", "zoom-100"));
        b.setGraphic(Glyphs.ui("chev-d", 12));
        b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        b.setTooltip(tip(AppTexts.get("toolbar.zoom.tip")));
        return b;
    }

    private Menu fileMenu() {
        Menu file = new Menu(AppTexts.get("menu.file"));
        file.getItems().addAll(items("menu-", "new", "open"));
        file.getItems().addAll(recentMenu, new SeparatorMenuItem());
        file.getItems().addAll(items("menu-", "save", "save-as", "export-png", "open-call-log"));
        file.getItems().add(new SeparatorMenuItem());
        file.getItems().addAll(items("menu-", "settings"));
        file.getItems().add(new SeparatorMenuItem());
        file.getItems().addAll(items("menu-", "quit"));
        return file;
    }

    private Menu editMenu() {
        Menu edit = new Menu(AppTexts.get("menu.edit"));
        edit.getItems().addAll(items("menu-", "undo", "redo"));
        edit.getItems().add(new SeparatorMenuItem());
        edit.getItems().addAll(items("menu-", "cut", "copy", "paste", "duplicate", "delete"));
        edit.getItems().add(new SeparatorMenuItem());
        edit.getItems().addAll(items("menu-", "select-all"));
        return edit;
    }

    private Menu viewMenu() {
        Menu view = new Menu(AppTexts.get("menu.view"));
        view.getItems().addAll(items("menu-", "zoom-in", "zoom-out", "zoom-fit", "zoom-100"));
        return view;
    }

    private Menu runMenu() {
        Menu run = new Menu(AppTexts.get("menu.run"));
        run.getItems().addAll(items("menu-", "run", "deploy"));
        return run;
    }

    private Menu helpMenu() {
        Menu help = new Menu(AppTexts.get("menu.help"));
        help.getItems().addAll(items("menu-", "welcome", "help"));
        help.getItems().add(new SeparatorMenuItem());
        help.getItems().addAll(items("menu-", "about"));
        return help;
    }

    /** Menu items for the actions, with CSS ids {@code idPrefix + action}. */
    private List<MenuItem> items(String idPrefix, String... ids) {
        List<MenuItem> items = new ArrayList<>();
        for (String id : ids) {
            items.add(actions.menuItem(id, idPrefix));
        }
        return items;
    }
}
