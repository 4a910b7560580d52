package org.switchboard.engine.nodes.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.SwitchRule;

/** Every flow-wide check, in English and German; and what they must leave alone. */
class FlowChecksTest {

    private static final Messages EN = Messages.ENGLISH;
    private static final Messages DE = Messages.forLocale(Locale.GERMAN);

    static FlowNode node(String id, String type, Map<String, Object> props) {
        Map<String, Object> all = new HashMap<>(NodeTypes.standard().get(type).newNode(id, 0, 0).properties());
        all.putAll(props);
        return NodeTypes.standard().get(type).newNode(id, 0, 0).withProperties(all);
    }

    private static FlowNode in() {
        return node("in", "incomingCall", Map.of("path", "/sipgate"));
    }

    private static FlowNode dial(String id) {
        return node(id, "dial", Map.of("numbers", List.of("+49 30 1234567")));
    }

    private static List<String> messages(Flow flow, Messages m) {
        return FlowValidator.validate(flow, m).stream().map(Problem::message).toList();
    }

    private static void assertFlags(Flow flow, String english, String german) {
        assertTrue(messages(flow, EN).contains(english), () -> messages(flow, EN).toString());
        assertTrue(messages(flow, DE).contains(german), () -> messages(flow, DE).toString());
    }

    @Test
    void aCleanFlowHasNoProblems() {
        Flow flow = Flow.of("ok", List.of(in(), dial("d")), List.of(new Wire("in", "call", "d")));
        assertEquals(List.of(), FlowValidator.validate(flow, EN));
    }

    @Test
    void anEmptyFlowIsNotReadyToRun() {
        assertFlags(Flow.empty(),
                "The flow is empty: add an Incoming call node and what should happen to the call.",
                "Der Ablauf ist leer: Füge einen Baustein \"Eingehender Anruf\" hinzu und was mit dem Anruf geschehen "
                        + "soll.");
    }

    @Test
    void aFlowWithoutIncomingCallIsFlagged() {
        Flow flow = Flow.of("t", List.of(dial("d")), List.of());
        assertFlags(flow, "The flow has no Incoming call node, so no call can reach it.",
                "Der Ablauf hat keinen Baustein \"Eingehender Anruf\", daher erreicht ihn kein Anruf.");
    }

    @Test
    void unreachableAndUnconnectedNodes() {
        Flow flow = Flow.of("t", List.of(in(), dial("d"), dial("lonely"), node("p", "play",
                Map.of("url", "https://sounds.my-company.de/a.wav")), dial("after")),
                List.of(new Wire("in", "call", "d"), new Wire("p", "next", "after")));
        List<Problem> problems = FlowValidator.validate(flow, EN);
        assertTrue(problems.contains(Problem.warning("lonely", null,
                "This node is not connected to anything, so it never runs.")), problems::toString);
        assertTrue(problems.contains(Problem.warning("p", null,
                "No call can reach this node: no path leads here from an Incoming call node.")), problems::toString);
        assertTrue(problems.contains(Problem.warning("after", null,
                "No call can reach this node: no path leads here from an Incoming call node.")), problems::toString);
        assertFalse(problems.stream().anyMatch(p -> "d".equals(p.nodeId())), problems::toString);
        assertTrue(messages(flow, DE).contains("Dieser Baustein ist mit nichts verbunden und läuft daher nie."));
        assertTrue(messages(flow, DE).contains("Kein Anruf erreicht diesen Baustein: Kein Weg führt von einem "
                + "Baustein \"Eingehender Anruf\" hierher."));
    }

    @Test
    void outputsThatLeadNowhereOnTheAnsweringPath() {
        FlowNode sw = node("sw", "switch", Map.of("field", "from", "rules",
                List.of(SwitchRule.data(SwitchRule.Op.EQUALS, "anonymous"))));
        Flow flow = Flow.of("t", List.of(in(), sw, node("no", "reject", Map.of())),
                List.of(new Wire("in", "call", "sw"), new Wire("sw", "1", "no")));
        String en = "Output \"otherwise\" leads nowhere: a call that takes it gets no answer from the flow, and "
                + "sipgate routes it as if sipgate.io were off.";
        assertTrue(messages(flow, EN).contains(en), () -> messages(flow, EN).toString());
        assertTrue(messages(flow, DE).stream().anyMatch(s -> s.endsWith("führt nirgendwohin: Ein Anruf, der ihn "
                + "nimmt, bekommt vom Ablauf keine Antwort, und sipgate leitet ihn weiter, als wäre sipgate.io aus.")),
                () -> messages(flow, DE).toString());
        Flow dialOnly = Flow.of("t", List.of(in(), dial("d")), List.of(new Wire("in", "call", "d")));
        assertEquals(List.of(), FlowValidator.validate(dialOnly, EN), "a Dial's answered/hung up may stay open");
    }

    @Test
    void duplicateAndImpossibleSwitchRules() {
        FlowNode gather = node("g", "gather", Map.of("maxDigits", 1L, "prompt", ""));
        FlowNode sw = node("sw", "switch", Map.of("field", "digits", "rules", List.of(
                SwitchRule.data(SwitchRule.Op.EQUALS, "1"), SwitchRule.data(SwitchRule.Op.EQUALS, "1"),
                SwitchRule.data(SwitchRule.Op.EQUALS, "12"))));
        Flow flow = Flow.of("t", List.of(in(), gather, sw, dial("a"), dial("b"), dial("c"), dial("o")),
                List.of(new Wire("in", "call", "g"), new Wire("g", "digits", "sw"), new Wire("sw", "1", "a"),
                        new Wire("sw", "2", "b"), new Wire("sw", "3", "c"), new Wire("sw", "otherwise", "o")));
        assertFlags(flow, "Rule 2 repeats rule 1, so it never matches.",
                "Regel 2 wiederholt Regel 1 und trifft daher nie zu.");
        assertFlags(flow, "Rule 3 can never match: \"12\" is longer than the 1 digit(s) the Gather before it "
                        + "collects.",
                "Regel 3 trifft nie zu: \"12\" ist länger als die 1 Ziffer(n), die die Tastenabfrage davor sammelt.");
        Flow wide = flow.updateNode("g", g -> g.withProperty("maxDigits", 2L));
        assertFalse(messages(wide, EN).stream().anyMatch(s -> s.contains("can never match")), "2 digits fit");
    }

    /** Incoming call, then a Switch on "from" with two rules, each output wired to a Dial. */
    private static Flow fromSwitch(Map<String, Object> first, Map<String, Object> second) {
        FlowNode sw = node("sw", "switch", Map.of("field", "from", "rules", List.of(first, second)));
        return Flow.of("t", List.of(in(), sw, dial("a"), dial("b"), dial("o")),
                List.of(new Wire("in", "call", "sw"), new Wire("sw", "1", "a"), new Wire("sw", "2", "b"),
                        new Wire("sw", "otherwise", "o")));
    }

    @Test
    void numberRulesInAnotherFormAreTheSameRule() {
        Flow flow = fromSwitch(SwitchRule.data(SwitchRule.Op.EQUALS, "+49 30 555010"),
                SwitchRule.data(SwitchRule.Op.EQUALS, "004930555010"));
        assertTrue(messages(flow, EN).contains("Rule 2 repeats rule 1, so it never matches."));
    }

    @Test
    void nationalNumbersInSwitchRulesNeverMatch() {
        Flow flow = fromSwitch(SwitchRule.data(SwitchRule.Op.EQUALS, "030 555010"),
                SwitchRule.data(SwitchRule.Op.STARTS_WITH, "0151"));
        assertFlags(flow, "Rule 1: \"030 555010\" has no country code; sipgate sends numbers with one, so it never "
                        + "matches. Fix: add the country code of your home country.",
                "Regel 1: \"030 555010\" hat keine Ländervorwahl; sipgate sendet Nummern mit Ländervorwahl, daher "
                        + "trifft die Regel nie zu. Korrektur: die Ländervorwahl des Heimatlands ergänzen.");
        assertFlags(flow, "Rule 2: sipgate sends numbers with the country code, so \"0151\" (a national prefix with 0) "
                        + "never matches; use e.g. +49 30.",
                "Regel 2: sipgate sendet Nummern mit Ländervorwahl, daher trifft \"0151\" (eine nationale Vorwahl mit "
                        + "0) nie zu; nehmen Sie z. B. +49 30.");
    }

    @Test
    void soundsOnPlaceholderHosts() {
        FlowNode play = node("p", "play", Map.of("url", "https://example.com/sorry.wav"));
        Flow flow = Flow.of("t", List.of(in(), play), List.of(new Wire("in", "call", "p")));
        assertTrue(messages(flow, EN).stream().anyMatch(s -> s.endsWith(": sipgate cannot download sounds from "
                + "example.com; put the file on a public web server.")), () -> messages(flow, EN).toString());
        assertTrue(messages(flow, DE).stream().anyMatch(s -> s.endsWith(": sipgate kann keine Klänge von example.com "
                + "herunterladen; legen Sie die Datei auf einen öffentlichen Webserver.")),
                () -> messages(flow, DE).toString());
        for (String host : List.of("localhost", "127.0.0.1", "media.example", "x.test", "cdn.example.org")) {
            assertTrue(SoundHostCheck.unreachable(host), host);
        }
        for (String host : List.of("sounds.my-company.de", "examples.com", "example.com.de")) {
            assertFalse(SoundHostCheck.unreachable(host), host);
        }
    }

    @Test
    void undocumentedVerbSequencesAreWarnings() {
        FlowNode play = node("p", "play", Map.of("url", "https://sounds.my-company.de/sorry.wav"));
        FlowNode bye = node("bye", "hangup", Map.of());
        Flow flow = Flow.of("t", List.of(in(), play, bye),
                List.of(new Wire("in", "call", "p"), new Wire("p", "next", "bye")));
        List<Problem> problems = FlowValidator.validate(flow, EN);
        assertTrue(problems.contains(Problem.warning("p", null, "Play followed by Hang up in one answer is not "
                + "documented by sipgate: it is sent, but untested on a real account.")), problems::toString);
        assertTrue(messages(flow, DE).stream().anyMatch(s -> s.contains("ist von sipgate nicht dokumentiert")));
        FlowNode dial = node("d", "dial", Map.of("numbers", List.of("+49 30 1234567"),
                "announcement", "https://sounds.my-company.de/hello.wav"));
        Flow own = Flow.of("t", List.of(in(), dial), List.of(new Wire("in", "call", "d")));
        assertTrue(messages(own, EN).stream().anyMatch(s -> s.endsWith("plays before the Dial in the same answer; "
                + "this is not documented by sipgate: it is sent, but untested on a real account.")),
                () -> messages(own, EN).toString());
        assertTrue(messages(own, DE).stream().anyMatch(s -> s.contains("das ist von sipgate nicht dokumentiert")),
                () -> messages(own, DE).toString());
        FlowNode play2 = node("p2", "play", Map.of("url", "https://sounds.my-company.de/more.wav"));
        Flow twoPlays = Flow.of("t", List.of(in(), play, play2),
                List.of(new Wire("in", "call", "p"), new Wire("p", "next", "p2")));
        assertTrue(FlowValidator.validate(twoPlays, EN).stream().anyMatch(p -> p.message().startsWith(
                "After Play, only")), "Play after Play: never runs");
    }

    @Test
    void theBareTunnelPathIsAllowed() {
        Flow flow = Flow.of("t", List.of(node("in", "incomingCall", Map.of("path", "/")), dial("d")),
                List.of(new Wire("in", "call", "d")));
        assertEquals(List.of(), FlowValidator.validate(flow, EN));
    }

    @Test
    void anHttpBaseUrlIsFlagged() {
        assertEquals("The public address http://flows.my-company.de uses http://; sipgate neo accounts accept only "
                + "https:// webhooks.", BaseUrlCheck.problem("http://flows.my-company.de", EN).message());
        assertEquals("Die öffentliche Adresse http://flows.my-company.de nutzt http://; sipgate-neo-Konten "
                + "akzeptieren nur https://-Webhooks.", BaseUrlCheck.problem("http://flows.my-company.de", DE).message());
        assertNull(BaseUrlCheck.problem("https://abc.ngrok.app", EN));
        assertNull(BaseUrlCheck.problem("http://127.0.0.1:8080", EN), "local testing is fine");
    }
}
