package org.switchboard.engine.nodes.types;

import java.util.List;

import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.PropertyKind;
import org.switchboard.engine.nodes.PropertySpec;

/**
 * Dial's "caller's number" setting: the account's own setting (no {@code anonymous} attribute), hide it
 * ({@code anonymous="true"}) or show it ({@code anonymous="false"}, which overrides an account that hides it).
 * Files written before this choice existed hold a boolean: {@code true} means hide, {@code false} the account's
 * setting (the old editor could not ask for "show").
 */
final class CallerNumber {

    static final String ACCOUNT = "account";
    static final String HIDE = "hide";
    static final String SHOW = "show";
    private static final List<String> CHOICES = List.of(ACCOUNT, HIDE, SHOW);

    static final PropertyKind KIND = new PropertyKind("choice", ACCOUNT, false, v -> v.value() == null
            || v.value() instanceof Boolean || CHOICES.contains(Values.asText(v.value())) ? null
            : v.messages().get("problem.choice", v.label(), String.join(", ", CHOICES)));

    static final PropertySpec SPEC = new PropertySpec(DialType.ANONYMOUS, KIND, ACCOUNT, true, null, null, CHOICES,
            null, null);

    private CallerNumber() {
    }

    /** The {@code anonymous} attribute for the setting, or {@code null} to leave it to the account. */
    static Boolean anonymous(Object value) {
        if (value instanceof Boolean b) {
            return b ? Boolean.TRUE : null;
        }
        String v = Values.asText(value);
        return HIDE.equals(v) ? Boolean.TRUE : SHOW.equals(v) ? Boolean.FALSE : null;
    }
}
