package org.switchboard.app;

import java.util.Locale;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A menu accelerator (the shortcut key, optionally Shift, and a key) that matches like JavaFX's own but shows the
 * key names of the user's language in menus: "Strg+N" in German where JavaFX always writes "Ctrl+N".
 */
public final class MenuShortcut extends KeyCombination {

    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");

    private final KeyCodeCombination keys;

    public MenuShortcut(KeyCode key, boolean shift) {
        super(shift ? ModifierValue.DOWN : ModifierValue.UP, ModifierValue.UP, ModifierValue.UP, ModifierValue.UP,
                ModifierValue.DOWN);
        keys = shift ? new KeyCodeCombination(key, SHORTCUT_DOWN, SHIFT_DOWN) : new KeyCodeCombination(key,
                SHORTCUT_DOWN);
    }

    @Override
    public boolean match(KeyEvent event) {
        return keys.match(event);
    }

    @Override
    public String getDisplayText() {
        if (MAC) {
            return keys.getDisplayText();
        }
        KeyCode code = keys.getCode();
        String key = code.isLetterKey() || code.isDigitKey() || code == KeyCode.PLUS || code == KeyCode.MINUS
                || code == KeyCode.COMMA ? code.getChar() : code.getName();
        return Shortcuts.display(key, getShift() == ModifierValue.DOWN).replace(' ', '+');
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
