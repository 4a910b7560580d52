package org.switchboard.engine.sipgate;

/** Small helpers for putting untrusted text into one-line messages. */
final class Texts {

    /** How many characters of outside input a message may echo. */
    static final int MAX_ECHO = 40;

    private Texts() {
    }

    /**
     * Makes outside input safe to echo: drops control and invisible format characters (so nobody can forge log
     * lines or flip text direction) and shortens it to {@link #MAX_ECHO} characters with an ellipsis.
     */
    static String clip(String text) {
        return clip(text, MAX_ECHO);
    }

    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                continue;
            }
            if (out.length() >= max) {
                if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                    out.setLength(out.length() - 1); // never leave half a surrogate pair behind
                }
                return out.append('…').toString();
            }
            out.append(c);
        }
        return out.toString();
    }
}
