package org.switchboard.engine.nodes;

import java.util.List;
import java.util.Locale;

/** The facts about a call that routing can look at. */
public enum CallField {
    DIGITS, FROM, TO, DIRECTION, DIVERSION, USER, CALL_ID, CAUSE, ANSWERING_NUMBER;

    /** The id used in flow files ({@code digits}, {@code from}, ...). */
    public String id() {
        return switch (this) {
            case CALL_ID -> "callId";
            case ANSWERING_NUMBER -> "answeringNumber";
            default -> name().toLowerCase(Locale.ROOT);
        };
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
            case USER -> List.of("Alice", "");
            case CAUSE -> List.of("normalClearing", "busy", "cancel", "noAnswer", "congestion", "notFound",
                    "forwarded");
            case CALL_ID -> List.of("");
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
