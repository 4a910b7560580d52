package org.switchboard.app.ui;

import java.util.Locale;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import org.switchboard.app.i18n.AppTexts;

/**
 * How shortcuts are written in tooltips and hints: "Ctrl Z" (German "Strg Z"), "⌘Z" on macOS. JavaFX's own
 * display text is English only.
 */
public final class Shortcuts {

    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");

    private Shortcuts() {
    }

    /** The shortcut key (Ctrl or ⌘) with the given key, optionally with Shift. */
    public static String display(String key, boolean shift) {
        if (MAC) {
            return (shift ? "⇧" : "") + "⌘" + key;
        }
        return AppTexts.get("key.ctrl") + (shift ? " " + AppTexts.get("key.shift") : "") + " " + key;
    }

    /**
     * A key combination as the user reads it: "Ctrl S", "Ctrl Shift Z", "Ctrl +", "F1". Combinations without the
     * shortcut key are just their key.
     */
    public static String display(KeyCombination combination) {
        if (!(combination instanceof KeyCodeCombination k)) {
            return combination.getDisplayText();
        }
        String key = keyName(k.getCode());
        if (k.getShortcut() != KeyCombination.ModifierValue.DOWN) {
            return key;
        }
        return display(key, k.getShift() == KeyCombination.ModifierValue.DOWN);
    }

    private static String keyName(KeyCode code) {
        return switch (code) {
            case PLUS, ADD -> "+";
            case MINUS, SUBTRACT -> "-";
            case COMMA -> ",";
            default -> code.isDigitKey() ? code.getChar() : code.getName();
        };
    }
}
