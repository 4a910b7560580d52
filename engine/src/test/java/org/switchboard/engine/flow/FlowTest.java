package org.switchboard.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FlowTest {

    private final Flow flow = Flow.of("f", List.of(FlowNode.of("a", "play", 0, 0), FlowNode.of("b", "hangup", 100, 0),
            FlowNode.of("c", "dial", 200, 0)), List.of(new Wire("a", "next", "b"), new Wire("a", "next", "c")));

    @Test
    void editsReturnNewValuesAndShareUnchangedNodes() {
        Flow moved = flow.moveNodes(List.of("a", "b"), 20, 40);
        assertEquals(new Position(20, 40), moved.nodeOrNull("a").position());
        assertEquals(new Position(0, 0), flow.nodeOrNull("a").position());
        assertSame(flow.nodeOrNull("c"), moved.nodeOrNull("c"));
        assertEquals(flow, flow.moveNodes(List.of("a", "b"), 20, 40).moveNodes(List.of("a", "b"), -20, -40));
    }

    @Test
    void removingNodesRemovesTheirWires() {
        Flow without = flow.withoutNodes(List.of("b"));
        assertEquals(List.of(new Wire("a", "next", "c")), without.wires());
        assertEquals(2, without.nodes().size());
    }

    @Test
    void valuesAreDeeplyFrozenAndNormalised() {
        Map<String, Object> props = new HashMap<>();
        List<Object> numbers = new ArrayList<>(List.of("+49"));
        props.put("numbers", numbers);
        props.put("timeout", 5000);
        FlowNode node = new FlowNode("x", "dial", null, null, props);
        numbers.add("+48");
        assertEquals(List.of("+49"), node.property("numbers"));
        assertEquals(5000L, node.property("timeout"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) node.property("numbers")).add("1"));
        assertEquals(new FlowNode("x", "dial", "", Position.ORIGIN, Map.of("numbers", List.of("+49"),
                "timeout", 5000L)), node);
    }

    @Test
    void duplicateWiresCollapseAndDuplicateIdsAreRefused() {
        assertSame(flow, flow.withWire(new Wire("a", "next", "b")));
        assertEquals(1, Flow.of("f", flow.nodes(), List.of(new Wire("a", "next", "b"), new Wire("a", "next", "b")))
                .wires().size());
        assertThrows(IllegalArgumentException.class,
                () -> Flow.of("f", List.of(FlowNode.of("a", "x", 0, 0), FlowNode.of("a", "y", 0, 0)), List.of()));
    }

    @Test
    void freshIdsAndUpdates() {
        String id = flow.freshId("dial");
        assertTrue(id.startsWith("dial") && !flow.contains(id));
        Flow renamed = flow.updateNode("a", n -> n.withName("Welcome"));
        assertEquals("Welcome", renamed.nodeOrNull("a").name());
        assertSame(flow, flow.updateNode("zzz", n -> n.withName("x")));
        assertNotEquals(flow, renamed);
        assertEquals(2, flow.wiresFrom("a", "next").size());
        assertEquals(1, flow.wiresInto("b").size());
    }
}
