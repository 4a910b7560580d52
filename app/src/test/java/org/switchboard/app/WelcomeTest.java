package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.switchboard.app.settings.SettingsStore;

/** The very first start: the welcome dialog, its bundled samples, and "Don't show again". */
class WelcomeTest extends FxThreadRobot {

    @TempDir
    Path dir;
    private AppHarness harness;
    private Locale before;

    @AfterEach
    void tearDown() throws Exception {
        AppHarness.closeDialogs();
        if (harness != null) {
            harness.stop();
        }
        if (before != null) {
            Locale.setDefault(before);
        }
    }

    @Test
    void firstStartWelcomesAndOpensASample() throws Exception {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        harness = new AppHarness(dir.resolve("home"), true);
        MainWindow w = harness.start();
        assertTrue(Files.exists(harness.home.resolve("settings.json")), "the first start is remembered at once");
        assertNotNull(AppHarness.dialog(this, "welcome-dialog"), "the first start shows the welcome");

        clickOn("#welcome-dont-show");
        clickOn("#sample-family-menu");
        assertNull(AppHarness.dialog(this, "welcome-dialog"), "a sample card closes the welcome");
        assertEquals("Family menu", w.document().flow().name());
        assertEquals(7, w.document().flow().nodes().size());
        assertEquals(1.0, w.canvas().zoomProperty().get(), 1e-9, "the sample fits 1440\u00d7900 at 100 %");
        assertNull(w.document().file(), "a sample opens as a new document; Save asks where");
        assertFalse(w.document().isDirty());
        assertEquals("Switchboard \u2014 family-menu.json", w.stage().getTitle());
        assertFalse(new SettingsStore(harness.home).load().showWelcome(), "\"Don't show again\" is kept");

        harness.stop();
        harness.start();
        assertNull(AppHarness.dialog(this, "welcome-dialog"), "and the next start goes straight to work");
    }

    @Test
    void noWelcomeOverAFileTheUserOpened() throws Exception {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        Path file = AppHarness.write(dir, "calls.flow.json", AppHarness.callToDial());
        harness = new AppHarness(dir.resolve("home"), true);
        MainWindow w = harness.start(file.toString());
        assertNull(AppHarness.dialog(this, "welcome-dialog"), "a double-clicked file opens without the welcome");
        assertEquals(file, w.document().file());
    }
}
