package org.switchboard.engine.nodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;

/** One rule of a Switch node: an operator and a value, read from {@code {"op": ..., "value": ...}}. */
public record SwitchRule(Op op, String value) {

    /** The comparisons a Switch can make; ids as in flow files. Node-RED's rule types map onto these. */
    public enum Op {
        EQUALS("equals"), NOT_EQUALS("notEquals"), STARTS_WITH("startsWith"), CONTAINS("contains"),
        ONE_OF("oneOf"), REGEX("regex"), EMPTY("empty"), NOT_EMPTY("notEmpty");

        private final String id;

        Op(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public boolean takesValue() {
            return this != EMPTY && this != NOT_EMPTY;
        }

        public static Op fromId(String id) {
            for (Op op : values()) {
                if (op.id.equals(id)) {
                    return op;
                }
            }
            return null;
        }
    }

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    /** Reads a rule from flow data; {@code null} if it is not a usable rule. */
    public static SwitchRule from(Object data) {
        if (data instanceof Map<?, ?> map) {
            Op op = Op.fromId(Values.asText(map.get("op")));
            String value = Values.asText(map.get("value"));
            return op == null ? null : new SwitchRule(op, value == null ? "" : value);
        }
        return null;
    }

    public static Map<String, Object> data(Op op, String value) {
        return Map.of("op", op.id(), "value", value == null ? "" : value);
    }

    /** Whether the call field's value (may be {@code null}) satisfies this rule. */
    public boolean matches(String actual) {
        String a = actual == null ? "" : actual;
        return switch (op) {
            case EQUALS -> a.equals(value);
            case NOT_EQUALS -> !a.equals(value);
            case STARTS_WITH -> a.startsWith(value);
            case CONTAINS -> a.contains(value);
            case ONE_OF -> Arrays.stream(value.split(",")).map(String::trim).anyMatch(a::equals);
            case REGEX -> pattern(value) != null && pattern(value).matcher(a).find();
            case EMPTY -> a.isEmpty();
            case NOT_EMPTY -> !a.isEmpty();
        };
    }

    /**
     * Like {@link #matches}, for a field with several values (every user a group call rings): "is" and the other
     * positive comparisons match when any value does, "is not" when none is equal, "empty" when there is no value
     * or only an empty one.
     */
    public boolean matchesAny(List<String> actual) {
        return switch (op) {
            case NOT_EQUALS -> actual.stream().noneMatch(value::equals);
            case EMPTY -> actual.stream().allMatch(String::isEmpty);
            case NOT_EMPTY -> actual.stream().anyMatch(a -> !a.isEmpty());
            default -> actual.stream().anyMatch(this::matches);
        };
    }

    /**
     * Like {@link #matches}, for a number field: both sides are compared in E.164 digits, so a rule typed
     * "+49 30 555010" matches the caller 4930555010 that sipgate sends (see {@link PhoneNumbers#matchForm}).
     */
    public boolean matchesNumber(String actual) {
        return switch (op) {
            case EQUALS, NOT_EQUALS, STARTS_WITH, CONTAINS -> new SwitchRule(op, PhoneNumbers.matchForm(value))
                    .matches(PhoneNumbers.matchForm(actual));
            case ONE_OF -> {
                String a = PhoneNumbers.matchForm(actual);
                yield Arrays.stream(value.split(",")).map(PhoneNumbers::matchForm).anyMatch(a::equals);
            }
            case REGEX, EMPTY, NOT_EMPTY -> matches(actual);
        };
    }

    /** The rule with its number(s) in readable international form, for labels on a number field. */
    public SwitchRule forDisplay() {
        return switch (op) {
            case EQUALS, NOT_EQUALS -> new SwitchRule(op, PhoneNumbers.display(value));
            case ONE_OF -> new SwitchRule(op, String.join(", ", Arrays.stream(value.split(","))
                    .map(PhoneNumbers::display).toList()));
            default -> this;
        };
    }

    private static Pattern pattern(String regex) {
        try {
            return PATTERNS.computeIfAbsent(regex, Pattern::compile);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /**
     * A value that rule {@code index} matches and no earlier rule does (for a test call that takes the rule's
     * output), or with {@code index == rules.size()} a value that no rule matches ("otherwise"). Tried in order: the
     * values the rule itself suggests, then {@code pool} (typical values of the field). {@code null} when none of
     * them fits (e.g. an earlier rule always wins). Unusable rules ({@code null} entries) match nothing.
     */
    public static String example(List<SwitchRule> rules, int index, List<String> pool) {
        List<String> candidates = new ArrayList<>();
        if (index < rules.size() && rules.get(index) != null) {
            candidates.addAll(rules.get(index).suggestions());
        }
        candidates.addAll(pool);
        if (index < rules.size() && rules.get(index) != null && rules.get(index).op == Op.NOT_EQUALS) {
            candidates.add(rules.get(index).value + "0"); // only when no typical value differs
        }
        for (String candidate : candidates) {
            if (wins(rules, index, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean wins(List<SwitchRule> rules, int index, String value) {
        for (int i = 0; i < index && i < rules.size(); i++) {
            if (rules.get(i) != null && rules.get(i).matches(value)) {
                return false;
            }
        }
        return index >= rules.size() || rules.get(index) != null && rules.get(index).matches(value);
    }

    /** Values this rule likely matches, most natural first. */
    private List<String> suggestions() {
        return switch (op) {
            case EQUALS, CONTAINS -> List.of(value);
            case STARTS_WITH -> List.of(value, value + "1");
            case ONE_OF -> Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
            case EMPTY -> List.of("");
            case REGEX -> List.of(simpleMatch(value));
            case NOT_EMPTY, NOT_EQUALS -> List.of();
        };
    }

    /** A guess at a value a simple pattern such as {@code ^49157\\d+$} matches: its literal text, digits filled in. */
    private static String simpleMatch(String regex) {
        return regex.replace("\\d+", "1234567").replace("\\d*", "").replace("\\d", "1").replace(".*", "")
                .replace(".+", "1").replace("^", "").replace("$", "");
    }

    /** A problem with the rule's value, or {@code null}. */
    public static String problem(Op op, String value, Messages m) {
        if (op == Op.REGEX) {
            try {
                Pattern.compile(value == null ? "" : value);
            } catch (PatternSyntaxException e) {
                return m.get("problem.rule.regex", e.getDescription());
            }
        }
        if (op.takesValue() && (value == null || value.isEmpty()) && op != Op.EQUALS && op != Op.NOT_EQUALS) {
            return m.get("problem.rule.value");
        }
        return null;
    }

    /** A short label for the output port, e.g. "= 1", "starts with 49", "empty". */
    public String label(Messages m) {
        return m.get("rule." + op.id() + ".short", value);
    }
}
