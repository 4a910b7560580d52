package org.switchboard.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.icons.NodeIcons;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * What the cards show for a flow, and that views are reconciled by node id: unchanged nodes keep their views,
 * problems turn into the warning state, unknown types still render, German texts fit.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasRenderTest {

    private EditorDocument doc;
    private FlowCanvas canvas;

    @Start
    void start(Stage stage) {
        AppTexts.setLocale(Locale.ENGLISH);
        doc = EditorDocument.checkedBy(NodeTypes.standard(), AppTexts.engine());
        canvas = new FlowCanvas(doc, NodeTypes.standard(), AppTexts.engine());
        stage.setScene(new Scene(new StackPane(canvas), 1200, 700));
        stage.show();
    }

    @BeforeEach
    void english() {
        AppTexts.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void backToEnglish() {
        AppTexts.setLocale(Locale.ENGLISH);
    }

    private void load(FxRobot robot, Flow flow) {
        robot.interact(() -> doc.reset(flow, null, true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(Node card, String styleClass) {
        Node n = card.lookup("." + styleClass);
        return n instanceof Text t ? t.getText() : null;
    }

    /** A text fits when the card did not have to cut it, and its real width stays inside the card. */
    private static boolean fits(Text t, NodeView card) {
        return !t.getText().endsWith("\u2026")
                && t.getLayoutX() + t.getLayoutBounds().getWidth() <= card.getWidth() - 12 + 0.5;
    }

    @Test
    void cardsShowTitleTypeTagSummaryAndOutputs(FxRobot robot) {
        load(robot, CanvasDemo.familyMenu(false));
        Node gather = robot.lookup("#node-gather1").query();
        assertEquals("Main menu", text(gather, "node-title"));
        assertEquals("Gather", text(gather, "node-type"), "the type follows a custom name");
        assertEquals("Gather 1 digit, 5 s", text(gather, "node-summary"));
        assertTrue(gather.getStyleClass().contains("cat-callControl"));

        Node sw = robot.lookup("#node-switch1").query();
        assertEquals("Switch", text(sw, "node-title"));
        assertNull(sw.lookup(".node-type"), "no type tag without a name");
        List<String> rows = sw.lookupAll(".node-output-label").stream().map(n -> ((Text) n).getText()).toList();
        assertEquals(List.of("= 1", "= 2", "otherwise"), rows);

        NodeView in = robot.lookup("#node-in1").queryAs(NodeView.class);
        assertFalse(in.hasInput(), "Incoming call has no input port");
        assertTrue(robot.lookup("#port-in-in1").tryQuery().isEmpty());
        // A single output sits in the header row; a Switch's outputs sit on their rows, one below the other.
        assertEquals(NodeView.PORT_Y, in.outputPoint("call").getY() - in.getLayoutY(), 0.01);
        NodeView swView = (NodeView) sw;
        double y1 = swView.outputPoint("1").getY();
        double y2 = swView.outputPoint("2").getY();
        double y3 = swView.outputPoint("otherwise").getY();
        assertEquals(22, y2 - y1, 0.5, "rows are 22 high");
        assertEquals(22, y3 - y2, 0.5);
        assertTrue(y1 - swView.getLayoutY() > NodeView.PORT_Y + 20, "rows come after the header and summary");
        assertEquals(swView.getLayoutX() + swView.getWidth(), swView.outputPoint("1").getX(), 0.01);

        for (NodeView v : canvas.views().values()) {
            assertEquals(0, v.getWidth() % 8, 0.001, v.nodeId() + " width is on the 8 px grid");
            assertTrue(v.getWidth() >= CardGeometry.MIN_WIDTH);
            Text title = (Text) v.lookup(".node-title");
            assertTrue(fits(title, v), v.nodeId() + " title fits");
        }
    }

    @Test
    void wiresRunBetweenPortCentresWithHorizontalTangents(FxRobot robot) {
        load(robot, CanvasDemo.familyMenu(false));
        Wire wire = new Wire("switch1", "1", "dial1");
        robot.interact(() -> canvas.selectedWire().set(wire));
        WireView w = robot.lookup("#wire-switch1-1-dial1").queryAs(WireView.class);
        javafx.scene.shape.CubicCurve c = (javafx.scene.shape.CubicCurve) w.getChildren().get(1);
        NodeView sw = canvas.view("switch1");
        NodeView dial = canvas.view("dial1");
        Point2D a = sw.outputPoint("1");
        Point2D b = dial.inputPoint();
        assertEquals(a, new Point2D(c.getStartX(), c.getStartY()));
        assertEquals(b, new Point2D(c.getEndX(), c.getEndY()));
        double d = Math.max(40, Math.abs(b.getX() - a.getX()) / 2);
        assertEquals(a.getX() + d, c.getControlX1(), 0.01);
        assertEquals(a.getY(), c.getControlY1(), 0.01);
        assertEquals(b.getX() - d, c.getControlX2(), 0.01);
        assertEquals(b.getY(), c.getControlY2(), 0.01);
        // The other wires share one path with the same curves.
        robot.interact(() -> canvas.selectedWire().set(null));
        List<PathElement> path = canvas.wireLayer().path().getElements();
        int i = 0;
        while (i < path.size() && !(path.get(i) instanceof MoveTo m && m.getX() == a.getX() && m.getY() == a.getY())) {
            i++;
        }
        assertTrue(i + 1 < path.size() && path.get(i + 1) instanceof CubicCurveTo, "the wire is in the shared path");
        CubicCurveTo shared = (CubicCurveTo) path.get(i + 1);
        assertEquals(List.of(a.getX() + d, a.getY(), b.getX() - d, b.getY(), b.getX(), b.getY()),
                List.of(shared.getControlX1(), shared.getControlY1(), shared.getControlX2(), shared.getControlY2(),
                        shared.getX(), shared.getY()));
        Group wires = canvas.wiresLayer();
        Group nodes = canvas.nodesLayer();
        assertTrue(wires.getParent().getChildrenUnmodifiable().indexOf(wires)
                < nodes.getParent().getChildrenUnmodifiable().indexOf(nodes), "wires are drawn under nodes");
    }

    @Test
    void problemsShowAsWarningWithBadgeTooltipAndShortReason(FxRobot robot) {
        load(robot, CanvasDemo.familyMenu(true));
        NodeView anna = robot.lookup("#node-dial1").queryAs(NodeView.class);
        assertTrue(anna.getPseudoClassStates().contains(NodeView.WARNING));
        String footer = text(anna, "node-footer-text");
        String reason = "Needs the country code";
        assertTrue(footer.equals(reason)
                || footer.endsWith("\u2026") && reason.startsWith(footer.substring(0, footer.length() - 1)),
                "the short reason, cut to the card's width: " + footer);
        double widthWithWarning = anna.getLayoutBounds().getWidth();
        Node badge = anna.lookup(".node-badge");
        assertNotNull(badge);
        // The tooltip is made when the pointer first comes onto the badge.
        robot.moveTo(badge);
        WaitForAsyncUtils.waitForFxEvents();
        Tooltip tip = (Tooltip) badge.getProperties().values().stream().filter(v -> v instanceof Tooltip)
                .findFirst().orElseThrow();
        assertTrue(tip.getText().contains("0151 2345678") && tip.getText().contains("country code"), tip.getText());
        assertFalse(canvas.view("dial2").getPseudoClassStates().contains(NodeView.WARNING));

        // Fixing the number clears the state without replacing the view.
        robot.interact(() -> doc.apply("fix", f -> f.updateNode("dial1",
                n -> n.withProperty("numbers", List.of("+49 151 23456789")))));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(anna, canvas.view("dial1"));
        assertFalse(anna.getPseudoClassStates().contains(NodeView.WARNING));
        assertNull(anna.lookup(".node-badge"));
        // a valid number of the same length: the card is as wide as with the warning (the footer never widens it)
        robot.interact(() -> doc.apply("fix", f -> f.updateNode("dial1",
                n -> n.withProperty("numbers", List.of("+49 15123456")))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(widthWithWarning, anna.getLayoutBounds().getWidth(), 0.5, "the card keeps its width");
    }

    @Test
    void unknownTypesRenderAsGreyCardsAndKeepTheirWires(FxRobot robot) {
        Flow f = CanvasDemo.familyMenu(false);
        FlowNode odd = new FlowNode("x1", "fancyThing", "", new Position(40, 420), Map.of("a", 1L));
        f = f.withNodesAndWires(List.of(odd), List.of(new Wire("x1", "out", "hangup1")));
        load(robot, f);
        NodeView v = robot.lookup("#node-x1").queryAs(NodeView.class);
        assertTrue(v.getStyleClass().contains("unknown"));
        assertEquals("Unknown: fancyThing", text(v, "node-title"));
        assertTrue(v.getPseudoClassStates().contains(NodeView.WARNING), "the validator reports unknown types");
        assertNotNull(canvas.wires().get(new Wire("x1", "out", "hangup1")).from(), "its wire still shows");
    }

    @Test
    void viewsOfUnchangedNodesAreReusedWhenTheFlowChanges(FxRobot robot) {
        load(robot, CanvasDemo.familyMenu(false));
        NodeView gather = canvas.view("gather1");
        NodeView sw = canvas.view("switch1");
        Node gatherTitle = gather.lookup(".node-title");
        robot.interact(() -> doc.apply("move", f -> f.moveNodes(List.of("switch1"), 20, 0)));
        robot.interact(() -> doc.apply("rename", f -> f.updateNode("dial2", n -> n.withName("Benjamin"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(gather, canvas.view("gather1"));
        assertSame(gatherTitle, gather.lookup(".node-title"), "an unchanged card is not rebuilt");
        assertSame(sw, canvas.view("switch1"));
        assertEquals(540, sw.getLayoutX(), 0.01);
        assertEquals("Benjamin", text(canvas.view("dial2"), "node-title"));
        assertEquals(7, canvas.nodesLayer().getChildren().size());

        robot.interact(() -> doc.apply("delete", f -> f.withoutNodes(List.of("switch1"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(canvas.view("switch1"));
        assertEquals(6, canvas.nodesLayer().getChildren().size());
        assertEquals(2, canvas.wires().size());
    }

    @Test
    void germanCardsFitAndUndoLabelsAreGerman(FxRobot robot) {
        AppTexts.setLocale(Locale.GERMAN);
        // the language is fixed for the life of a window: a German window gets a German document and canvas
        robot.interact(() -> {
            doc = EditorDocument.checkedBy(NodeTypes.standard(), AppTexts.engine());
            StackPane root = (StackPane) canvas.getParent();
            canvas = new FlowCanvas(doc, NodeTypes.standard(), AppTexts.engine());
            root.getChildren().setAll(canvas);
        });
        load(robot, CanvasDemo.familyMenu(false));
        NodeView in = canvas.view("in1");
        assertEquals("Eingehender Anruf", text(in, "node-title"));
        assertTrue(fits((Text) in.lookup(".node-title"), in), "the longer German title fits");
        NodeView sw = canvas.view("switch1");
        assertTrue(sw.lookupAll(".node-output-label").stream().anyMatch(n -> "sonst".equals(((Text) n).getText())));
        assertEquals("2 Bausteine verschieben", CanvasEdits.moveLabel(2));
        assertEquals("1 Baustein löschen", CanvasEdits.deleteLabel(1));
        assertEquals("Wählen hinzufügen", CanvasEdits.addLabel("Wählen"));
        assertEquals("Verbindung löschen", CanvasEdits.deleteWireLabel());
        assertEquals("4 Bausteine einfügen", CanvasEdits.pasteLabel(4));
        AppTexts.setLocale(Locale.ENGLISH);
        assertEquals("Duplicate 2 nodes", CanvasEdits.duplicateLabel(2));
        assertEquals("Cut 1 node", CanvasEdits.cutLabel(1));
    }

    @Test
    void aCardsLookShowsSelectionPointerAndCallsAndTheExportLeavesOutTheSelection(FxRobot robot) {
        load(robot, CanvasDemo.familyMenu(false));
        robot.interact(() -> {
            doc.select(List.of("in1"));
            canvas.showCalls(List.of("gather1"), List.of("in1"));
            canvas.applyCss();
        });
        NodeView gather = canvas.view("gather1");
        NodeView in = canvas.view("in1");
        assertTrue(gather.getPseudoClassStates().contains(NodeView.LIVE));
        assertEquals(javafx.scene.paint.Color.web("#1A9A52"), gather.getBackground().getFills().get(1).getFill(),
                "the card a call is at is outlined in the live green");
        assertTrue(in.getPseudoClassStates().contains(NodeView.COVERED), "a node the call passed");
        assertTrue(in.getPseudoClassStates().contains(NodeView.SELECTED));
        assertTrue(canvas.lookOf("in1").selected() && canvas.lookOf("in1").covered());

        robot.moveTo("#node-switch1");
        assertTrue(canvas.view("switch1").getPseudoClassStates().contains(NodeView.HOVERED),
                "the card under the pointer");
        robot.moveTo(canvas.localToScreen(5, 5));
        assertFalse(canvas.view("switch1").getPseudoClassStates().contains(NodeView.HOVERED));

        // the export draws the cards in their export look: no selection, but the calls stay
        robot.interact(() -> canvas.setLookFilter(CardLook::forExport));
        assertFalse(in.getPseudoClassStates().contains(NodeView.SELECTED));
        assertTrue(gather.getPseudoClassStates().contains(NodeView.LIVE));
        robot.interact(() -> {
            canvas.setLookFilter(java.util.function.UnaryOperator.identity());
            canvas.showCalls(List.of(), List.of());
        });
        assertTrue(in.getPseudoClassStates().contains(NodeView.SELECTED));
        assertFalse(gather.getPseudoClassStates().contains(NodeView.LIVE), "the call has gone");
        assertFalse(in.getPseudoClassStates().contains(NodeView.COVERED));
    }

    @Test
    void aCallsPathLightsItsWiresPortsAndTakenOutputUntilCleared(FxRobot robot) {
        load(robot, CanvasDemo.familyMenu(false));
        Wire in = new Wire("in1", "call", "gather1");
        Wire digits = new Wire("gather1", "digits", "switch1");
        Wire two = new Wire("switch1", "2", "dial2");
        robot.interact(() -> {
            canvas.showPath(List.of("dial2"), List.of("in1", "gather1", "switch1"), List.of(in, digits, two));
            canvas.flush();
        });
        WireLayer layer = canvas.wireLayer();
        Group wiresLayer = canvas.wiresLayer();
        List<String> ownViews = wiresLayer.getChildren().stream().filter(n -> n instanceof WireView)
                .map(Node::getId).toList();
        assertEquals(List.of("wire-in1-call-gather1", "wire-gather1-digits-switch1", "wire-switch1-2-dial2"), ownViews,
                "the wires taken get views of their own, in the order the call took them");
        WireView lit = (WireView) wiresLayer.lookup("#wire-switch1-2-dial2");
        assertTrue(lit.getPseudoClassStates().contains(WireView.LIT));
        javafx.scene.shape.CubicCurve line = (javafx.scene.shape.CubicCurve) lit.lookup(".wire-line");
        assertEquals(javafx.scene.paint.Color.web("#1A9A52"), line.getStroke(), "lit in the live green");
        assertEquals(2.5, line.getStrokeWidth());
        javafx.scene.shape.CubicCurve glow = (javafx.scene.shape.CubicCurve) lit.lookup(".wire-glow");
        assertTrue(glow.isVisible());
        assertEquals(9, glow.getStrokeWidth(), "with a wide glow underneath");
        long inPath = layer.path().getElements().stream().filter(e -> e instanceof MoveTo).count();
        assertEquals(3, inPath, "the three other wires stay in the shared path");

        assertTrue(canvas.view("dial2").getPseudoClassStates().contains(NodeView.LIVE), "the call is at Dial 2");
        assertTrue(canvas.view("switch1").getPseudoClassStates().contains(NodeView.COVERED));
        Node portTwo = canvas.view("switch1").lookup("#port-out-switch1-2");
        Node portOne = canvas.view("switch1").lookup("#port-out-switch1-1");
        assertTrue(portTwo.getPseudoClassStates().contains(PortView.ON_PATH), "the output taken is filled live");
        assertFalse(portOne.getPseudoClassStates().contains(PortView.ON_PATH));
        assertTrue(canvas.view("dial2").lookup("#port-in-dial2").getPseudoClassStates().contains(PortView.ON_PATH));
        assertEquals(1, canvas.view("switch1").lookupAll(".node-output-pill").size(),
                "the taken output's label sits in a pill");
        assertEquals(javafx.scene.paint.Color.web("#E6F5EC"),
                ((Region) canvas.view("switch1").lookup(".node-output-pill")).getBackground().getFills().get(0)
                        .getFill());

        robot.interact(() -> {
            canvas.getParent().getStyleClass().add("dark");
            canvas.flush();
        });
        assertEquals(javafx.scene.paint.Color.web("#3FCB7E"), line.getStroke(), "the dark live green");
        robot.interact(() -> canvas.getParent().getStyleClass().remove("dark"));

        // an edit that removes a wire the call took takes its marks off too
        robot.interact(() -> {
            doc.apply("Unwire", f -> f.withoutWires(List.of(two)));
            canvas.flush();
        });
        assertFalse(portTwo.getPseudoClassStates().contains(PortView.ON_PATH));
        assertEquals(0, canvas.view("switch1").lookupAll(".node-output-pill").size());
        assertTrue(has(wiresLayer, "#wire-in1-call-gather1"), "the other wires stay lit");

        robot.interact(() -> {
            canvas.clearPath();
            canvas.flush();
        });
        assertEquals(0, wiresLayer.getChildren().stream().filter(n -> n instanceof WireView).count());
        assertEquals(5, layer.path().getElements().stream().filter(e -> e instanceof MoveTo).count());
        assertFalse(canvas.view("dial2").getPseudoClassStates().contains(NodeView.LIVE));
    }

    private static boolean has(Group layer, String id) {
        return layer.lookup(id) instanceof WireView;
    }

    @Test
    void aDarkClassOnAnAncestorSwitchesTheTokens(FxRobot robot) {
        load(robot, CanvasDemo.familyMenu(false));
        Text title = (Text) canvas.view("in1").lookup(".node-title");
        assertEquals(javafx.scene.paint.Color.web("#1A1C22"), title.getFill());
        assertEquals(javafx.scene.paint.Color.web("#CDD1DA"), canvas.colors().get(CanvasColors.Key.DOT));
        robot.interact(() -> {
            canvas.getParent().getStyleClass().add("dark");
            canvas.flush();
        });
        assertEquals(javafx.scene.paint.Color.web("#E8E9ED"), title.getFill(), "card text follows the theme");
        assertEquals(javafx.scene.paint.Color.web("#272A31"), canvas.colors().get(CanvasColors.Key.DOT),
                "so do the colours painted in code (grid, minimap)");
        robot.interact(() -> canvas.getParent().getStyleClass().remove("dark"));
    }

    @Test
    void shortReasonKeepsTheGistOfAProblem() {
        assertEquals("Needs the country code", NodeView.shortReason(
                "Number 1: \"0151 2345678\" needs the country code, e.g. +49 instead of the leading 0."));
        assertEquals("Braucht die Ländervorwahl", NodeView.shortReason(
                "Nummer 1: \"0151 2345678\" braucht die Ländervorwahl, z. B. +49 statt der führenden 0."));
        assertEquals("Sound is required", NodeView.shortReason("Sound is required."));
        assertEquals("sipgate cannot download sounds from example.com", NodeView.shortReason(
                "Sound: sipgate cannot download sounds from example.com; put the file on a public web server."));
        assertEquals("The pattern is not a valid regular expression",
                NodeView.shortReason("Rule 1: the pattern is not a valid regular expression (Unclosed group)."));
    }

    @Test
    void iconsComeFromStrictSvgFilesOrFallBackToADot() {
        Pane icon = (Pane) NodeIcons.icon("testShape", 14);
        assertEquals(14, icon.getPrefWidth());
        assertTrue(icon.getStyleClass().containsAll(List.of("icon", "icon-node-testShape")));
        Group g = (Group) icon.getChildren().get(0);
        assertEquals(2, g.getChildren().size());
        SVGPath first = (SVGPath) g.getChildren().get(0);
        assertEquals("M2 8 h12", first.getContent());
        assertTrue(first.getStyleClass().contains("icon-path"));
        assertNull(first.getFill(), "stroke only");
        Scale s = (Scale) g.getTransforms().get(0);
        assertEquals(14 / 16.0, s.getX(), 1e-9);

        Pane missing = (Pane) NodeIcons.icon("doesNotExist", 14);
        assertTrue(missing.getStyleClass().contains("icon-missing"));
        assertEquals(1, missing.getChildren().size());
        assertFalse(NodeIcons.exists("/icons/ui/doesNotExist.svg"));
    }
}
