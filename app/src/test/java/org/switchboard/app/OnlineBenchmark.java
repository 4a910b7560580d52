package org.switchboard.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.live.LiveRun;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.tunnel.FakeAgent;

/**
 * Not a test: how long Go online takes from the click to the webhook URL shown in the toolbar, once the agent is
 * present (the stand-in agent, a JVM of its own, so its start is part of the figure), 10 times after one warm-up,
 * with Go offline in between. Prints a line for docs/benchmarks.md. Run on purpose:
 * {@code mvn -B -o -pl app -am test -Dtest=OnlineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OnlineBenchmark extends FxThreadRobot {

    @Test
    void goOnlineToAShownUrl() throws Exception {
        Path dir = Files.createTempDirectory("sb-online-bench");
        AppHarness harness = AppHarness.inLook("light", "en");
        Path agent = FakeAgent.script(dir.resolve("bin"));
        Files.writeString(harness.home.resolve("settings.json"), "{\"language\": \"en\", \"theme\": \"light\", "
                + "\"showWelcome\": false, \"online\": {\"ngrokPath\": \"" + agent + "\"}}");
        new SecretStore(harness.home.resolve("secrets.json")).put(SecretStore.NGROK_AUTHTOKEN, OnlineTest.AUTHTOKEN);
        MainWindow w = OnlineTest.startRunning(harness, dir);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            long start = System.nanoTime();
            clickOn("#go-online");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lookup("#online-url").tryQuery()
                    .map(n -> ((Label) n).getText().startsWith("https://")).orElse(false));
            long took = (System.nanoTime() - start) / 1_000_000;
            if (i > 0) {
                millis.add(took);
            }
            interact(() -> ((javafx.scene.control.Button) lookup("#go-offline").query()).fire());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.liveRun().getState() == LiveRun.State.RUNNING
                    && OnlineTest.fakeAgents().isEmpty());
        }
        harness.stop();
        Collections.sort(millis);
        System.out.println(String.format(Locale.ROOT, "BENCH go online to a shown URL: median %d ms, fastest %d ms,"
                + " slowest %d ms (%d runs)", millis.get(millis.size() / 2), millis.get(0),
                millis.get(millis.size() - 1), millis.size()));
    }
}
