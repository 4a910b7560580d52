package org.switchboard.app.ui;

import java.util.Locale;

import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A menu accelerator that matches exactly like the key combination it wraps but shows the key names of the user's
 * language: "Strg+N" in German, where JavaFX always writes "Ctrl+N" (its display text is English only).
 */
public final class MenuShortcut extends KeyCombination {

    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");

    private final KeyCodeCombination keys;

    private MenuShortcut(KeyCodeCombination keys) {
        super(keys.getShift(), keys.getControl(), keys.getAlt(), keys.getMeta(), keys.getShortcut());
        this.keys = keys;
    }

    /** The combination for a menu: key combinations with a key code get the local key names, others stay. */
    public static KeyCombination of(KeyCombination combination) {
        return !MAC && combination instanceof KeyCodeCombination k ? new MenuShortcut(k) : combination;
    }

    /** The key combination a menu accelerator stands for (itself unless it is a {@link MenuShortcut}). */
    public static KeyCombination keysOf(KeyCombination accelerator) {
        return accelerator instanceof MenuShortcut m ? m.keys : accelerator;
    }

    @Override
    public String toString() {
        return keys.toString();
    }

    @Override
    public boolean match(KeyEvent event) {
        return keys.match(event);
    }

    @Override
    public String getDisplayText() {
        return Shortcuts.display(keys).replace(' ', '+');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MenuShortcut other && keys.equals(other.keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }
}
