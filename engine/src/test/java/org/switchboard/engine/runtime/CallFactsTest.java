package org.switchboard.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
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
import org.switchboard.engine.sipgate.BadPushException;
import org.switchboard.engine.sipgate.PushEvent;
import org.switchboard.engine.sipgate.PushParser;
import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.Reject;
import org.switchboard.engine.sipgate.xml.SipgateXml;
import org.switchboard.engine.sipgate.xml.Verb;

/** Every user of a group call is kept, the answer's user is a field of its own, and the ids are call facts. */
class CallFactsTest {

    private final List<String> hangUps = new CopyOnWriteArrayList<>();
    private FlowEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static FlowNode node(String id, String type, Map<String, Object> props) {
        Map<String, Object> all = new HashMap<>(NodeTypes.standard().get(type).newNode(id, 0, 0).properties());
        all.putAll(props);
        return NodeTypes.standard().get(type).newNode(id, 0, 0).withProperties(all);
    }

    private static FlowNode switchOn(String id, String field, SwitchRule.Op op, String value) {
        return node(id, "switch", Map.of("field", field, "rules", List.of(SwitchRule.data(op, value))));
    }

    private static PushEvent push(String body) {
        try {
            return PushParser.parse(body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        } catch (BadPushException e) {
            throw new AssertionError(e);
        }
    }

    private void start(Flow flow) {
        CallControl control = (callId, listener) -> {
            hangUps.add(callId);
            return null;
        };
        engine = new FlowEngine(new EngineOptions("https://flows.my-company.de", 100, Duration.ofMinutes(5), control,
                null));
        engine.deploy(flow);
    }

    @Test
    void anyUserOfAGroupCallMatches() {
        FlowNode bob = switchOn("bob", "user", SwitchRule.Op.EQUALS, "Bob");
        Flow flow = Flow.of("t", List.of(node("in", "incomingCall", Map.of("path", "/s")), bob,
                node("busy", "reject", Map.of("reason", "busy")), node("d", "dial",
                        Map.of("numbers", List.of("+49 30 1234567")))),
                List.of(new Wire("in", "call", "bob"), new Wire("bob", "1", "busy"),
                        new Wire("bob", "otherwise", "d")));
        start(flow);
        Verb group = SipgateXml.read(engine.webhook("/s", push("event=newCall&direction=in&from=4930111&to=4930222"
                + "&callId=g1&user%5B%5D=Alice&user%5B%5D=Bob")).xml()).getVerbs().get(0);
        assertEquals(Reject.busy(), group);
        Verb alone = SipgateXml.read(engine.webhook("/s", push("event=newCall&direction=in&from=4930111&to=4930222"
                + "&callId=g2&user%5B%5D=Alice")).xml()).getVerbs().get(0);
        assertEquals(Dial.class, alone.getClass());
    }

    @Test
    void theAnswerDoesNotReplaceTheUsersAndTheIdsAreFields() {
        FlowNode d = node("d", "dial", Map.of("numbers", List.of("+49 30 1234567")));
        FlowNode stillBob = switchOn("stillBob", "user", SwitchRule.Op.EQUALS, "Bob");
        FlowNode carol = switchOn("carol", "answeredBy", SwitchRule.Op.EQUALS, "Carol");
        FlowNode orig = switchOn("orig", "origCallId", SwitchRule.Op.EQUALS, "first-leg");
        FlowNode xcid = switchOn("xcid", "xcid", SwitchRule.Op.EQUALS, "8419b3450b75cd19");
        FlowNode userId = switchOn("uid", "userId", SwitchRule.Op.EQUALS, "w1");
        FlowNode full = switchOn("full", "fullUserId", SwitchRule.Op.STARTS_WITH, "1234567");
        FlowNode answering = switchOn("num", "answeringNumber", SwitchRule.Op.EQUALS, "+49 211 99999999");
        List<FlowNode> checks = List.of(stillBob, carol, orig, xcid, userId, full, answering);
        List<FlowNode> nodes = new java.util.ArrayList<>(List.of(node("in", "incomingCall", Map.of("path", "/s")), d));
        List<Wire> wires = new java.util.ArrayList<>(List.of(new Wire("in", "call", "d")));
        for (FlowNode check : checks) {
            nodes.add(check);
            nodes.add(node("end-" + check.id(), "hangupCall", Map.of()));
            wires.add(new Wire("d", "answered", check.id()));
            wires.add(new Wire(check.id(), "1", "end-" + check.id()));
        }
        start(Flow.of("t", nodes, wires));
        String xml = engine.webhook("/s", push("event=newCall&direction=in&from=4930111&to=4930222&callId=c9"
                + "&origCallId=first-leg&xcid=8419b3450b75cd19&user%5B%5D=Alice&user%5B%5D=Bob"
                + "&userId%5B%5D=w0&userId%5B%5D=w1&fullUserId%5B%5D=1234567w0&fullUserId%5B%5D=1234567w1")).xml();
        String events = SipgateXml.read(xml).getOnAnswer();
        String token = events.substring(events.indexOf("/cb/") + 4);
        engine.callback(token, push("event=answer&callId=c9&user=Carol&userId=w2&from=4930111&to=4930222"
                + "&direction=in&answeringNumber=4921199999999"));
        assertEquals(checks.size(), hangUps.size(), "every fact matched its rule: " + hangUps);
    }
}
