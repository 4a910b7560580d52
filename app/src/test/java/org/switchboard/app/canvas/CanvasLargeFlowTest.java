package org.switchboard.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
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
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * A 1,000-node flow: only the cards near the view exist, panning and revealing bring others in, far out the cards
 * take their simple form, a zoom gesture rebuilds no card per step, and edits still reach nodes whose cards do not
 * exist.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasLargeFlowTest {

    private EditorDocument doc;
    private FlowCanvas canvas;

    @Start
    void start(Stage stage) {
        AppTexts.setLocale(Locale.ENGLISH);
        doc = EditorDocument.checkedBy(NodeTypes.standard(), AppTexts.engine());
        doc.reset(CanvasBenchmark.bigFlow(CanvasBenchmark.NODES), null, true);
        canvas = new FlowCanvas(doc, NodeTypes.standard(), AppTexts.engine());
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
        assertTrue(canvas.wires().containsKey(new Wire("n0", "call", "n1")));
        assertFalse(canvas.wires().containsKey(new Wire("n998", "digits", "n999")), "far wires are not drawn");

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
        // n41 is a Switch (routing): outline in the category colour, painted in code without a CSS pass.
        assertTrue(v.getStyleClass().isEmpty(), "no style class, so no CSS matching for hundreds of cards");
        assertEquals(2, v.getBackground().getFills().size());
        assertEquals(canvas.colors().get(CanvasColors.Key.ROUTING), v.getBackground().getFills().get(0).getFill());
        robot.interact(() -> doc.select(List.of("n41")));
        assertEquals(canvas.colors().get(CanvasColors.Key.ACCENT_RING),
                v.getBackground().getFills().get(0).getFill(), "selected: the accent ring");
        robot.interact(() -> {
            canvas.getParent().getStyleClass().add("dark");
            canvas.flush();
        });
        javafx.scene.paint.Paint darkRing = v.getBackground().getFills().get(0).getFill();
        javafx.scene.paint.Paint darkSurface = v.getBackground().getFills().get(2).getFill();
        robot.interact(() -> {
            canvas.getParent().getStyleClass().remove("dark");
            canvas.flush();
        });
        assertEquals(canvas.colors().get(CanvasColors.Key.ACCENT_RING), v.getBackground().getFills().get(0).getFill());
        assertNotEquals(darkSurface, v.getBackground().getFills().get(2).getFill(), "the theme changes the looks");
        assertNotEquals(darkRing, v.getBackground().getFills().get(0).getFill());
        robot.interact(() -> doc.select(List.of()));
        robot.interact(() -> canvas.showCalls(List.of("n41"), List.of()));
        assertEquals(canvas.colors().get(CanvasColors.Key.LIVE), v.getBackground().getFills().get(1).getFill(),
                "far out too, the card a call is at is outlined green");
        robot.interact(() -> canvas.showCalls(List.of(), List.of()));
        assertEquals(canvas.colors().get(CanvasColors.Key.ROUTING), v.getBackground().getFills().get(0).getFill());

        robot.interact(canvas::resetZoom);
        settle(robot);
        NodeView again = canvas.view("n41");
        assertFalse(again.getPseudoClassStates().contains(NodeView.LOD));
        assertEquals("node-n41", again.getId());
        assertTrue(again.getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof Text));
        assertEquals(List.of("node-view", "cat-routing"), again.getStyleClass());
        assertEquals(4, again.getBackground().getFills().size(), "the full card's CSS look (shadows, border, surface)");
    }

    @Test
    void aZoomGestureKeepsTheCardsFormUntilItEndsThenShowsThemSharp(FxRobot robot) throws Exception {
        settle(robot);
        double cx = canvas.getWidth() / 2;
        double cy = canvas.getHeight() / 2;
        int[] cards = new int[2];
        boolean[] gesture = new boolean[1];
        boolean[] simpleFarOut = new boolean[1];
        boolean[] simpleBackIn = new boolean[1];
        boolean[] fullAbove = new boolean[1];
        robot.interact(() -> {
            cards[0] = canvas.views().size();
            // A pinch out to 25 % and Ctrl + scroll back in to about 80 %, across the 50 % level of detail both
            // ways, one frame (layout pass) per step.
            for (int i = 0; i < 20; i++) {
                canvas.fireEvent(new ZoomEvent(ZoomEvent.ZOOM, cx, cy, cx, cy, false, false, false, false, false,
                        false, 0.93, Math.pow(0.93, i + 1), null));
                canvas.flush();
                if (i == 8) {
                    // 0.93^9 = 52 %: the last step above the simple-card zoom; the card is still in full.
                    fullAbove[0] = !canvas.view("n41").getPseudoClassStates().contains(NodeView.LOD);
                }
            }
            assertEquals(PanZoom.MIN, canvas.zoomProperty().get(), 1e-9);
            simpleFarOut[0] = canvas.view("n41").getPseudoClassStates().contains(NodeView.LOD);
            for (int i = 0; i < 20; i++) {
                canvas.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, cx, cy, cx, cy, false, true, false, false,
                        false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                        ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
                canvas.flush();
            }
            simpleBackIn[0] = canvas.view("n41").getPseudoClassStates().contains(NodeView.LOD);
            cards[1] = canvas.views().size();
            gesture[0] = canvas.zoomGestureActive();
        });
        assertTrue(canvas.zoomProperty().get() > FlowCanvas.LOD_ZOOM, "back above the simple-card zoom");
        assertTrue(fullAbove[0], "above 50 % the card keeps its full form during the gesture");
        assertTrue(simpleFarOut[0], "below 50 % the full cards turned simple during the gesture");
        assertTrue(simpleBackIn[0], "zooming back in within the gesture keeps them simple (no rebuild per step)");
        assertTrue(cards[1] > cards[0], "cards that came into view are shown");
        assertTrue(gesture[0], "40 steps in a row are one gesture");

        Thread.sleep((long) FlowCanvas.ZOOM_SETTLE.toMillis() + 250);
        settle(robot);
        assertFalse(canvas.zoomGestureActive(), "the gesture ends after the last step");
        NodeView v = canvas.view("n41");
        assertNotNull(v);
        assertFalse(v.getPseudoClassStates().contains(NodeView.LOD), "sharp, full cards again");
        assertTrue(v.getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof Text));
        assertTrue(canvas.views().size() < cards[1], "and the cards far away are dropped again");
    }

    @Test
    void thePanAndTheCardsSitOnWholePixelsWhileSubPixelMovesAddUp(FxRobot robot) {
        settle(robot);
        PanZoom pz = canvas.panZoom();
        double[] start = new double[2];
        robot.interact(() -> {
            start[0] = pz.panX();
            start[1] = pz.panY();
            pz.zoomAt(333.3, 211.7, 0.73);
        });
        settle(robot);
        assertEquals(Math.rint(pz.panX()), pz.panX(), 0, "pan after zooming around a point: " + pz.panX());
        assertEquals(Math.rint(pz.panY()), pz.panY(), 0);
        int checked = 0;
        for (NodeView v : canvas.views().values()) {
            javafx.geometry.Point2D p = v.localToScene(0, 0);
            if (p.getX() > 0 && p.getX() < 1200 && p.getY() > 0 && p.getY() < 700) {
                assertEquals(Math.rint(p.getX()), p.getX(), 1e-3, v.nodeId() + " at x " + p.getX());
                assertEquals(Math.rint(p.getY()), p.getY(), 1e-3, v.nodeId() + " at y " + p.getY());
                assertTrue(Math.abs(v.getTranslateX()) * 0.73 <= 0.5 + 1e-9, "moved by at most half a pixel");
                checked++;
            }
        }
        assertTrue(checked > 10, checked + " cards checked");

        robot.interact(() -> pz.zoomAt(333.3, 211.7, 1.0));
        assertEquals(start[0], pz.panX(), 0, "zooming back around the same point returns to the same pan");
        assertEquals(start[1], pz.panY(), 0);
        robot.interact(() -> {
            pz.panBy(0.4, 0);
            assertEquals(start[0], pz.panX(), 0, "0.4 px is not shown yet");
            pz.panBy(0.4, 0);
        });
        assertEquals(start[0] + 1, pz.panX(), 0, "but two of them add up to a pixel");

        robot.interact(() -> {
            canvas.setShowEverything(true);
            assertTrue(canvas.views().values().stream().allMatch(v -> v.getTranslateX() == 0 && v.getTranslateY() == 0),
                    "an export (at its own scale) shows the cards unrounded");
            canvas.setShowEverything(false);
        });
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
        assertTrue(canvas.wires().isEmpty());
        assertTrue(canvas.wireLayer().path().getElements().isEmpty());
    }

    @Test
    void allWiresAreOneSceneNode(FxRobot robot) {
        robot.interact(() -> canvas.zoomProperty().set(0.25));
        settle(robot);
        int drawn = canvas.wires().size();
        assertTrue(drawn > 150, drawn + " wires drawn at 25 %");
        assertEquals(List.of(canvas.wireLayer().path()), canvas.wiresLayer().getChildren(),
                "one path for all wires, not a node per wire (stroking those is a third of a frame's rendering)");
        int inPath = canvas.wireLayer().path().getElements().size() / 2;
        assertTrue(inPath > 150 && inPath <= drawn, inPath + " of " + drawn + " wires in the path");

        double[] view = canvas.panZoom().visibleWorld();
        Wire w = canvas.wires().values().stream().filter(c -> CardPolicy.intersects(c.box(), view))
                .findFirst().orElseThrow().wire();
        robot.interact(() -> canvas.selectedWire().set(w));
        assertEquals(2, canvas.wiresLayer().getChildren().size(), "only the selected wire has a view of its own");
        assertEquals(2 * (inPath - 1), canvas.wireLayer().path().getElements().size());
    }
}
