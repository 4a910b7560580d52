package org.switchboard.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.switchboard.engine.i18n.Messages;

/**
 * The app's UI texts in English and German. The language follows the system unless the settings choose one; it is
 * fixed for the life of the window (switching asks for a restart, as most desktop apps do). Texts live in several
 * bundles by area ({@code app}, {@code canvas}); node labels and validation messages come from the engine's
 * {@link Messages}, so the UI and the engine always say the same thing.
 */
public final class AppTexts {

    private static final List<String> BUNDLES = List.of("org.switchboard.app.i18n.app",
            "org.switchboard.app.i18n.canvas", "org.switchboard.app.i18n.simulator");

    private static volatile Locale locale = pick(Locale.getDefault());
    private static volatile List<ResourceBundle> bundles = load(locale);

    private AppTexts() {
    }

    /** English or German: German for any German-speaking locale, English otherwise. */
    public static Locale pick(Locale requested) {
        return "de".equals(requested.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
    }

    public static void setLocale(Locale requested) {
        Locale l = pick(requested);
        locale = l;
        bundles = load(l);
    }

    public static Locale locale() {
        return locale;
    }

    /** The engine's texts in the same language. */
    public static Messages engine() {
        return Messages.forLocale(locale);
    }

    /** The text for the key with {@link MessageFormat} arguments; the key itself when it is missing. */
    public static String get(String key, Object... args) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                String pattern = b.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
            }
        }
        return key;
    }

    public static boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    /**
     * The title of the bundled sample in file {@code fileName} (e.g. {@code family-menu.json}) in the user's
     * language ({@code sample.<name>.title}), else {@code fallback} (the flow's own name).
     */
    public static String sampleTitle(String fileName, String fallback) {
        String key = "sample." + fileName.replaceFirst("\\.json$", "") + ".title";
        return has(key) ? get(key) : fallback;
    }

    private static List<ResourceBundle> load(Locale l) {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        return BUNDLES.stream().map(name -> {
            try {
                return ResourceBundle.getBundle(name, l, AppTexts.class.getClassLoader(), noFallback);
            } catch (MissingResourceException e) {
                return null;
            }
        }).filter(b -> b != null).toList();
    }
}
