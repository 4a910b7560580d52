package org.switchboard.app.ui;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyEvent;

/**
 * A set of {@link Action}s by id, and the controls and key handling made from them: a menu item, a toolbar button
 * and a key handler all fire the same action, with the same keys and the same enabled state.
 */
public final class Actions {

    private final Map<String, Action> byId = new LinkedHashMap<>();

    public Actions(Collection<Action> actions) {
        addAll(actions);
    }

    public void addAll(Collection<Action> actions) {
        for (Action a : actions) {
            if (byId.putIfAbsent(a.id(), a) != null) {
                throw new IllegalArgumentException("Two actions with the id " + a.id());
            }
        }
    }

    /** The action with this id; fails for an unknown id (a typo in the window's layout). */
    public Action get(String id) {
        Action a = byId.get(id);
        if (a == null) {
            throw new IllegalArgumentException("No action " + id);
        }
        return a;
    }

    public List<Action> all() {
        return List.copyOf(byId.values());
    }

    /** A menu item for the action, with CSS id {@code idPrefix + id}. */
    public MenuItem menuItem(String id, String idPrefix) {
        return menuItem(get(id), idPrefix);
    }

    public static MenuItem menuItem(Action a, String idPrefix) {
        MenuItem item = new MenuItem();
        item.setId(idPrefix + a.id());
        item.textProperty().bind(a.text());
        if (a.keysInMenu()) {
            item.setAccelerator(MenuShortcut.of(a.accelerator()));
        }
        item.disableProperty().bind(javafx.beans.binding.Bindings.not(a.enabled()));
        item.setOnAction(e -> a.fire());
        item.getProperties().put(Action.class, a);
        return item;
    }

    /** A toolbar button showing an icon; its tooltip is set by the caller (it often names the keys). */
    public Button button(String id, String cssId, String icon) {
        Action a = get(id);
        Button b = new Button(null, Glyphs.ui(icon, 16));
        b.setId(cssId);
        b.getStyleClass().add("icon-button");
        b.setFocusTraversable(false);
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(a.enabled()));
        b.setOnAction(e -> a.fire());
        b.getProperties().put(Action.class, a);
        return b;
    }

    /** The keys of the action as the user reads them ("Ctrl S", "⌘S"), or "" when it has none. */
    public String keysText(String id) {
        Action a = get(id);
        return a.accelerator() == null ? "" : Shortcuts.display(a.accelerator());
    }

    /**
     * Fires the first enabled action among {@code actions} whose keys match the event and consumes the event. A key
     * of a disabled action is consumed too, so it does not fall through to another meaning.
     */
    public static boolean handle(KeyEvent e, Collection<Action> actions) {
        for (Action a : actions) {
            if (a.matches(e)) {
                a.fire();
                e.consume();
                return true;
            }
        }
        return false;
    }
}
