package org.switchboard.app.settings;

import java.util.Locale;

/** The UI language: the system's (German for German locales, English otherwise), or a fixed one. */
public enum Language {
    SYSTEM(null), ENGLISH(Locale.ENGLISH), GERMAN(Locale.GERMAN);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public String id() {
        return locale == null ? "system" : locale.getLanguage();
    }

    /** The locale to show, given the system's. */
    public Locale resolve(Locale system) {
        return locale == null ? system : locale;
    }

    public static Language fromId(String id) {
        for (Language l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return SYSTEM;
    }
}
