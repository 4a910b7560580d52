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

    public static CallField fromId(String id) {
        for (CallField f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        return null;
    }
}
