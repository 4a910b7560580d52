package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import org.switchboard.app.simulator.TestCalls;
import org.switchboard.engine.calltests.TestCall;
import org.switchboard.engine.calltests.TestCallsFile;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.Wire;

/**
 * The Simulator and Tests tabs in the real app, calling the family menu sample through the real server on loopback:
 * pressing 2 rings Ben with the path lit on the canvas; the menu times out into "Sorry"; a Dial's busy branch is
 * taken; calls are saved as tests beside the flow; rewiring a digit makes exactly the affected test fail with a
 * plain difference and the tab's badge count it; generated tests and coverage.
 */
class SimulatorTest extends AppWindowTest {

    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");
    private static final PseudoClass UNTESTED = PseudoClass.getPseudoClass("untested");

    private MainWindow open() throws Exception {
        Path flow = dir.resolve("family-menu.json");
        Files.copy(Path.of("../sample-flows/family-menu.json").toAbsolutePath(), flow);
        harness = new AppHarness(dir.resolve("home"));
        MainWindow w = harness.start(flow.toString());
        interact(() -> w.dock().select("simulator"));
        return w;
    }

    private List<String> transcript() {
        return SimulatorScreenshots.transcript(this);
    }

    private boolean has(PseudoClass state, String query) {
        Node n = lookup(query).tryQuery().orElse(null);
        return n != null && n.getPseudoClassStates().contains(state);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        SimulatorScreenshots.waitUntil(this, condition);
    }

    private boolean callOn() {
        return lookup("#sim-call").queryButton().getStyleClass().contains("sim-hang-up");
    }

    private void saveAs(String name) throws Exception {
        interact(() -> lookup("#sim-test-name").queryTextInputControl().setText(name));
        clickOn("#sim-save");
        AppHarness.settle();
    }

    @SuppressWarnings("unchecked")
    private List<TestCalls.Item> items() {
        return List.copyOf(lookup("#tests-list").queryAs(ListView.class).getItems());
    }

    @Test
    void pressingTwoRingsBenWithThePathLitAndTheCallKeepsAsATestThatARewiredDigitFails() throws Exception {
        MainWindow w = open();
        clickOn("#sim-call");
        waitUntil(() -> !lookup("#sim-key-2").queryButton().isDisabled());
        assertTrue(transcript().toString().contains("Hears family-menu.wav"), transcript()::toString);
        assertTrue(transcript().toString().contains("May press 1 key (5 s)"));
        assertTrue(has(LIVE, "#node-menu"), "the menu glows while it waits for a key");

        // the keyboard's 2, with the focus on the canvas
        clickOn("#canvas", javafx.scene.input.MouseButton.PRIMARY);
        type(KeyCode.DIGIT2);
        waitUntil(() -> lookup("#sim-party").query().isVisible());
        String all = transcript().toString();
        assertTrue(all.contains("Presses 2"), all);
        assertTrue(all.contains("Is connected to +491609876543"), all);
        assertTrue(has(LIVE, "#node-ben"), "Ben's Dial glows while it rings");
        assertEquals("Ringing", ((javafx.scene.text.Text) lookup("#node-ben .node-state-text").query()).getText(),
                "and says so in its header");
        assertFalse(has(LIVE, "#node-menu"));
        for (String wire : List.of("#wire-in-call-menu", "#wire-menu-digits-digits", "#wire-digits-2-ben")) {
            assertTrue(has(LIT, wire), wire + " is lit");
        }
        assertFalse(lookup("#wire-digits-1-anna").tryQuery().isPresent(), "the wire to Anna is not lit");

        clickOn("#sim-party-busy");
        waitUntil(() -> !callOn());
        assertTrue(transcript().toString().contains("The called party is busy"), transcript()::toString);
        assertTrue(has(LIT, "#wire-digits-2-ben"), "the path stays lit until the next call");
        assertFalse(has(LIVE, "#node-ben"));
        assertFalse(lookup("#node-ben .node-state-text").tryQuery().isPresent());

        saveAs("Ben is busy");
        Path testsFile = dir.resolve("family-menu.tests.json");
        String text = Files.readString(testsFile, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"Ben is busy\""), text);
        List<TestCall> saved = TestCallsFile.load(testsFile);
        assertEquals(1, saved.size());
        assertEquals("[{press=2}, {calledParty=busy}]",
                saved.get(0).inputs().stream().map(i -> i.toJson().toString()).toList().toString());

        // let the menu time out: the caller hears "Sorry" and the flow hangs up
        clickOn("#sim-call");
        waitUntil(() -> !lookup("#sim-timeout").queryButton().isDisabled());
        assertFalse(has(LIT, "#wire-digits-2-ben"), "a new call clears the old path");
        clickOn("#sim-timeout");
        waitUntil(() -> !callOn());
        all = transcript().toString();
        assertTrue(all.contains("Lets the menu time out"), all);
        assertTrue(all.contains("Hears sorry.wav"), all);
        assertTrue(all.contains("The call ends: hung up"), all);
        assertTrue(has(LIT, "#wire-digits-otherwise-sorry"));
        saveAs("Nobody presses a key");

        interact(() -> w.dock().select("tests"));
        waitUntil(() -> items().size() == 2 && items().stream().allMatch(i -> Boolean.TRUE.equals(i.passed())));
        assertFalse(lookup("#dock-count-tests").query().isVisible(), "no failures, no badge");

        // break the flow: 2 now rings Anna; the tests run again by themselves
        interact(() -> w.document().apply("Rewire", f -> f.withoutWires(f.wiresFrom("digits", "2"))
                .withWire(new Wire("digits", "2", "anna"))));
        waitUntil(() -> items().stream().anyMatch(i -> Boolean.FALSE.equals(i.passed())));
        List<TestCalls.Item> items = items();
        assertEquals(Boolean.FALSE, items.get(0).passed());
        assertEquals("step 3: expected to be connected to +491609876543, but was connected to +4915123456789",
                items.get(0).difference());
        assertEquals(Boolean.TRUE, items.get(1).passed(), "the timeout test is not affected");
        Label badge = lookup("#dock-count-tests").queryAs(Label.class);
        assertTrue(badge.isVisible());
        assertEquals("1", badge.getText());
        assertTrue(lookup(".tests-list .test-difference").queryAs(Label.class).getText().contains("but was"));

        // generated tests are added beside the saved ones; Ben is now out of reach, which coverage says
        clickOn("#tests-generate");
        waitUntil(() -> items().size() > 2 && items().stream().allMatch(i -> i.passed() != null));
        assertEquals("Ben is busy", items().get(0).test().name(), "a saved test is never replaced");
        assertEquals(1, items().stream().filter(i -> Boolean.FALSE.equals(i.passed())).count());
        assertEquals("1", badge.getText());
        assertTrue(has(UNTESTED, "#node-ben"), "no test reaches Ben any more");
        List<Problem> infos = w.problems().problems().stream().filter(Problem::isInfo).toList();
        assertTrue(infos.stream().anyMatch(p -> "ben".equals(p.nodeId())
                && p.message().equals("No test call reaches this node.")), infos::toString);
        assertEquals(w.problems().problems().size() - infos.size(), w.problems().countProperty().get(),
                "notes are not counted as problems");
    }

    @Test
    void aDialsBusyBranchIsTakenAndLit() throws Exception {
        MainWindow w = open();
        interact(() -> w.document().apply("Wire", f -> f.withWire(new Wire("ben", "hungUp", "bye"))));
        clickOn("#sim-call");
        waitUntil(() -> !lookup("#sim-key-2").queryButton().isDisabled());
        clickOn("#sim-key-2");
        waitUntil(() -> lookup("#sim-party").query().isVisible());
        clickOn("#sim-party-busy");
        waitUntil(() -> !callOn());
        assertTrue(has(LIT, "#wire-ben-hungUp-bye"), "the busy branch of Ben's Dial is lit");
        assertTrue(lookup("#port-out-ben-hungUp").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("on-path")));
    }
}
