package org.switchboard.engine.nodes.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Values;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.CallEvent;
import org.switchboard.engine.nodes.CallField;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PhoneNumbers;
import org.switchboard.engine.nodes.SwitchRule;
import org.switchboard.engine.nodes.types.GatherType;
import org.switchboard.engine.nodes.types.SwitchType;

/**
 * Switch rules that can never match: a rule that repeats an earlier one; on digits right behind a Gather, a value
 * longer than the Gather collects; on a number field, a number sipgate never sends in that form (a national number
 * with a leading 0 gets the one-click fix of {@link org.switchboard.engine.nodes.NumberFixes}).
 */
final class SwitchRuleCheck implements FlowCheck {

    @Override
    public void check(Flow flow, NodeTypes types, Messages m, List<Problem> problems) {
        for (FlowNode node : flow.nodes()) {
            if (!SwitchType.ID.equals(node.type())) {
                continue;
            }
            CallField field = CallField.fromId(node.text(SwitchType.FIELD));
            List<SwitchRule> rules = Values.asList(node.property(SwitchType.RULES)).stream().map(SwitchRule::from)
                    .toList();
            Map<String, Integer> seen = new HashMap<>();
            long maxDigits = field == CallField.DIGITS ? gatherDigits(flow, types, node) : Long.MAX_VALUE;
            for (int i = 0; i < rules.size(); i++) {
                SwitchRule rule = rules.get(i);
                if (rule == null) {
                    continue;
                }
                String value = field != null && field.isNumber() && rule.op().takesValue()
                        ? PhoneNumbers.matchForm(rule.value()) : rule.value();
                Integer earlier = seen.putIfAbsent(rule.op().id() + "\u0000" + value, i);
                if (earlier != null) {
                    problems.add(Problem.warning(node.id(), SwitchType.RULES,
                            m.get("problem.rule.duplicate", i + 1, earlier + 1)));
                } else if (tooLong(rule, maxDigits)) {
                    problems.add(Problem.warning(node.id(), SwitchType.RULES,
                            m.get("problem.rule.tooManyDigits", i + 1, rule.value(), maxDigits)));
                } else if (field != null && field.isNumber()) {
                    checkNumbers(node, rule, i, m, problems);
                }
            }
        }
    }

    /** The most digits any Gather wired straight into this Switch collects; unlimited when not only Gathers. */
    private static long gatherDigits(Flow flow, NodeTypes types, FlowNode node) {
        List<Wire> in = flow.wiresInto(node.id());
        long most = 0;
        for (Wire w : in) {
            FlowNode from = flow.nodeOrNull(w.fromNode());
            NodeType type = from == null ? null : types.get(from.type());
            if (type == null || !GatherType.ID.equals(from.type())
                    || !w.fromPort().equals(type.resumePort(CallEvent.DIGITS))) {
                return Long.MAX_VALUE;
            }
            Long n = Values.asLong(from.property(GatherType.MAX_DIGITS));
            most = Math.max(most, n == null ? 1 : n);
        }
        return in.isEmpty() ? Long.MAX_VALUE : most;
    }

    private static boolean tooLong(SwitchRule rule, long maxDigits) {
        return (rule.op() == SwitchRule.Op.EQUALS || rule.op() == SwitchRule.Op.STARTS_WITH)
                && rule.value().length() > maxDigits;
    }

    private static void checkNumbers(FlowNode node, SwitchRule rule, int index, Messages m, List<Problem> problems) {
        List<String> values = switch (rule.op()) {
            case EQUALS, NOT_EQUALS -> List.of(rule.value());
            case ONE_OF -> List.of(rule.value().split(","));
            case STARTS_WITH -> List.of();
            default -> List.of();
        };
        for (String v : values) {
            String typed = v.strip();
            PhoneNumbers.Issue issue = PhoneNumbers.check(typed);
            if (!looksLikeNumber(typed) || issue == null || issue.usable()) {
                continue;
            }
            String key = issue == PhoneNumbers.Issue.COUNTRY_CODE_MISSING ? "problem.rule.nationalNumber"
                    : "problem.rule.badNumber";
            problems.add(Problem.warning(node.id(), SwitchType.RULES, m.get(key, index + 1, typed)));
            return;
        }
        if (rule.op() == SwitchRule.Op.STARTS_WITH && rule.value().strip().matches("0[1-9].*")) {
            problems.add(Problem.warning(node.id(), SwitchType.RULES,
                    m.get("problem.rule.nationalPrefix", index + 1, rule.value().strip())));
        }
    }

    /** Only digits and the usual separators: "anonymous" and the like are compared as text. */
    private static boolean looksLikeNumber(String v) {
        return !v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9' || " +-/.()".indexOf(c) >= 0);
    }
}
