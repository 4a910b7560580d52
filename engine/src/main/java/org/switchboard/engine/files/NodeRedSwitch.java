package org.switchboard.engine.files;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.switchboard.engine.files.NodeRedMapping.Mapped;
import org.switchboard.engine.files.NodeRedMapping.PortRef;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.types.SwitchType;

/**
 * Converts Node-RED's core {@code switch} node when it routes on a call field ({@code msg.payload.dtmf},
 * {@code .from}, ...). Rule types map onto Switchboard's comparisons and {@code else} onto "otherwise". Node-RED
 * can fire every matching rule ({@code checkall}); Switchboard takes the first match, which is reported whenever
 * two rules could match the same call.
 */
final class NodeRedSwitch {

    private static final Map<String, String> OPS = Map.of("eq", "equals", "neq", "notEquals", "cont", "contains",
            "regex", "regex", "empty", "empty", "nempty", "notEmpty");

    private static final Set<String> LITERAL_VALUE_TYPES = Set.of("", "str", "num", "re");

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("payload.dtmf", "digits"), Map.entry("payload.from", "from"), Map.entry("payload.to", "to"),
            Map.entry("payload.direction", "direction"), Map.entry("payload.diversion", "diversion"),
            Map.entry("payload.cause", "cause"), Map.entry("payload.user", "user"),
            Map.entry("payload.user[0]", "user"), Map.entry("payload.user[]", "user"),
            Map.entry("payload[\"user[]\"]", "user"), Map.entry("payload['user[]']", "user"),
            Map.entry("payload[\"user[]\"][0]", "user"), Map.entry("payload['user[]'][0]", "user"));

    private final NodeRedEntry e;
    private final List<LoadProblem> problems;

    NodeRedSwitch(NodeRedEntry entry, List<LoadProblem> problems) {
        this.e = entry;
        this.problems = problems;
    }

    Mapped map(FlowNode base) {
        boolean checkAll = e.flag("checkall");
        List<Object> rules = new ArrayList<>();
        List<PortRef> outs = new ArrayList<>();
        boolean afterElse = false;
        List<?> nodeRedRules = Values.asList(e.get("rules"));
        for (int i = 0; i < nodeRedRules.size(); i++) {
            String rule = "rule " + (i + 1);
            if (!(nodeRedRules.get(i) instanceof Map<?, ?> r)) {
                problems.add(new LoadProblem(e.place(), rule + " is not a rule; it was left out"));
                outs.add(NodeRedMapping.DROPPED);
                continue;
            }
            String t = text(r.get("t"));
            if (afterElse && !checkAll) {
                problems.add(new LoadProblem(e.place(), rule + " comes after 'otherwise' and never ran in "
                        + "Node-RED; it was left out"));
                outs.add(NodeRedMapping.DROPPED);
                continue;
            }
            if ("else".equals(t)) {
                outs.add(new PortRef(base.id(), SwitchType.OTHERWISE));
                afterElse = true;
                continue;
            }
            rules.add(rule(rule, t, r));
            outs.add(new PortRef(base.id(), SwitchType.portOfRule(rules.size() - 1)));
        }
        if (checkAll && mayOverlap(rules)) {
            problems.add(new LoadProblem(e.place(), "Node-RED checked all rules here, so several outputs could fire "
                    + "for one call; Switchboard takes only the first rule that matches"));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(SwitchType.FIELD, field());
        properties.put(SwitchType.RULES, rules);
        return new Mapped(base.withProperties(properties), null, outs);
    }

    private Map<String, Object> rule(String label, String t, Map<?, ?> r) {
        String value = text(r.get("v"));
        String valueType = text(r.get("vt"));
        String op = OPS.get(t);
        if (op == null) {
            problems.add(new LoadProblem(e.place(), label + " uses the Node-RED comparison '" + t + "', which "
                    + "Switchboard does not have; it was kept as it is and must be changed"));
            op = t;
        } else if (!op.equals("empty") && !op.equals("notEmpty") && !LITERAL_VALUE_TYPES.contains(valueType)) {
            problems.add(new LoadProblem(e.place(), label + " compares with the " + valueType + " value '" + value
                    + "', which Switchboard cannot read; it now compares with the text '" + value + "'"));
        }
        if (op.equals("regex") && Boolean.TRUE.equals(Values.asBoolean(r.get("case")))) {
            value = "(?i)" + value; // Node-RED's "ignore case" box
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("op", op);
        rule.put("value", op.equals("empty") || op.equals("notEmpty") ? "" : value);
        return rule;
    }

    /** Whether two rules could match the same value; only distinct "equals" rules are known not to. */
    private static boolean mayOverlap(List<Object> rules) {
        if (rules.size() < 2) {
            return false;
        }
        Set<String> values = new HashSet<>();
        for (Object o : rules) {
            Map<?, ?> r = (Map<?, ?>) o;
            if (!"equals".equals(r.get("op")) || !values.add(String.valueOf(r.get("value")))) {
                return true;
            }
        }
        return false;
    }

    private String field() {
        String type = e.has("propertyType") ? e.text("propertyType") : "msg";
        String property = e.text("property").replace(" ", "");
        if (type.equals("msg") && property.startsWith("msg.")) {
            property = property.substring(4);
        }
        String field = type.equals("msg") ? FIELDS.get(property) : null;
        if (field != null) {
            return field;
        }
        String shown = type + "." + property;
        problems.add(new LoadProblem(e.place(), "it routes on " + shown + ", which Switchboard cannot read; choose "
                + "one of the call fields digits, from, to, direction, diversion, user or cause"));
        return shown;
    }

    private static String text(Object o) {
        String s = Values.asText(o);
        return s == null ? "" : s;
    }
}
