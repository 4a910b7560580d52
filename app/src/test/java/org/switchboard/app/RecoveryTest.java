package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.document.Autosave;
import org.switchboard.app.document.Recovery;
import org.switchboard.engine.flow.Flow;

/**
 * Unsaved work survives a crash: autosave every 3 s, and the next start offers it back; what was not edited (a
 * Node-RED import just converted) is never offered back as lost work.
 */
class RecoveryTest extends AppWindowTest {

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

    private static final long INTERVAL_MS = (long) Autosave.INTERVAL.toMillis();

    private Path nodeRedExport() throws Exception {
        Path export = dir.resolve("seed-sample-flow.json");
        Files.copy(Path.of("../engine/src/test/resources/node-red/seed-sample-flow.json"), export);
        return export;
    }

    @Test
    void anImportThatWasNotEditedIsNotOfferedBackAfterARestart() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        Path export = nodeRedExport();
        Path recovery = harness.home.resolve("recovery.json");
        MainWindow first = harness.start(export.toString());
        assertNotNull(AppHarness.dialog(this, "import-dialog"), "the import report is open");
        // the report stays open for longer than an autosave interval: nothing is written meanwhile
        WaitForAsyncUtils.sleep(INTERVAL_MS + 1500, TimeUnit.MILLISECONDS);
        assertFalse(Files.exists(recovery), "no recovery written while the import report was open");
        clickOn("OK");
        assertTrue(first.document().isDirty(), "an import is unsaved");
        WaitForAsyncUtils.sleep(INTERVAL_MS + 1000, TimeUnit.MILLISECONDS);
        assertFalse(Files.exists(recovery), "an import nobody edited is not written: its export still has it");

        // the "crash" and a restart with the same export: its report, and no restore question
        harness.start(export.toString());
        assertNull(AppHarness.dialog(this, "restore-dialog"), "no spurious offer to restore \"Untitled\"");
        assertNotNull(AppHarness.dialog(this, "import-dialog"));
    }

    @Test
    void lastRunsWorkIsOfferedBeforeTheInitialFileOpensAndEditsOfAnImportAreKept() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        Path recovery = harness.home.resolve("recovery.json");
        new Recovery(AppHarness.callToDial(), null, null, Instant.now()).write(recovery);
        Path export = nodeRedExport();

        MainWindow w = harness.start(export.toString());
        assertNotNull(AppHarness.dialog(this, "restore-dialog"), "the last run's work is asked about first");
        assertNull(AppHarness.dialog(this, "import-dialog"), "the initial file waits for the answer");
        clickOn("Discard");
        assertNotNull(AppHarness.dialog(this, "import-dialog"), "then the initial file opens");
        clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Files.exists(recovery), "the discarded work is gone");

        // an edit of the import is work of this run: autosave keeps it
        interact(() -> w.document().apply("Rename", f -> f.withName("Edited import")));
        Flow edited = w.document().flow();
        long deadline = System.currentTimeMillis() + 2 * INTERVAL_MS + 1000;
        while (!Recovery.read(recovery).map(r -> r.flow().equals(edited)).orElse(false)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(edited, Recovery.read(recovery).map(Recovery::flow).orElse(null));

        // after a crash the edited import is offered by its name, not as "Untitled"
        MainWindow next = harness.start();
        DialogPane ask = AppHarness.dialog(this, "restore-dialog");
        assertNotNull(ask);
        assertTrue(ask.getContentText().startsWith("Restore your unsaved changes to seed-sample-flow (imported) from"),
                ask.getContentText());
        clickOn("Restore");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(edited, next.document().flow());
        assertEquals("seed-sample-flow (imported)", next.files().displayNameProperty().get());
    }
}
