package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * Cards and the Problems panel agree: one colour per severity, the selection ring over a problem, chips that follow
 * a rename, "Show" and the one-click fixes; and the palette drags a picture of the card.
 */
class ProblemsAndCardsTest extends AppWindowTest {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");


    /** Incoming call to a Dial with a national number (an error) and a Play whose sound has no ending (a warning). */
    private MainWindow open() throws Exception {
        NodeTypes types = NodeTypes.standard();
        FlowNode in = types.get("incomingCall").newNode("in", 40, 100);
        FlowNode dial = types.get("dial").newNode("dial1", 300, 100).withName("Anna")
                .withProperty("numbers", List.of("0151 2345678"));
        FlowNode play = types.get("play").newNode("play1", 300, 260).withName("Sorry")
                .withProperty("url", "https://example.com/sounds/sorry");
        Flow flow = Flow.of("Test", List.of(in, dial, play),
                List.of(new Wire("in", "call", "dial1")));
        harness = new AppHarness(dir.resolve("home"));
        MainWindow w = harness.start(AppHarness.write(dir, "calls.flow.json", flow).toString());
        WaitForAsyncUtils.waitForFxEvents();
        return w;
    }

    private Set<String> chips() {
        return lookup(".problem-row .label").queryAll().stream().map(n -> ((Label) n).getText())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void oneColourPerSeverityAndTheRingShowsOverAProblem() throws Exception {
        MainWindow w = open();
        Node anna = lookup("#node-dial1").query();
        Node sorry = lookup("#node-play1").query();
        assertTrue(anna.getPseudoClassStates().contains(ERROR), "the country code is an error: a red card");
        assertFalse(sorry.getPseudoClassStates().contains(ERROR), "a missing .wav is a warning: an amber card");
        assertEquals(1, lookup(".problems-list .list-cell.error").queryAll().size(), "and a red row");
        assertEquals(1, lookup(".problems-list .list-cell.warning").queryAll().size(), "and an amber row");
        assertTrue(lookup("#dock-count-problems").query().getStyleClass().contains("error"), "a red count");

        interact(() -> w.document().select(List.of("dial1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(anna.getPseudoClassStates().contains(SELECTED));
        Region card = (Region) anna;
        Color ring = (Color) card.getBackground().getFills().get(0).getFill();
        Color accent = Color.web("#4F56D8");
        assertEquals(accent.getRed(), ring.getRed(), 0.01, "the selection ring's colour: " + ring);
        assertEquals(accent.getBlue(), ring.getBlue(), 0.01, "the selection ring's colour: " + ring);
    }

    @Test
    void chipsFollowARenameAndRowsShowAndFix() throws Exception {
        MainWindow w = open();
        assertTrue(chips().contains("Anna"), chips().toString());
        interact(() -> w.document().apply("Rename", f -> f.updateNode("dial1", n -> n.withName("Anna mobile"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chips().contains("Anna mobile"), "the chip follows the rename: " + chips());
        assertFalse(chips().contains("Anna"), chips().toString());

        clickOn(lookup(".problem-show").queryAll().iterator().next());
        assertEquals(1, w.document().selectedNodes().size(), "Show selects the node");

        clickOn("Use +49");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("+49 151 2345678"), w.document().flow().node("dial1").orElseThrow().property("numbers"));
        clickOn("Add .wav");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("https://example.com/sounds/sorry.wav",
                w.document().flow().node("play1").orElseThrow().property("url"));
        assertTrue(w.document().state().problems().isEmpty(), w.document().state().problems().toString());
        interact(() -> w.document().undo());
        assertEquals("https://example.com/sounds/sorry", w.document().flow().node("play1").orElseThrow()
                .property("url"), "a fix is one undo step");
    }

    @Test
    void thePaletteDragsAPictureOfTheCard() throws Exception {
        MainWindow w = open();
        Image[] image = new Image[1];
        interact(() -> image[0] = w.canvas().cardImage("dial"));
        assertNotNull(image[0]);
        assertTrue(image[0].getWidth() >= 112 && image[0].getWidth() <= 300, "a card's width: " + image[0].getWidth());
        assertTrue(image[0].getHeight() >= 40, "a card's height: " + image[0].getHeight());
        Color middle = image[0].getPixelReader().getColor((int) image[0].getWidth() / 2, 8);
        assertEquals(1.0, middle.getOpacity(), 0.01, "the card is drawn, not an empty picture");
    }
}
