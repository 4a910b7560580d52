package org.switchboard.engine.server;

/**
 * Puts values a client sent into a log line safely: every control, format or line-separator character is escaped
 * ({@code \x0D}, {@code \u2028}), so one push is always one line and no value can forge another line or reach the
 * terminal as a control sequence; a backslash becomes {@code \\} so escapes stay unambiguous; and long values are
 * shortened to their first characters plus how many more there were ({@code …(+59940)}). Values in a
 * {@code key=value} field also escape spaces and quotes; quoted text fields ({@code notes="…"}) only quotes.
 */
final class LogText {

    /** Longest value kept in a field; ids from sipgate are at most 128 characters and usually 76. */
    static final int MAX_VALUE_CHARS = 128;
    /** Longest free text (a reason, the notes). */
    static final int MAX_TEXT_CHARS = 400;

    private LogText() {
    }

    /** Appends {@code " key=value"}, the value escaped and shortened; {@code -} for a missing or empty value. */
    static StringBuilder field(StringBuilder line, String key, String value) {
        line.append(' ').append(key).append('=');
        if (value == null || value.isEmpty()) {
            return line.append('-');
        }
        return append(line, value, MAX_VALUE_CHARS, true);
    }

    /** Appends {@code " key=\"text\""}, escaped and shortened; nothing when there is no text. */
    static StringBuilder text(StringBuilder line, String key, String text) {
        if (text == null || text.isEmpty()) {
            return line;
        }
        line.append(' ').append(key).append("=\"");
        return append(line, text, MAX_TEXT_CHARS, false).append('"');
    }

    /** The text escaped and shortened, for a message of its own. */
    static String clean(String text, int max) {
        return append(new StringBuilder(Math.min(text.length(), max) + 8), text, max, false).toString();
    }

    private static StringBuilder append(StringBuilder line, String value, int max, boolean token) {
        int n = Math.min(value.length(), max);
        int i = 0;
        while (i < n && plain(value.charAt(i), token)) {
            i++;
        }
        line.append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (plain(c, token)) {
                line.append(c);
            } else if (c == '\\' || c == '"') {
                line.append('\\').append(c);
            } else if (c < 0x100) {
                line.append("\\x").append(HEX[c >> 4]).append(HEX[c & 15]);
            } else {
                line.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15])
                        .append(HEX[c & 15]);
            }
        }
        if (value.length() > max) {
            line.append("…(+").append(value.length() - max).append(')');
        }
        return line;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static boolean plain(char c, boolean token) {
        if (c > ' ' && c < 0x7F) {
            return c != '\\' && c != '"';
        }
        if (c == ' ') {
            return !token;
        }
        if (c < 0xA0) {
            return false; // C0 and C1 controls, DEL
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
    }
}
