package org.switchboard.engine.sipgate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the raw body of a sipgate.io webhook into a {@link PushEvent}. The body must be
 * {@code application/x-www-form-urlencoded} UTF-8; the parser decodes it itself, strictly (a broken {@code %}
 * escape or invalid UTF-8 is an error, never silently replaced), because it sits on the hot path of the webhook
 * server and because a lenient decoder would hide a sender that is not sipgate. Pairs are split at the first
 * {@code =} only, so {@code user%5B%5D=} is a key with an empty value and a key without {@code =} has an empty
 * value too. Keys are normalised by stripping trailing {@code []} and {@code [N]} groups, so {@code user[]},
 * {@code user%5B%5D}, {@code user[0]}, {@code user[][0]} and {@code user} all become {@code user}; values of
 * repeated keys are kept in order. Every error is a {@link BadPushException} with a one-line message that echoes
 * at most 40 cleaned characters of the input. The class is stateless and thread-safe.
 */
public final class PushParser {

    /** The most key=value pairs one body may hold; real pushes have about a dozen. */
    public static final int MAX_FIELDS = 100;
    /** Longest id sipgate sends ({@code callId}, {@code origCallId}, {@code xcid}); seen: 76 hex characters. */
    public static final int MAX_ID_CHARS = 128;
    /** Longest phone number (digits without {@code +}, or {@code anonymous}); E.164 allows 15 digits. */
    public static final int MAX_NUMBER_CHARS = 64;
    /** Longest user name or user id, cause, dtmf or direction. */
    public static final int MAX_TEXT_CHARS = 256;

    /**
     * Every field sipgate sends, with the most characters it may hold: a push is bounded by what sipgate sends, so
     * a forged one cannot make the engine keep (or log) kilobytes per call. Unknown fields are only bounded by the
     * body limit; they are never stored with a call.
     */
    private static final Map<String, Integer> FIELD_LIMITS = Map.ofEntries(
            Map.entry("callId", MAX_ID_CHARS), Map.entry("origCallId", MAX_ID_CHARS),
            Map.entry("originalCallId", MAX_ID_CHARS), Map.entry("xcid", MAX_ID_CHARS),
            Map.entry("from", MAX_NUMBER_CHARS), Map.entry("to", MAX_NUMBER_CHARS),
            Map.entry("diversion", MAX_NUMBER_CHARS), Map.entry("answeringNumber", MAX_NUMBER_CHARS),
            Map.entry("direction", 16), Map.entry("cause", 64), Map.entry("dtmf", 64),
            Map.entry("user", MAX_TEXT_CHARS), Map.entry("userId", MAX_TEXT_CHARS),
            Map.entry("fullUserId", MAX_TEXT_CHARS));

    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private PushParser() {
    }

    /**
     * Parses one webhook body.
     *
     * @param body        the raw request body, exactly as received
     * @param contentType the request's {@code Content-Type} header, or null if it had none
     * @return the decoded event
     * @throws BadPushException if the body is not a well-formed sipgate push (see the class description)
     */
    public static PushEvent parse(byte[] body, String contentType) throws BadPushException {
        checkContentType(contentType);
        if (body == null || body.length == 0) {
            throw new BadPushException("Empty body");
        }
        Map<String, List<String>> fields = decodeForm(body);
        checkLengths(fields);
        String event = eventName(first(fields, "event"));
        String origCallId = first(fields, "origCallId");
        if (origCallId == null) {
            origCallId = first(fields, "originalCallId"); // the name sipgate's Node library uses
        }
        return new PushEvent(event, first(fields, "callId"), origCallId, first(fields, "xcid"),
                first(fields, "from"), first(fields, "to"), first(fields, "direction"), first(fields, "diversion"),
                people(fields.get("user")), people(fields.get("userId")), people(fields.get("fullUserId")),
                first(fields, "answeringNumber"), first(fields, "cause"), first(fields, "dtmf"), fields, body);
    }

    private static void checkLengths(Map<String, List<String>> fields) throws BadPushException {
        for (Map.Entry<String, List<String>> field : fields.entrySet()) { // about a dozen; fewer than the limits
            Integer limit = FIELD_LIMITS.get(field.getKey());
            if (limit != null) {
                for (String value : field.getValue()) {
                    if (value.length() > limit) {
                        throw new BadPushException("Field '" + field.getKey() + "' is too long (" + value.length()
                                + " characters, limit " + limit + ")");
                    }
                }
            }
        }
    }

    /**
     * Strips trailing array suffixes ({@code []}, {@code [0]}, {@code [][0]} …) from a decoded key. A key that is
     * nothing but brackets is left as it is.
     */
    static String normaliseKey(String key) {
        int end = key.length();
        while (end > 1 && key.charAt(end - 1) == ']') {
            int open = key.lastIndexOf('[', end - 2);
            if (open <= 0 || !digitsOnly(key, open + 1, end - 1)) {
                break;
            }
            end = open;
        }
        return end == key.length() ? key : key.substring(0, end);
    }

    private static boolean digitsOnly(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void checkContentType(String contentType) throws BadPushException {
        String prefix = "Expected a form-encoded body (" + FORM_TYPE + "), got ";
        if (contentType == null || contentType.isBlank()) {
            throw new BadPushException(prefix + "no content type");
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        if (!mediaType.equalsIgnoreCase(FORM_TYPE)) {
            throw new BadPushException(prefix + Texts.clip(contentType.trim()));
        }
    }

    private static Map<String, List<String>> decodeForm(byte[] body) throws BadPushException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int pairs = 0;
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) { // "a=1&&b=2" and a trailing '&' hold empty pairs; browsers skip them too
                if (++pairs > MAX_FIELDS) {
                    throw new BadPushException("Too many form fields (limit " + MAX_FIELDS + ")");
                }
                int eq = indexOf(body, (byte) '=', start, end);
                String key = normaliseKey(decode(body, start, eq, null));
                String value = eq < end ? decode(body, eq + 1, end, key) : "";
                fields.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        return fields;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /**
     * Decodes {@code body[from, to)}: {@code +} is a space, {@code %XY} a byte, and the bytes must be UTF-8.
     * {@code key} names the field in error messages; null means the range is the key itself.
     */
    private static String decode(byte[] body, int from, int to, String key) throws BadPushException {
        int i = from;
        while (i < to && body[i] != '%' && body[i] != '+' && body[i] >= 0) {
            i++;
        }
        if (i == to) {
            return new String(body, from, to - from, StandardCharsets.ISO_8859_1); // plain ASCII, the usual case
        }
        byte[] out = new byte[to - from];
        int length = i - from;
        System.arraycopy(body, from, out, 0, length);
        for (; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out[length++] = ' ';
            } else if (b == '%') {
                int high = i + 2 < to ? hexValue(body[i + 1]) : -1;
                int low = i + 2 < to ? hexValue(body[i + 2]) : -1;
                if (high < 0 || low < 0) {
                    throw new BadPushException("Broken percent-encoding in field '" + label(body, from, to, key)
                            + "' at position " + i);
                }
                out[length++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                out[length++] = b;
            }
        }
        if (!isUtf8(out, length)) {
            throw new BadPushException("Invalid UTF-8 in field '" + label(body, from, to, key) + "'");
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    /** The field name for a message: the decoded key, or for a broken key its raw bytes. */
    private static String label(byte[] body, int from, int to, String key) {
        String name = key != null ? key : new String(body, from, Math.min(to - from, 4 * Texts.MAX_ECHO),
                StandardCharsets.ISO_8859_1);
        return Texts.clip(name);
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }

    /**
     * Strict UTF-8 check (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. Java's decoder
     * would replace such bytes with U+FFFD instead of saying so.
     */
    static boolean isUtf8(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int more;
            int min = 0x80;
            int max = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                more = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                more = 2;
                min = lead == 0xE0 ? 0xA0 : 0x80; // overlong
                max = lead == 0xED ? 0x9F : 0xBF; // surrogates
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                more = 3;
                min = lead == 0xF0 ? 0x90 : 0x80; // overlong
                max = lead == 0xF4 ? 0x8F : 0xBF; // above U+10FFFF
            } else {
                return false;
            }
            if (i + more >= length) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return false;
            }
            for (int k = 2; k <= more; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }

    private static String eventName(String event) throws BadPushException {
        if (event == null || event.isEmpty()) {
            throw new BadPushException("Missing 'event' field");
        }
        return switch (event) {
            case PushEvent.NEW_CALL -> PushEvent.NEW_CALL;
            case PushEvent.ANSWER -> PushEvent.ANSWER;
            case PushEvent.HANGUP -> PushEvent.HANGUP;
            case PushEvent.DTMF -> PushEvent.DTMF;
            default -> throw new BadPushException("Unknown event '" + Texts.clip(event)
                    + "' (expected newCall, answer, hangup or dtmf)");
        };
    }

    private static String first(Map<String, List<String>> fields, String key) {
        List<String> values = fields.get(key);
        return values == null ? null : values.get(0);
    }

    /** sipgate sends {@code user%5B%5D=} when nobody is named; that is "no users", not one user called "". */
    private static List<String> people(List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (!value.isEmpty()) {
                return values;
            }
        }
        return List.of();
    }
}
