package org.switchboard.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The sound field in the real inspector: URL and text to speech (with a voice), switching source keeps what the
 * other held until save, a save writes only the chosen source, and a converted file is shown with its name.
 */
@ExtendWith(ApplicationExtension.class)
class SoundEditorTest {

    private static final String URL = "https://example.com/hello.wav";
    private static final String FILE = "sounds/" + "ab".repeat(32) + ".wav";

    private final EditorDocument doc = new EditorDocument();

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
        assertFalse(robot.lookup("#sound-file-url").queryAs(ToggleButton.class).isVisible(),
                "no File source is offered when the flow has no converted file");

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
