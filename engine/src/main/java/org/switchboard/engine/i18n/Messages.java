package org.switchboard.engine.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The engine's user-facing texts (node labels, summaries, validation messages) in English and German. The engine
 * owns these so that the editor, the CLI and the server all say the same thing; the app only picks the locale.
 */
public final class Messages {

    private static final String BUNDLE = "org.switchboard.engine.i18n.engine";
    private static final ConcurrentMap<Locale, Messages> CACHE = new ConcurrentHashMap<>();

    public static final Messages ENGLISH = forLocale(Locale.ENGLISH);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages forLocale(Locale locale) {
        Locale key = "de".equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
        return CACHE.computeIfAbsent(key, Messages::new);
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for the key with {@link MessageFormat} arguments; the key itself if it is missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
