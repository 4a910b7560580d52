package org.switchboard.engine.nodes.types;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.CallField;
import org.switchboard.engine.nodes.Category;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.OutputPort;
import org.switchboard.engine.nodes.Outcome;
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

    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.choice(FIELD, "digits", "digits", "from", "to", "direction", "diversion", "user", "cause"),
            PropertySpec.rules(RULES));

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
                    : rule.matches(actual));
            if (matched) {
                return new Outcome.Route(portOfRule(i));
            }
        }
        return new Outcome.Route(OTHERWISE);
    }
}
