package org.switchboard.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;



import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.sounds.SoundPlayer;
import org.switchboard.app.sounds.Tones;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.sounds.Speech;

/**
 * The sound field in the real inspector: URL and text to speech (with a voice), switching source keeps what the
 * other held until save, a save writes only the chosen source, and a converted file is shown with its name.
 */
@ExtendWith(ApplicationExtension.class)
class SoundEditorTest {

    private static final String URL = "https://example.com/hello.wav";
    private static final String FILE = "sounds/" + "ab".repeat(32) + ".wav";

    private final EditorDocument doc = EditorDocument.checkedBy(NodeTypes.standard(), AppTexts.engine());

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.ENGLISH);
        doc.reset(Flow.of("f", List.of(
                new FlowNode("p", "play", "", new Position(0, 0), Map.of("url", URL)),
                new FlowNode("h", "hangup", "", new Position(0, 200),
                        Map.of("sound", SoundRef.file(FILE, "greeting.mp3").toValue()))), List.of()), null, true);
        InspectorPane inspector = new InspectorPane(doc, id -> { }, NodeTypes.standard(),
                PropertyEditors.standard());
        stage.setScene(new Scene(inspector, 360, 700));
        stage.show();
    }

    @Test
    void switchingToTextToSpeechKeepsTheUrlUntilSave(FxRobot robot) throws Exception {
        robot.interact(() -> doc.select(List.of("p")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sound-url-url").queryAs(ToggleButton.class).isSelected());
        assertEquals(URL, robot.lookup("#prop-url").queryAs(TextField.class).getText());

        robot.clickOn("#sound-speech-url");
        robot.clickOn("#sound-text-url").write("Hello and welcome");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#sound-voice-url").queryAs(ChoiceBox.class).setValue("de"));
        WaitForAsyncUtils.waitForFxEvents();
        SoundRef sound = SoundRef.of(doc.flow().nodeOrNull("p").property("url"));
        assertEquals(SoundRef.Source.SPEECH, sound.source());
        assertEquals("Hello and welcome", sound.text());
        assertEquals("de", sound.voice());
        assertEquals(URL, sound.url(), "the URL is kept while editing");

        robot.clickOn("#sound-url-url");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(URL, robot.lookup("#prop-url").queryAs(TextField.class).getText());
        robot.clickOn("#sound-speech-url");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Hello and welcome", robot.lookup("#sound-text-url").queryAs(TextArea.class).getText());

        Path file = dir.resolve("flow.json");
        FlowFiles.save(file, doc.flow());
        String saved = Files.readString(file);
        assertTrue(saved.contains("\"url\": {\"source\": \"speech\", \"text\": \"Hello and welcome\", \"voice\": "
                + "\"de\"}"), saved);
        assertFalse(saved.contains(URL), "a save writes only the chosen source");
    }

    @Test
    void aChosenFileIsConvertedIntoTheSoundsFolderBesideTheFlow(FxRobot robot) throws Exception {
        Path flowFile = dir.resolve("flow.json");
        FlowFiles.save(flowFile, doc.flow());
        robot.interact(() -> doc.reset(doc.flow(), flowFile, true));
        Path picked = dir.resolve("Greeting Stereo.wav");
        Tones.write(picked, 44100, 2, 1.0);
        var before = SoundEditor.chooser;
        SoundEditor.chooser = owner -> picked;
        try {
            robot.interact(() -> doc.select(List.of("p")));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#sound-file-url");
            robot.clickOn("#sound-choose-url");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> SoundRef.of(doc.flow().nodeOrNull("p")
                    .property("url")).source() == SoundRef.Source.FILE
                    && !SoundRef.of(doc.flow().nodeOrNull("p").property("url")).file().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            SoundRef sound = SoundRef.of(doc.flow().nodeOrNull("p").property("url"));
            assertTrue(sound.isWellFormedFile(), sound.file());
            assertEquals("Greeting Stereo.wav", sound.name());
            assertEquals(URL, sound.url(), "the URL is kept while editing");
            assertTrue(Files.isRegularFile(dir.resolve(sound.file())));
            assertTrue(robot.lookup("#sound-fileName-url").queryAs(Label.class).getText()
                    .contains("Greeting Stereo.wav"));
            List<byte[]> played = new java.util.concurrent.CopyOnWriteArrayList<>();
            var speaker = SoundPlayer.player;
            SoundPlayer.player = wav -> {
                played.add(wav);
                return null;
            };
            try {
                robot.clickOn("#sound-listen-url");
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> played.size() == 1);
            } finally {
                SoundPlayer.player = speaker;
            }
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve(sound.file())), played.get(0)),
                    "Listen plays the converted file");
            FlowFiles.save(flowFile, doc.flow());
            assertTrue(Files.readString(flowFile).contains("\"file\": \"" + sound.file() + "\""),
                    "the path stays relative");
            assertEquals(sound.file(), SoundRef.of(FlowFiles.load(flowFile).flow().nodeOrNull("p")
                    .property("url")).file());
        } finally {
            SoundEditor.chooser = before;
        }
    }

    @Test
    void listenSpeaksTheTextAndPlaysWhatSipgateGets(FxRobot robot) throws Exception {
        Speech speech = Speech.find();
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(speech != null, "espeak-ng is not installed (scripts/setup.sh installs it)");
        }
        Path flowFile = dir.resolve("flow.json");
        FlowFiles.save(flowFile, doc.flow());
        robot.interact(() -> doc.reset(doc.flow(), flowFile, true));
        List<byte[]> played = new java.util.concurrent.CopyOnWriteArrayList<>();
        var before = SoundPlayer.player;
        SoundPlayer.player = wav -> {
            played.add(wav);
            return null;
        };
        try {
            robot.interact(() -> doc.select(List.of("p")));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#sound-speech-url");
            robot.clickOn("#sound-text-url").write("Guten Tag");
            robot.interact(() -> robot.lookup("#sound-voice-url").queryAs(ChoiceBox.class).setValue("de"));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#sound-listen-url");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> played.size() == 1
                    && !SoundRef.of(doc.flow().nodeOrNull("p").property("url")).made().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            SoundRef sound = SoundRef.of(doc.flow().nodeOrNull("p").property("url"));
            assertEquals("Guten Tag", sound.text());
            assertTrue(speech.isCurrent(sound, dir), "the flow names the spoken file");
            byte[] wav = played.get(0);
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve(sound.file())), wav),
                    "Listen plays the converted file sipgate downloads");
            assertEquals("WAVE", new String(wav, 8, 4, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(8000, java.nio.ByteBuffer.wrap(wav, 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
            assertEquals(1, wav[22], "mono");

            // the same text again is not spoken again
            robot.clickOn("#sound-listen-url");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> played.size() == 2);
            assertEquals(sound, SoundRef.of(doc.flow().nodeOrNull("p").property("url")));
            assertTrue(robot.lookup("#sound-listenStatus-url").queryAs(Label.class).getText().isEmpty());
        } finally {
            SoundPlayer.player = before;
        }
    }

    @Test
    void aUrlHasCheckAndItsOwnListen(FxRobot robot) {
        robot.interact(() -> doc.select(List.of("p")));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#sound-listenRow-url").query().isVisible());
        assertTrue(robot.lookup("#sound-urlActions-url").query().isVisible());
        robot.clickOn("#sound-file-url");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#sound-urlActions-url").query().isVisible());
    }

    @Test
    void withoutASavedFlowChoosingAFileWaits(FxRobot robot) {
        robot.interact(() -> doc.select(List.of("p")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#sound-file-url");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sound-choose-url").queryButton().isDisabled());
        String status = robot.lookup("#sound-status-url").queryAs(Label.class).getText();
        assertEquals(AppTexts.get("inspector.sound.saveFirst"), status);
    }

    @Test
    void aConvertedFileIsShownByNameAndItsPathStaysRelative(FxRobot robot) throws Exception {
        robot.interact(() -> doc.select(List.of("h")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sound-file-sound").queryAs(ToggleButton.class).isSelected());
        String shown = robot.lookup("#sound-fileName-sound").queryAs(Label.class).getText();
        assertTrue(shown.contains("greeting.mp3"), shown);

        Path file = dir.resolve("flow.json");
        FlowFiles.save(file, doc.flow());
        Flow again = FlowFiles.load(file).flow();
        assertEquals(FILE, SoundRef.of(again.nodeOrNull("h").property("sound")).file());
    }
}
