package org.switchboard.engine.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;

class NodeTypesTest {

    private static final Messages EN = Messages.ENGLISH;
    private static final Messages DE = Messages.forLocale(Locale.GERMAN);
    private final NodeTypes types = NodeTypes.standard();

    private List<Problem> problems(String type, Map<String, Object> props) {
        NodeType t = types.get(type);
        FlowNode node = t.newNode("n1", 0, 0);
        for (Map.Entry<String, Object> e : props.entrySet()) {
            node = node.withProperty(e.getKey(), e.getValue());
        }
        return t.validate(node, EN);
    }

    @Test
    void registryHasEveryTypeWithLabelsInBothLanguages() {
        assertEquals(List.of("dial", "play", "gather", "reject", "hangup", "switch", "incomingCall", "callEvents",
                "hangupCall"), types.all().stream().map(NodeType::id).toList());
        for (NodeType t : types.all()) {
            assertFalse(t.label(EN).startsWith("node."), t.id());
            assertFalse(t.label(DE).equals(t.label(EN)) && !t.id().equals("switch"), t.id());
            for (PropertySpec p : t.properties()) {
                assertTrue(EN.has("prop." + t.id() + "." + p.key()), t.id() + "." + p.key());
                assertTrue(DE.has("prop." + t.id() + "." + p.key() + ".help"), t.id() + "." + p.key());
            }
        }
        assertEquals("Tastenwahl", types.get("gather").label(DE));
    }

    @Test
    void germanAndEnglishBundlesHaveTheSameKeysAndValidPatterns() throws IOException {
        Properties en = load("engine.properties");
        Properties de = load("engine_de.properties");
        assertEquals(en.stringPropertyNames(), de.stringPropertyNames());
        for (Properties p : List.of(en, de)) {
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                if (v.contains("{")) {
                    assertFalse(v.matches(".*[^']'[^'].*"), "unescaped quote in a pattern: " + key);
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = NodeTypesTest.class.getResourceAsStream("/org/switchboard/engine/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void newNodesHaveDefaults() {
        FlowNode gather = types.get("gather").newNode("g", 10, 20);
        assertEquals(1L, gather.property("maxDigits"));
        assertEquals(2000L, gather.property("timeout"));
        assertEquals("/sipgate", types.get("incomingCall").newNode("i", 0, 0).text("path"));
        assertEquals("Gather 1 digit, 2 s", types.get("gather").summary(gather, EN));
        assertEquals("1 Taste, 2 s", types.get("gather").summary(gather, DE));
        assertEquals("Gather 3 digits, 5 s", types.get("gather").summary(
                gather.withProperty("maxDigits", 3L).withProperty("timeout", 5000L), EN));
    }

    @Test
    void dialNumbersAreValidatedWithHelpfulMessages() {
        assertEquals("Dial needs 1 to 5 numbers in international format: +4930123456",
                problems("dial", Map.of("numbers", List.of())).get(0).message());
        assertEquals("Dial needs 1 to 5 numbers in international format: +4930123456",
                problems("dial", Map.of("numbers", List.of("+491", "+492", "+493", "+494", "+495", "+496")))
                        .get(0).message());
        String local = problems("dial", Map.of("numbers", List.of("0151 2345678"))).get(0).message();
        assertTrue(local.contains("country code"), local);
        assertTrue(problems("dial", Map.of("numbers", List.of("+49 151 2345678"))).isEmpty());
        assertTrue(problems("dial", Map.of("target", "voicemail", "numbers", List.of())).isEmpty(),
                "numbers do not apply to the voicemail");
        Problem callerId = problems("dial", Map.of("numbers", List.of("+4930123456"), "callerId", "abc")).get(0);
        assertEquals("callerId", callerId.property());
        assertTrue(callerId.isError());
    }

    @Test
    void numbersAndRangesAndSounds() {
        assertEquals("Max digits must be between 1 and 32.", problems("gather", Map.of("maxDigits", 0L)).get(0)
                .message());
        assertEquals("Timeout must be a whole number.", problems("gather", Map.of("timeout", "soon")).get(0)
                .message());
        assertTrue(problems("gather", Map.of("timeout", "5000")).isEmpty(), "numeric strings are accepted");
        Problem notWav = problems("play", Map.of("url", "https://e.com/a.mp3")).get(0);
        assertEquals(Problem.Severity.WARNING, notWav.severity());
        assertTrue(problems("play", Map.of("url", "ftp://e.com/a.wav")).get(0).isError());
        assertTrue(problems("play", Map.of("url", "")).get(0).message().contains("required"));
        assertTrue(problems("incomingCall", Map.of("path", "sipgate")).get(0).isError());
        assertTrue(problems("incomingCall", Map.of("path", "/cb/x")).get(0).message().contains("reserved"));
        assertTrue(problems("reject", Map.of("reason", "later")).get(0).isError());
    }

    @Test
    void switchRulesAndOutputs() {
        NodeType sw = types.get("switch");
        FlowNode node = sw.newNode("s", 0, 0).withProperty("rules", List.of(
                SwitchRule.data(SwitchRule.Op.EQUALS, "1"), SwitchRule.data(SwitchRule.Op.REGEX, "^(0|9)$")));
        assertEquals(List.of("1", "2", "otherwise"), sw.outputIds(node));
        assertEquals("= 1", sw.outputs(node, EN).get(0).label());
        assertEquals("sonst", sw.outputs(node, DE).get(2).label());
        List<Problem> bad = sw.validate(node.withProperty("rules", List.of(Map.of("op", "regex", "value", "("))), EN);
        assertTrue(bad.get(0).message().startsWith("Rule 1: the pattern is not a valid regular expression"),
                bad.get(0).message());
        assertTrue(new SwitchRule(SwitchRule.Op.ONE_OF, "1, 2,3").matches("3"));
        assertFalse(new SwitchRule(SwitchRule.Op.STARTS_WITH, "49").matches(null));
        assertTrue(new SwitchRule(SwitchRule.Op.EMPTY, "").matches(null));
        assertTrue(new SwitchRule(SwitchRule.Op.NOT_EQUALS, "1").matches("2"));
    }

    @Test
    void flowValidationFindsStructuralProblems() {
        Flow flow = Flow.of("f", List.of(
                types.get("incomingCall").newNode("in", 0, 0),
                types.get("incomingCall").newNode("in2", 0, 0),
                types.get("play").newNode("p", 0, 0).withProperty("url", "https://e.com/a.wav"),
                types.get("gather").newNode("g", 0, 0),
                new FlowNode("future", "sendSms", "", null, Map.of("to", "+49"))),
                List.of(new Wire("in", "call", "p"), new Wire("p", "next", "g"), new Wire("g", "nope", "p"),
                        new Wire("p", "next", "ghost"), new Wire("g", "digits", "in")));
        List<String> messages = FlowValidator.validate(flow, EN).stream().map(Problem::message).toList();
        assertTrue(messages.contains("Another Incoming call node already uses /sipgate for the same calls."),
                messages.toString());
        assertTrue(messages.contains("Unknown node type \"sendSms\": it is kept in the file but does nothing."));
        assertTrue(messages.contains("A wire starts at output \"nope\", which this node does not have."));
        assertTrue(messages.contains("A wire leads to node \"ghost\", which does not exist."));
        assertTrue(messages.contains("This node has no input, but a wire leads into it."));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("After Play, only Dial")));
        assertTrue(FlowValidator.validate(Flow.of("x", List.of(types.get("dial").newNode("d", 0, 0)
                .withProperty("numbers", List.of("+4930123456"))), List.of()), EN).stream()
                .anyMatch(p -> p.message().contains("no Incoming call node")));
    }

    @Test
    void phoneNumbers() {
        assertEquals("4930123456", PhoneNumbers.toE164Digits("+49 (30) 123-456"));
        assertEquals("4930123456", PhoneNumbers.toE164Digits("0049 30 123456"));
        assertNull(PhoneNumbers.toE164Digits("030 123456"));
        assertEquals(PhoneNumbers.Issue.COUNTRY_CODE_MISSING, PhoneNumbers.check("0151 2345678"));
        assertEquals(PhoneNumbers.Issue.INVALID_CHARACTERS, PhoneNumbers.check("+49 30 12a"));
        assertEquals(PhoneNumbers.Issue.TOO_LONG, PhoneNumbers.check("+49 1234 5678 9012 34"));
        assertEquals(PhoneNumbers.Issue.TOO_SHORT, PhoneNumbers.check("+49 12"));
        assertNotNull(PhoneNumbers.check("١٢٣٤٥٦٧٨"));
    }

    @Test
    void theStandardTypesDeclareWhatTheRuntimeAndTheValidatorNeed() {
        NodeType incoming = types.get("incomingCall");
        assertTrue(incoming.isTrigger());
        assertFalse(incoming.hasInput());
        FlowNode trigger = incoming.newNode("in", 0, 0).withProperty("direction", "in");
        assertEquals(List.of(new Webhook("/sipgate", "path", Set.of("in"))), incoming.webhooks(trigger));
        assertEquals(List.of(), types.get("dial").webhooks(types.get("dial").newNode("d", 0, 0)));

        assertEquals("digits", types.get("gather").resumePort(CallEvent.DIGITS));
        assertNull(types.get("gather").resumePort(CallEvent.ANSWER));
        for (String t : List.of("dial", "callEvents")) {
            assertEquals("answered", types.get(t).resumePort(CallEvent.ANSWER), t);
            assertEquals("hungUp", types.get(t).resumePort(CallEvent.HANGUP), t);
            assertNull(types.get(t).resumePort(CallEvent.DIGITS), t);
        }

        assertEquals(List.of("dial", "reject", "hangup"),
                types.all().stream().filter(NodeType::endsAnswer).map(NodeType::id).toList());
        assertEquals(List.of("play"),
                types.all().stream().filter(t -> t.continuesAnswerAt() != null).map(NodeType::id).toList());
        assertEquals(List.of("incomingCall"), types.all().stream().filter(NodeType::isTrigger).map(NodeType::id)
                .toList());

        FlowNode sw = types.get("switch").newNode("s", 0, 0);
        assertEquals("3", types.get("switch").entryPort(sw, "rules", 2));
        assertNull(types.get("switch").entryPort(sw, "field", 0));
        assertNull(types.get("dial").entryPort(sw, "numbers", 0));
    }

    @Test
    void everyPropertyKindIsOneTheInspectorKnowsOrTheTypesOwn() {
        Set<String> ids = new TreeSet<>();
        for (NodeType t : types.all()) {
            for (PropertySpec p : t.properties()) {
                ids.add(p.kind().editorId());
                assertEquals(p.kind().list(), p.defaultValue() instanceof List<?>, t.id() + "." + p.key());
            }
        }
        assertEquals(Set.of("boolean", "choice", "integer", "phoneList", "phoneNumber", "sound",
                "switchRules", "webhookPath"), ids);
    }
}
