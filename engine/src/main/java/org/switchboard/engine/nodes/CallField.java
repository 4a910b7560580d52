package org.switchboard.engine.nodes;

import java.util.List;
import java.util.Locale;

/** The facts about a call that routing can look at. */
public enum CallField {
    DIGITS, FROM, TO, DIRECTION, DIVERSION, USER, CALL_ID, CAUSE, ANSWERING_NUMBER,
    /** Web-user ids and account-qualified user ids of the users being rung ({@code userId[]}, {@code fullUserId[]}). */
    USER_ID, FULL_USER_ID,
    /** The id that stays the same across transfers, and sipgate's further correlation id. */
    ORIG_CALL_ID, XCID,
    /** The user who answered (the answer push's {@code user}; empty when a voicemail or queue answered). */
    ANSWERED_BY;

    /** Separates the values of a list field ({@link #isList}) in its one fact text. */
    public static final String LIST_SEPARATOR = "\n";

    /** The id used in flow files ({@code digits}, {@code from}, ...). */
    public String id() {
        return switch (this) {
            case CALL_ID -> "callId";
            case ANSWERING_NUMBER -> "answeringNumber";
            case USER_ID -> "userId";
            case FULL_USER_ID -> "fullUserId";
            case ORIG_CALL_ID -> "origCallId";
            case XCID -> "xcid";
            case ANSWERED_BY -> "answeredBy";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Whether the field holds every value sipgate sent (all users rung by a group call), joined by
     * {@link #LIST_SEPARATOR}; a Switch rule matches when any of them does.
     */
    public boolean isList() {
        return this == USER || this == USER_ID || this == FULL_USER_ID;
    }

    /** The values of a fact of this field: one, or each of a list field's; none for a missing fact. */
    public List<String> values(String fact) {
        if (fact == null) {
            return List.of();
        }
        return isList() ? List.of(fact.split(LIST_SEPARATOR, -1)) : List.of(fact);
    }

    /** Whether the field holds a phone number (compared in E.164 form, shown in international form). */
    public boolean isNumber() {
        return this == FROM || this == TO || this == DIVERSION || this == ANSWERING_NUMBER;
    }

    /**
     * Typical values of this fact, tried by the test generator when a rule suggests none itself (a regex, or
     * "otherwise"): keys for digits, numbers for from/to, sipgate's values for direction and hangup cause.
     */
    public List<String> typicalValues() {
        return switch (this) {
            case DIGITS -> List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#", "00", "123", "");
            case FROM, TO, DIVERSION, ANSWERING_NUMBER -> List.of("4930123456", "4915112345678", "anonymous", "");
            case DIRECTION -> List.of("in", "out");
            case USER, ANSWERED_BY -> List.of("Alice", "");
            case USER_ID -> List.of("w0", "");
            case FULL_USER_ID -> List.of("1234567w0", "");
            case CAUSE -> List.of("normalClearing", "busy", "cancel", "noAnswer", "congestion", "notFound",
                    "forwarded");
            case CALL_ID, ORIG_CALL_ID, XCID -> List.of("");
        };
    }

    public static CallField fromId(String id) {
        for (CallField f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        return null;
    }
}
