package org.switchboard.engine.calltests;

import java.util.List;
import java.util.Map;

import org.switchboard.engine.i18n.Messages;

/**
 * One thing the simulated caller or the called party does in a test call, in order: the caller presses keys at a
 * waiting menu, lets the menu time out, or hangs up; the party a Dial rings answers, is busy, does not answer, or
 * its voicemail picks up. Each kind is one JSON object in a test calls file (see docs/test-calls.md) whose first
 * key names it, and is said in plain words by the message {@code calltest.input.<key>}.
 */
public sealed interface Input {

    /** The kind's JSON key (and message key stem), e.g. {@code press}. */
    String key();

    /** The value written under the key. */
    Object value();

    default Map<String, Object> toJson() {
        return Experience.json(key(), value());
    }

    /** In plain words: "presses 1". */
    default String describe(Messages m) {
        return m.get("calltest.input." + key(), value());
    }

    /** The caller presses these keys ({@code 0-9 * #}) at the waiting menu. */
    record Press(String digits) implements Input {
        @Override
        public String key() {
            return "press";
        }

        @Override
        public Object value() {
            return digits;
        }
    }

    /** The caller presses nothing and the menu times out. */
    record Timeout() implements Input {
        @Override
        public String key() {
            return "timeout";
        }

        @Override
        public Object value() {
            return true;
        }
    }

    /**
     * What the party that a Dial rings does: {@code answers} (then the call ends normally), {@code busy},
     * {@code noAnswer} (declines), {@code voicemail} (its voicemail picks up).
     */
    record CalledParty(String does) implements Input {
        public static final List<String> KINDS = List.of("answers", "busy", "noAnswer", "voicemail");

        @Override
        public String key() {
            return "calledParty";
        }

        @Override
        public Object value() {
            return does;
        }

        @Override
        public String describe(Messages m) {
            return m.get("calltest.input.calledParty." + does);
        }
    }

    /** The caller hangs up. */
    record CallerHangsUp() implements Input {
        @Override
        public String key() {
            return "callerHangsUp";
        }

        @Override
        public Object value() {
            return true;
        }
    }
}
