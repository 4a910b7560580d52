package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.image.ImageView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The app's message boxes: its own icons instead of JavaFX's stock ones, and About names the build's version. */
class DialogsTest extends FxRobot {

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
    void aboutShowsTheVersionAndTheAppIcon() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        MainWindow w = harness.start();
        Platform.runLater(w::about);
        DialogPane about = AppHarness.dialog(this, "about-dialog");
        assertNotNull(about);
        assertTrue(Dialogs.version().matches("\\d+\\.\\d+\\.\\d+.*"), "a version from the build: " + Dialogs.version());
        assertEquals("Switchboard " + Dialogs.version(), about.getHeaderText());
        assertInstanceOf(ImageView.class, about.getGraphic(), "the app's own icon");
    }

    @Test
    void questionsAndErrorsUseTheAppsIcons() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        MainWindow w = harness.start();
        Platform.runLater(() -> Dialogs.askSave(w.stage(), "calls.flow.json"));
        DialogPane ask = AppHarness.dialog(this, "save-changes-dialog");
        assertNotNull(ask);
        assertTrue(ask.getGraphic().getStyleClass().containsAll(java.util.List.of("dialog-icon", "warn")),
                ask.getGraphic().getStyleClass().toString());
        AppHarness.closeDialogs();
        Platform.runLater(() -> Dialogs.askRestore(w.stage(), "calls.flow.json", "12:03"));
        DialogPane restore = AppHarness.dialog(this, "restore-dialog");
        assertNotNull(restore);
        assertTrue(restore.getGraphic().getStyleClass().contains("dialog-icon"));
    }
}
