package org.switchboard.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.switchboard.engine.flow.FlowDiff.Change;
import org.switchboard.engine.flow.FlowDiff.Kind;
import org.switchboard.engine.server.FamilyMenu;

class FlowDiffTest {

    private static final Flow LIVE = FamilyMenu.flow();

    private static List<String> summary(List<Change> changes) {
        return changes.stream().map(c -> c.kind() + " " + c.nodeId()).toList();
    }

    @Test
    void theSameFlowAndAMovedNodeAreNoChange() {
        assertTrue(FlowDiff.between(LIVE, LIVE).isEmpty());
        Flow moved = LIVE.moveNodes(List.of("menu", "anna"), 120, -40).withName("Renamed flow");
        assertTrue(FlowDiff.same(LIVE, moved), () -> FlowDiff.between(LIVE, moved).toString());
    }

    @Test
    void anAddedNodeIsAddedAndItsWireRewiresTheNodeItHangsOff() {
        Flow draft = LIVE.withNode(FlowNode.of("ring2", "dial", 0, 0))
                .withoutWires(List.of(new Wire("choice", "2", "ben")))
                .withWire(new Wire("choice", "2", "ring2"));
        List<Change> changes = FlowDiff.between(LIVE, draft);
        assertEquals(List.of("REWIRED choice", "ADDED ring2"), summary(changes));
        assertEquals("ring2", changes.get(1).after().id());
        assertEquals(null, changes.get(1).before());
    }

    @Test
    void aRemovedNodeIsListedAfterTheOthersAndTheNodesThatLedToItAreRewired() {
        Flow draft = LIVE.withoutNodes(List.of("sorry"));
        assertEquals(List.of("REWIRED choice", "REMOVED sorry"), summary(FlowDiff.between(LIVE, draft)));
        Change removed = FlowDiff.between(LIVE, draft).get(1);
        assertEquals("Sorry", removed.node().name());
    }

    @Test
    void aChangedNodeSaysWhatChanged() {
        Flow draft = LIVE.updateNode("menu", n -> n.withProperty("timeout", 8000L).withName("Main menu"))
                .updateNode("sorry", n -> n.withProperties(Map.of()));
        List<Change> changes = FlowDiff.between(LIVE, draft);
        assertEquals(List.of("CHANGED menu", "CHANGED sorry"), summary(changes));
        assertEquals(Set.of("name", "timeout"), changes.get(0).what());
        assertEquals(Set.of("url"), changes.get(1).what(), "a property that is gone is a change");
    }

    @Test
    void aNodeChangedAndRewiredCountsTwiceAndAChangedTypeIsSaid() {
        Flow draft = LIVE.updateNode("choice", n -> n.withProperty("field", "from"))
                .withoutWires(List.of(new Wire("choice", "otherwise", "sorry")))
                .updateNode("bye", n -> new FlowNode(n.id(), "reject", n.name(), n.position(), Map.of()));
        List<Change> changes = FlowDiff.between(LIVE, draft);
        assertEquals(List.of("CHANGED choice", "REWIRED choice", "CHANGED bye"), summary(changes));
        assertTrue(changes.get(2).what().contains(FlowDiff.TYPE));
    }

    @Test
    void fromAnEmptyFlowEveryNodeIsAdded() {
        assertEquals(LIVE.nodes().size(), FlowDiff.between(Flow.empty(), LIVE).size());
        assertTrue(FlowDiff.between(Flow.empty(), LIVE).stream().allMatch(c -> c.kind() == Kind.ADDED));
        assertTrue(FlowDiff.between(LIVE, Flow.empty()).stream().allMatch(c -> c.kind() == Kind.REMOVED));
    }
}
