package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PropertyChecks;

/** The editor window driven like a user: the inspector, inline checks, Problems, undo and its labels. */
class EditorWindowTest extends AppWindowTest {

    private MainWindow open() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        Path file = AppHarness.write(dir, "calls.json", AppHarness.callToDial());
        MainWindow w = harness.start(file.toString());
        interact(() -> w.document().select(List.of("dial1")));
        WaitForAsyncUtils.waitForFxEvents();
        return w;
    }

    @Test
    void editMenuNamesTheStepsToUndoAndRedo() throws Exception {
        MainWindow w = open();
        clickOn("#node-name").write("Anna");
        clickOn("#prop-numbers-0").write("+49 151 2345678");

        clickOn("Edit");
        assertTrue(visibleTexts().contains("Undo Change Numbers"), visibleTexts().toString());
        clickOn("Undo Change Numbers");
        assertEquals(List.of(""), w.document().flow().node("dial1").orElseThrow().property("numbers"));

        clickOn("Edit");
        Set<String> texts = visibleTexts();
        assertTrue(texts.contains("Undo Rename Dial"), texts.toString());
        assertTrue(texts.contains("Redo Change Numbers"), texts.toString());
        clickOn("Redo Change Numbers");
        assertEquals(List.of("+49 151 2345678"),
                w.document().flow().node("dial1").orElseThrow().property("numbers"));
        assertEquals("+49 151 2345678", lookup("#prop-numbers-0").queryAs(TextField.class).getText());
    }

    @Test
    void phoneNumberIsCheckedAsTheUserTypesInlineAndInProblems() throws Exception {
        open();
        NodeType dial = NodeTypes.standard().get("dial");
        String expected = PropertyChecks.check(dial, dial.property("numbers"), List.of("0151 2345678"),
                Messages.ENGLISH);

        clickOn("#prop-numbers-0").write("0151 2345678");
        WaitForAsyncUtils.waitForFxEvents();
        Label message = lookup("#field-numbers .field-message").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertEquals(expected, message.getText());
        assertTrue(lookup("#prop-numbers-0").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("invalid")));
        assertEquals(List.of(expected), problemTexts());
        assertEquals("1", lookup("#dock-count-problems").queryAs(Label.class).getText());

        push(KeyCode.SHORTCUT, KeyCode.A).write("+49 151 2345678");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(message.isVisible());
        assertFalse(lookup("#prop-numbers-0").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("invalid")));
        assertEquals(List.of(), problemTexts());
        assertFalse(lookup("#dock-count-problems").query().isVisible());
    }

    @Test
    void typingAWordIntoTheNameIsOneUndoStep() throws Exception {
        MainWindow w = open();
        EditorDocument doc = w.document();
        clickOn("#node-name").write("Mobile");
        assertEquals("Mobile", doc.flow().node("dial1").orElseThrow().name());
        assertEquals("Rename Dial", doc.undoLabelProperty().get());

        push(KeyCode.SHORTCUT, KeyCode.Z);
        assertEquals("", doc.flow().node("dial1").orElseThrow().name());
        assertFalse(doc.canUndoProperty().get(), "the whole word was one step");
        assertEquals("", lookup("#node-name").queryAs(TextField.class).getText());

        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
        assertEquals("Mobile", doc.flow().node("dial1").orElseThrow().name());
        assertEquals("Mobile", lookup("#inspector-title").queryAs(Label.class).getText());
    }

    private Set<String> visibleTexts() {
        return lookup(".context-menu .menu-item .label").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getScene() != null && l.getScene().getWindow().isShowing())
                .map(Label::getText).collect(Collectors.toSet());
    }

    private List<String> problemTexts() {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(".problem-text").queryAllAs(Label.class).stream()
                .filter(l -> l.getScene() != null && l.isVisible()).map(Label::getText).toList();
    }
}
