package org.switchboard.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * Drives the canvas like a user with the TestFX robot (headless Monocle in the build): dropping from a palette,
 * wiring, moving, selecting, deleting. Each gesture must end in exactly one undoable step with the right label.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasGesturesTest {

    private static final double PALETTE_WIDTH = 120;

    private EditorDocument doc;
    private FlowCanvas canvas;

    @Start
    void start(Stage stage) {
        AppTexts.setLocale(Locale.ENGLISH);
        doc = EditorDocument.checkedBy(NodeTypes.standard(), AppTexts.engine());
        canvas = new FlowCanvas(doc, NodeTypes.standard(), AppTexts.engine());
        Label dial = new Label("Dial");
        dial.setId("palette-dial");
        dial.setMinSize(PALETTE_WIDTH, 30);
        PaletteDrag.install(dial, "dial", () -> canvas.cardImage("dial"));
        VBox palette = new VBox(dial);
        palette.setMinWidth(PALETTE_WIDTH);
        palette.setMaxWidth(PALETTE_WIDTH);
        BorderPane root = new BorderPane(canvas);
        root.setLeft(palette);
        stage.setScene(new Scene(root, 1280, 760));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @BeforeEach
    void english() {
        AppTexts.setLocale(Locale.ENGLISH);
    }

    private void load(Flow flow, FxRobot robot) {
        robot.interact(() -> doc.reset(flow, null, true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Flow unwired() {
        NodeTypes t = NodeTypes.standard();
        return Flow.of("t", List.of(
                t.get("incomingCall").newNode("in1", 40, 200),
                t.get("gather").newNode("gather1", 280, 200),
                t.get("switch").newNode("switch1", 520, 200).withProperty("rules", List.of(
                        org.switchboard.engine.nodes.SwitchRule.data(
                                org.switchboard.engine.nodes.SwitchRule.Op.EQUALS, "1"),
                        org.switchboard.engine.nodes.SwitchRule.data(
                                org.switchboard.engine.nodes.SwitchRule.Op.EQUALS, "2"))),
                t.get("dial").newNode("dial1", 760, 60),
                t.get("dial").newNode("dial2", 760, 340)), List.of());
    }

    private Point2D screenCentre(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    @Test
    void dropFromPaletteAddsANodeWhereItLands(FxRobot robot) {
        Point2D target = robot.point(canvas).query().add(-100, -60);
        robot.drag("#palette-dial", MouseButton.PRIMARY).dropTo(target);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, doc.flow().nodes().size(), "one node dropped");
        FlowNode n = doc.flow().nodes().get(0);
        assertEquals("dial", n.type());
        Point2D local = canvas.screenToLocal(target);
        // Pan (0,0) and 100 %: the pointer lands in the header, the card snaps to the 20 px grid.
        assertEquals(CanvasEdits.snap(local.getX() - CanvasMouse.DROP_DX), n.position().x(), 0.01);
        assertEquals(CanvasEdits.snap(local.getY() - NodeView.PORT_Y), n.position().y(), 0.01);
        assertEquals("Add Dial", doc.undoLabelProperty().get());
        assertEquals(Set.of(n.id()), doc.selectedNodes());
        assertNotNull(robot.lookup("#node-" + n.id()).tryQuery().orElse(null), "a card appears");
    }

    @Test
    void placeNodeUsesTheSamePathAsTheDrop(FxRobot robot) {
        Point2D scene = canvas.localToScene(300, 200);
        robot.interact(() -> canvas.placeNode("play", scene));
        FlowNode n = doc.flow().nodes().get(0);
        assertEquals(new Position(CanvasEdits.snap(300 - CanvasMouse.DROP_DX), CanvasEdits.snap(200 - 22)),
                n.position());
        robot.interact(() -> assertNull(canvas.placeNode("noSuchType", scene)));
        assertEquals(1, doc.flow().nodes().size());
    }

    @Test
    void wiresAreDrawnByDraggingFromOutputToInput(FxRobot robot) {
        load(unwired(), robot);
        robot.drag("#port-out-in1-call", MouseButton.PRIMARY).dropTo("#port-in-gather1");
        robot.drag("#port-out-gather1-digits", MouseButton.PRIMARY).dropTo("#port-in-switch1");
        robot.drag("#port-out-switch1-1", MouseButton.PRIMARY).dropTo("#port-in-dial1");
        // Dropping on the card (not exactly on the port) connects as well.
        robot.drag("#port-out-switch1-2", MouseButton.PRIMARY).dropTo("#node-dial2");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(Set.of(new Wire("in1", "call", "gather1"), new Wire("gather1", "digits", "switch1"),
                new Wire("switch1", "1", "dial1"), new Wire("switch1", "2", "dial2")),
                Set.copyOf(doc.flow().wires()));
        assertEquals("Connect", doc.undoLabelProperty().get());
        assertTrue(robot.lookup("#port-in-dial2").query().getPseudoClassStates().contains(PortView.CONNECTED),
                "a connected port is filled");
        assertFalse(robot.lookup("#port-out-switch1-otherwise").query().getPseudoClassStates()
                .contains(PortView.CONNECTED));
        assertTrue(canvas.wires().containsKey(new Wire("switch1", "2", "dial2")), "the new wire is drawn");

        robot.interact(doc::undo);
        assertEquals(3, doc.flow().wires().size(), "each wire is its own undo step");
    }

    @Test
    void onlyValidInputsAreHighlightedAndInvalidDropsDoNothing(FxRobot robot) {
        Flow f = unwired().withWire(new Wire("in1", "call", "gather1"));
        load(f, robot);
        Point2D from = screenCentre(robot, "#port-out-in1-call");
        robot.moveTo(from).press(MouseButton.PRIMARY).moveBy(30, 40).moveBy(20, 20);
        WaitForAsyncUtils.waitForFxEvents();
        Node gatherIn = robot.lookup("#port-in-gather1").query();
        Node dialIn = robot.lookup("#port-in-dial1").query();
        assertFalse(gatherIn.getPseudoClassStates().contains(PortView.DROP_TARGET), "no duplicate wire");
        assertTrue(dialIn.getPseudoClassStates().contains(PortView.DROP_TARGET));
        assertTrue(robot.lookup("#wire-preview").tryQuery().isPresent(), "live preview");
        // Drop on its own card: not a valid target, nothing changes and no quick-add opens.
        robot.moveTo("#node-in1").release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, doc.flow().wires().size());
        assertTrue(robot.lookup("#quick-add").tryQuery().isEmpty());
        assertFalse(dialIn.getPseudoClassStates().contains(PortView.DROP_TARGET), "highlights cleared");
    }

    @Test
    void droppingAWireOnEmptyCanvasOffersQuickAddThatCreatesAndConnectsInOneStep(FxRobot robot) {
        load(unwired(), robot);
        Point2D from = screenCentre(robot, "#port-out-gather1-digits");
        Point2D drop = from.add(60, 260);
        robot.drag(from, MouseButton.PRIMARY).dropTo(drop);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#quick-add").tryQuery().isPresent(), "quick-add opens");
        assertTrue(robot.lookup("#quick-add-incomingCall").tryQuery().isEmpty(), "only types with an input");

        robot.write("pla");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#quick-add").tryQuery().isEmpty(), "closed after picking");
        FlowNode play = doc.flow().nodes().stream().filter(n -> n.type().equals("play")).findFirst().orElseThrow();
        assertTrue(doc.flow().wires().contains(new Wire("gather1", "digits", play.id())));
        Point2D world = canvas.panZoom().toWorld(canvas.screenToLocal(drop).getX(), canvas.screenToLocal(drop).getY());
        assertEquals(CanvasEdits.snap(world.getX()), play.position().x(), 0.01, "its input lands at the drop");
        assertEquals("Add Play", doc.undoLabelProperty().get());
        robot.interact(doc::undo);
        assertEquals(5, doc.flow().nodes().size());
        assertTrue(doc.flow().wires().isEmpty(), "node and wire were one step");
    }

    @Test
    void quickAddClosesWithEscapeWithoutChanges(FxRobot robot) {
        load(unwired(), robot);
        Point2D from = screenCentre(robot, "#port-out-in1-call");
        robot.drag(from, MouseButton.PRIMARY).dropTo(from.add(40, 300));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#quick-add").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#quick-add").tryQuery().isEmpty());
        assertTrue(robot.lookup("#wire-preview").tryQuery().isEmpty(), "the preview goes too");
        assertEquals(unwired(), doc.flow());
    }

    @Test
    void movingANodeIsOneSnappedUndoStep(FxRobot robot) {
        load(CanvasDemo.familyMenu(false), robot);
        Point2D grab = screenCentre(robot, "#node-gather1");
        robot.drag(grab, MouseButton.PRIMARY).moveBy(50, 20).moveBy(53, 27).drop();
        WaitForAsyncUtils.waitForFxEvents();

        // 260,220 moved by 103,47 snaps to the 20 px grid.
        assertEquals(new Position(360, 260), doc.flow().nodeOrNull("gather1").position());
        assertEquals("Move 1 node", doc.undoLabelProperty().get());
        Node view = robot.lookup("#node-gather1").query();
        assertEquals(360, view.getLayoutX(), 0.01);
        robot.interact(doc::undo);
        assertEquals(new Position(260, 220), doc.flow().nodeOrNull("gather1").position());
        assertEquals(260, view.getLayoutX(), 0.01, "the view follows the undone flow");
        assertFalse(doc.canUndoProperty().get(), "the whole drag was a single step");
    }

    @Test
    void dragMovesTheWholeSelectionAndWiresFollow(FxRobot robot) {
        load(CanvasDemo.familyMenu(false), robot);
        robot.interact(() -> doc.select(List.of("gather1", "switch1")));
        robot.drag("#node-switch1", MouseButton.PRIMARY).moveBy(40, 0).moveBy(40, 40).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Position(340, 260), doc.flow().nodeOrNull("gather1").position());
        assertEquals(new Position(600, 260), doc.flow().nodeOrNull("switch1").position());
        assertEquals("Move 2 nodes", doc.undoLabelProperty().get());
        Point2D end = canvas.wires().get(new Wire("in1", "call", "gather1")).to();
        assertEquals(340, end.getX(), 0.01, "the wire ends at the moved input port");
        assertEquals(260 + NodeView.PORT_Y, end.getY(), 0.01);
        assertTrue(canvas.wireLayer().path().getElements().stream().anyMatch(el -> el instanceof CubicCurveTo c
                && c.getX() == 340 && c.getY() == 260 + NodeView.PORT_Y), "the shared path was redrawn");
    }

    @Test
    void clickSelectsShiftClickTogglesEscapeClearsCtrlASelectsAll(FxRobot robot) {
        load(CanvasDemo.familyMenu(false), robot);
        robot.clickOn("#node-in1");
        assertEquals(Set.of("in1"), doc.selectedNodes());
        assertTrue(robot.lookup("#node-in1").query().getPseudoClassStates().contains(NodeView.SELECTED));
        robot.press(KeyCode.SHIFT).clickOn("#node-switch1").release(KeyCode.SHIFT);
        assertEquals(Set.of("in1", "switch1"), doc.selectedNodes());
        robot.press(KeyCode.SHIFT).clickOn("#node-in1").release(KeyCode.SHIFT);
        assertEquals(Set.of("switch1"), doc.selectedNodes());
        robot.type(KeyCode.ESCAPE);
        assertTrue(doc.selectedNodes().isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertEquals(7, doc.selectedNodes().size());
        // A click on empty canvas clears the selection.
        robot.clickOn(robot.point(canvas).atOffset(new Point2D(-300, 250)).query());
        assertTrue(doc.selectedNodes().isEmpty());
        assertFalse(doc.canUndoProperty().get(), "selection is not an edit");
    }

    @Test
    void rubberBandSelectsTheCardsItTouches(FxRobot robot) {
        load(CanvasDemo.familyMenu(false), robot);
        // From empty canvas above the Gather card to below the Switch card: touches gather1 and switch1 only.
        Point2D a = canvas.localToScreen(240, 190);
        Point2D b = canvas.localToScreen(560, 300);
        robot.drag(a, MouseButton.PRIMARY).moveTo(a.add(80, 50)).moveTo(b);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#rubber-band").tryQuery().isPresent(), "the band is drawn while dragging");
        assertTrue(robot.lookup("#node-switch1").query().getPseudoClassStates().contains(NodeView.SELECTED),
                "live look");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("gather1", "switch1"), doc.selectedNodes());
        assertTrue(robot.lookup("#rubber-band").tryQuery().isEmpty());
    }

    @Test
    void deleteRemovesSelectedNodesWithTheirWiresOrTheSelectedWire(FxRobot robot) {
        load(CanvasDemo.familyMenu(false), robot);
        robot.clickOn("#node-switch1");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(doc.flow().contains("switch1"));
        assertEquals(2, doc.flow().wires().size(), "the four wires of the switch went with it");
        assertEquals("Delete 1 node", doc.undoLabelProperty().get());
        assertTrue(robot.lookup("#node-switch1").tryQuery().isEmpty());
        assertFalse(canvas.wires().containsKey(new Wire("switch1", "1", "dial1")));

        // Click a wire in its middle, then Backspace.
        robot.clickOn(onWire(new Wire("in1", "call", "gather1"), 0.5));
        WireView w = robot.lookup("#wire-in1-call-gather1").queryAs(WireView.class);
        assertTrue(w.getPseudoClassStates().contains(WireView.SELECTED));
        assertEquals(new Wire("in1", "call", "gather1"), canvas.selectedWireProperty().get());
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(doc.flow().wires().contains(new Wire("in1", "call", "gather1")));
        assertEquals("Delete wire", doc.undoLabelProperty().get());
        assertNull(canvas.selectedWireProperty().get());
    }

    /** The screen point at t (0 to 1) along a wire's curve. */
    private Point2D onWire(Wire w, double t) {
        WireCurve c = canvas.wires().get(w);
        Point2D a = c.from();
        Point2D b = c.to();
        double d = WireCurve.tangent(a, b);
        double u = 1 - t;
        double x = u * u * u * a.getX() + 3 * u * u * t * (a.getX() + d) + 3 * u * t * t * (b.getX() - d)
                + t * t * t * b.getX();
        double y = (u * u * u + 3 * u * u * t) * a.getY() + (3 * u * t * t + t * t * t) * b.getY();
        return canvas.localToScreen(canvas.panZoom().toView(x, y));
    }

    @Test
    void wiresInTheSharedPathAreHoveredAndClickedByTheirCurve(FxRobot robot) {
        load(CanvasDemo.familyMenu(false), robot);
        Wire one = new Wire("switch1", "1", "dial1");
        Wire two = new Wire("switch1", "2", "dial2");
        int pathElements = canvas.wireLayer().path().getElements().size();
        assertEquals(2 * doc.flow().wires().size(), pathElements, "every wire is in the one shared path");

        // Near the end of each curve, where the switch's wires have gone their own ways; 4 px off the line.
        Point2D onOne = onWire(one, 0.8).add(0, 4);
        robot.moveTo(onOne);
        WaitForAsyncUtils.waitForFxEvents();
        WireView hovered = robot.lookup("#wire-switch1-1-dial1").queryAs(WireView.class);
        assertTrue(hovered.getPseudoClassStates().contains(WireView.HOVERED), "hover highlights the wire");
        assertEquals(pathElements - 2, canvas.wireLayer().path().getElements().size(),
                "the hovered wire is drawn on its own, not twice");
        assertTrue(robot.lookup("#wire-switch1-2-dial2").tryQuery().isEmpty());
        robot.moveTo(onWire(one, 0.8).add(0, 40));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#wire-switch1-1-dial1").tryQuery().isEmpty(), "moving off ends the hover");
        assertEquals(pathElements, canvas.wireLayer().path().getElements().size());

        robot.clickOn(onWire(two, 0.8));
        assertEquals(two, canvas.selectedWireProperty().get(), "the click picks the wire under the pointer");
        assertTrue(robot.lookup("#wire-switch1-2-dial2").queryAs(WireView.class).getPseudoClassStates()
                .contains(WireView.SELECTED));
        robot.clickOn(onOne);
        assertEquals(one, canvas.selectedWireProperty().get());
        assertTrue(robot.lookup("#wire-switch1-2-dial2").tryQuery().isEmpty(), "the old selection is plain again");
        robot.clickOn(onWire(one, 0.8).add(0, 40));
        assertNull(canvas.selectedWireProperty().get(), "a click beside the wire selects nothing");
        assertFalse(doc.canUndoProperty().get(), "selecting a wire is not an edit");
    }

    @Test
    void arrowKeysMoveTheSelectionAndARunOfPressesIsOneStep(FxRobot robot) {
        load(CanvasDemo.familyMenu(false), robot);
        robot.clickOn("#node-hangup1");
        robot.type(KeyCode.RIGHT, 3);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Position(960 + 60, 420 + 100), doc.flow().nodeOrNull("hangup1").position());
        assertEquals("Move 1 node", doc.undoLabelProperty().get());
        robot.interact(doc::undo);
        assertEquals(new Position(960, 420), doc.flow().nodeOrNull("hangup1").position());
        assertFalse(doc.canUndoProperty().get());
    }
}
