package org.switchboard.engine.nodes.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.Branch;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.CallField;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.Outcome;
import org.switchboard.engine.nodes.PropertyKind;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.nodes.SwitchRule;

/**
 * Switch: routes on one call field (digits, from, to, direction, diversion, user, cause) with an ordered list of
 * rules; the first rule that matches wins, and "otherwise" takes the rest. Outputs are "1".."n" and "otherwise".
 */
public final class SwitchType implements NodeType {

    public static final String ID = "switch";
    public static final String FIELD = "field";
    public static final String RULES = "rules";
    public static final String OTHERWISE = "otherwise";

    /**
     * Switch rules: a list of {@code {"op": ..., "value": ...}} objects, each owning one output. Declared here, as a
     * kind of its own, because only the Switch has it; the app's inspector shows it with its "switchRules" editor.
     */
    public static final PropertyKind RULES_KIND = new PropertyKind("switchRules", List.of(), true,
            SwitchType::checkRules);

    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.choice(FIELD, "digits", "digits", "from", "to", "direction", "diversion", "user", "cause",
                    "answeredBy", "answeringNumber", "userId", "fullUserId", "origCallId", "xcid"),
            PropertySpec.of(RULES, RULES_KIND));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Category category() {
        return Category.ROUTING;
    }

    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }

    public static List<SwitchRule> rules(FlowNode node) {
        List<SwitchRule> rules = new ArrayList<>();
        for (Object o : Values.asList(node.property(RULES))) {
            rules.add(SwitchRule.from(o));
        }
        return rules;
    }

    /** The output id of the rule at the given index (0-based). */
    public static String portOfRule(int index) {
        return Integer.toString(index + 1);
    }

    @Override
    public String entryPort(FlowNode node, String key, int index) {
        return RULES.equals(key) ? portOfRule(index) : null;
    }

    @Override
    public List<Branch> branches(FlowNode node) {
        CallField field = CallField.fromId(node.text(FIELD));
        CallField on = field == null ? CallField.DIGITS : field;
        List<SwitchRule> rules = rules(node);
        List<Branch> branches = new ArrayList<>(rules.size() + 1);
        for (int i = 0; i <= rules.size(); i++) {
            String example = SwitchRule.example(rules, i, on.typicalValues());
            if (example != null) {
                branches.add(new Branch(i < rules.size() ? portOfRule(i) : OTHERWISE, on, example));
            }
        }
        return branches;
    }

    @Override
    public List<OutputPort> outputs(FlowNode node, Messages m) {
        List<OutputPort> ports = new ArrayList<>();
        List<SwitchRule> rules = rules(node);
        boolean numbers = numberField(node);
        for (int i = 0; i < rules.size(); i++) {
            SwitchRule r = rules.get(i);
            ports.add(new OutputPort(portOfRule(i), r == null ? "?" : (numbers ? r.forDisplay() : r).label(m)));
        }
        ports.add(new OutputPort(OTHERWISE, m.get("port.otherwise")));
        return ports;
    }

    /** Whether the node routes on a phone number (from, to, diversion). */
    public static boolean numberField(FlowNode node) {
        CallField field = CallField.fromId(node.text(FIELD));
        return field != null && field.isNumber();
    }

    @Override
    public String summary(FlowNode node, Messages m) {
        String field = node.text(FIELD) == null ? "digits" : node.text(FIELD);
        return m.get("summary.switch", m.get("field." + field));
    }

    @Override
    public Outcome run(FlowNode node, CallContext call) {
        CallField field = CallField.fromId(node.text(FIELD));
        String actual = call.field(field == null ? CallField.DIGITS : field);
        List<SwitchRule> rules = rules(node);
        for (int i = 0; i < rules.size(); i++) {
            SwitchRule rule = rules.get(i);
            boolean matched = rule != null && (field != null && field.isNumber() ? rule.matchesNumber(actual)
                    : field != null && field.isList() ? rule.matchesAny(field.values(actual)) : rule.matches(actual));
            if (matched) {
                return new Outcome.Route(portOfRule(i));
            }
        }
        return new Outcome.Route(OTHERWISE);
    }

    private static String checkRules(PropertyKind.Value v) {
        Messages m = v.messages();
        if (v.value() != null && !(v.value() instanceof List<?>)) {
            return m.get("problem.notList", v.label());
        }
        List<?> rules = Values.asList(v.value());
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof Map<?, ?> rule)) {
                return m.get("problem.rule.notObject", i + 1);
            }
            String op = Values.asText(rule.get("op"));
            SwitchRule.Op parsed = SwitchRule.Op.fromId(op);
            if (parsed == null) {
                return m.get("problem.rule.op", i + 1, op == null ? "" : op);
            }
            String problem = SwitchRule.problem(parsed, Values.asText(rule.get("value")), m);
            if (problem != null) {
                return m.get("problem.rule.prefix", i + 1) + " " + problem;
            }
        }
        return null;
    }
}
