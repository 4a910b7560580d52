package org.switchboard.engine.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.types.SwitchType;

/** Numbers through libphonenumber: the forms users type, the fix with a home country, Switch rules. */
class PhoneNumbersTest {

    @Test
    void theNationalZeroInBracketsIsDropped() {
        assertEquals("49301234567", PhoneNumbers.toE164Digits("+49 (0)30 1234567"), "not 490301234567");
        assertEquals("+49 30 1234567", PhoneNumbers.display("+49 (0)30 1234567"));
        assertNull(PhoneNumbers.check("+49 (0)30 1234567"));
    }

    @Test
    void internationalPrefixZeroZero() {
        assertEquals("49301234567", PhoneNumbers.toE164Digits("0049 30 1234567"));
        assertEquals("+49 30 1234567", PhoneNumbers.display("0049 30 1234567"));
    }

    @Test
    void aNationalMobileNumberGetsTheHomeCountry() {
        assertEquals(PhoneNumbers.Issue.COUNTRY_CODE_MISSING, PhoneNumbers.check("0151 23456789"));
        assertNull(PhoneNumbers.toE164Digits("0151 23456789"), "never guessed at run time");
        assertEquals("+49 1512 3456789", PhoneNumbers.withHomeCountry("0151 23456789", "DE"));
        assertEquals("+44 20 7946 0018", PhoneNumbers.withHomeCountry("020 7946 0018", "GB"));
        assertNull(PhoneNumbers.withHomeCountry("+49 30 1234567", "DE"), "already international");
        assertNull(PhoneNumbers.withHomeCountry("0151 23456789", "XX"), "unknown country");
    }

    @Test
    void ukAndSwissNumbers() {
        assertEquals("442079460018", PhoneNumbers.toE164Digits("+44 20 7946 0018"));
        assertEquals("+44 20 7946 0018", PhoneNumbers.display("442079460018"));
        assertEquals("41446681800", PhoneNumbers.toE164Digits("+41 44 668 18 00"));
        assertEquals("+41 44 668 18 00", PhoneNumbers.display("0041 44 6681800"));
    }

    @Test
    void badNumbersAreReported() {
        assertEquals(PhoneNumbers.Issue.INVALID_CHARACTERS, PhoneNumbers.check("+49 30 CALL-ME"));
        assertEquals(PhoneNumbers.Issue.TOO_SHORT, PhoneNumbers.check("+49 30"));
        assertEquals(PhoneNumbers.Issue.TOO_LONG, PhoneNumbers.check("+49 30 1234567890123"));
        assertEquals(PhoneNumbers.Issue.INVALID, PhoneNumbers.check("+999 1234567"));
        assertTrue(PhoneNumbers.Issue.UNKNOWN.usable());
    }

    @Test
    void aSwitchRuleTypedWithSpacesMatchesTheCallerWithout() {
        SwitchRule rule = new SwitchRule(SwitchRule.Op.EQUALS, "+49 30 555010");
        assertTrue(rule.matchesNumber("4930555010"));
        assertFalse(rule.matchesNumber("4930555011"));
        assertFalse(rule.matches("4930555010"), "as plain text the two never matched");
        assertTrue(new SwitchRule(SwitchRule.Op.ONE_OF, "+49 30 555010, 0044 20 7946 0018")
                .matchesNumber("442079460018"), "a block list");
        assertTrue(new SwitchRule(SwitchRule.Op.STARTS_WITH, "+49 30").matchesNumber("4930555010"));
        assertTrue(new SwitchRule(SwitchRule.Op.EQUALS, "anonymous").matchesNumber("anonymous"));
    }

    @Test
    void theSwitchNodeComparesNumbersWhenItRoutesOnAField() {
        FlowNode sw = NodeTypes.standard().get("switch").newNode("sw", 0, 0).withProperty("field", "from")
                .withProperty("rules", List.of(SwitchRule.data(SwitchRule.Op.EQUALS, "+49 30 555010")));
        CallContext call = new CallContext() {
            @Override
            public String field(CallField field) {
                return field == CallField.FROM ? "4930555010" : null;
            }

            @Override
            public String dataUrl(FlowNode node) {
                return null;
            }

            @Override
            public String soundUrl(Object value) {
                return null;
            }

            @Override
            public void subscribe(FlowNode node, CallEvent event) {
            }

            @Override
            public void hangUpCall(FlowNode node) {
            }

            @Override
            public void note(FlowNode node, String message) {
            }

            @Override
            public java.time.Clock clock() {
                return java.time.Clock.systemUTC();
            }
        };
        assertEquals(new Outcome.Route("1"), NodeTypes.standard().get("switch").run(sw, call));
        assertEquals("= +49 30 555010", NodeTypes.standard().get("switch").outputs(sw
                .withProperty("rules", List.of(SwitchRule.data(SwitchRule.Op.EQUALS, "4930555010"))), Messages.ENGLISH)
                .get(0).label(), "shown in readable international form");
    }

    @Test
    void theFixIsAFlowEditForEveryNumberProperty() {
        Map<String, Object> dialProps = new HashMap<>(NodeTypes.standard().get("dial").newNode("d", 0, 0).properties());
        dialProps.put("numbers", List.of("030 1234567", "+49 151 23456789"));
        dialProps.put("callerId", "0211 5550100");
        FlowNode dial = NodeTypes.standard().get("dial").newNode("d", 0, 0).withProperties(dialProps);
        FlowNode sw = NodeTypes.standard().get("switch").newNode("sw", 0, 0).withProperty("field", "from")
                .withProperty("rules", List.of(SwitchRule.data(SwitchRule.Op.ONE_OF, "030 555010, 0151 23456789")));
        Flow flow = Flow.of("t", List.of(dial, sw), List.of(new Wire("sw", "1", "d")));

        Problem numbers = FlowValidator.validate(flow, Messages.ENGLISH).stream()
                .filter(p -> "d".equals(p.nodeId()) && "numbers".equals(p.property())).findFirst().orElseThrow();
        assertTrue(NumberFixes.canFix(flow, numbers, "DE"));
        assertFalse(NumberFixes.canFix(flow, numbers, null), "no home country, no fix");

        Flow fixed = NumberFixes.addCountryCode(flow, "d", "numbers", "DE");
        assertEquals(List.of("+49 30 1234567", "+49 151 23456789"), fixed.nodeOrNull("d").property("numbers"));
        fixed = NumberFixes.addCountryCode(fixed, "d", "callerId", "DE");
        assertEquals("+49 211 5550100", fixed.nodeOrNull("d").text("callerId"));
        fixed = NumberFixes.addCountryCode(fixed, "sw", SwitchType.RULES, "DE");
        assertEquals("+49 30 555010, +49 1512 3456789",
                ((Map<?, ?>) ((List<?>) fixed.nodeOrNull("sw").property("rules")).get(0)).get("value"));
        assertFalse(FlowValidator.validate(fixed, Messages.ENGLISH).stream().anyMatch(p -> "d".equals(p.nodeId())
                && p.isError()), "the Dial has no errors left");
        assertSame(fixed, NumberFixes.addCountryCode(fixed, "d", "numbers", "DE"), "nothing left to fix");
    }
}
