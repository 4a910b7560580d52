package org.switchboard.app.settings;

/** How the app picks light or dark: follow the operating system, or always one of them. */
public enum ThemeMode {
    SYSTEM, LIGHT, DARK;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ThemeMode fromId(String id) {
        for (ThemeMode m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return SYSTEM;
    }
}
