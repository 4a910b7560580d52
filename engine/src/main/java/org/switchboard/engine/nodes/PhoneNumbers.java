package org.switchboard.engine.nodes;

/**
 * Phone numbers as users type them ("+49 30 1234567", "0049 30 1234567") and as sipgate wants them (E.164 digits
 * without "+", "4930123456"). Spaces, dashes, slashes, dots and brackets are allowed for readability.
 */
public final class PhoneNumbers {

    /** Why a number is not usable; {@code null} from {@link #check} means it is fine. */
    public enum Issue { EMPTY, INVALID_CHARACTERS, COUNTRY_CODE_MISSING, TOO_SHORT, TOO_LONG }

    private PhoneNumbers() {
    }

    /** The digits sipgate expects, or {@code null} if the number is not valid. */
    public static String toE164Digits(String typed) {
        return check(typed) == null ? strip(typed) : null;
    }

    public static Issue check(String typed) {
        if (typed == null || typed.isBlank()) {
            return Issue.EMPTY;
        }
        String t = typed.trim();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = Character.isDigit(c) && c < 128 || c == ' ' || c == '-' || c == '/' || c == '.'
                    || c == '(' || c == ')' || (c == '+' && i == 0);
            if (!ok) {
                return Issue.INVALID_CHARACTERS;
            }
        }
        String digits = strip(t);
        if (digits.startsWith("0")) {
            return Issue.COUNTRY_CODE_MISSING;
        }
        if (digits.length() < 7) {
            return Issue.TOO_SHORT;
        }
        if (digits.length() > 15) {
            return Issue.TOO_LONG;
        }
        return null;
    }

    private static String strip(String typed) {
        StringBuilder sb = new StringBuilder(typed.length());
        String t = typed.trim();
        if (t.startsWith("00")) {
            t = t.substring(2);
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
