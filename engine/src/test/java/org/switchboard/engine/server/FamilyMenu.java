package org.switchboard.engine.server;

import java.util.List;
import java.util.Map;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.SwitchRule;

/**
 * The family menu used across server and simulator tests, built in code: Incoming call on /sipgate, a Gather
 * (prompt, 1 digit, 5 s), a Switch on digits (1 rings Anna, 2 rings Ben, otherwise "sorry" then hang up).
 */
public final class FamilyMenu {

    public static final String PATH = "/sipgate";
    public static final String PROMPT = "https://example.org/sounds/menu.wav";
    public static final String SORRY = "https://example.org/sounds/sorry.wav";
    public static final String ANNA = "4915123456789";
    public static final String BEN = "491609876543";

    private FamilyMenu() {
    }

    public static Flow flow() {
        return flow(true);
    }

    /** With {@code otherwiseWired == false}, the Switch's "otherwise" output leads nowhere. */
    public static Flow flow(boolean otherwiseWired) {
        List<FlowNode> nodes = List.of(
                node("in", "incomingCall", "Incoming call", Map.of("path", PATH, "direction", "any")),
                node("menu", "gather", "Menu", Map.of("prompt", PROMPT, "maxDigits", 1L, "timeout", 5000L)),
                node("choice", "switch", "Choice", Map.of("field", "digits", "rules", List.of(
                        SwitchRule.data(SwitchRule.Op.EQUALS, "1"), SwitchRule.data(SwitchRule.Op.EQUALS, "2")))),
                node("anna", "dial", "Anna", Map.of("target", "number", "numbers", List.of("+49 151 23456789"))),
                node("ben", "dial", "Ben", Map.of("target", "number", "numbers", List.of("+49 160 9876543"))),
                node("sorry", "play", "Sorry", Map.of("url", SORRY)),
                node("bye", "hangup", "Hang up", Map.of()));
        List<Wire> wires = new java.util.ArrayList<>(List.of(
                new Wire("in", "call", "menu"),
                new Wire("menu", "digits", "choice"),
                new Wire("choice", "1", "anna"),
                new Wire("choice", "2", "ben"),
                new Wire("sorry", "next", "bye")));
        if (otherwiseWired) {
            wires.add(new Wire("choice", "otherwise", "sorry"));
        }
        return Flow.of("Family menu", nodes, wires);
    }

    private static FlowNode node(String id, String type, String name, Map<String, Object> properties) {
        return new FlowNode(id, type, name, new Position(0, 0), properties);
    }
}
