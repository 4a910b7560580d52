package org.switchboard.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.sipgate.PushEvent;
import org.switchboard.engine.sipgate.PushParser;
import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Response;
import org.switchboard.engine.sipgate.xml.SipgateXml;

/**
 * Golden answers for every node type with every kind of invalid property: the node answers a clean
 * {@code <Hangup/>} (never {@code <Dial/>}, never more than five numbers) and the call log says why.
 */
class InvalidNodeAnswersTest {

    private FlowEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    static Stream<Arguments> invalidNodes() {
        List<String> six = List.of("+49 30 1000001", "+49 30 1000002", "+49 30 1000003", "+49 30 1000004",
                "+49 30 1000005", "+49 30 1000006");
        return Stream.of(
                Arguments.of("dial", Map.of("numbers", List.of())),
                Arguments.of("dial", Map.of("numbers", List.of(""))),
                Arguments.of("dial", Map.of("numbers", List.of("", " "))),
                Arguments.of("dial", Map.of("numbers", List.of("call Anna"))),
                Arguments.of("dial", Map.of("numbers", List.of("030 1234567"))),
                Arguments.of("dial", Map.of("numbers", List.of("+49 30 1234567", "12"))),
                Arguments.of("dial", Map.of("numbers", six)),
                Arguments.of("dial", Map.of("numbers", "+49 30 1234567")),
                Arguments.of("dial", Map.of("numbers", List.of("+49 30 1234567"), "callerId", "reception")),
                Arguments.of("dial", Map.of("numbers", List.of("+49 30 1234567"), "anonymous", "maybe")),
                Arguments.of("dial", Map.of("target", "fax")),
                Arguments.of("dial", Map.of("numbers", List.of("+49 30 1234567"), "announcement", "hello.wav")),
                Arguments.of("dial", Map.of("target", "voicemail", "announcement", "ftp://example.org/a.wav")),
                Arguments.of("play", Map.of("url", "")),
                Arguments.of("play", Map.of("url", "sorry")),
                Arguments.of("play", Map.of("url", "file:///tmp/sorry.wav")),
                Arguments.of("gather", Map.of("maxDigits", 0L)),
                Arguments.of("gather", Map.of("maxDigits", 33L)),
                Arguments.of("gather", Map.of("maxDigits", "one")),
                Arguments.of("gather", Map.of("timeout", 0L)),
                Arguments.of("gather", Map.of("timeout", "soon")),
                Arguments.of("gather", Map.of("prompt", "menu.wav")),
                Arguments.of("reject", Map.of("reason", "later")),
                Arguments.of("reject", Map.of("sound", "nope")),
                Arguments.of("hangup", Map.of("sound", "nope")),
                Arguments.of("switch", Map.of("field", "colour")),
                Arguments.of("switch", Map.of("rules", "1")),
                Arguments.of("switch", Map.of("rules", List.of(Map.of("op", "bogus", "value", "1")))),
                Arguments.of("switch", Map.of("rules", List.of(Map.of("op", "regex", "value", "(")))),
                Arguments.of("switch", Map.of("rules", List.of("not a rule"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidNodes")
    void anInvalidNodeAnswersACleanHangup(String type, Map<String, Object> props) {
        PushOutcome outcome = call(flowWith(node("bad", type, props)), "in");
        assertHangupBecause(outcome, "bad");
    }

    @Test
    void anIncomingCallNodeWithAnInvalidDirectionAnswersHangup() {
        Flow flow = Flow.of("t", List.of(node("in", "incomingCall", Map.of("path", "/sipgate", "direction", "up"))),
                List.of());
        assertHangupBecause(call(flow, "in"), "in");
    }

    @Test
    void anOutgoingCallIsNeverDialledToTwoNumbers() {
        FlowNode dial = node("bad", "dial", Map.of("numbers", List.of("+49 30 1234567", "+49 30 7654321")));
        assertEquals(List.of("4930" + "1234567", "4930" + "7654321"),
                dials(call(flowWith(dial), "in")).get(0).getNumbers(), "two numbers are fine on incoming calls");
        assertHangupBecause(call(flowWith(dial), "out"), "bad");
    }

    @Test
    void aValidNodeStillAnswersNormally() {
        PushOutcome outcome = call(flowWith(node("ok", "dial", Map.of("numbers", List.of("+49 30 1234567")))), "in");
        assertEquals(List.of("49301234567"), dials(outcome).get(0).getNumbers());
    }

    private static List<Dial> dials(PushOutcome outcome) {
        List<Dial> dials = new ArrayList<>();
        SipgateXml.read(outcome.xml()).getVerbs().forEach(v -> {
            if (v instanceof Dial d) {
                dials.add(d);
            }
        });
        return dials;
    }

    private static void assertHangupBecause(PushOutcome outcome, String nodeId) {
        assertEquals(200, outcome.status(), outcome::reason);
        Response response = SipgateXml.read(outcome.xml());
        assertEquals(List.of(new Hangup()), response.getVerbs(), outcome::xml);
        assertFalse(outcome.xml().contains("<Dial"), outcome::xml);
        assertTrue(outcome.notes() != null && outcome.notes().contains(nodeId + ": answered Hangup instead: "),
                () -> "the log says why: " + outcome.notes());
    }

    private PushOutcome call(Flow flow, String direction) {
        if (engine != null) {
            engine.close();
        }
        engine = new FlowEngine(EngineOptions.defaults("https://example.ngrok.app"));
        engine.deploy(flow);
        return engine.webhook("/sipgate", push("event=newCall&direction=" + direction
                + "&from=4930111&to=4930222&callId=c1"));
    }

    private static Flow flowWith(FlowNode bad) {
        return Flow.of("t", List.of(node("in", "incomingCall", Map.of("path", "/sipgate")), bad),
                List.of(new Wire("in", "call", bad.id())));
    }

    private static FlowNode node(String id, String type, Map<String, Object> props) {
        Map<String, Object> all = new HashMap<>(NodeTypes.standard().get(type).newNode(id, 0, 0).properties());
        all.putAll(props);
        return NodeTypes.standard().get(type).newNode(id, 0, 0).withProperties(all);
    }

    private static PushEvent push(String body) {
        try {
            return PushParser.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded");
        } catch (org.switchboard.engine.sipgate.BadPushException e) {
            throw new AssertionError(e);
        }
    }
}
