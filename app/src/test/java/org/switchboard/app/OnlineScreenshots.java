package org.switchboard.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.live.LiveRun;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.tunnel.FakeAgent;

/**
 * Not a test: makes the README screenshots of the online state (docs/images/online-{light,dark}-{en,de}.png, the
 * main window with the family menu sample online at a reserved domain through the stand-in ngrok agent) and of the
 * guided dialog's first step (docs/images/online-wizard-{en,de}.png). Run on purpose:
 * {@code mvn -B -o -pl app -am test -Dtest=OnlineScreenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OnlineScreenshots extends FxThreadRobot {

    @Test
    void screenshots() throws Exception {
        Path out = AppHarness.screenshotFolder();
        Path sample = AppHarness.FAMILY_MENU;
        AppHarness.eachLook((theme, lang) -> {
            AppHarness harness = AppHarness.inLook(theme, lang);
            Path agent = FakeAgent.script(harness.home.resolve("bin"),
                    "--fake-reserved=family-menu.ngrok-free.app");
            Files.writeString(harness.home.resolve("settings.json"), "{\"language\": \"" + lang
                    + "\", \"theme\": \"" + theme + "\", \"showWelcome\": false, \"online\": {\"ngrokPath\": \""
                    + agent + "\", \"domain\": \"family-menu.ngrok-free.app\"}}", StandardCharsets.UTF_8);
            if (theme.equals("dark")) {
                new SecretStore(harness.home.resolve("secrets.json")).put(SecretStore.NGROK_AUTHTOKEN,
                        OnlineTest.AUTHTOKEN);
            }
            MainWindow w = harness.start(sample.toString());
            interact(() -> w.document().select(List.of("menu")));
            WaitForAsyncUtils.asyncFx(() -> w.liveRun().start(0, w.document().flow(), sample.getParent()))
                    .get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
            clickOn("#go-online");
            if (theme.equals("light")) { // the first time: the guided dialog
                AppHarness.settle();
                DialogPane wizard = AppHarness.dialog(this, "online-wizard");
                Path shot = out.resolve("online-wizard-" + lang + ".png");
                interact(() -> AppHarness.writePng(wizard.getScene().snapshot(null), shot));
                clickOn("#online-authtoken").write(OnlineTest.AUTHTOKEN);
                clickOn("#online-next");
            }
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                    () -> w.liveRun().getState() == LiveRun.State.ONLINE);
            if (theme.equals("light") && System.getProperty("review.dir") != null) {
                AppHarness.settle();
                DialogPane step3 = AppHarness.dialog(this, "online-wizard");
                Path shot = Path.of(System.getProperty("review.dir"), "step3-" + lang + ".png");
                interact(() -> AppHarness.writePng(step3.getScene().snapshot(null), shot));
            }
            AppHarness.closeDialogs();
            AppHarness.settle();
            Path file = out.resolve("online-" + theme + "-" + lang + ".png");
            interact(() -> AppHarness.writePng(w.stage().getScene().snapshot(null), file));
            Platform.runLater(() -> w.liveRun().stop());
            WaitForAsyncUtils.waitForFxEvents();
            harness.stop();
        });
    }
}
