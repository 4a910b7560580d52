package org.switchboard.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * Clipboard round trips through the real system clipboard, pan and zoom (the point under the pointer stays put,
 * and neither is an edit), the zoom buttons, the minimap and the PNG export.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasClipboardAndViewTest {

    private EditorDocument doc;
    private FlowCanvas canvas;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppTexts.setLocale(Locale.ENGLISH);
        doc = EditorDocument.checkedBy(NodeTypes.standard(), AppTexts.engine());
        doc.reset(CanvasDemo.familyMenu(false), null, true);
        canvas = new FlowCanvas(doc, NodeTypes.standard(), AppTexts.engine());
        stage.setScene(new Scene(new StackPane(canvas), 1200, 700));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @BeforeEach
    void english() {
        AppTexts.setLocale(Locale.ENGLISH);
    }

    private void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String clipboardText(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    @Test
    void copyPutsFlowJsonOnTheClipboardAndPasteInsertsCopiesWithNewIds(FxRobot robot) throws Exception {
        robot.clickOn("#node-play1");
        robot.press(KeyCode.SHIFT).clickOn("#node-hangup1").release(KeyCode.SHIFT);
        ctrl(robot, KeyCode.C);

        JsonNode json = new ObjectMapper().readTree(clipboardText(robot));
        assertEquals(1, json.path("formatVersion").asInt());
        assertEquals(2, json.path("nodes").size());
        assertEquals(1, json.path("wires").size(), "only the wire between the copied nodes");
        assertEquals("play1", json.path("wires").get(0).path("from").asText());
        assertEquals("next", json.path("wires").get(0).path("port").asText());
        assertFalse(doc.canUndoProperty().get(), "copy is not an edit");

        ctrl(robot, KeyCode.V);
        Flow f = doc.flow();
        assertEquals(9, f.nodes().size());
        Set<String> pasted = new HashSet<>(doc.selectedNodes());
        assertEquals(2, pasted.size(), "the pasted nodes become the selection");
        assertFalse(pasted.contains("play1") || pasted.contains("hangup1"), "copies get new ids");
        FlowNode playCopy = pasted.stream().map(f::nodeOrNull).filter(n -> n.type().equals("play")).findFirst()
                .orElseThrow();
        FlowNode hangCopy = pasted.stream().map(f::nodeOrNull).filter(n -> n.type().equals("hangup")).findFirst()
                .orElseThrow();
        assertEquals(new Position(780, 460), playCopy.position(), "40 px down and right");
        assertEquals("Sorry", playCopy.name());
        assertEquals(f.nodeOrNull("play1").properties(), playCopy.properties());
        assertTrue(f.wires().contains(new Wire(playCopy.id(), "next", hangCopy.id())), "inner wire copied");
        assertEquals("Paste 2 nodes", doc.undoLabelProperty().get());

        ctrl(robot, KeyCode.V);
        assertEquals(11, doc.flow().nodes().size());
        assertTrue(doc.selectedNodes().stream().map(doc.flow()::nodeOrNull)
                .anyMatch(n -> n.position().equals(new Position(820, 500))), "a second paste steps on");
    }

    @Test
    void cutRemovesAndPasteBringsBackInPlaceDuplicateOffsets(FxRobot robot) {
        robot.clickOn("#node-dial2");
        ctrl(robot, KeyCode.X);
        assertFalse(doc.flow().contains("dial2"));
        assertEquals("Cut 1 node", doc.undoLabelProperty().get());
        ctrl(robot, KeyCode.V);
        String id = doc.selectedNodes().iterator().next();
        assertEquals(new Position(740, 240), doc.flow().nodeOrNull(id).position(), "first paste after cut");

        ctrl(robot, KeyCode.D);
        assertEquals("Duplicate 1 node", doc.undoLabelProperty().get());
        String dup = doc.selectedNodes().iterator().next();
        assertNotEquals(id, dup);
        assertEquals(new Position(780, 280), doc.flow().nodeOrNull(dup).position());
    }

    @Test
    void pastingTextThatIsNotAFlowDoesNothing(FxRobot robot) {
        Flow before = doc.flow();
        for (String text : List.of("hello", "{\"nodes\": 3}", "{broken", "{\"nodes\":[{\"id\":\"\"}]}")) {
            robot.interact(() -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(text);
                Clipboard.getSystemClipboard().setContent(c);
            });
            robot.clickOn(robot.point(canvas).atOffset(new Point2D(-400, 250)).query());
            ctrl(robot, KeyCode.V);
            assertEquals(before, doc.flow(), "pasting " + text);
        }
        assertFalse(doc.canUndoProperty().get());
    }

    @Test
    void ctrlScrollZoomsAroundThePointerAndPlainScrollPans(FxRobot robot) {
        Point2D pointer = canvas.localToScreen(333, 277);
        robot.moveTo(pointer);
        Point2D worldBefore = canvas.panZoom().toWorld(333, 277);
        robot.press(KeyCode.CONTROL).scroll(3, VerticalDirection.UP).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double zoom = canvas.zoomProperty().get();
        assertNotEquals(1.0, zoom, 1e-6, "zoomed");
        Point2D worldAfter = canvas.panZoom().toWorld(333, 277);
        // Within half a screen pixel: the pan is rounded to whole pixels.
        assertEquals(worldBefore.getX(), worldAfter.getX(), 0.5 / zoom, "the point under the pointer stays");
        assertEquals(worldBefore.getY(), worldAfter.getY(), 0.5 / zoom);

        double panY = canvas.panZoom().panY();
        robot.scroll(2, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(panY, canvas.panZoom().panY(), "plain scrolling pans");
        assertEquals(zoom, canvas.zoomProperty().get(), 1e-9, "without changing the zoom");
        assertFalse(doc.canUndoProperty().get(), "pan and zoom are not edits");
    }

    @Test
    void zoomIsClampedAndTheButtonsWork(FxRobot robot) {
        robot.interact(() -> canvas.zoomProperty().set(5));
        assertEquals(2.0, canvas.zoomProperty().get(), 1e-9);
        robot.interact(() -> canvas.zoomProperty().set(0.01));
        assertEquals(0.25, canvas.zoomProperty().get(), 1e-9);
        robot.interact(canvas::resetZoom);
        robot.clickOn("#zoom-in");
        assertEquals(1.1, canvas.zoomProperty().get(), 1e-9);
        robot.clickOn("#zoom-out").clickOn("#zoom-out");
        assertEquals(0.9, canvas.zoomProperty().get(), 1e-9);
        robot.clickOn("#zoom-fit");
        // The family menu spans 40..1072 x 60..~490: it fits 1200x700 at 100 %, centred.
        assertEquals(1.0, canvas.zoomProperty().get(), 1e-9);
        Point2D centre = canvas.panZoom().toWorld(600, 350);
        assertEquals((40 + 1072) / 2.0, centre.getX(), 12);
        assertTrue(doc.selectedNodes().isEmpty() && !doc.canUndoProperty().get());
    }

    @Test
    void fitPrefers100PercentAndActualSizeKeepsTheFirstNodeInView(FxRobot robot) {
        // 1032 wide: at 100 % it leaves 24 px each side of a 1080 wide view, less than fit's usual 48 px margin
        robot.interact(() -> stage.setWidth(1080));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#zoom-fit");
        assertEquals(1.0, canvas.zoomProperty().get(), 1e-9, "a flow that fits at 100 % is shown at 100 %");

        // too wide for the view at 100 %: fit shrinks it; 100 % again keeps its left edge (the first node) in view
        robot.interact(() -> stage.setWidth(900));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#zoom-fit");
        assertTrue(canvas.zoomProperty().get() < 1.0);
        robot.interact(canvas::resetZoom);
        assertEquals(1.0, canvas.zoomProperty().get(), 1e-9);
        double left = canvas.panZoom().toView(40, 100).getX();
        assertTrue(left >= 0 && left <= 20, "the flow's left edge is at the view's left: " + left);
        robot.interact(() -> stage.setWidth(1200));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void middleDragPansAndClickingTheMinimapCentresThere(FxRobot robot) {
        double x0 = canvas.panZoom().panX();
        robot.drag(canvas.localToScreen(600, 600), MouseButton.MIDDLE).moveBy(-40, 0).moveBy(-60, -30).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(x0 - 100, canvas.panZoom().panX(), 0.5);
        assertEquals(-30, canvas.panZoom().panY(), 0.5);
        assertFalse(doc.canUndoProperty().get());

        Minimap map = robot.lookup("#minimap").queryAs(Minimap.class);
        robot.clickOn(map);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D centre = canvas.panZoom().toWorld(canvas.getWidth() / 2, canvas.getHeight() / 2);
        // One minimap pixel is about 8 canvas units here; the robot clicks within a pixel of the middle, and the
        // pan is rounded to whole screen pixels.
        assertEquals(map.toWorldX(Minimap.WIDTH / 2), centre.getX(), 16.5);
        assertEquals(map.toWorldY(Minimap.HEIGHT / 2), centre.getY(), 16.5);
    }

    @Test
    void spaceDragPansInsteadOfMovingANode(FxRobot robot) {
        robot.moveTo("#node-gather1");
        robot.press(KeyCode.SPACE);
        robot.drag("#node-gather1", MouseButton.PRIMARY).moveBy(60, 0).drop();
        robot.release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(60, canvas.panZoom().panX(), 0.5);
        assertEquals(new Position(260, 220), doc.flow().nodeOrNull("gather1").position());
        assertFalse(doc.canUndoProperty().get());
    }

    @Test
    void exportWritesTheWholeFlowAsPng(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> canvas.zoomProperty().set(0.5));
        double[] width = new double[1];
        robot.interact(() -> width[0] = canvas.flowBounds().getWidth());
        Path one = dir.resolve("out/flow.png");
        Path two = dir.resolve("flow@2x.png");
        robot.interact(() -> {
            try {
                canvas.exportPng(one, 1);
                FlowCanvas.exportPng(canvas, two);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        // The flow's width plus a 32 px margin each side, whatever the zoom.
        assertTrue(width[0] > 1000, "the hang-up card ends right of x = 1040");
        assertEquals(width[0] + 64, a.getWidth(), 2);
        assertEquals(a.getWidth() * 2, b.getWidth(), 2);
        assertEquals(0xF3F4F7, a.getRGB(2, 2) & 0xFFFFFF, "canvas colour background");
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().startsWith(".export-")),
                "no temporary files left");
    }
}
