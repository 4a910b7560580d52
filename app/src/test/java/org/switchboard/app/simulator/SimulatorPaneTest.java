package org.switchboard.app.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.canvas.FlowCanvas;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.problems.ProblemsPane;
import org.switchboard.app.settings.AppSettings;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The Simulator tab on its own, against the real server on loopback: a local sound the caller hears is played
 * (only the loudspeaker is replaced), the caller hangs up in the middle of a menu, and the called party answers and
 * hangs up after some seconds.
 */
@ExtendWith(ApplicationExtension.class)
class SimulatorPaneTest {

    @TempDir
    Path dir;
    private EditorDocument doc;
    private SimulatorPane pane;
    private final List<byte[]> played = new CopyOnWriteArrayList<>();
    private final Function<byte[], String> speaker = SimulatorPane.player;

    @Start
    void start(Stage stage) {
        AppTexts.setLocale(Locale.ENGLISH);
        NodeTypes types = NodeTypes.standard();
        Messages m = Messages.ENGLISH;
        doc = EditorDocument.checkedBy(types, m);
        FlowCanvas canvas = new FlowCanvas(doc, types, m);
        ProblemsPane problems = new ProblemsPane(doc, types, m, id -> { }, () -> null);
        TestCalls tests = new TestCalls(doc, types, m, canvas, problems, new AppSettings(), () -> { });
        pane = new SimulatorPane(doc, types, m, canvas, tests);
        SimulatorPane.player = bytes -> {
            played.add(bytes);
            return null;
        };
        Scene scene = new Scene(new VBox(canvas, pane), 1200, 800);
        // the window's tokens, which the tab's stylesheet builds on
        scene.getStylesheets().add(SimulatorPane.class.getResource("/org/switchboard/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void speakerBack() {
        SimulatorPane.player = speaker;
        pane.shutdown();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String transcript(FxRobot robot) {
        return robot.lookup("#sim-transcript").queryListView().getItems().toString();
    }

    private static FlowNode node(String id, String type, Map<String, Object> properties) {
        return FlowNode.of(id, type, 0, 0).withProperties(properties);
    }

    @Test
    void aLocalSoundIsPlayedAndTheCallerHangsUpAtTheMenu(FxRobot robot) throws Exception {
        String file = SoundRef.FOLDER + "/" + "b".repeat(64) + ".wav";
        Files.createDirectories(dir.resolve(SoundRef.FOLDER));
        byte[] sound = {82, 73, 70, 70, 1, 2, 3};
        Files.write(dir.resolve(file), sound);
        Flow flow = Flow.of("menu", List.of(
                node("in", "incomingCall", Map.of("path", "/x", "direction", "in")),
                node("menu", "gather", Map.of("prompt", SoundRef.file(file, "hello.mp3").toValue(),
                        "maxDigits", 2, "timeout", 5000))),
                List.of(new Wire("in", "call", "menu")));
        robot.interact(() -> doc.reset(flow, dir.resolve("menu.json"), true));
        robot.clickOn("#sim-call");
        waitUntil(() -> !robot.lookup("#sim-key-1").queryButton().isDisabled());
        waitUntil(() -> played.size() == 1);
        assertArrayEquals(sound, played.get(0), "the prompt's file is played aloud");
        assertTrue(transcript(robot).contains("Hears " + "b".repeat(64) + ".wav"), transcript(robot));

        robot.clickOn("#sim-key-1");
        assertTrue(robot.lookup("#sim-status").queryLabeled().getText().contains("1"), "one of two keys typed");
        robot.clickOn("#sim-call");
        waitUntil(() -> !pane.callOn());
        assertTrue(transcript(robot).contains("The caller hangs up"), transcript(robot));
        assertTrue(robot.lookup("#wire-in-call-menu").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("lit")));
        assertEquals("Call", robot.lookup("#sim-call").queryButton().getText());
    }

    @Test
    void anUnreadableTestsFileIsNeverOverwritten(FxRobot robot) throws Exception {
        Path tests = dir.resolve("dial.tests.json");
        Files.writeString(tests, "{\"formatVersion\": 1, \"tests\": [ {\"name\": ");
        Flow flow = Flow.of("dial", List.of(
                node("in", "incomingCall", Map.of("path", "/x", "direction", "in")),
                node("no", "reject", Map.of("reason", "busy"))),
                List.of(new Wire("in", "call", "no")));
        robot.interact(() -> doc.reset(flow, dir.resolve("dial.json"), true));
        robot.clickOn("#sim-call");
        waitUntil(() -> !pane.callOn());
        robot.interact(() -> robot.lookup("#sim-test-name").queryTextInputControl().setText("rejected"));
        robot.clickOn("#sim-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("{\"formatVersion\": 1, \"tests\": [ {\"name\": ", Files.readString(tests),
                "the file is left as it was");
        assertTrue(robot.lookup("#sim-status").queryLabeled().getText().startsWith("Could not read the tests"),
                robot.lookup("#sim-status").queryLabeled().getText());
    }

    @Test
    void theCalledPartyAnswersAndHangsUpAfterSomeSeconds(FxRobot robot) throws Exception {
        Flow flow = Flow.of("dial", List.of(
                node("in", "incomingCall", Map.of("path", "/x", "direction", "in")),
                node("dial", "dial", Map.of("target", "number", "numbers", List.of("+49 30 111111")))),
                List.of(new Wire("in", "call", "dial")));
        robot.interact(() -> doc.reset(flow, null, true));
        robot.clickOn("#sim-call");
        waitUntil(() -> robot.lookup("#sim-party").query().isVisible());
        assertTrue(pane.callOn());
        robot.interact(() -> robot.lookup("#sim-hangUpAfter").queryTextInputControl().setText("1"));
        robot.clickOn("#sim-party-answersThenHangsUp");
        waitUntil(() -> transcript(robot).contains("The called party answers"));
        assertTrue(pane.callOn(), "connected for a second");
        assertFalse(robot.lookup("#sim-party").query().isVisible());
        waitUntil(() -> !pane.callOn());
        assertTrue(transcript(robot).contains("The called party hangs up after 1 s"), transcript(robot));
        assertTrue(played.isEmpty(), "no local sound, nothing played");
    }
}
