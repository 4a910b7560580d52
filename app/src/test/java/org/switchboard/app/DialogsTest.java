package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.image.ImageView;

import org.junit.jupiter.api.Test;

import org.switchboard.app.ui.Dialogs;

/** The app's message boxes: its own icons instead of JavaFX's stock ones, and About names the build's version. */
class DialogsTest extends AppWindowTest {


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
        Platform.runLater(() -> w.dialogs().askSave(w.stage(), "calls.flow.json"));
        DialogPane ask = AppHarness.dialog(this, "save-changes-dialog");
        assertNotNull(ask);
        assertTrue(ask.getGraphic().getStyleClass().containsAll(java.util.List.of("dialog-icon", "warn")),
                ask.getGraphic().getStyleClass().toString());
        AppHarness.closeDialogs();
        Platform.runLater(() -> w.dialogs().askRestore(w.stage(), "calls.flow.json", "12:03"));
        DialogPane restore = AppHarness.dialog(this, "restore-dialog");
        assertNotNull(restore);
        assertTrue(restore.getGraphic().getStyleClass().contains("dialog-icon"));
    }
}
