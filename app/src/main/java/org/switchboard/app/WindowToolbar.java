package org.switchboard.app;

import java.nio.file.Path;

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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
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

/**
 * The 48 px bar at the top of the window: logo and name, a compact menu bar (File, Edit, View, Help), the document
 * name with its unsaved dot and recent files, New / Open / Save, Undo / Redo (tooltips say what they would undo),
 * and the zoom menu. Only commands that exist are shown.
 */
final class WindowToolbar extends HBox {

    private final Commands commands;
    private final EditorDocument doc;
    private final DocumentFiles files;
    private final Menu recentMenu = new Menu(AppTexts.get("menu.file.recent"));
    private final MenuButton docButton = new MenuButton();

    WindowToolbar(Commands commands, EditorDocument doc, DocumentFiles files, ObservableNumberValue zoom) {
        this.commands = commands;
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

        MenuBar menus = new MenuBar(fileMenu(), editMenu(), viewMenu(), helpMenu());
        menus.getStyleClass().add("window-menus");
        menus.setId("menu-bar");
        menus.setUseSystemMenuBar(true);
        menus.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        spacer.setMinWidth(8);

        getChildren().addAll(brand, menus, separator(), documentButton(), separator(),
                iconButton("toolbar-new", "new", AppTexts.get("toolbar.new", Shortcuts.display("N", false)),
                        commands::newDocument),
                iconButton("toolbar-open", "open", AppTexts.get("toolbar.open", Shortcuts.display("O", false)),
                        commands::open),
                iconButton("toolbar-save", "save", AppTexts.get("toolbar.save", Shortcuts.display("S", false)),
                        commands::save),
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

    private Button iconButton(String id, String icon, String tooltip, Runnable action) {
        Button b = new Button(null, Glyphs.ui(icon, 16));
        b.setId(id);
        b.getStyleClass().add("icon-button");
        b.setFocusTraversable(false);
        b.setTooltip(tip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(400));
        return t;
    }

    private Button undoButton(boolean undo) {
        Button b = iconButton(undo ? "toolbar-undo" : "toolbar-redo", undo ? "undo" : "redo", "",
                undo ? commands::undo : commands::redo);
        var label = undo ? doc.undoLabelProperty() : doc.redoLabelProperty();
        String keys = undo ? Shortcuts.display("Z", false) : Shortcuts.display("Z", true);
        b.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> label.get().isEmpty()
                ? AppTexts.get(undo ? "toolbar.undo.none" : "toolbar.redo.none", keys)
                : AppTexts.get(undo ? "toolbar.undo" : "toolbar.redo", label.get(), keys), label));
        b.disableProperty().bind((undo ? doc.canUndoProperty() : doc.canRedoProperty()).not());
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
        clear.setOnAction(e -> commands.clearRecent());
        recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
    }

    private MenuItem recentItem(Path p, String id) {
        String dir = p.getParent() == null ? "" : p.getParent().toString();
        MenuItem item = new MenuItem(p.getFileName() + (dir.isEmpty() ? "" : "  —  " + dir));
        item.setId(id);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> commands.openRecent(p));
        return item;
    }

    private MenuButton zoomButton(ObservableNumberValue zoom) {
        MenuButton b = new MenuButton();
        b.setId("zoom-button");
        b.getStyleClass().add("zoom-button");
        b.setFocusTraversable(false);
        b.textProperty().bind(Bindings.createStringBinding(
                () -> AppTexts.get("toolbar.zoom", Math.round(zoom.doubleValue() * 100)), zoom));
        b.getItems().addAll(
                item(AppTexts.get("menu.view.zoomIn"), "zoom-in", KeyCode.PLUS, false, commands::zoomIn),
                item(AppTexts.get("menu.view.zoomOut"), "zoom-out", KeyCode.MINUS, false, commands::zoomOut),
                item(AppTexts.get("menu.view.fit"), "zoom-fit", KeyCode.DIGIT1, false, commands::zoomToFit),
                item(AppTexts.get("menu.view.actual"), "zoom-100", KeyCode.DIGIT0, false, commands::zoomReset));
        b.setGraphic(Glyphs.ui("chev-d", 12));
        b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        b.setTooltip(tip(AppTexts.get("toolbar.zoom.tip")));
        return b;
    }

    private Menu fileMenu() {
        return new Menu(AppTexts.get("menu.file"), null,
                item(AppTexts.get("menu.file.new"), "menu-new", KeyCode.N, false, commands::newDocument),
                item(AppTexts.get("menu.file.open"), "menu-open", KeyCode.O, false, commands::open),
                recentMenu,
                new SeparatorMenuItem(),
                item(AppTexts.get("menu.file.save"), "menu-save", KeyCode.S, false, commands::save),
                item(AppTexts.get("menu.file.saveAs"), "menu-save-as", KeyCode.S, true, commands::saveAs),
                item(AppTexts.get("menu.file.exportPng"), "menu-export-png", null, false, commands::exportPng),
                new SeparatorMenuItem(),
                item(AppTexts.get("menu.file.settings"), "menu-settings", KeyCode.COMMA, false,
                        commands::settings),
                new SeparatorMenuItem(),
                item(AppTexts.get("menu.file.quit"), "menu-quit", KeyCode.Q, false, commands::quit));
    }

    private Menu editMenu() {
        MenuItem undo = item("", "menu-undo", KeyCode.Z, false, commands::undo);
        undo.textProperty().bind(Bindings.createStringBinding(() -> doc.undoLabelProperty().get().isEmpty()
                ? AppTexts.get("menu.edit.undo") : AppTexts.get("menu.edit.undoLabel", doc.undoLabelProperty().get()),
                doc.undoLabelProperty()));
        undo.disableProperty().bind(doc.canUndoProperty().not());
        MenuItem redo = item("", "menu-redo", KeyCode.Z, true, commands::redo);
        redo.textProperty().bind(Bindings.createStringBinding(() -> doc.redoLabelProperty().get().isEmpty()
                ? AppTexts.get("menu.edit.redo") : AppTexts.get("menu.edit.redoLabel", doc.redoLabelProperty().get()),
                doc.redoLabelProperty()));
        redo.disableProperty().bind(doc.canRedoProperty().not());
        MenuItem delete = item(AppTexts.get("menu.edit.delete"), "menu-delete", null, false, commands::delete);
        return new Menu(AppTexts.get("menu.edit"), null, undo, redo, new SeparatorMenuItem(),
                item(AppTexts.get("menu.edit.cut"), "menu-cut", KeyCode.X, false, commands::cut),
                item(AppTexts.get("menu.edit.copy"), "menu-copy", KeyCode.C, false, commands::copy),
                item(AppTexts.get("menu.edit.paste"), "menu-paste", KeyCode.V, false, commands::paste),
                item(AppTexts.get("menu.edit.duplicate"), "menu-duplicate", KeyCode.D, false, commands::duplicate),
                delete, new SeparatorMenuItem(),
                item(AppTexts.get("menu.edit.selectAll"), "menu-select-all", KeyCode.A, false,
                        commands::selectAll));
    }

    private Menu viewMenu() {
        return new Menu(AppTexts.get("menu.view"), null,
                item(AppTexts.get("menu.view.zoomIn"), "menu-zoom-in", KeyCode.PLUS, false, commands::zoomIn),
                item(AppTexts.get("menu.view.zoomOut"), "menu-zoom-out", KeyCode.MINUS, false, commands::zoomOut),
                item(AppTexts.get("menu.view.fit"), "menu-zoom-fit", KeyCode.DIGIT1, false, commands::zoomToFit),
                item(AppTexts.get("menu.view.actual"), "menu-zoom-100", KeyCode.DIGIT0, false,
                        commands::zoomReset));
    }

    private Menu helpMenu() {
        MenuItem welcome = item(AppTexts.get("menu.help.welcome"), "menu-welcome", null, false, commands::welcome);
        welcome.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        return new Menu(AppTexts.get("menu.help"), null, welcome,
                item(AppTexts.get("menu.help.online"), "menu-help", null, false, commands::help),
                new SeparatorMenuItem(),
                item(AppTexts.get("menu.help.about"), "menu-about", null, false, commands::about));
    }

    private static MenuItem item(String text, String id, KeyCode key, boolean shift, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (key != null) {
            item.setAccelerator(new MenuShortcut(key, shift));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
