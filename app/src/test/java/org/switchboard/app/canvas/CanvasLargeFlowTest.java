package org.switchboard.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Position;

/**
 * A 1,000-node flow: only the cards near the view exist, panning and revealing bring others in, far out the cards
 * take their simple form, and edits still reach nodes whose cards do not exist.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasLargeFlowTest {

    private EditorDocument doc;
    private FlowCanvas canvas;

    @Start
    void start(Stage stage) {
        AppTexts.setLocale(Locale.ENGLISH);
        doc = new EditorDocument();
        doc.reset(CanvasBenchmark.bigFlow(CanvasBenchmark.NODES), null, true);
        canvas = new FlowCanvas(doc);
        stage.setScene(new Scene(new StackPane(canvas), 1200, 700));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /** Lets deferred card building (a few dozen cards per frame) finish. */
    private void settle(FxRobot robot) {
        boolean[] building = {true};
        for (int i = 0; i < 60 && building[0]; i++) {
            robot.interact(() -> {
                canvas.flush();
                building[0] = canvas.building();
            });
        }
        assertFalse(building[0], "cards are built within a few frames");
    }

    @Test
    void onlyCardsNearTheViewExist(FxRobot robot) {
        settle(robot);
        int built = canvas.views().size();
        assertTrue(built > 10 && built < 200, built + " cards built for a 1,000-node flow");
        assertNotNull(canvas.view("n0"));
        assertNull(canvas.view("n999"), "the far corner has no card");
        assertNotNull(robot.lookup("#wire-n0-call-n1").tryQuery().orElse(null));
        assertTrue(robot.lookup("#wire-n998-digits-n999").tryQuery().isEmpty());

        robot.interact(() -> canvas.reveal("n999"));
        settle(robot);
        assertNotNull(canvas.view("n999"), "revealing builds its card");
        assertNull(canvas.view("n0"), "and drops the ones far away");
        assertTrue(canvas.views().size() < 200);
    }

    @Test
    void farOutCardsAreSimpleAndComeBackInFull(FxRobot robot) {
        settle(robot);
        int atFullSize = canvas.views().size();
        robot.interact(() -> canvas.zoomProperty().set(0.3));
        settle(robot);
        NodeView v = canvas.view("n41");
        assertNotNull(v);
        assertTrue(v.getPseudoClassStates().contains(NodeView.LOD));
        assertTrue(v.getChildrenUnmodifiable().stream().noneMatch(n -> n instanceof Text), "no texts far out");
        assertTrue(canvas.views().size() > 3 * atFullSize, "many more cards are in view");

        robot.interact(canvas::resetZoom);
        settle(robot);
        NodeView again = canvas.view("n41");
        assertFalse(again.getPseudoClassStates().contains(NodeView.LOD));
        assertEquals("node-n41", again.getId());
        assertTrue(again.getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof Text));
    }

    @Test
    void editsReachNodesWithoutCards(FxRobot robot) {
        settle(robot);
        robot.interact(() -> doc.select(List.of("n1", "n999")));
        robot.drag("#node-n1", MouseButton.PRIMARY).moveBy(20, 0).moveBy(20, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Move 2 nodes", doc.undoLabelProperty().get());
        assertEquals(new Position(260 + 40, 0), doc.flow().nodeOrNull("n1").position());
        assertEquals(new Position(39 * 260 + 40, 24 * 180), doc.flow().nodeOrNull("n999").position());

        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertEquals(1000, doc.selectedNodes().size(), "select all includes nodes without cards");
        robot.type(KeyCode.DELETE);
        settle(robot);
        assertTrue(doc.flow().nodes().isEmpty());
        assertEquals("Delete 1,000 nodes", doc.undoLabelProperty().get());
        assertTrue(canvas.views().isEmpty());
        assertTrue(canvas.wiresLayer().getChildren().isEmpty());
    }
}
