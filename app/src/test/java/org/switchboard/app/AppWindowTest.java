package org.switchboard.app;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frame of a test that drives the whole app: a temp directory, the {@link AppHarness} the test starts, and a
 * clean end (open dialogs closed, the app stopped) whatever the test did.
 */
abstract class AppWindowTest extends FxThreadRobot {

    @TempDir
    Path dir;
    AppHarness harness;

    @AfterEach
    void tearDown() throws Exception {
        AppHarness.closeDialogs();
        if (harness != null) {
            harness.stop();
        }
    }
}
