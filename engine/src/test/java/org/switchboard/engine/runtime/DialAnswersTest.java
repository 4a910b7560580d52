package org.switchboard.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.sipgate.BadPushException;
import org.switchboard.engine.sipgate.PushParser;
import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.SipgateXml;

/** Dial on outgoing calls: the dialled number as target, the caller's number as set, nothing needless. */
class DialAnswersTest {

    private FlowEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static FlowNode dial(Map<String, Object> props) {
        Map<String, Object> all = new HashMap<>(NodeTypes.standard().get("dial").newNode("d", 0, 0).properties());
        all.putAll(props);
        return NodeTypes.standard().get("dial").newNode("d", 0, 0).withProperties(all);
    }

    private static Flow flow(FlowNode dial, String direction) {
        FlowNode in = NodeTypes.standard().get("incomingCall").newNode("in", 0, 0).withProperty("path", "/out")
                .withProperty("direction", direction);
        return Flow.of("t", List.of(in, dial), List.of(new Wire("in", "call", "d")));
    }

    private Dial answer(FlowNode dialNode, String direction) {
        if (engine != null) {
            engine.close();
        }
        engine = new FlowEngine(EngineOptions.defaults("https://flows.my-company.de"));
        engine.deploy(flow(dialNode, "any"));
        try {
            PushOutcome o = engine.webhook("/out", PushParser.parse(("event=newCall&direction=" + direction
                    + "&from=4921100000000&to=4915799912345&callId=c7&user%5B%5D=Alice")
                    .getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
            assertEquals(200, o.status(), o::reason);
            return (Dial) SipgateXml.read(o.xml()).getVerbs().get(0);
        } catch (BadPushException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anOutgoingCallGoesToTheDialledNumberWithAnotherCallerId() {
        Dial d = answer(dial(Map.of("target", "dialled", "callerId", "+49 211 0012345")), "out");
        assertEquals(List.of("4915799912345"), d.getNumbers());
        assertEquals("492110012345", d.getCallerId());
        assertEquals(List.of(), FlowValidator.validate(flow(dial(Map.of("target", "dialled")), "out"),
                Messages.ENGLISH));
    }

    @Test
    void theCallersNumberIsWrittenAsSet() {
        Map<String, Object> number = Map.of("numbers", List.of("+49 30 1234567"));
        assertNull(answer(dial(number), "in").getAnonymous(), "the account decides");
        Map<String, Object> hide = new HashMap<>(number);
        hide.put("anonymous", "hide");
        assertEquals(Boolean.TRUE, answer(dial(hide), "in").getAnonymous());
        Map<String, Object> show = new HashMap<>(number);
        show.put("anonymous", "show");
        assertEquals(Boolean.FALSE, answer(dial(show), "in").getAnonymous(), "overrides an account that hides it");
        Map<String, Object> legacy = new HashMap<>(number);
        legacy.put("anonymous", true);
        assertEquals(Boolean.TRUE, answer(dial(legacy), "in").getAnonymous(), "files from before keep working");
        legacy.put("anonymous", false);
        assertNull(answer(dial(legacy), "in").getAnonymous());
        assertTrue(FlowValidator.validate(flow(dial(legacy), "in"), Messages.ENGLISH).isEmpty());
    }

    @Test
    void aVoicemailDialCarriesNoCallerIdOrAnonymous() {
        Dial d = answer(dial(Map.of("target", "voicemail", "callerId", "+49 211 0012345", "anonymous", "hide")), "in");
        assertTrue(d.isVoicemail());
        assertNull(d.getCallerId());
        assertNull(d.getAnonymous());
    }

    @Test
    void theValidatorAllowsOneTargetOnOutgoingCalls() {
        Flow two = flow(dial(Map.of("numbers", List.of("+49 30 1234567", "+49 30 7654321"))), "out");
        Problem p = FlowValidator.validate(two, Messages.ENGLISH).get(0);
        assertEquals(Problem.error("d", "numbers", "An outgoing call can go to one number only, but this Dial has 2."),
                p);
        assertEquals("Ein ausgehender Anruf kann nur an eine Nummer gehen, dieser Baustein hat aber 2.",
                FlowValidator.validate(two, Messages.forLocale(Locale.GERMAN)).get(0).message());
        assertEquals(List.of(), FlowValidator.validate(flow(dial(Map.of("numbers",
                List.of("+49 30 1234567", "+49 30 7654321"))), "in"), Messages.ENGLISH));
    }
}
