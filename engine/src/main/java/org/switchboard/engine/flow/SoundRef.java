package org.switchboard.engine.flow;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The value of a sound property: where sipgate gets the sound from. One of three sources:
 * <ul>
 *   <li>{@link Source#URL}: an address sipgate downloads itself; stored as a plain string, as in every older file;</li>
 *   <li>{@link Source#FILE}: a converted file beside the flow, {@code sounds/<sha-256 of its bytes>.wav}, with the
 *       original file's name for display;</li>
 *   <li>{@link Source#SPEECH}: text spoken by the machine's speech engine in a voice ({@code de} or {@code en});
 *       {@code file} is the generated sound and {@code made} names the text, voice and engine it was made from, so a
 *       changed text or voice is spoken again.</li>
 * </ul>
 * The value also carries what the other sources held (switching source in the inspector loses nothing);
 * {@link #toValue} writes only the chosen source's fields, which is what a saved file keeps.
 */
public record SoundRef(Source source, String url, String file, String name, String text, String voice,
                       String made) {

    /** Where the sound comes from; {@link #id} is what the flow file says. */
    public enum Source {
        URL("url"), FILE("file"), SPEECH("speech");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Source of(String id) {
            for (Source s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** The folder beside the flow file that holds its converted sounds. */
    public static final String FOLDER = "sounds";
    /** The only form a local sound's path may have: {@code sounds/} + 64 lower-case hex digits + {@code .wav}. */
    public static final Pattern LOCAL_FILE = Pattern.compile("sounds/[0-9a-f]{64}\\.wav");
    /** The voices text to speech knows. */
    public static final java.util.List<String> VOICES = java.util.List.of("en", "de");

    public static final SoundRef NONE = new SoundRef(Source.URL, "", "", "", "", "", "");

    public SoundRef {
        source = source == null ? Source.URL : source;
        url = clean(url);
        file = clean(file);
        name = clean(name);
        text = text == null ? "" : text;
        voice = clean(voice);
        made = clean(made);
    }

    /** Reads a property value: a plain string is a URL; an object names its {@code source}. */
    public static SoundRef of(Object value) {
        if (value instanceof Map<?, ?> map) {
            String id = Values.asText(map.get("source"));
            Source source = Source.of(id == null ? "" : id.trim().toLowerCase(Locale.ROOT));
            return new SoundRef(source == null ? Source.URL : source, text(map, "url"), text(map, "file"),
                    text(map, "name"), text(map, "text"), text(map, "voice"), text(map, "made"));
        }
        String url = value == null ? "" : Values.asText(value);
        return new SoundRef(Source.URL, url, "", "", "", "", "");
    }

    public static SoundRef url(String url) {
        return new SoundRef(Source.URL, url, "", "", "", "", "");
    }

    public static SoundRef file(String file, String name) {
        return new SoundRef(Source.FILE, "", file, name, "", "", "");
    }

    public static SoundRef speech(String text, String voice) {
        return new SoundRef(Source.SPEECH, "", "", "", text, voice, "");
    }

    /** Whether the source is a {@link Map} value with a {@code source} key that this version does not know. */
    public static boolean hasUnknownSource(Object value) {
        if (value instanceof Map<?, ?> map) {
            String id = Values.asText(map.get("source"));
            return Source.of(id == null ? "" : id.trim().toLowerCase(Locale.ROOT)) == null;
        }
        return false;
    }

    public SoundRef withSource(Source s) {
        return new SoundRef(s, url, file, name, text, voice, made);
    }

    /** A converted file as the chosen source; spoken text keeps its text and voice for switching back. */
    public SoundRef withFile(String newFile, String newName) {
        return new SoundRef(Source.FILE, url, newFile, newName, text, voice, "");
    }

    public SoundRef withUrl(String newUrl) {
        return new SoundRef(source, newUrl, file, name, text, voice, made);
    }

    public SoundRef withText(String newText) {
        return new SoundRef(source, url, file, name, newText, voice, made);
    }

    public SoundRef withVoice(String newVoice) {
        return new SoundRef(source, url, file, name, text, newVoice, made);
    }

    /**
     * The value an editor stores: {@link #toValue} when only the chosen source has content, otherwise
     * {@link #toEditingValue} so that the other sources' content survives until the flow is saved.
     */
    public Object toEditedValue() {
        boolean others = switch (source) {
            case URL -> !file.isEmpty() || !text.isEmpty();
            case FILE -> !url.isEmpty() || !text.isEmpty();
            case SPEECH -> !url.isEmpty() || (!file.isEmpty() && made.isEmpty());
        };
        return others ? toEditingValue() : toValue();
    }

    /** The spoken sound, generated from {@code made}. */
    public SoundRef withSpoken(String spokenFile, String madeFrom) {
        return new SoundRef(source, url, spokenFile, name, text, voice, madeFrom);
    }

    /** Whether nothing is set for the chosen source. */
    public boolean isEmpty() {
        return switch (source) {
            case URL -> url.isEmpty();
            case FILE -> file.isEmpty();
            case SPEECH -> text.isBlank();
        };
    }

    /** The path of the local sound beside the flow ({@code sounds/HASH.wav}), or {@code null} for a URL source. */
    public String localFile() {
        return source == Source.URL || file.isEmpty() ? null : file;
    }

    /** Whether {@link #localFile} has the one allowed form. */
    public boolean isWellFormedFile() {
        return LOCAL_FILE.matcher(file).matches();
    }

    /**
     * The value for the flow: a URL alone stays a plain string (as older files have it); otherwise an object with
     * {@code source} and that source's fields only.
     */
    public Object toValue() {
        if (source == Source.URL) {
            return url;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", source.id());
        if (source == Source.FILE) {
            map.put("file", file);
            putIfSet(map, "name", name);
        } else {
            map.put("text", text);
            map.put("voice", voice.isEmpty() ? VOICES.get(0) : voice);
            putIfSet(map, "file", file);
            putIfSet(map, "made", made);
        }
        return Values.freezeMap(map);
    }

    /** The value while editing: every source's fields, so switching back finds them again. */
    public Object toEditingValue() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", source.id());
        putIfSet(map, "url", url);
        putIfSet(map, "file", file);
        putIfSet(map, "name", name);
        putIfSet(map, "text", text);
        putIfSet(map, "voice", voice);
        putIfSet(map, "made", made);
        return Values.freezeMap(map);
    }

    /** A short text for node summaries: the URL's file name, the original file's name or the spoken text. */
    public String shortText() {
        return switch (source) {
            case URL -> {
                int slash = url.lastIndexOf('/');
                yield slash >= 0 && slash < url.length() - 1 ? url.substring(slash + 1) : url;
            }
            case FILE -> name.isEmpty() ? file.substring(file.lastIndexOf('/') + 1) : name;
            case SPEECH -> text.length() > 24 ? "\u201c" + text.substring(0, 23).strip() + "\u2026\u201d"
                    : "\u201c" + text.strip() + "\u201d";
        };
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static String text(Map<?, ?> map, String key) {
        String t = Values.asText(map.get(key));
        return t == null ? "" : t;
    }

    private static String clean(String s) {
        return s == null ? "" : s.trim();
    }
}
