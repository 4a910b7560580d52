package org.switchboard.engine.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Wire;

/**
 * Removing a Switch rule removes its output and moves the wires of the rules below it up, so each wire keeps its
 * rule.
 */
class PropertyEditsTest {

    private static final NodeTypes TYPES = NodeTypes.standard();

    private static Flow menu() {
        List<Object> rules = List.of(SwitchRule.data(SwitchRule.Op.EQUALS, "1"), SwitchRule.data(SwitchRule.Op.EQUALS,
                "2"), SwitchRule.data(SwitchRule.Op.EQUALS, "3"));
        return Flow.of("menu", List.of(
                new FlowNode("sw", "switch", "", new Position(0, 0), Map.of("field", "digits", "rules", rules)),
                new FlowNode("a", "hangup", "", new Position(0, 0), Map.of()),
                new FlowNode("b", "hangup", "", new Position(0, 0), Map.of()),
                new FlowNode("c", "hangup", "", new Position(0, 0), Map.of()),
                new FlowNode("d", "hangup", "", new Position(0, 0), Map.of()),
                new FlowNode("other", "switch", "", new Position(0, 0), Map.of())),
                List.of(new Wire("sw", "1", "a"), new Wire("sw", "2", "b"), new Wire("sw", "3", "c"),
                        new Wire("sw", "otherwise", "d"), new Wire("other", "2", "b")));
    }

    @Test
    void removingAMiddleRuleDropsItsWireAndMovesTheOnesBelowUp() {
        Flow after = PropertyEdits.removeEntry(menu(), TYPES, "sw", "rules", 1);
        List<?> rules = (List<?>) after.nodeOrNull("sw").property("rules");
        assertEquals(List.of("1", "3"), rules.stream().map(r -> ((Map<?, ?>) r).get("value")).toList());
        assertEquals(Set.of(new Wire("sw", "1", "a"), new Wire("sw", "2", "c"), new Wire("sw", "otherwise", "d"),
                new Wire("other", "2", "b")), Set.copyOf(after.wires()),
                "rule 3's wire now leaves output 2; otherwise and other nodes' wires stay");
        assertEquals(List.of("1", "2", "otherwise"), TYPES.get("switch").outputIds(after.nodeOrNull("sw")));
    }

    @Test
    void removingTheLastRuleOnlyDropsItsOwnWire() {
        Flow after = PropertyEdits.removeEntry(menu(), TYPES, "sw", "rules", 2);
        assertEquals(Set.of(new Wire("sw", "1", "a"), new Wire("sw", "2", "b"), new Wire("sw", "otherwise", "d"),
                new Wire("other", "2", "b")), Set.copyOf(after.wires()));
    }

    @Test
    void entriesThatOwnNoOutputKeepEveryWire() {
        Flow flow = Flow.of("dial", List.of(
                new FlowNode("dial", "dial", "", new Position(0, 0),
                        Map.of("numbers", List.of("+49 30 1", "+49 30 2"))),
                new FlowNode("x", "hangup", "", new Position(0, 0), Map.of())),
                List.of(new Wire("dial", "hungUp", "x")));
        Flow after = PropertyEdits.removeEntry(flow, TYPES, "dial", "numbers", 0);
        assertEquals(List.of("+49 30 2"), after.nodeOrNull("dial").property("numbers"));
        assertEquals(flow.wires(), after.wires());
    }

    @Test
    void aMissingNodeOrEntryLeavesTheFlowAsItIs() {
        Flow flow = menu();
        assertSame(flow, PropertyEdits.removeEntry(flow, TYPES, "nope", "rules", 0));
        assertSame(flow, PropertyEdits.removeEntry(flow, TYPES, "sw", "rules", 3));
        assertSame(flow, PropertyEdits.removeEntry(flow, TYPES, "sw", "rules", -1));
    }

    @Test
    void addingAnEntryAppendsIt() {
        Flow after = PropertyEdits.addEntry(menu(), "sw", "rules", SwitchRule.data(SwitchRule.Op.EMPTY, ""));
        assertEquals(4, ((List<?>) after.nodeOrNull("sw").property("rules")).size());
        assertEquals(menu().wires(), after.wires());
    }
}
