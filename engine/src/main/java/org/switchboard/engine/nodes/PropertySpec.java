package org.switchboard.engine.nodes;

import java.util.List;
import java.util.Objects;

/**
 * A typed property of a node type: its key in the flow file, its kind, default, whether it is required, its range
 * ({@code min..max}: the value for numbers, the number of entries for lists), the allowed choices, an optional unit
 * and an optional condition under which it applies (e.g. Dial numbers only when the target is "number").
 * Labels and help texts come from the message bundle under {@code prop.<type>.<key>} and {@code ...help}.
 */
public record PropertySpec(String key, PropertyKind kind, Object defaultValue, boolean required, Long min, Long max,
                           List<String> choices, String unit, Condition when) {

    /** The property applies only when another property has the given value. */
    public record Condition(String key, String equalsValue) {
    }

    public PropertySpec {
        Objects.requireNonNull(key);
        Objects.requireNonNull(kind);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static PropertySpec text(String key, String defaultValue, boolean required) {
        return new PropertySpec(key, PropertyKinds.TEXT, defaultValue, required, null, null, null, null, null);
    }

    public static PropertySpec integer(String key, long defaultValue, long min, long max, String unit) {
        return new PropertySpec(key, PropertyKinds.INTEGER, defaultValue, true, min, max, null, unit, null);
    }

    public static PropertySpec bool(String key, boolean defaultValue) {
        return new PropertySpec(key, PropertyKinds.BOOLEAN, defaultValue, true, null, null, null, null, null);
    }

    public static PropertySpec choice(String key, String defaultValue, String... choices) {
        return new PropertySpec(key, PropertyKinds.CHOICE, defaultValue, true, null, null, List.of(choices), null,
                null);
    }

    public static PropertySpec phoneNumber(String key) {
        return new PropertySpec(key, PropertyKinds.PHONE_NUMBER, "", false, null, null, null, null, null);
    }

    public static PropertySpec phoneList(String key, long min, long max) {
        return new PropertySpec(key, PropertyKinds.PHONE_LIST, List.of(""), true, min, max, null, null, null);
    }

    public static PropertySpec sound(String key, boolean required) {
        return new PropertySpec(key, PropertyKinds.SOUND_URL, "", required, null, null, null, null, null);
    }

    public static PropertySpec webhookPath(String key, String defaultValue) {
        return new PropertySpec(key, PropertyKinds.WEBHOOK_PATH, defaultValue, true, null, null, null, null, null);
    }

    /** A property of any kind, e.g. one a node type declares itself; optional, with the kind's default. */
    public static PropertySpec of(String key, PropertyKind kind) {
        return new PropertySpec(key, kind, kind.defaultValue(), false, null, null, null, null, null);
    }

    public PropertySpec onlyWhen(String otherKey, String value) {
        return new PropertySpec(key, kind, defaultValue, required, min, max, choices, unit,
                new Condition(otherKey, value));
    }
}
