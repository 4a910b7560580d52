package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.document.FilePicker;
import org.switchboard.app.settings.AppSettings;
import org.switchboard.app.settings.SettingsStore;
import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;

/** Saving, reopening, the "Save changes?" question and broken files, through the window. */
class FilesTest extends AppWindowTest {

    @Test
    void savedFlowReopensAsTheSameValue() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        Path file = AppHarness.write(dir, "calls.json", AppHarness.callToDial());
        MainWindow w = harness.start(file.toString());
        interact(() -> w.document().select(List.of("dial1")));
        clickOn("#node-name").write("Anna");
        clickOn("#prop-numbers-0").write("+49 151 2345678");
        clickOn("#prop-anonymous .thumb-area");
        assertTrue(w.document().isDirty());
        assertTrue(w.stage().getTitle().endsWith("\u2022"), w.stage().getTitle());
        Flow edited = w.document().flow();

        push(KeyCode.SHORTCUT, KeyCode.S);
        assertFalse(w.document().isDirty());
        assertEquals("Switchboard \u2014 calls.json", w.stage().getTitle());
        assertEquals(edited, FlowFiles.load(file).flow());

        harness.stop();
        MainWindow again = harness.start(file.toString());
        assertEquals(edited, again.document().flow());
        assertFalse(again.document().isDirty());
        assertEquals(Boolean.TRUE, again.document().flow().node("dial1").orElseThrow().property("anonymous"));
    }

    @Test
    void closingADirtyWindowAsksToSaveChanges() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        Path file = AppHarness.write(dir, "calls.json", AppHarness.callToDial());
        MainWindow w = harness.start(file.toString());
        interact(() -> w.document().select(List.of("dial1")));
        clickOn("#node-name").write("Anna");

        push(KeyCode.SHORTCUT, KeyCode.Q);
        DialogPane ask = AppHarness.dialog(this, "save-changes-dialog");
        assertNotNull(ask, "closing with unsaved changes asks first");
        assertEquals("Save changes to calls.json?", ask.getHeaderText());
        clickOn("Cancel");
        assertTrue(w.stage().isShowing(), "Cancel keeps the window");
        assertTrue(w.document().isDirty());

        push(KeyCode.SHORTCUT, KeyCode.Q);
        assertNotNull(AppHarness.dialog(this, "save-changes-dialog"));
        clickOn("Save");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(w.stage().isShowing(), "after saving, the window closes");
        assertEquals("Anna", FlowFiles.load(file).flow().node("dial1").orElseThrow().name());
        assertFalse(Files.exists(harness.home.resolve("recovery.json")), "a clean close leaves no recovery");

        // the window and panel sizes are remembered, in a file only the user can read
        Path settingsFile = harness.home.resolve("settings.json");
        AppSettings settings = new SettingsStore(harness.home).load();
        assertNotNull(settings.window());
        assertEquals(200, settings.panel("palette", 0), 2);
        assertEquals(280, settings.panel("inspector", 0), 2);
        assertEquals(List.of(file.toAbsolutePath()), settings.recentFiles());
        if (SettingsStore.isPosix()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(settingsFile)));
        }
    }

    @Test
    void panelSizesSurviveRestartsToThePixel() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("settings.json"), "{\"language\": \"en\", \"theme\": \"light\", "
                + "\"showWelcome\": false, \"panels\": {\"palette\": 198, \"inspector\": 278, \"dock\": 220}}",
                StandardCharsets.UTF_8);
        for (int start = 1; start <= 3; start++) {
            harness = new AppHarness(home);
            MainWindow w = harness.start();
            WaitForAsyncUtils.waitForFxEvents();
            interact(w::quit);
            WaitForAsyncUtils.waitForFxEvents();
            harness.stop();
            harness = null;
            AppSettings settings = new SettingsStore(home).load();
            assertEquals(198, settings.panel("palette", 0), "palette after start " + start);
            assertEquals(278, settings.panel("inspector", 0), "inspector after start " + start);
            assertEquals(220, settings.panel("dock", 0), "dock after start " + start);
        }
    }

    @Test
    void saveAsProposesAFlowJsonNameInTheDocumentsFolder() throws Exception {
        String home = System.getProperty("user.home");
        Path userHome = Files.createDirectories(dir.resolve("user"));
        Path documents = Files.createDirectories(userHome.resolve("Documents"));
        System.setProperty("user.home", userHome.toString());
        try {
            harness = new AppHarness(dir.resolve("home"));
            MainWindow w = harness.start();
            interact(() -> w.document().reset(AppHarness.callToDial().withName("Family menu"), null, false));
            FileChooser[] seen = new FileChooser[1];
            w.files().setFilePicker(new FilePicker() {
                @Override
                public Path open(FileChooser chooser, Window owner) {
                    return null;
                }

                @Override
                public Path save(FileChooser chooser, Window owner) {
                    seen[0] = chooser;
                    return documents.resolve("typed without an ending");
                }
            });
            interact(() -> w.files().saveAs());
            assertEquals("Family menu.flow.json", seen[0].getInitialFileName());
            assertEquals(documents.toFile(), seen[0].getInitialDirectory());
            assertEquals(List.of("*.flow.json"), seen[0].getSelectedExtensionFilter().getExtensions());
            assertEquals(documents.resolve("typed without an ending.flow.json"), w.document().file());
            assertTrue(Files.exists(w.document().file()));

            interact(() -> w.files().saveAs());
            assertEquals(documents.toFile(), seen[0].getInitialDirectory(), "then the last folder used");
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void aNodeRedExportOpensAsAnUnsavedImportWithItsReport() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        Path export = dir.resolve("seed-sample-flow.json");
        Files.copy(Path.of("../engine/src/test/resources/node-red/seed-sample-flow.json"), export);
        MainWindow w = harness.start();
        w.files().setFilePicker(new FilePicker() {
            @Override
            public Path open(FileChooser chooser, Window owner) {
                return export;
            }

            @Override
            public Path save(FileChooser chooser, Window owner) {
                return null;
            }
        });
        push(KeyCode.SHORTCUT, KeyCode.O);
        DialogPane report = AppHarness.dialog(this, "import-dialog");
        assertNotNull(report, "the import says what it could not take over");
        assertEquals("Imported from Node-RED", ((Stage) report.getScene().getWindow()).getTitle());
        clickOn("OK");
        assertFalse(w.document().flow().nodes().isEmpty());
        assertNull(w.document().file(), "the export is not overwritten by Save");
        assertTrue(w.document().isDirty(), "an import is unsaved work");
        assertEquals("Switchboard — seed-sample-flow (imported) •", w.stage().getTitle());
    }

    @Test
    void aBrokenFileShowsTheEnginesOneLineMessage() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"formatVersion\": 1,\n  \"nodes\": [ {\"id\": \"a\", \"type\": \"dial\", "
                + "\"x\": \"left\"} ]\n}\n", StandardCharsets.UTF_8);
        String expected = assertThrows(FlowFileException.class, () -> FlowFiles.load(broken)).getMessage();

        MainWindow w = harness.start(broken.toString());
        DialogPane error = AppHarness.dialog(this, "error-dialog");
        assertNotNull(error, "the broken file is reported");
        assertEquals(expected, error.getContentText());
        assertFalse(error.getContentText().contains("\n"), "one line");
        assertFalse(error.getContentText().contains("Exception"), "no stack trace or class names");
        assertTrue(error.getContentText().contains("broken.json"), "names the file");
        clickOn("OK");
        assertNull(AppHarness.dialog(this, "error-dialog"));
        assertEquals(Flow.empty(), w.document().flow(), "nothing half-loaded");
    }
}
