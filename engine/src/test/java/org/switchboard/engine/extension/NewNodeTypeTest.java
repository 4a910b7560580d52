package org.switchboard.engine.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.runtime.ManualClock;
import org.switchboard.engine.server.RawHttp;
import org.switchboard.engine.server.RunningServer;
import org.switchboard.engine.simulate.SimulatedCall;

/**
 * The acceptance test of node types that declare what they are: two types the engine has never seen (a trigger on
 * its own webhook path, and a routing node with a new kind of property that reads the engine's clock) are added to
 * a registry, and the validator, the real server on loopback and the runtime handle them with no change anywhere
 * else. The clock is moved by hand: no test here sleeps.
 */
class NewNodeTypeTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    /** 5 January 2026 is a Monday. */
    private static final Duration TO_SATURDAY = Duration.ofDays(5);

    private static NodeTypes types() {
        List<NodeType> all = new ArrayList<>(NodeTypes.standard().all());
        all.add(new HotlineType());
        all.add(new ClosedDaysType());
        return new NodeTypes(all);
    }

    private static FlowNode node(String id, String type, Map<String, Object> props) {
        return new FlowNode(id, type, "", new Position(0, 0), props);
    }

    private static Flow flow(Object closedDays) {
        return Flow.of("hotline", List.of(
                node("hot", HotlineType.ID, Map.of(HotlineType.HOOK, "/hotline")),
                node("days", ClosedDaysType.ID, Map.of(ClosedDaysType.DAYS, closedDays)),
                node("bye", "hangup", Map.of()),
                node("busy", "reject", Map.of("reason", "busy"))),
                List.of(new Wire("hot", "call", "days"), new Wire("days", "open", "bye"),
                        new Wire("days", "closed", "busy")));
    }

    @Test
    void theValidatorChecksTheNewKindAndKnowsTheNewTrigger() {
        FlowValidator validator = new FlowValidator(types());
        List<Problem> fine = validator.check(flow(List.of("SATURDAY", "SUNDAY")), Messages.ENGLISH);
        assertEquals(List.of(), fine, "the new trigger counts as the flow's entry and its wires are known");

        List<Problem> bad = validator.check(flow(List.of("SATURDAY", "Funday")), Messages.ENGLISH);
        assertEquals(1, bad.size(), bad::toString);
        assertEquals("days", bad.get(0).nodeId());
        assertEquals(ClosedDaysType.DAYS, bad.get(0).property());
        assertEquals(Problem.Severity.ERROR, bad.get(0).severity());

        Flow clash = flow(List.of()).withNode(node("hot2", HotlineType.ID, Map.of(HotlineType.HOOK, "/hotline")));
        List<Problem> clashes = validator.check(clash, Messages.ENGLISH);
        assertTrue(clashes.stream().anyMatch(p -> p.nodeId().equals("hot2") && p.property().equals(HotlineType.HOOK)
                && p.message().contains("Another Hotline node already uses /hotline")), clashes::toString);

        List<Problem> badPath = validator.check(flow(List.of()).updateNode("hot",
                n -> n.withProperty(HotlineType.HOOK, "/cb/x")), Messages.ENGLISH);
        assertTrue(badPath.stream().anyMatch(p -> p.property().equals(HotlineType.HOOK)), badPath::toString);
    }

    @Test
    void aNewNodeStartsWithTheDefaultsOfItsKinds() {
        FlowNode fresh = types().get(ClosedDaysType.ID).newNode("n1", 0, 0);
        assertEquals(List.of("SUNDAY"), fresh.property(ClosedDaysType.DAYS));
    }

    @Test
    void theServerRoutesTheNewTriggersPathAndTheNewNodeReadsTheEnginesClock() throws Exception {
        ManualClock clock = new ManualClock();
        try (RunningServer running = new RunningServer(flow(List.of("SATURDAY", "SUNDAY")),
                o -> o.withTypes(types()).withClock(clock))) {
            assertEquals(List.of("/hotline"), List.copyOf(running.engine.webhookPaths()));

            SimulatedCall monday = running.simulator().newCall("/hotline", "+4930123456", "+4930654321", "in");
            assertTrue(monday.transcript().hungUp(), monday.transcript()::toString);

            clock.advance(TO_SATURDAY);
            SimulatedCall saturday = running.simulator().newCall("/hotline", "+4930123456", "+4930654321", "out");
            assertTrue(saturday.transcript().rejected(), saturday.transcript()::toString);
            assertFalse(saturday.transcript().hungUp());

            RawHttp.Answer elsewhere = RawHttp.post(running.url(), "/sipgate", FORM,
                    "event=newCall&direction=in&from=4930123456&to=4930654321&callId=c9");
            assertEquals(404, elsewhere.status(), "only the new trigger's path is routed");
        }
    }
}
