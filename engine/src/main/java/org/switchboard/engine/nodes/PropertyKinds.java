package org.switchboard.engine.nodes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Values;

/**
 * The standard property kinds and their checks. The editor ids are what the app's inspector maps to editors:
 * {@code text}, {@code integer}, {@code boolean}, {@code choice}, {@code phoneNumber}, {@code phoneList},
 * {@code sound}, {@code webhookPath}.
 */
public final class PropertyKinds {

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~\\-/]*");

    /** Free text. */
    public static final PropertyKind TEXT = new PropertyKind("text", "", false,
            v -> v.spec().required() && v.isBlank() ? v.messages().get("problem.required", v.label()) : null);

    /** A whole number within {@code min..max}, possibly with a unit (e.g. ms). */
    public static final PropertyKind INTEGER = new PropertyKind("integer", 0L, false, PropertyKinds::checkInteger);

    /** On/off. */
    public static final PropertyKind BOOLEAN = new PropertyKind("boolean", false, false,
            v -> v.value() == null || Values.asBoolean(v.value()) != null ? null
                    : v.messages().get("problem.notBoolean", v.label()));

    /** One of the spec's {@code choices}. */
    public static final PropertyKind CHOICE = new PropertyKind("choice", "", false,
            v -> v.value() != null && v.spec().choices().contains(Values.asText(v.value())) ? null
                    : v.messages().get("problem.choice", v.label(), String.join(", ", v.spec().choices())));

    /** One phone number in international format (optional unless required). */
    public static final PropertyKind PHONE_NUMBER = new PropertyKind("phoneNumber", "", false,
            v -> v.isBlank() ? required(v) : phoneProblem(Values.asText(v.value()), v.label(), v));

    /** A list of phone numbers with {@code min..max} entries. */
    public static final PropertyKind PHONE_LIST = new PropertyKind("phoneList", List.of(""), true,
            PropertyKinds::checkPhoneList);

    /**
     * A sound sipgate plays: a URL, a converted file beside the flow or text to speech ({@link SoundRef}; empty =
     * no sound unless required).
     */
    public static final PropertyKind SOUND_URL = new PropertyKind("sound", "", false, PropertyKinds::checkSound);

    /** The path on this server that sipgate posts new calls to, e.g. {@code /sipgate}. */
    public static final PropertyKind WEBHOOK_PATH = new PropertyKind("webhookPath", "/sipgate", false,
            PropertyKinds::checkPath);

    private PropertyKinds() {
    }

    private static String required(PropertyKind.Value v) {
        return v.spec().required() ? v.messages().get("problem.required", v.label()) : null;
    }

    private static String checkInteger(PropertyKind.Value v) {
        Object value = v.value();
        if (value == null || (value instanceof String s && s.isBlank())) {
            return v.messages().get("problem.required", v.label());
        }
        Long n = Values.asLong(value);
        if (n == null) {
            return v.messages().get("problem.notNumber", v.label());
        }
        PropertySpec spec = v.spec();
        if ((spec.min() != null && n < spec.min()) || (spec.max() != null && n > spec.max())) {
            return v.messages().get("problem.range", v.label(), spec.min(), spec.max());
        }
        return null;
    }

    private static String phoneProblem(String number, String label, PropertyKind.Value v) {
        return PropertyChecks.phoneProblem(number, label, v.messages());
    }

    private static String checkPhoneList(PropertyKind.Value v) {
        var m = v.messages();
        if (v.value() != null && !(v.value() instanceof List<?>)) {
            return m.get("problem.notList", v.label());
        }
        List<?> list = Values.asList(v.value());
        List<String> filled = list.stream().map(Values::asText).filter(s -> s != null && !s.isBlank()).toList();
        PropertySpec spec = v.spec();
        if (filled.size() < spec.min() || list.size() > spec.max()) {
            return m.get("problem.phoneList.count", v.type().label(m), spec.min(), spec.max());
        }
        for (int i = 0; i < list.size(); i++) {
            String n = Values.asText(list.get(i));
            if (n == null || n.isBlank()) {
                return m.get("problem.phoneList.emptyEntry", i + 1);
            }
            String p = phoneProblem(n, m.get("problem.phoneList.entry", i + 1), v);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String checkSound(PropertyKind.Value v) {
        if (SoundRef.hasUnknownSource(v.value())) {
            return PropertyKind.warning(v.messages().get("problem.sound.unknownSource", v.label()));
        }
        SoundRef sound = SoundRef.of(v.value());
        if (sound.isEmpty()) {
            return required(v);
        }
        return switch (sound.source()) {
            case URL -> checkSoundUrl(sound.url(), v);
            case FILE -> sound.isWellFormedFile() ? null
                    : v.messages().get("problem.sound.badFile", v.label(), sound.file());
            case SPEECH -> SoundRef.VOICES.contains(sound.voice()) ? null
                    : v.messages().get("problem.sound.voice", v.label(), sound.voice(),
                            String.join(", ", SoundRef.VOICES));
        };
    }

    private static String checkSoundUrl(String url, PropertyKind.Value v) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return v.messages().get("problem.sound.notUrl", v.label());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            return v.messages().get("problem.sound.notUrl", v.label());
        }
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (!path.endsWith(".wav")) {
            return PropertyKind.warning(v.messages().get("problem.sound.notWav", v.label()));
        }
        return null;
    }

    private static String checkPath(PropertyKind.Value v) {
        String path = Values.asText(v.value());
        if (path == null || !PATH.matcher(path).matches() || path.contains("//")) {
            return v.messages().get("problem.path.invalid", path == null ? "" : path);
        }
        if (path.equals("/") || path.startsWith("/cb/") || path.equals("/cb") || path.equals("/health")) {
            return v.messages().get("problem.path.reserved", path);
        }
        return null;
    }
}
