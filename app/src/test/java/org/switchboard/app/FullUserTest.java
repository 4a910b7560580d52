package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.document.FilePicker;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;

/**
 * A whole session like a user's: build a menu flow from the palette, wire it by dragging between ports, set a
 * number in the inspector, undo and redo, copy and paste, save, open it again and get the same flow.
 */
class FullUserTest extends AppWindowTest {

    @Test
    void buildWireEditSaveAndReopenAFlow() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        MainWindow w = harness.start();
        EditorDocument doc = w.document();
        Path file = dir.resolve("menu.json");
        AtomicReference<String> askedTitle = new AtomicReference<>();
        w.files().setFilePicker(new FilePicker() {
            @Override
            public Path open(FileChooser chooser, Window owner) {
                askedTitle.set(chooser.getTitle());
                return file;
            }

            @Override
            public Path save(FileChooser chooser, Window owner) {
                askedTitle.set(chooser.getTitle());
                return file;
            }
        });

        String in = drop("incomingCall", 0.12, 0.40);
        String gather = drop("gather", 0.34, 0.40);
        String sw = drop("switch", 0.56, 0.40);
        String anna = drop("dial", 0.80, 0.15);
        String ben = drop("dial", 0.80, 0.62);
        assertEquals(5, doc.flow().nodes().size());
        assertEquals("Add Dial", doc.undoLabelProperty().get());

        // the Switch gets two rules in the inspector, so it has outputs 1 and 2
        clickOn("#node-" + sw);
        clickOn("#rules-add");
        clickOn("#rules-add");
        clickOn("#rule-value-0").write("1");
        clickOn("#rule-value-1").write("2");
        assertEquals(List.of("1", "2", "otherwise"),
                doc.flow().node(sw).map(n -> org.switchboard.engine.nodes.NodeTypes.standard().get("switch")
                        .outputIds(n)).orElseThrow());

        connect("#port-out-" + in + "-call", "#port-in-" + gather);
        connect("#port-out-" + gather + "-digits", "#port-in-" + sw);
        connect("#port-out-" + sw + "-1", "#port-in-" + anna);
        connect("#port-out-" + sw + "-2", "#port-in-" + ben);
        assertEquals(Set.of(new Wire(in, "call", gather), new Wire(gather, "digits", sw), new Wire(sw, "1", anna),
                new Wire(sw, "2", ben)), Set.copyOf(doc.flow().wires()));
        assertTrue(lookup("#conn-" + anna).tryQuery().isPresent(), "the inspector lists the wired neighbours");

        clickOn("#node-" + anna);
        clickOn("#prop-numbers-0").write("+49 151 2345678");
        assertEquals(List.of("+49 151 2345678"), numbers(doc, anna));
        push(KeyCode.SHORTCUT, KeyCode.Z);
        assertEquals(List.of(""), numbers(doc, anna));
        push(KeyCode.SHORTCUT, KeyCode.Y);
        assertEquals(List.of("+49 151 2345678"), numbers(doc, anna));

        // copy and paste on the canvas: a second Anna with the same settings
        clickOn("#node-" + anna);
        push(KeyCode.SHORTCUT, KeyCode.C);
        push(KeyCode.SHORTCUT, KeyCode.V);
        assertEquals(6, doc.flow().nodes().size());
        FlowNode copy = doc.flow().nodes().get(5);
        assertEquals("dial", copy.type());
        assertEquals(List.of("+49 151 2345678"), copy.property("numbers"));
        assertEquals(Set.of(copy.id()), doc.selectedNodes(), "the pasted node is selected");

        Flow built = doc.flow();
        push(KeyCode.SHORTCUT, KeyCode.S);
        assertEquals("Save flow as", askedTitle.get(), "a new flow asks where to save");
        assertFalse(doc.isDirty());
        assertEquals("Switchboard \u2014 menu.json", w.stage().getTitle());

        push(KeyCode.SHORTCUT, KeyCode.N);
        assertEquals(Flow.empty(), doc.flow());
        push(KeyCode.SHORTCUT, KeyCode.O);
        assertEquals("Open a flow", askedTitle.get());
        assertEquals(built, doc.flow(), "the reopened flow is the same value");
        assertEquals(built, FlowFiles.load(file).flow());
        assertEquals(file, w.files().recentFiles().get(0));
    }

    /** Drags a palette row onto the canvas at a point given as a fraction of the canvas; returns the new node id. */
    private String drop(String type, double fx, double fy) {
        Node canvas = lookup("#canvas").query();
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        Point2D target = new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
        Set<String> before = Set.copyOf(harnessDoc().flow().nodes().stream().map(FlowNode::id).toList());
        drag("#palette-" + type, MouseButton.PRIMARY).dropTo(target);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> added = harnessDoc().flow().nodes().stream().map(FlowNode::id)
                .filter(id -> !before.contains(id)).toList();
        assertEquals(1, added.size(), "dropping " + type + " adds one node");
        assertEquals(type, harnessDoc().flow().nodeOrNull(added.get(0)).type());
        return added.get(0);
    }

    private void connect(String fromPort, String toPort) {
        assertNotNull(lookup(fromPort).tryQuery().orElse(null), fromPort);
        drag(fromPort, MouseButton.PRIMARY).dropTo(toPort);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private EditorDocument harnessDoc() {
        return MainWindow.of(harness.stage).document();
    }

    private static List<?> numbers(EditorDocument doc, String id) {
        return (List<?>) doc.flow().node(id).orElseThrow().property("numbers");
    }
}
