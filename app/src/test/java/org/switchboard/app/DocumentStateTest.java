package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.canvas.FlowCanvas;
import org.switchboard.app.document.DocumentState;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.problems.ProblemsPane;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * One derived state per change: however many views show the document (the canvas and the Problems panel here),
 * each edit checks the flow once, and they all show the same problems.
 */
@ExtendWith(ApplicationExtension.class)
class DocumentStateTest {

    private final AtomicInteger checks = new AtomicInteger();
    private EditorDocument doc;
    private FlowCanvas canvas;
    private ProblemsPane problems;

    @Start
    void start(Stage stage) {
        NodeTypes types = NodeTypes.standard();
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        FlowValidator validator = new FlowValidator(types);
        doc = new EditorDocument(f -> {
            checks.incrementAndGet();
            return validator.check(f, messages);
        });
        canvas = new FlowCanvas(doc, types, messages);
        problems = new ProblemsPane(doc, types, messages, id -> { });
        stage.setScene(new Scene(new VBox(canvas, problems), 900, 700));
        stage.show();
    }

    @Test
    void eachEditIsCheckedOnceForEveryView(FxRobot robot) {
        robot.interact(() -> doc.reset(AppHarness.callToDial(), null, true));
        WaitForAsyncUtils.waitForFxEvents();
        int before = checks.get();
        long revision = doc.state().revision();

        robot.interact(() -> {
            doc.apply("Rename", f -> f.withName("One"));
            doc.apply("Rename", f -> f.withName("Two"));
            doc.undo();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, checks.get() - before, "three changes, three checks, though two views show each");
        assertEquals(revision + 3, doc.state().revision());

        DocumentState state = doc.state();
        assertEquals(3, checks.get() - before, "reading the state again checks nothing");
        assertTrue(state.problemsByNode().containsKey("dial1"), "the Dial has no number yet: " + state.problems());
        assertEquals(state.problems().size(), problems.problems().size(), "Problems shows the state's problems");
        assertEquals(state.problemsOf("dial1"), state.problems().stream()
                .filter(p -> "dial1".equals(p.nodeId())).toList());
        Flow shown = state.flow();
        assertEquals(doc.flow(), shown);
        assertEquals(List.of(), state.problemsOf("in"), "the Incoming call is fine");
    }
}
