package org.switchboard.app.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.SwitchRule;

/** The country code fix follows the settings' home country; its button names the code it puts in. */
class ProblemFixesTest {

    private static final NodeTypes TYPES = NodeTypes.standard();
    private final Locale before = AppTexts.locale();

    @AfterEach
    void restoreLanguage() {
        AppTexts.setLocale(before);
    }

    private static Flow dialing(String number) {
        FlowNode dial = TYPES.get("dial").newNode("d", 0, 0).withProperty("numbers", List.of(number));
        return Flow.of("t", List.of(dial), List.of());
    }

    private static Problem problemOf(Flow flow, String nodeId, String property) {
        return new FlowValidator(TYPES).check(flow, Messages.ENGLISH).stream()
                .filter(p -> nodeId.equals(p.nodeId()) && property.equals(p.property())).findFirst().orElseThrow();
    }

    private static ProblemFixes.Fix fix(Flow flow, String homeCountry) {
        return ProblemFixes.fixFor(problemOf(flow, "d", "numbers"), flow, TYPES, homeCountry);
    }

    @Test
    void aSwissHomeCountryPutsInPlus41() {
        AppTexts.setLocale(Locale.ENGLISH);
        Flow flow = dialing("044 668 18 00");
        ProblemFixes.Fix fix = fix(flow, "CH");
        assertNotNull(fix);
        assertEquals("Use +41", fix.label());
        assertEquals(List.of("+41 44 668 18 00"), fix.edit().apply(flow).nodeOrNull("d").property("numbers"));
    }

    @Test
    void aGermanHomeCountryPutsInPlus49() {
        AppTexts.setLocale(Locale.ENGLISH);
        Flow flow = dialing("030 1234567");
        ProblemFixes.Fix fix = fix(flow, "DE");
        assertEquals("Use +49", fix.label());
        assertEquals(List.of("+49 30 1234567"), fix.edit().apply(flow).nodeOrNull("d").property("numbers"));
    }

    @Test
    void theLabelIsGermanInGerman() {
        AppTexts.setLocale(Locale.GERMAN);
        assertEquals("+41 einsetzen", fix(dialing("044 668 18 00"), "CH").label());
    }

    @Test
    void withoutAHomeCountryThereIsNoNumberFix() {
        assertNull(fix(dialing("030 1234567"), null));
    }

    @Test
    void switchRulesOnANumberFieldAreFixedToo() {
        FlowNode sw = TYPES.get("switch").newNode("d", 0, 0).withProperty("field", "from")
                .withProperty("rules", List.of(SwitchRule.data(SwitchRule.Op.EQUALS, "044 668 18 00")));
        Flow flow = Flow.of("t", List.of(sw), List.of());
        ProblemFixes.Fix fix = ProblemFixes.fixFor(problemOf(flow, "d", "rules"), flow, TYPES, "CH");
        assertNotNull(fix);
        Object rules = fix.edit().apply(flow).nodeOrNull("d").property("rules");
        assertEquals("+41 44 668 18 00", ((Map<?, ?>) ((List<?>) rules).get(0)).get("value"));
    }
}
