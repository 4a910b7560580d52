package org.switchboard.engine.calltests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.runtime.RuntimeEvent;
import org.switchboard.engine.server.FamilyMenu;

/**
 * A call played one input at a time (the app's simulator) over the real server: it says after each input what the
 * caller experienced, where the call stands and which way it took, and kept as a test it passes on the unchanged
 * flow. Local sounds are named by their place beside the flow, so such a test passes on another server too.
 */
class InteractiveCallTest {

    private static final TestCall.Setup INCOMING = new TestCall.Setup(null, null, null, "in", null);

    @Test
    void aCallPlayedStepByStepTellsWhereItStandsAndKeepsAsAPassingTest() {
        Flow flow = FamilyMenu.flow();
        try (TestCallRunner runner = TestCallRunner.start(flow)) {
            TestCallRunner.Call call = runner.begin(INCOMING);
            assertEquals(FamilyMenu.PATH, call.setup().path(), "the flow's webhook path is filled in");
            assertEquals(List.of(new Experience.Hears(FamilyMenu.PROMPT), new Experience.MayPress(1, 5.0)),
                    call.experiences());
            assertTrue(call.awaitingDigits());
            assertEquals(1, call.maxDigits());
            assertEquals("menu", call.currentNode());
            assertFalse(call.ended());

            assertEquals("calltest.unused.notRinging", call.apply(new Input.CalledParty("busy")),
                    "nothing rings yet");
            assertNull(call.apply(new Input.Press("2")));
            assertEquals(new Experience.ConnectedTo(List.of("+" + FamilyMenu.BEN), null, false),
                    call.experiences().get(2));
            assertTrue(call.ringing());
            assertEquals("ben", call.currentNode());
            assertTrue(call.outputsTaken().contains(new RuntimeEvent.OutputTaken("choice", "2")));
            assertEquals(List.of("in", "menu", "choice", "ben"), call.nodesEntered().stream().distinct().toList());

            assertNull(call.apply(new Input.CalledParty("busy")));
            assertTrue(call.ended());
            assertNull(call.currentNode());
            call.end();

            TestCall kept = call.toTest("Ben is busy");
            assertEquals(List.of(new Input.Press("2"), new Input.CalledParty("busy")), kept.inputs());
            TestResult again = runner.run(kept, Messages.ENGLISH);
            assertTrue(again.passed(), again::difference);
            Flow rewired = flow.withoutWires(flow.wiresFrom("choice", "2")).withWire(new Wire("choice", "2", "anna"));
            try (TestCallRunner other = TestCallRunner.start(rewired)) {
                assertEquals("step 3: expected to be connected to +" + FamilyMenu.BEN + ", but was connected to +"
                        + FamilyMenu.ANNA, other.run(kept, Messages.ENGLISH).difference());
            }
        }
    }

    @Test
    void localSoundsAreHeardByTheirPlaceBesideTheFlowOnAnyServer(@TempDir Path folder) throws Exception {
        String file = SoundRef.FOLDER + "/" + "a".repeat(64) + ".wav";
        Files.createDirectories(folder.resolve(SoundRef.FOLDER));
        Files.write(folder.resolve(file), new byte[] {1, 2, 3});
        Flow flow = Flow.of("local", List.of(
                FlowNode.of("in", "incomingCall", 0, 0).withProperties(Map.of("path", "/x", "direction", "in")),
                FlowNode.of("hello", "play", 0, 0).withProperties(Map.of("url",
                        SoundRef.file(file, "hello.mp3").toValue())),
                FlowNode.of("bye", "hangup", 0, 0)),
                List.of(new Wire("in", "call", "hello"), new Wire("hello", "next", "bye")));
        TestCall kept;
        try (TestCallRunner runner = TestCallRunner.start(flow, NodeTypes.standard(), folder)) {
            TestCallRunner.Call call = runner.begin(INCOMING);
            assertEquals(List.of(new Experience.Hears(file), new Experience.Ends("hungUp")), call.experiences());
            assertTrue(call.ended());
            call.end();
            kept = call.toTest("hello");
        }
        try (TestCallRunner runner = TestCallRunner.start(flow, NodeTypes.standard(), folder)) {
            assertTrue(runner.run(kept, Messages.ENGLISH).passed(), "a server on another port hears the same");
        }
    }
}
