package org.switchboard.engine.nodes;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as users type them ("+49 (0)30 1234567", "0049 30 1234567", "+44 20 7946 0018") and as sipgate
 * wants them (E.164 digits without "+", "49301234567"), parsed, checked, normalised and formatted with Google's
 * libphonenumber. Spaces, dashes, slashes, dots and brackets are allowed for readability. A number with a leading
 * single 0 is national: it needs a country code, which {@link #withHomeCountry} adds from the user's home country.
 * Results are cached by the typed text, because Switch rules compare numbers on every call.
 */
public final class PhoneNumbers {

    /** Why a number is not usable; {@code null} from {@link #check} means it is fine. */
    public enum Issue {
        EMPTY, INVALID_CHARACTERS, COUNTRY_CODE_MISSING, TOO_SHORT, TOO_LONG, INVALID,
        /** Possible by its length, but not a number libphonenumber knows for its country: a warning only. */
        UNKNOWN;

        /** Whether sipgate can still be given the number (the problem is a warning). */
        public boolean usable() {
            return this == UNKNOWN;
        }
    }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_CACHED = 4096;
    private static final Map<String, Parsed> CACHE = new ConcurrentHashMap<>();

    /** A typed number's verdict: its issue (or null) and, when usable, its E.164 digits and display form. */
    private record Parsed(Issue issue, String digits, String display) {
    }

    private PhoneNumbers() {
    }

    /** The digits sipgate expects, or {@code null} if the number cannot be used. */
    public static String toE164Digits(String typed) {
        return typed == null ? null : parse(typed).digits();
    }

    /** What is wrong with the number, or {@code null} when it is fine. */
    public static Issue check(String typed) {
        return typed == null || typed.isBlank() ? Issue.EMPTY : parse(typed).issue();
    }

    /**
     * The readable international form, e.g. {@code +49 30 1234567} for "004930/1234567" or "49301234567"; the text
     * as typed when it is not a usable number.
     */
    public static String display(String typed) {
        if (typed == null) {
            return "";
        }
        Parsed p = parse(typed);
        return p.display() == null ? typed.strip() : p.display();
    }

    /**
     * A national number ("030 1234567", "0151 23456789") in international form for the home country
     * ({@code DE}, {@code GB}, {@code CH}, ...), e.g. {@code +49 30 1234567}; {@code null} when the number is not
     * national, the country is unknown, or the result would still not be a usable number.
     */
    public static String withHomeCountry(String typed, String homeCountry) {
        if (typed == null || homeCountry == null || check(typed) != Issue.COUNTRY_CODE_MISSING) {
            return null;
        }
        String region = homeCountry.strip().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            return null;
        }
        try {
            PhoneNumber n = UTIL.parse(typed.strip(), region);
            if (!UTIL.isPossibleNumber(n)) {
                return null;
            }
            return UTIL.format(n, PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Whether the region code (e.g. {@code DE}) is one libphonenumber knows. */
    public static boolean isKnownCountry(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region.strip().toUpperCase(Locale.ROOT));
    }

    /** The country's calling code with "+" ({@code +41} for {@code CH}), or {@code null} for an unknown country. */
    public static String countryCode(String region) {
        return isKnownCountry(region)
                ? "+" + UTIL.getCountryCodeForRegion(region.strip().toUpperCase(Locale.ROOT)) : null;
    }

    /**
     * The form a Switch rule compares with a number sipgate sent: E.164 digits for a usable number ("+49 30 555010"
     * becomes "4930555010"); other text ("anonymous", a prefix such as "+49 30") loses only its formatting (spaces,
     * dashes, brackets, "+" and a leading "00").
     */
    public static String matchForm(String typed) {
        if (typed == null) {
            return "";
        }
        String digits = toE164Digits(typed);
        if (digits != null) {
            return digits;
        }
        String t = typed.strip();
        if (!onlyNumberCharacters(t) || t.isEmpty()) {
            return t;
        }
        return stripFormatting(t);
    }

    private static Parsed parse(String typed) {
        Parsed p = CACHE.get(typed);
        if (p == null) {
            p = compute(typed);
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            CACHE.put(typed, p);
        }
        return p;
    }

    private static Parsed compute(String typed) {
        String t = typed.strip();
        if (t.isEmpty()) {
            return new Parsed(Issue.EMPTY, null, null);
        }
        if (!onlyNumberCharacters(t)) {
            return new Parsed(Issue.INVALID_CHARACTERS, null, null);
        }
        String digits = stripFormatting(t);
        if (!t.startsWith("+") && !t.startsWith("00") && digits.startsWith("0")) {
            return new Parsed(Issue.COUNTRY_CODE_MISSING, null, null);
        }
        if (digits.length() < 7) { // shorter than any real international number
            return new Parsed(Issue.TOO_SHORT, null, null);
        }
        if (digits.length() > 15) { // E.164's limit, whatever the country allows
            return new Parsed(Issue.TOO_LONG, null, null);
        }
        PhoneNumber n;
        try {
            // "+…" and "00…" are international; bare digits are taken as sipgate sends them (E.164 without "+")
            n = UTIL.parse(t.startsWith("+") ? t : "+" + digits, "ZZ");
        } catch (NumberParseException e) {
            return new Parsed(e.getErrorType() == NumberParseException.ErrorType.TOO_LONG ? Issue.TOO_LONG
                    : e.getErrorType() == NumberParseException.ErrorType.TOO_SHORT_NSN ? Issue.TOO_SHORT
                    : Issue.INVALID, null, null);
        }
        Issue issue = switch (UTIL.isPossibleNumberWithReason(n)) {
            case IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY -> UTIL.isValidNumber(n) ? null : Issue.UNKNOWN;
            case TOO_SHORT -> Issue.TOO_SHORT;
            case TOO_LONG -> Issue.TOO_LONG;
            default -> Issue.INVALID;
        };
        if (issue != null && !issue.usable()) {
            return new Parsed(issue, null, null);
        }
        String e164 = UTIL.format(n, PhoneNumberFormat.E164);
        return new Parsed(issue, e164.substring(1), UTIL.format(n, PhoneNumberFormat.INTERNATIONAL));
    }

    private static boolean onlyNumberCharacters(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c == ' ' || c == '-' || c == '/' || c == '.' || c == '(' || c == ')'
                    || (c == '+' && i == 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Digits only, without a leading international "00". */
    private static String stripFormatting(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        String s = t.startsWith("00") ? t.substring(2) : t;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
