package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.DialogPane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.document.Recovery;
import org.switchboard.engine.flow.Flow;

/** Unsaved work survives a crash: autosave every 3 s, and the next start offers it back. */
class RecoveryTest extends FxRobot {

    @TempDir
    Path dir;
    private AppHarness harness;

    @AfterEach
    void tearDown() throws Exception {
        AppHarness.closeDialogs();
        if (harness != null) {
            harness.stop();
        }
    }

    @Test
    void unsavedWorkIsRestoredAfterACrash() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        Path file = AppHarness.write(dir, "calls.json", AppHarness.callToDial());
        MainWindow first = harness.start(file.toString());
        interact(() -> first.document().select(List.of("dial1")));
        clickOn("#node-name").write("Anna");
        clickOn("#prop-numbers-0").write("+49 151 2345678");
        Flow unsaved = first.document().flow();

        // the timer writes the latest state within one interval (3 s) of the last change
        Path recovery = harness.home.resolve("recovery.json");
        long deadline = System.currentTimeMillis() + 7000;
        while (!Recovery.read(recovery).map(r -> r.flow().equals(unsaved)).orElse(false)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(unsaved, Recovery.read(recovery).map(Recovery::flow).orElse(null),
                "autosave wrote the unsaved flow within a few seconds");

        // the "crash": a new instance starts while the first one never shut down
        MainWindow second = harness.start();
        DialogPane ask = AppHarness.dialog(this, "restore-dialog");
        assertNotNull(ask, "the next start offers the unsaved work");
        assertEquals("Switchboard was not closed properly.", ask.getHeaderText());
        assertTrue(ask.getContentText().matches("Restore your unsaved changes to calls\\.json from \\d\\d:\\d\\d\\?"),
                ask.getContentText());
        clickOn("Restore");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(unsaved, second.document().flow());
        assertEquals(file, second.document().file());
        assertTrue(second.document().isDirty(), "restored work is not saved yet");
        assertEquals("Restore unsaved changes", second.document().undoLabelProperty().get());
        interact(() -> second.document().undo());
        assertFalse(second.document().isDirty(), "undo goes back to the file as saved");
    }
}
