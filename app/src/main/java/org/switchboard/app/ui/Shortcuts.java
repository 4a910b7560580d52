package org.switchboard.app.ui;

import java.util.Locale;

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
}
