package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.app.LoopbackSipgate.waitFor;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
/**
 * Notifications from the desktop: a stand-in {@code notify-send} (a shell script this test writes, which records its
 * arguments) put first on the search path the app's notifier uses; calls pushed over loopback into the running app.
 */
class CallNotificationsTest extends AppWindowTest {

    private MainWindow window;
    private LoopbackSipgate sipgate;
    private Path calls;

    /** Writes a stand-in notify-send into {@code bin} that records each run's arguments and exits with {@code exit}. */
    private Path standIn(int exit) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        calls = Files.createDirectories(dir.resolve("notify-calls"));
        Path script = bin.resolve("notify-send");
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\0' \"$@\" > '" + calls + "/run-'$$\nexit " + exit + "\n",
                StandardCharsets.UTF_8);
        assertTrue(script.toFile().setExecutable(true));
        return bin;
    }

    /** The arguments of each run of the stand-in so far. */
    private List<List<String>> runs() throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(calls)) {
            for (Path f : files.sorted().toList()) {
                String all = Files.readString(f, StandardCharsets.UTF_8);
                out.add(all.isEmpty() ? List.of() : Arrays.asList(all.substring(0, all.length() - 1).split("\0", -1)));
            }
        }
        return out;
    }

    private void waitForRuns(int n) throws Exception {
        waitFor(n + " runs of notify-send", () -> {
            try {
                return runs().size() == n;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private interface Steps {
        void run() throws Exception;
    }

    /** What the app logged (slf4j-simple writes to standard error) while {@code steps} ran. */
    private static String logOf(Steps steps) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            steps.run();
        } finally {
            System.setErr(err);
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    private void start(boolean notificationsOn, Path bin) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("settings.json"), "{\"language\": \"en\", \"theme\": \"light\", "
                + "\"showWelcome\": false, \"callNotifications\": " + notificationsOn + "}", StandardCharsets.UTF_8);
        harness = new AppHarness(home);
        window = harness.start();
        Path sample = Path.of("..", "sample-flows", "family-menu.json").toAbsolutePath().normalize();
        interact(() -> window.files().open(sample));
        // a node name with shell characters: it must reach notify-send as it is, never through a shell
        interact(() -> window.document().apply("Rename", f -> f.updateNode("menu",
                n -> n.withName("Menu \"$(touch pwned)\" `id`; *"))));
        WaitForAsyncUtils.waitForFxEvents();
        window.calls().notifier().searchIn(bin + File.pathSeparator + System.getenv("PATH"));
        sipgate = LoopbackSipgate.run(window);
    }

    private void waitForCall(String id) throws Exception {
        waitFor("the call " + id, () -> window.calls().monitor().calls().stream()
                .anyMatch(c -> c.callId().equals(id)));
    }

    @Test
    void theDesktopIsToldOfEachIncomingCallOnlyWhileTheSettingIsOn() throws Exception {
        Path bin = standIn(0);
        start(false, bin);
        sipgate.newCall("/sipgate", "quiet", "4989445566");
        waitForCall("quiet");
        Thread.sleep(500);
        assertEquals(List.of(), runs(), "nothing is sent with the setting off");

        interact(() -> window.appSettings().setCallNotifications(true));
        sipgate.newCall("/sipgate", "n1", "4917012345678");
        waitForRuns(1);
        List<String> argv = runs().get(0);
        assertEquals(List.of("--app-name=Switchboard", "--expire-time=6000", "--",
                "Incoming call from +49 170 12345678",
                "To +49 211 5550100 \u00B7 sent to Menu \"$(touch pwned)\" `id`; *"), argv);
        assertFalse(Files.exists(Path.of("pwned")) || Files.exists(bin.resolve("pwned")), "no shell ran");
        waitFor("the in-app notification too", () -> lookup(".label").queryAll().stream()
                .anyMatch(n -> "Incoming call from +49 170 12345678".equals(((Label) n).getText())));
    }

    @Test
    void aFailingOrMissingNotifySendIsSaidOnceWithoutNumbersAndTheAppGoesOn() throws Exception {
        String lines = logOf(() -> {
            Path bin = standIn(3);
            start(true, bin);
            for (String id : List.of("f1", "f2", "f3")) {
                sipgate.newCall("/sipgate", id, "4917012345678");
                waitForCall(id);
            }
            waitForRuns(3);
            Thread.sleep(500); // the exit codes are read in the background

            // gone from the path: the app only notes it (already said: not again)
            window.calls().notifier().searchIn(dir.resolve("empty").toString());
            sipgate.newCall("/sipgate", "m1", "4917012345678");
            waitForCall("m1");
            waitFor("the in-app notification", () -> lookup(".label").queryAll().stream()
                    .anyMatch(n -> "Incoming call from +49 170 12345678".equals(((Label) n).getText())));
        });
        List<String> said = lines.lines().filter(l -> l.contains("CallNotifier")).toList();
        assertEquals(1, said.size(), lines);
        assertTrue(said.get(0).contains("Calls are announced in the app only, not on the desktop: notify-send failed "
                + "with exit code 3."), said.get(0));
        for (String number : Set.of("4917012345678", "170 12345678", "5550100")) {
            assertFalse(lines.contains(number), "a phone number in the log: " + lines);
        }
        assertTrue(window.liveRun().getStatus().port() > 0, "the app still runs");
    }

    @Test
    void aMissingNotifySendIsNotedOnce() throws Exception {
        String lines = logOf(() -> {
            start(true, Files.createDirectories(dir.resolve("nothing-here")));
            window.calls().notifier().searchIn(dir.resolve("nothing-here").toString());
            for (String id : List.of("a1", "a2")) {
                sipgate.newCall("/sipgate", id, "4917012345678");
                waitForCall(id);
            }
        });
        List<String> said = lines.lines().filter(l -> l.contains("CallNotifier"))
                .toList();
        assertEquals(List.of("Calls are announced in the app only: notify-send (desktop notifications) is not "
                + "installed."), said.stream().map(l -> l.substring(l.indexOf("CallNotifier - ") + 15)).toList());
    }
}
