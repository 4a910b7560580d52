package org.switchboard.app.sounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

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
import org.switchboard.app.inspector.InspectorPane;
import org.switchboard.app.inspector.PropertyEditors;
import org.switchboard.app.problems.ProblemsPane;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * A sound file dropped onto a node's card goes to its main sound (Gather: the prompt) and shows in the inspector;
 * cards without a sound do not take it; and a flow whose local sound is missing or unreadable shows that in the
 * Problems panel as soon as it is opened.
 */
@ExtendWith(ApplicationExtension.class)
class SoundFileDropTest {

    private static final NodeTypes TYPES = NodeTypes.standard();
    private final EditorDocument doc = EditorDocument.checkedBy(TYPES, AppTexts.engine());
    private FlowCanvas canvas;
    private ProblemsPane problems;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        AppTexts.setLocale(Locale.ENGLISH);
        canvas = new FlowCanvas(doc, TYPES, AppTexts.engine());
        SoundFileDrop.install(canvas, doc, TYPES, AppTexts.engine());
        problems = new ProblemsPane(doc, TYPES, AppTexts.engine(), id -> { }, () -> null);
        problems.setPrefHeight(160);
        BorderPane root = new BorderPane(canvas);
        root.setRight(new InspectorPane(doc, id -> { }, TYPES, PropertyEditors.standard()));
        root.setBottom(problems);
        stage.setScene(new Scene(root, 1200, 760));
        stage.show();
    }

    private static Flow flow() {
        return Flow.of("drop", List.of(TYPES.get("incomingCall").newNode("in", 40, 120),
                TYPES.get("gather").newNode("menu", 320, 120)), List.of());
    }

    private Path open(FxRobot robot, Flow flow) throws Exception {
        Path file = dir.resolve("flow.json");
        FlowFiles.save(file, flow);
        Flow loaded = FlowFiles.load(file).flow();
        robot.interact(() -> doc.reset(loaded, file, true));
        WaitForAsyncUtils.waitForFxEvents();
        return file;
    }

    @Test
    void aFileDroppedOntoAGatherCardBecomesItsPrompt(FxRobot robot) throws Exception {
        open(robot, flow());
        Path mp3Like = dir.resolve("Menu prompt.wav");
        Tones.write(mp3Like, 44100, 2, 0.6);
        boolean[] accepted = new boolean[2];
        robot.interact(() -> {
            accepted[0] = FileDrags.drop(robot.lookup("#node-in").query(), mp3Like);
            accepted[1] = FileDrags.drop(robot.lookup("#node-menu").query(), mp3Like);
        });
        assertFalse(accepted[0], "an Incoming call has no sound to take a file");
        assertTrue(accepted[1]);
        assertEquals(java.util.Set.of("menu"), doc.selectedNodes(), "the inspector shows the node being set");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !SoundRef.of(doc.flow().nodeOrNull("menu")
                .property("prompt")).file().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        SoundRef prompt = SoundRef.of(doc.flow().nodeOrNull("menu").property("prompt"));
        assertEquals(SoundRef.Source.FILE, prompt.source());
        assertEquals("Menu prompt.wav", prompt.name());
        assertTrue(Files.isRegularFile(dir.resolve(prompt.file())));
        assertTrue(robot.lookup("#sound-fileName-prompt").queryAs(Label.class).getText().contains("Menu prompt.wav"));
        assertEquals(AppTexts.get("edit.property", "Prompt"), doc.undoLabelProperty().get(), "one undo step");
    }

    @Test
    void beforeTheFirstSaveADropSaysWhatToDo(FxRobot robot) throws Exception {
        robot.interact(() -> doc.reset(flow(), null, true));
        WaitForAsyncUtils.waitForFxEvents();
        Path wav = dir.resolve("hello.wav");
        Tones.write(wav, 8000, 1, 0.3);
        robot.interact(() -> FileDrags.drop(robot.lookup("#node-menu").query(), wav));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AppTexts.get("inspector.sound.saveFirst"),
                robot.lookup("#sound-status-prompt").queryAs(Label.class).getText());
        assertTrue(SoundRef.of(doc.flow().nodeOrNull("menu").property("prompt")).isEmpty());
    }

    @Test
    void missingAndUnreadableLocalSoundsShowInProblemsWhenTheFlowIsOpened(FxRobot robot) throws Exception {
        String hash = "sounds/" + "ab".repeat(32) + ".wav";
        Flow flow = flow().updateNode("menu", n -> n.withProperty("prompt", SoundRef.file(hash, "menu.mp3")
                .toValue()));
        open(robot, flow);
        WaitForAsyncUtils.waitForFxEvents();
        List<Problem> shown = problems.problems();
        assertTrue(shown.stream().anyMatch(p -> p.isError() && "menu".equals(p.nodeId())
                && p.message().contains("the sound file " + hash + " is missing beside the flow")), shown.toString());

        Files.createDirectories(dir.resolve("sounds"));
        Tones.write(dir.resolve(hash), 44100, 2, 0.2); // there, but not what sipgate plays
        open(robot, flow);
        WaitForAsyncUtils.waitForFxEvents();
        shown = problems.problems();
        assertTrue(shown.stream().anyMatch(p -> p.isError() && p.message().contains("is not in sipgate's format")),
                shown.toString());
        assertFalse(shown.stream().anyMatch(p -> p.message().contains("missing")), shown.toString());
    }
}
