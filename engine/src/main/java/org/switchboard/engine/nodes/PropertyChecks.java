package org.switchboard.engine.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;

/**
 * Checks a node's property values against their {@link PropertySpec}s, in the user's language. Each value is
 * checked by its spec's {@link PropertyKind}, so a new kind brings its own check.
 */
public final class PropertyChecks {

    private PropertyChecks() {
    }

    public static List<Problem> check(NodeType type, FlowNode node, Messages m) {
        List<Problem> problems = new ArrayList<>();
        for (PropertySpec spec : type.properties()) {
            if (applies(spec, node)) {
                String problem = check(type, spec, node.property(spec.key()), m);
                if (problem != null) {
                    Problem.Severity severity = PropertyKind.isWarning(problem) ? Problem.Severity.WARNING
                            : Problem.Severity.ERROR;
                    problems.add(new Problem(severity, node.id(), spec.key(), PropertyKind.text(problem)));
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
     * Checks one value; returns {@code null} when it is fine, the message otherwise (see
     * {@link PropertyKind#isWarning}). The inspector calls this as the user types.
     */
    public static String check(NodeType type, PropertySpec spec, Object value, Messages m) {
        return spec.kind().check().problem(new PropertyKind.Value(type, spec, value, m));
    }

    public static String phoneProblem(String number, String label, Messages m) {
        PhoneNumbers.Issue issue = PhoneNumbers.check(number);
        if (issue == null) {
            return null;
        }
        String text = m.get("problem.phone." + issue.name().toLowerCase(Locale.ROOT), label, number);
        return issue.usable() ? PropertyKind.warning(text) : text;
    }
}
