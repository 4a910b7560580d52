package org.switchboard.engine.nodes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;

/** Checks a node's property values against their {@link PropertySpec}s, in the user's language. */
public final class PropertyChecks {

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~\\-/]*");

    private PropertyChecks() {
    }

    public static List<Problem> check(NodeType type, FlowNode node, Messages m) {
        List<Problem> problems = new ArrayList<>();
        for (PropertySpec spec : type.properties()) {
            if (applies(spec, node)) {
                String problem = check(type, spec, node.property(spec.key()), m);
                if (problem != null) {
                    Problem.Severity severity = problem.startsWith("!") ? Problem.Severity.WARNING
                            : Problem.Severity.ERROR;
                    String text = problem.startsWith("!") ? problem.substring(1) : problem;
                    problems.add(new Problem(severity, node.id(), spec.key(), text));
                }
            }
        }
        return problems;
    }

    public static boolean applies(PropertySpec spec, FlowNode node) {
        if (spec.when() == null) {
            return true;
        }
        Object other = node.property(spec.when().key());
        return other != null && spec.when().equalsValue().equals(Values.asText(other));
    }

    public static String label(NodeType type, PropertySpec spec, Messages m) {
        return m.get("prop." + type.id() + "." + spec.key());
    }

    /**
     * Checks one value; returns {@code null} when it is fine, the message otherwise (a leading "!" marks a
     * warning). The inspector calls this as the user types.
     */
    public static String check(NodeType type, PropertySpec spec, Object value, Messages m) {
        String label = label(type, spec, m);
        return switch (spec.kind()) {
            case TEXT -> spec.required() && isBlank(value) ? m.get("problem.required", label) : null;
            case INTEGER -> checkInteger(spec, value, label, m);
            case BOOLEAN -> value == null || Values.asBoolean(value) != null ? null
                    : m.get("problem.notBoolean", label);
            case CHOICE -> value != null && spec.choices().contains(Values.asText(value)) ? null
                    : m.get("problem.choice", label, String.join(", ", spec.choices()));
            case PHONE_NUMBER -> isBlank(value) ? (spec.required() ? m.get("problem.required", label) : null)
                    : phoneProblem(Values.asText(value), label, m);
            case PHONE_LIST -> checkPhoneList(type, spec, value, label, m);
            case SOUND_URL -> checkSound(spec, value, label, m);
            case WEBHOOK_PATH -> checkPath(value, m);
            case SWITCH_RULES -> checkRules(value, m);
        };
    }

    private static boolean isBlank(Object value) {
        return value == null || Values.asText(value).isBlank();
    }

    private static String checkInteger(PropertySpec spec, Object value, String label, Messages m) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return m.get("problem.required", label);
        }
        Long n = Values.asLong(value);
        if (n == null) {
            return m.get("problem.notNumber", label);
        }
        if ((spec.min() != null && n < spec.min()) || (spec.max() != null && n > spec.max())) {
            return m.get("problem.range", label, spec.min(), spec.max());
        }
        return null;
    }

    public static String phoneProblem(String number, String label, Messages m) {
        PhoneNumbers.Issue issue = PhoneNumbers.check(number);
        if (issue == null) {
            return null;
        }
        String text = m.get("problem.phone." + issue.name().toLowerCase(Locale.ROOT), label, number);
        return issue.usable() ? "!" + text : text;
    }

    private static String checkPhoneList(NodeType type, PropertySpec spec, Object value, String label, Messages m) {
        if (value != null && !(value instanceof List<?>)) {
            return m.get("problem.notList", label);
        }
        List<?> list = Values.asList(value);
        List<String> filled = list.stream().map(Values::asText).filter(s -> s != null && !s.isBlank()).toList();
        if (filled.size() < spec.min() || list.size() > spec.max()) {
            return m.get("problem.phoneList.count", m.get("node." + type.id() + ".label"), spec.min(), spec.max());
        }
        String warning = null;
        for (int i = 0; i < list.size(); i++) {
            String n = Values.asText(list.get(i));
            if (n == null || n.isBlank()) {
                return m.get("problem.phoneList.emptyEntry", i + 1);
            }
            String p = phoneProblem(n, m.get("problem.phoneList.entry", i + 1), m);
            if (p != null && !p.startsWith("!")) {
                return p;
            }
            warning = warning == null ? p : warning;
        }
        return warning;
    }

    private static String checkSound(PropertySpec spec, Object value, String label, Messages m) {
        if (isBlank(value)) {
            return spec.required() ? m.get("problem.required", label) : null;
        }
        String url = Values.asText(value).trim();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return m.get("problem.sound.notUrl", label);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            return m.get("problem.sound.notUrl", label);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (!path.endsWith(".wav")) {
            return "!" + m.get("problem.sound.notWav", label);
        }
        return null;
    }

    private static String checkPath(Object value, Messages m) {
        String path = Values.asText(value);
        if (path == null || !PATH.matcher(path).matches() || path.contains("//")) {
            return m.get("problem.path.invalid", path == null ? "" : path);
        }
        if (path.equals("/") || path.startsWith("/cb/") || path.equals("/cb") || path.equals("/health")) {
            return m.get("problem.path.reserved", path);
        }
        return null;
    }

    private static String checkRules(Object value, Messages m) {
        if (value != null && !(value instanceof List<?>)) {
            return m.get("problem.notList", m.get("prop.switch.rules"));
        }
        List<?> rules = Values.asList(value);
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof Map<?, ?> rule)) {
                return m.get("problem.rule.notObject", i + 1);
            }
            String op = Values.asText(rule.get("op"));
            SwitchRule.Op parsed = SwitchRule.Op.fromId(op);
            if (parsed == null) {
                return m.get("problem.rule.op", i + 1, op == null ? "" : op);
            }
            String v = Values.asText(rule.get("value"));
            String problem = SwitchRule.problem(parsed, v, m);
            if (problem != null) {
                return m.get("problem.rule.prefix", i + 1) + " " + problem;
            }
        }
        return null;
    }
}
