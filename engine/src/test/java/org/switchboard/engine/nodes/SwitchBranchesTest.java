package org.switchboard.engine.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.FlowNode;

/**
 * What a Switch declares for generated test calls: per rule a value that rule takes and no earlier rule does, and a
 * value no rule takes for "otherwise"; a rule that an earlier one always wins over gets none.
 */
class SwitchBranchesTest {

    private static List<Branch> branches(String field, Object... rules) {
        FlowNode node = FlowNode.of("s", "switch", 0, 0).withProperties(Map.of("field", field, "rules",
                List.of(rules)));
        return NodeTypes.standard().get("switch").branches(node);
    }

    @Test
    void eachDigitRuleGetsItsKeyAndOtherwiseAKeyNoRuleTakes() {
        assertEquals(List.of(new Branch("1", CallField.DIGITS, "1"), new Branch("2", CallField.DIGITS, "2"),
                new Branch("otherwise", CallField.DIGITS, "3")),
                branches("digits", SwitchRule.data(SwitchRule.Op.EQUALS, "1"), SwitchRule.data(SwitchRule.Op.EQUALS,
                        "2")));
    }

    @Test
    void rulesOfEveryKindGetAValueTheyTakeFirst() {
        assertEquals(List.of(new Branch("1", CallField.FROM, "4930555010"),
                new Branch("2", CallField.FROM, "49900"), new Branch("3", CallField.FROM, "491571234567"),
                new Branch("4", CallField.FROM, ""), new Branch("5", CallField.FROM, "4930123456"),
                new Branch("otherwise", CallField.FROM, "anonymous")),
                branches("from", SwitchRule.data(SwitchRule.Op.ONE_OF, "4930555010, 4917655512345"),
                        SwitchRule.data(SwitchRule.Op.STARTS_WITH, "49900"),
                        SwitchRule.data(SwitchRule.Op.REGEX, "^49157\\d+$"),
                        SwitchRule.data(SwitchRule.Op.EMPTY, ""),
                        SwitchRule.data(SwitchRule.Op.NOT_EQUALS, "anonymous")));
    }

    @Test
    void aRuleThatAnEarlierRuleAlwaysWinsOverGetsNoBranch() {
        List<SwitchRule> rules = List.of(new SwitchRule(SwitchRule.Op.NOT_EMPTY, ""),
                new SwitchRule(SwitchRule.Op.EQUALS, "1"));
        assertNull(SwitchRule.example(rules, 1, CallField.DIGITS.typicalValues()));
        assertEquals("", SwitchRule.example(rules, 2, CallField.DIGITS.typicalValues()));
        assertEquals(List.of("1", "otherwise"), branches("digits", SwitchRule.data(SwitchRule.Op.NOT_EMPTY, ""),
                SwitchRule.data(SwitchRule.Op.EQUALS, "1")).stream().map(Branch::port).toList());
    }
}
