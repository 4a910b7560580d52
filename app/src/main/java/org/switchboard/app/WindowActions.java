package org.switchboard.app;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import org.switchboard.app.document.DocumentFiles;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Action;

/**
 * The window's own actions (File, Edit's undo and redo, Help), each defined once with its text, keys and enabled
 * state. With the canvas's actions they make the one set the menus, the toolbar and the keyboard use.
 */
final class WindowActions {

    private WindowActions() {
    }

    static List<Action> of(MainWindow h, DocumentFiles files, EditorDocument doc) {
        List<Action> list = new ArrayList<>();
        list.add(Action.of("new", AppTexts.get("menu.file.new"), files::newDocument).keys(shortcut(KeyCode.N)));
        list.add(Action.of("open", AppTexts.get("menu.file.open"), files::open).keys(shortcut(KeyCode.O)));
        list.add(Action.of("save", AppTexts.get("menu.file.save"), files::save).keys(shortcut(KeyCode.S)));
        list.add(Action.of("save-as", AppTexts.get("menu.file.saveAs"), files::saveAs)
                .keys(shortcutShift(KeyCode.S)));
        list.add(Action.of("export-png", AppTexts.get("menu.file.exportPng"), h::exportPng));
        list.add(Action.of("open-call-log", AppTexts.get("menu.file.openCallLog"), h::openCallLog));
        list.add(Action.of("settings", AppTexts.get("menu.file.settings"), h::settings)
                .keys(shortcut(KeyCode.COMMA)));
        list.add(Action.of("quit", AppTexts.get("menu.file.quit"), h::quit).keys(shortcut(KeyCode.Q)));
        // the document's undo wins over a text field's own: fields apply every keystroke to the flow already
        list.add(Action.of("undo", "", doc::undo)
                .text(Bindings.createStringBinding(() -> doc.undoLabelProperty().get().isEmpty()
                        ? AppTexts.get("menu.edit.undo")
                        : AppTexts.get("menu.edit.undoLabel", doc.undoLabelProperty().get()),
                        doc.undoLabelProperty()))
                .keys(shortcut(KeyCode.Z))
                .enabledWhen(doc.canUndoProperty())
                .beforeTextFields());
        list.add(Action.of("redo", "", doc::redo)
                .text(Bindings.createStringBinding(() -> doc.redoLabelProperty().get().isEmpty()
                        ? AppTexts.get("menu.edit.redo")
                        : AppTexts.get("menu.edit.redoLabel", doc.redoLabelProperty().get()),
                        doc.redoLabelProperty()))
                .keys(shortcutShift(KeyCode.Z), shortcut(KeyCode.Y))
                .enabledWhen(doc.canRedoProperty())
                .beforeTextFields());
        list.add(Action.of("welcome", AppTexts.get("menu.help.welcome"), h::welcome)
                .keys(new KeyCodeCombination(KeyCode.F1)));
        list.add(Action.of("help", AppTexts.get("menu.help.online"), h::help));
        list.add(Action.of("about", AppTexts.get("menu.help.about"), h::about));
        return list;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shortcutShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }
}
