package org.switchboard.app;

import static org.switchboard.app.LoopbackSipgate.waitFor;

import java.nio.file.Path;

import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;

import org.switchboard.app.LoopbackSipgate.Call;

/**
 * Not a test: makes the screenshots of the Calls tab (docs/images/calls-live-THEME-LANG.png: a call ringing Ben,
 * the canvas following it; calls-detail-THEME-LANG.png: an ended call's pushes, a push's fields and answer, in a
 * dock dragged taller) in light and dark, English
 * and German, with calls pushed over loopback to the family menu sample run through LiveRun. Run on purpose:
 * {@code mvn -B -o -pl app -am test -Dtest=CallScreenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CallScreenshots extends FxThreadRobot {

    @Test
    void screenshots() throws Exception {
        Path out = AppHarness.screenshotFolder();
        Path sample = AppHarness.FAMILY_MENU;
        AppHarness.eachLook((theme, lang) -> {
            AppHarness harness = AppHarness.inLook(theme, lang);
            MainWindow w = harness.start(sample.toString());
            interact(() -> w.stage().setWidth(1440));
            interact(() -> w.stage().setHeight(900));
            LoopbackSipgate sipgate = LoopbackSipgate.run(w);
            clickOn("#dock-tab-calls");
            Call earlier = sipgate.newCall("/sipgate", "earlier", "498944556677");
            sipgate.dtmf(earlier, "1");
            sipgate.answer(earlier);
            sipgate.hangup(earlier, "normalClearing");
            Call gaveUp = sipgate.newCall("/sipgate", "gave-up", "anonymous");
            sipgate.dtmf(gaveUp, "7");
            sipgate.hangup(gaveUp, "cancel");
            Call live = sipgate.newCall("/sipgate", "live", "4917012345678");
            sipgate.dtmf(live, "2");
            waitFor("the live call", () -> table().getItems().size() == 3
                    && table().getItems().get(0).inProgress());
            interact(w.canvas()::zoomToFit);
            AppHarness.settle();
            Thread.sleep(1200); // the live duration ticks once
            shoot(w, out.resolve("calls-live-" + theme + "-" + lang + ".png"));

            interact(() -> w.calls().pane().select("gave-up"));
            // as a user inspecting a call would: a taller dock, the dtmf push chosen and its fields open
            javafx.scene.control.SplitPane centre = lookup(".centre-split").queryAs(
                    javafx.scene.control.SplitPane.class);
            interact(() -> centre.setDividerPosition(0, 1 - 400 / centre.getHeight()));
            AppHarness.settle();
            clickOn("#push-1");
            clickOn("#call-fields-toggle");
            AppHarness.settle();
            shoot(w, out.resolve("calls-detail-" + theme + "-" + lang + ".png"));
            sipgate.hangup(live, "normalClearing");
            harness.stop();
        });
    }

    @SuppressWarnings("unchecked")
    private TableView<org.switchboard.engine.calllog.LoggedCall> table() {
        return lookup("#calls-table").queryAs(TableView.class);
    }

    private void shoot(MainWindow w, Path file) {
        interact(() -> AppHarness.writePng(w.stage().getScene().snapshot(null), file));
    }
}
