package org.switchboard.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.SwitchRule;
import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.Gather;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Play;
import org.switchboard.engine.sipgate.xml.Reject;
import org.switchboard.engine.sipgate.xml.Response;
import org.switchboard.engine.sipgate.xml.SipgateXml;

class FlowEngineTest {

    private static final String BASE = "https://example.ngrok.app";
    private final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> hangUps = new CopyOnWriteArrayList<>();
    private FlowEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private FlowEngine engine(Flow flow) {
        CallControl control = (callId, l) -> {
            hangUps.add(callId);
            return null;
        };
        engine = new FlowEngine(new EngineOptions(BASE, 100, Duration.ofMinutes(5), control, events::add));
        engine.deploy(flow);
        return engine;
    }

    static FlowNode node(String id, String type, Map<String, Object> props) {
        return NodeTypes.standard().get(type).newNode(id, 0, 0).withProperties(merge(type, props));
    }

    private static Map<String, Object> merge(String type, Map<String, Object> props) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(NodeTypes.standard().get(type).newNode("x", 0, 0)
                .properties());
        all.putAll(props);
        return all;
    }

    /** The family menu: Gather -> Switch(1, 2) -> Dial Anna / Dial Ben; otherwise -> Play -> Hangup. */
    static Flow familyMenu() {
        return Flow.of("Family menu", List.of(
                node("in", "incomingCall", Map.of("path", "/sipgate")),
                node("menu", "gather", Map.of("prompt", "https://example.com/menu.wav", "timeout", 5000L)),
                node("route", "switch", Map.of("field", "digits", "rules", List.of(
                        SwitchRule.data(SwitchRule.Op.EQUALS, "1"), SwitchRule.data(SwitchRule.Op.EQUALS, "2")))),
                node("anna", "dial", Map.of("numbers", List.of("+49 151 23456789"))),
                node("ben", "dial", Map.of("numbers", List.of("+49 160 9876543"), "callerId", "+49 211 5550100")),
                node("sorry", "play", Map.of("url", "https://example.com/sorry.wav")),
                node("bye", "hangup", Map.of())),
                List.of(new Wire("in", "call", "menu"), new Wire("menu", "digits", "route"),
                        new Wire("route", "1", "anna"), new Wire("route", "2", "ben"),
                        new Wire("route", "otherwise", "sorry"), new Wire("sorry", "next", "bye")));
    }

    private static Response xml(PushOutcome o) {
        assertEquals(200, o.status(), () -> "status with reason " + o.reason());
        return SipgateXml.read(o.xml());
    }

    private static String token(String url) {
        assertTrue(url.startsWith(BASE + "/cb/"), url);
        return url.substring((BASE + "/cb/").length());
    }

    @Test
    void newCallAsksForDigitsAndDigitsReachTheRightDial() {
        engine(familyMenu());
        Response first = xml(engine.webhook("/sipgate", Pushes.newCall("c1", "4917012345678")));
        Gather gather = assertInstanceOf(Gather.class, first.getVerbs().get(0));
        assertEquals(1, gather.getMaxDigits());
        assertEquals(5000, gather.getTimeout());
        assertEquals("https://example.com/menu.wav", gather.getPlay().getUrl());
        assertTrue(first.getOnHangup().startsWith(BASE + "/cb/"));

        Response second = xml(engine.callback(token(gather.getOnData()), Pushes.dtmf("c1", "2")));
        Dial dial = assertInstanceOf(Dial.class, second.getVerbs().get(0));
        assertEquals(List.of("491609876543"), dial.getNumbers());
        assertEquals("492115550100", dial.getCallerId());
        assertNull(dial.getAnonymous());
    }

    @Test
    void unknownDigitsTakeOtherwiseAndPlaySequencesIntoHangup() {
        engine(familyMenu());
        Gather gather = (Gather) xml(engine.webhook("/sipgate", Pushes.newCall("c1", "491"))).getVerbs().get(0);
        Response r = xml(engine.callback(token(gather.getOnData()), Pushes.dtmf("c1", "9")));
        assertEquals(2, r.getVerbs().size());
        assertEquals("https://example.com/sorry.wav", ((Play) r.getVerbs().get(0)).getUrl());
        assertInstanceOf(Hangup.class, r.getVerbs().get(1));
    }

    @Test
    void missingDtmfKeyIsTreatedAsNoDigits() {
        engine(familyMenu());
        Gather gather = (Gather) xml(engine.webhook("/sipgate", Pushes.newCall("c1", "491"))).getVerbs().get(0);
        Response r = xml(engine.callback(token(gather.getOnData()), Pushes.dtmf("c1", null)));
        assertInstanceOf(Play.class, r.getVerbs().get(0));
    }

    @Test
    void unwiredOtherwiseAnswersAnEmptyResponseAndSaysWhy() {
        Flow flow = familyMenu().withoutNodes(List.of("sorry", "bye"));
        engine(flow);
        Gather gather = (Gather) xml(engine.webhook("/sipgate", Pushes.newCall("c1", "491"))).getVerbs().get(0);
        PushOutcome o = engine.callback(token(gather.getOnData()), Pushes.dtmf("c1", "7"));
        assertTrue(xml(o).getVerbs().isEmpty());
        assertTrue(o.reason().contains("'otherwise' is not connected"), o.reason());
        RuntimeEvent.PushHandled handled = (RuntimeEvent.PushHandled) events.get(events.size() - 1);
        assertTrue(handled.notes().get(0).startsWith("route:"), handled.notes().toString());
    }

    @Test
    void digitsTokensAreSingleUseAndBelongToTheirCall() {
        engine(familyMenu());
        Gather g1 = (Gather) xml(engine.webhook("/sipgate", Pushes.newCall("c1", "491"))).getVerbs().get(0);
        Gather g2 = (Gather) xml(engine.webhook("/sipgate", Pushes.newCall("c2", "492"))).getVerbs().get(0);
        assertEquals(400, engine.callback(token(g1.getOnData()), Pushes.dtmf("c2", "1")).status());
        Dial d2 = (Dial) xml(engine.callback(token(g2.getOnData()), Pushes.dtmf("c2", "2"))).getVerbs().get(0);
        Dial d1 = (Dial) xml(engine.callback(token(g1.getOnData()), Pushes.dtmf("c1", "1"))).getVerbs().get(0);
        assertEquals(List.of("491609876543"), d2.getNumbers());
        assertEquals(List.of("4915123456789"), d1.getNumbers());
        assertEquals(404, engine.callback(token(g1.getOnData()), Pushes.dtmf("c1", "1")).status());
    }

    @Test
    void hangupEndsTheCallAndItsTokens() {
        engine(familyMenu());
        Response r = xml(engine.webhook("/sipgate", Pushes.newCall("c1", "491")));
        String events = token(r.getOnHangup());
        assertEquals(1, engine.activeCalls());
        assertEquals(200, engine.callback(events, Pushes.push("event", "answer", "callId", "c1")).status());
        assertEquals(200, engine.callback(events, Pushes.push("event", "hangup", "callId", "c1", "cause",
                "normalClearing")).status());
        assertEquals(0, engine.activeCalls());
        assertEquals(404, engine.callback(events, Pushes.push("event", "hangup", "callId", "c1")).status());
        String gatherToken = token(((Gather) r.getVerbs().get(0)).getOnData());
        assertEquals(404, engine.callback(gatherToken, Pushes.dtmf("c1", "1")).status());
    }

    @Test
    void wrongEventsAndPathsAreRefused() {
        engine(familyMenu());
        assertEquals(404, engine.webhook("/other", Pushes.newCall("c1", "491")).status());
        assertEquals(400, engine.webhook("/sipgate", Pushes.dtmf("c1", "1")).status());
        Response r = xml(engine.webhook("/sipgate", Pushes.newCall("c1", "491")));
        assertEquals(400, engine.callback(token(r.getOnAnswer()), Pushes.dtmf("c1", "1")).status());
        assertEquals(400, engine.callback(token(((Gather) r.getVerbs().get(0)).getOnData()),
                Pushes.push("event", "answer", "callId", "c1")).status());
        assertEquals(404, engine.callback("not-a-token", Pushes.dtmf("c1", "1")).status());
    }

    @Test
    void dialOutputsAndCallEventsRunSideEffectsOnAnswerAndHangup() {
        Flow flow = Flow.of("rtcm", List.of(
                node("in", "incomingCall", Map.of()),
                node("fwd", "dial", Map.of("numbers", List.of("+4915123456789"))),
                node("events", "callEvents", Map.of()),
                node("kill", "hangupCall", Map.of()),
                node("late", "hangup", Map.of())),
                List.of(new Wire("in", "call", "events"), new Wire("in", "call", "fwd"),
                        new Wire("fwd", "answered", "kill"), new Wire("events", "hungUp", "late")));
        engine(flow);
        Response r = xml(engine.webhook("/sipgate", Pushes.newCall("c9", "491")));
        assertInstanceOf(Dial.class, r.getVerbs().get(0));
        assertTrue(hangUps.isEmpty());
        String events = token(r.getOnAnswer());
        PushOutcome answered = engine.callback(events, Pushes.push("event", "answer", "callId", "c9"));
        assertEquals(List.of("c9"), hangUps);
        assertTrue(xml(answered).getVerbs().isEmpty());
        PushOutcome hungUp = engine.callback(events, Pushes.push("event", "hangup", "callId", "c9", "cause",
                "busy"));
        assertTrue(xml(hungUp).getVerbs().isEmpty(), "answers to hangup pushes are ignored by sipgate");
        assertTrue(hungUp.reason().contains("ignores the answer"), hungUp.reason());
    }

    @Test
    void directionFilterAndPlayFollowedByGatherIsNotSequenced() {
        Flow flow = Flow.of("f", List.of(
                node("in", "incomingCall", Map.of("direction", "out")),
                node("p", "play", Map.of("url", "https://e.com/a.wav")),
                node("g", "gather", Map.of())),
                List.of(new Wire("in", "call", "p"), new Wire("p", "next", "g")));
        engine(flow);
        PushOutcome incoming = engine.webhook("/sipgate", Pushes.newCall("c1", "491"));
        assertTrue(xml(incoming).getVerbs().isEmpty());
        assertTrue(incoming.reason().contains("accepts in calls"), incoming.reason());
        PushOutcome outgoing = engine.webhook("/sipgate", Pushes.push("event", "newCall", "callId", "c2",
                "direction", "out"));
        Response r = xml(outgoing);
        assertEquals(1, r.getVerbs().size());
        assertInstanceOf(Play.class, r.getVerbs().get(0));
        assertTrue(outgoing.reason().contains("only a node that ends the answer"), outgoing.reason());
    }

    @Test
    void rejectWithSoundAndSwitchOnCaller() {
        Flow flow = Flow.of("f", List.of(
                node("in", "incomingCall", Map.of()),
                node("s", "switch", Map.of("field", "from", "rules", List.of(
                        SwitchRule.data(SwitchRule.Op.ONE_OF, "4930111, 4930222"),
                        SwitchRule.data(SwitchRule.Op.EQUALS, "anonymous")))),
                node("busy", "reject", Map.of("reason", "busy", "sound", "https://e.com/no.wav")),
                node("vm", "dial", Map.of("target", "voicemail"))),
                List.of(new Wire("in", "call", "s"), new Wire("s", "1", "busy"), new Wire("s", "2", "busy"),
                        new Wire("s", "otherwise", "vm")));
        engine(flow);
        Response blocked = xml(engine.webhook("/sipgate", Pushes.newCall("a", "4930222")));
        assertEquals("busy", ((Reject) blocked.getVerbs().get(1)).getReason());
        Response anonymous = xml(engine.webhook("/sipgate", Pushes.newCall("b", "anonymous")));
        assertInstanceOf(Reject.class, anonymous.getVerbs().get(1));
        Response other = xml(engine.webhook("/sipgate", Pushes.newCall("c", "4989000")));
        assertTrue(((Dial) other.getVerbs().get(0)).isVoicemail());
    }

    @Test
    void deployDoesNotChangeRunningCalls() {
        engine(familyMenu());
        Gather gather = (Gather) xml(engine.webhook("/sipgate", Pushes.newCall("c1", "491"))).getVerbs().get(0);
        Flow changed = familyMenu().updateNode("anna", n -> n.withProperty("numbers", List.of("+4930999999")));
        engine.deploy(changed);
        Dial old = (Dial) xml(engine.callback(token(gather.getOnData()), Pushes.dtmf("c1", "1"))).getVerbs().get(0);
        assertEquals(List.of("4915123456789"), old.getNumbers());
        Gather g2 = (Gather) xml(engine.webhook("/sipgate", Pushes.newCall("c2", "491"))).getVerbs().get(0);
        Dial fresh = (Dial) xml(engine.callback(token(g2.getOnData()), Pushes.dtmf("c2", "1"))).getVerbs().get(0);
        assertEquals(List.of("4930999999"), fresh.getNumbers());
    }

    @Test
    void loopsAreCutOff() {
        Flow flow = Flow.of("loop", List.of(
                node("in", "incomingCall", Map.of()),
                node("a", "switch", Map.of()),
                node("b", "switch", Map.of())),
                List.of(new Wire("in", "call", "a"), new Wire("a", "otherwise", "b"), new Wire("b", "otherwise", "a")));
        engine(flow);
        PushOutcome o = engine.webhook("/sipgate", Pushes.newCall("c1", "491"));
        assertTrue(xml(o).getVerbs().isEmpty());
        assertTrue(o.reason().contains("loops"), o.reason());
    }

    @Test
    void sessionStoreIsBoundedAndExpires() {
        ManualClock clock = new ManualClock();
        CallSessions sessions = new CallSessions(3, Duration.ofSeconds(10), clock);
        List<CallSession> started = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CallSession s = sessions.start("c" + i, Flow.empty());
            started.add(s);
            tokens.add(CallSessionsTest.eventsToken(s));
        }
        assertEquals(3, sessions.size());
        assertNull(sessions.resolve(tokens.get(0)), "the oldest call was dropped");
        assertFalse(sessions.resolve(tokens.get(4)) == null);
        assertEquals(3, sessions.tokenCount());
        clock.advance(Duration.ofSeconds(11));
        assertEquals(3, sessions.sweep());
        assertEquals(0, sessions.size());
        assertEquals(0, sessions.tokenCount());
        for (int i = 0; i < 10_000; i++) {
            sessions.end(sessions.start("x" + i, Flow.empty()));
        }
        assertEquals(0, sessions.size());
    }
}
