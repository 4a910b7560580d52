package org.switchboard.engine.nodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.nodes.types.SwitchType;

/**
 * The one-click fix for national numbers: "030 1234567" becomes "+49 30 1234567" with the user's home country.
 * Works on a node's phone number, every entry of a phone list, and the values of Switch rules on a number field.
 * Each fix is a pure {@code Flow -> Flow} edit (one undo step in the editor); the flow is returned unchanged (the
 * same instance) when there is nothing to fix, which is also how {@link #canFix} decides.
 */
public final class NumberFixes {

    private NumberFixes() {
    }

    /** Whether the problem's node property holds a national number that the home country turns international. */
    public static boolean canFix(Flow flow, Problem problem, String homeCountry) {
        return problem.nodeId() != null && problem.property() != null
                && addCountryCode(flow, problem.nodeId(), problem.property(), homeCountry) != flow;
    }

    /** The flow with every national number of the node's property in international form. */
    public static Flow addCountryCode(Flow flow, String nodeId, String property, String homeCountry) {
        FlowNode node = flow.nodeOrNull(nodeId);
        NodeType type = node == null ? null : NodeTypes.standard().get(node.type());
        PropertySpec spec = type == null ? null : type.property(property);
        if (spec == null || !PhoneNumbers.isKnownCountry(homeCountry)) {
            return flow;
        }
        Object value = node.property(property);
        Object fixed;
        if (spec.kind() == PropertyKinds.PHONE_NUMBER) {
            fixed = fix(Values.asText(value), homeCountry);
        } else if (spec.kind() == PropertyKinds.PHONE_LIST && value instanceof List<?> list) {
            fixed = list.stream().map(o -> o instanceof String s ? fix(s, homeCountry) : o).toList();
        } else if (SwitchType.RULES.equals(property) && SwitchType.ID.equals(node.type()) && numberField(node)
                && value instanceof List<?> l) {
            fixed = fixRules(l, homeCountry);
        } else {
            fixed = null;
        }
        return fixed == null || fixed.equals(value) ? flow
                : flow.updateNode(nodeId, n -> n.withProperty(property, fixed));
    }

    private static boolean numberField(FlowNode node) {
        CallField field = CallField.fromId(node.text(SwitchType.FIELD));
        return field != null && field.isNumber();
    }

    private static List<Object> fixRules(List<?> rules, String homeCountry) {
        List<Object> out = new ArrayList<>(rules.size());
        for (Object r : rules) {
            if (r instanceof Map<?, ?> map && map.get("value") instanceof String v) {
                SwitchRule.Op op = SwitchRule.Op.fromId(Values.asText(map.get("op")));
                String fixed = op == SwitchRule.Op.ONE_OF
                        ? Arrays.stream(v.split(",")).map(s -> fix(s.strip(), homeCountry))
                                .collect(Collectors.joining(", "))
                        : fix(v, homeCountry);
                Map<Object, Object> copy = new LinkedHashMap<>(map);
                copy.put("value", fixed);
                out.add(copy);
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** The number in international form when the home country fixes it, else as it was. */
    private static String fix(String typed, String homeCountry) {
        String fixed = PhoneNumbers.withHomeCountry(typed, homeCountry);
        return fixed == null ? typed : fixed;
    }
}
