package org.switchboard.app.ui;

import java.util.List;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * One thing the user can ask for, defined once: its id, its text (which may change, e.g. "Undo Move 3 nodes"), its
 * keys, when it is enabled, and what it does. Menus, toolbar buttons and key handling are all made from actions (see
 * {@link Actions}), so a shortcut is written in one place only. The first key is the one menus show and register as
 * their accelerator, unless the action is {@linkplain #keysInMenu() local}.
 */
public final class Action {

    private static final ObservableBooleanValue ALWAYS = Bindings.createBooleanBinding(() -> true);

    private final String id;
    private final ObservableValue<String> text;
    private final List<KeyCombination> keys;
    private final ObservableBooleanValue enabled;
    private final boolean keysInMenu;
    private final boolean beforeTextFields;
    private final Runnable handler;

    private Action(String id, ObservableValue<String> text, List<KeyCombination> keys,
                   ObservableBooleanValue enabled, boolean keysInMenu, boolean beforeTextFields, Runnable handler) {
        this.id = Objects.requireNonNull(id);
        this.text = Objects.requireNonNull(text);
        this.keys = List.copyOf(keys);
        this.enabled = Objects.requireNonNull(enabled);
        this.keysInMenu = keysInMenu;
        this.beforeTextFields = beforeTextFields;
        this.handler = Objects.requireNonNull(handler);
    }

    /** An action with a fixed text, no keys, always enabled. */
    public static Action of(String id, String text, Runnable handler) {
        return new Action(id, Bindings.createStringBinding(() -> text), List.of(), ALWAYS, true, false, handler);
    }

    /** The same action with these keys (the first is the one shown). */
    public Action keys(KeyCombination... combinations) {
        return new Action(id, text, List.of(combinations), enabled, keysInMenu, beforeTextFields, handler);
    }

    /** The same action with a text that follows {@code value}. */
    public Action text(ObservableValue<String> value) {
        return new Action(id, value, keys, enabled, keysInMenu, beforeTextFields, handler);
    }

    /** The same action, enabled only while {@code condition} holds. */
    public Action enabledWhen(ObservableBooleanValue condition) {
        return new Action(id, text, keys, condition, keysInMenu, beforeTextFields, handler);
    }

    /**
     * The same action, whose keys work only where it is installed (the canvas's Delete key): menus show the action
     * without an accelerator, so the key does not act window-wide.
     */
    public Action local() {
        return new Action(id, text, keys, enabled, false, beforeTextFields, handler);
    }

    /**
     * The same action, whose keys win over a text field's own (the document's undo: fields apply every keystroke to
     * the flow already, so their own undo would fight the document's).
     */
    public Action beforeTextFields() {
        return new Action(id, text, keys, enabled, keysInMenu, true, handler);
    }

    public String id() {
        return id;
    }

    public ObservableValue<String> text() {
        return text;
    }

    public List<KeyCombination> keys() {
        return keys;
    }

    /** The key menus show, or null. */
    public KeyCombination accelerator() {
        return keys.isEmpty() ? null : keys.get(0);
    }

    public ObservableBooleanValue enabled() {
        return enabled;
    }

    public boolean keysInMenu() {
        return keysInMenu;
    }

    public boolean isBeforeTextFields() {
        return beforeTextFields;
    }

    /** Whether the key event is one of this action's keys. */
    public boolean matches(KeyEvent e) {
        for (KeyCombination k : keys) {
            if (k.match(e)) {
                return true;
            }
        }
        return false;
    }

    /** Does it, if it is enabled. Returns whether it was enabled. */
    public boolean fire() {
        if (!enabled.get()) {
            return false;
        }
        handler.run();
        return true;
    }

    @Override
    public String toString() {
        return "Action[" + id + "]";
    }
}
