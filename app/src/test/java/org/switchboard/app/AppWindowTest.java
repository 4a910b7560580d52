package org.switchboard.app;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A test that starts the app in {@link #harness} (settings under {@link #dir}) and stops it afterwards. */
abstract class AppWindowTest extends FxRobot {

    @TempDir
    Path dir;
    AppHarness harness;

    @AfterEach
    void stopApp() throws Exception {
        AppHarness.closeDialogs();
        if (harness != null) {
            harness.stop();
        }
    }
}
