package org.switchboard.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ListView;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: makes the README screenshots of the Simulator tab mid-call (docs/images/simulator-{light,dark}-{en,de}
 * .png, 1440×900): the family menu sample (a copy) is called, 2 is pressed, and Ben's phone rings. Run on purpose:
 * {@code mvn -B -o -pl app -am test -Dtest=SimulatorScreenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SimulatorScreenshots extends FxThreadRobot {

    @Test
    void screenshots() throws Exception {
        Path out = AppHarness.screenshotFolder();
        AppHarness.eachLook((theme, lang) -> {
            Path dir = Files.createTempDirectory("sb-sim-shot");
            Path flow = dir.resolve("family-menu.json");
            Files.copy(AppHarness.FAMILY_MENU, flow);
            AppHarness harness = AppHarness.inLook(theme, lang);
            MainWindow w = harness.start(flow.toString());
            ringBen(this, w);
            AppHarness.settle();
            Path file = out.resolve("simulator-" + theme + "-" + lang + ".png");
            interact(() -> AppHarness.writePng(w.stage().getScene().snapshot(null), file));
            clickOn("#sim-party-busy");
            waitUntil(this, () -> lookup("#sim-call").queryButton().getStyleClass().contains("sim-call"));
            if (theme.equals("light") && lang.equals("en")) {
                testsTab(w, out.resolve("tests-light-en.png"));
            }
            harness.stop();
        });
    }

    /**
     * Saves the call as a test, generates the others, rewires key 2 to Anna and shows the Tests tab with the failing
     * test, Ben marked as untested on the canvas.
     */
    private void testsTab(MainWindow w, Path file) throws Exception {
        interact(() -> lookup("#sim-test-name").queryTextInputControl().setText("Ben is busy"));
        clickOn("#sim-save");
        interact(() -> w.dock().select("tests"));
        clickOn("#tests-generate");
        waitUntil(this, () -> lookup("#tests-list").queryListView().getItems().size() > 1
                && !lookup("#tests-summary").queryLabeled().getText().contains("\u2026"));
        interact(() -> w.document().apply("Rewire", f -> f.withoutWires(f.wiresFrom("digits", "2"))
                .withWire(new org.switchboard.engine.flow.Wire("digits", "2", "anna"))));
        waitUntil(this, () -> lookup("#dock-count-tests").query().isVisible()
                && !lookup("#tests-summary").queryLabeled().getText().contains("\u2026"));
        AppHarness.settle();
        interact(() -> AppHarness.writePng(w.stage().getScene().snapshot(null), file));
    }

    /** Opens the Simulator tab, calls the family menu, presses 2 and waits until Ben's phone rings. */
    static void ringBen(FxRobot robot, MainWindow w) throws Exception {
        robot.interact(() -> w.dock().select("simulator"));
        robot.clickOn("#sim-call");
        waitUntil(robot, () -> !robot.lookup("#sim-key-2").queryButton().isDisabled());
        robot.clickOn("#sim-key-2");
        waitUntil(robot, () -> robot.lookup("#sim-party").query().isVisible());
    }

    static void waitUntil(FxRobot robot, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static List<String> transcript(FxRobot robot) {
        ListView<?> list = robot.lookup("#sim-transcript").queryAs(ListView.class);
        return list.getItems().stream().map(Object::toString).toList();
    }

    static Node node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }
}
