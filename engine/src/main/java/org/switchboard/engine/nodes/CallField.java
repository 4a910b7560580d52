package org.switchboard.engine.nodes;

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
