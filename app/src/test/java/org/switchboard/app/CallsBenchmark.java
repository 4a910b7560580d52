package org.switchboard.app;

import static org.switchboard.app.LoopbackSipgate.waitFor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.calls.CallsTab;
import org.switchboard.engine.calllog.CallLogReader;
import org.switchboard.engine.calllog.LoggedCall;

/**
 * Not a test: the Calls tab's benchmark (docs/benchmarks.md). The family menu sample runs in the app through
 * LiveRun; pushes arrive over loopback at 200 a second for {@code bench.seconds} (default 10) while the canvas zooms
 * a little every frame (so every frame renders). Reports the frame times without and with the load, how often the
 * call list changed, and whether the kept log has every push. Then opens a generated log of 10,000 calls and reports
 * the time until the list shows them. Run on purpose:
 * {@code mvn -B -o -pl app -am test -Dtest=CallsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CallsBenchmark extends FxThreadRobot {

    private static final int RATE = 200;

    @Test
    void benchmark() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        Path sample = Path.of("../sample-flows/family-menu.json").toAbsolutePath();
        AppHarness harness = AppHarness.inLook("light", "en");
        MainWindow w = harness.start(sample.toString());
        interact(() -> {
            w.stage().setWidth(1440);
            w.stage().setHeight(900);
        });
        LoopbackSipgate sipgate = LoopbackSipgate.run(w);
        clickOn("#dock-tab-calls");
        AppHarness.settle();

        long fx = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getId()).get();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getThreadCpuTime(fx);
        List<Double> idle = frames(w, 3, null);
        long cpuIdle = threads.getThreadCpuTime(fx) - cpu0;
        AtomicInteger sent = new AtomicInteger();
        long updatesBefore = w.calls().monitor().updates();
        long cpu1 = threads.getThreadCpuTime(fx);
        List<Double> loaded = frames(w, seconds, () -> load(sipgate, seconds, sent));
        long cpuLoaded = threads.getThreadCpuTime(fx) - cpu1;
        long updates = w.calls().monitor().updates() - updatesBefore;
        Path log = harness.home.resolve(CallsTab.LOG_NAME);
        int expected = sent.get();
        waitFor("the log", () -> pushesIn(log) >= expected);
        int logged = pushesIn(log);

        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        row("pushes sent (newCall, dtmf, hangup) / answered 200", expected + " in " + seconds + " s");
        row("push lines in the call log", logged + " (dropped: " + (expected - logged) + ")");
        row("call list updates per second", String.format(Locale.ROOT, "%.1f", updates / (double) seconds));
        row("frame time without load p50 / p95 / max", stats(idle));
        row("frame time with 200 pushes/s p50 / p95 / max", stats(loaded));
        row("JavaFX thread CPU per frame without / with load", String.format(Locale.ROOT, "%.1f / %.1f ms",
                cpuIdle / 1e6 / Math.max(1, idle.size()), cpuLoaded / 1e6 / Math.max(1, loaded.size())));
        row("machine load average (2 cores)", String.format(Locale.ROOT, "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        // a log of 10,000 calls (3 pushes and an end each) opened in the tab
        Path big = Files.createTempFile("calls-10000", ".jsonl");
        writeLog(big, 10_000);
        long r0 = System.nanoTime();
        long rc0 = threads.getCurrentThreadCpuTime();
        CallLogReader.read(big);
        row("read the 10,000-call log (engine) wall / CPU", (System.nanoTime() - r0) / 1_000_000 + " / "
                + (threads.getCurrentThreadCpuTime() - rc0) / 1_000_000 + " ms");
        long fxc0 = threads.getThreadCpuTime(fx);
        long t0 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> w.calls().pane().openLog(big));
        waitFor("10,000 calls listed", () -> table().getItems().size() == 10_000 && table().lookup(".table-row-cell")
                != null);
        WaitForAsyncUtils.waitForFxEvents();
        long shown = System.nanoTime() - t0;
        row("open a log of 10,000 calls until the list shows them", (shown / 1_000_000) + " ms ("
                + Files.size(big) / 1024 + " KiB); JavaFX thread CPU in that time "
                + (threads.getThreadCpuTime(fx) - fxc0) / 1_000_000 + " ms");
        Runtime rt = Runtime.getRuntime();
        System.gc();
        row("heap used with 10,000 calls listed", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024) + " MiB");
        Files.delete(big);
        harness.stop();
    }

    @SuppressWarnings("unchecked")
    private TableView<LoggedCall> table() {
        return lookup("#calls-table").queryAs(TableView.class);
    }

    private static void row(String what, String value) {
        System.out.println("| " + what + " | " + value + " |");
    }

    /** Zooms between 95 % and 105 % every frame for {@code seconds} while {@code during} runs; the frame intervals. */
    private List<Double> frames(MainWindow w, int seconds, Runnable during) throws Exception {
        List<Double> intervals = Collections.synchronizedList(new ArrayList<>());
        AnimationTimer timer = new AnimationTimer() {
            private long last;
            private boolean up;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    intervals.add((now - last) / 1e6);
                }
                last = now;
                up = !up;
                w.canvas().zoomProperty().set(up ? 1.05 : 0.95);
            }
        };
        WaitForAsyncUtils.asyncFx(timer::start).get();
        if (during != null) {
            during.run();
        } else {
            Thread.sleep(seconds * 1000L);
        }
        WaitForAsyncUtils.asyncFx(timer::stop).get();
        return intervals;
    }

    /** 200 pushes a second: calls of newCall, dtmf 1 and hangup busy, from 8 threads. */
    private static void load(LoopbackSipgate sipgate, int seconds, AtomicInteger sent) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        int calls = RATE * seconds / 3;
        try {
            for (int i = 0; i < calls; i++) {
                long due = start + (long) (i * 3 * 1e9 / RATE);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int n = i;
                pool.submit(() -> {
                    LoopbackSipgate.Call c = sipgate.newCall("/sipgate", "bench-" + n, "4917012345678");
                    sipgate.dtmf(c, "1");
                    sipgate.hangup(c, "busy");
                    sent.addAndGet(3);
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int pushesIn(Path log) {
        try {
            return CallLogReader.read(log).calls().stream().mapToInt(c -> c.pushes().size()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String stats(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        if (v.isEmpty()) {
            return "no frames";
        }
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms (%d frames)", v.get(v.size() / 2),
                v.get((int) (v.size() * 0.95)), v.get(v.size() - 1), v.size());
    }

    private static void writeLog(Path file, int calls) throws Exception {
        StringBuilder out = new StringBuilder();
        Instant t = Instant.now().minusSeconds(calls * 60L);
        for (int i = 0; i < calls; i++) {
            String id = "log-" + i;
            out.append("{\"type\":\"push\",\"time\":\"").append(t).append("\",\"callId\":\"").append(id)
                    .append("\",\"event\":\"newCall\",\"fields\":{\"from\":[\"4917012345678\"],"
                            + "\"to\":[\"492115550100\"],\"direction\":[\"in\"]},\"nodes\":[\"in\",\"menu\"],"
                            + "\"outputs\":[{\"node\":\"in\","
                            + "\"port\":\"call\"}],\"answeredBy\":\"menu\",\"xml\":\"<Response><Gather/></Response>\","
                            + "\"notes\":[],\"micros\":300}\n");
            out.append("{\"type\":\"push\",\"time\":\"").append(t.plusSeconds(4)).append("\",\"callId\":\"")
                    .append(id).append("\",\"event\":\"dtmf\",\"fields\":{\"dtmf\":[\"2\"]},\"nodes\":[\"digits\","
                            + "\"ben\"],\"outputs\":[{\"node\":\"menu\",\"port\":\"digits\"}],\"answeredBy\":\"ben\","
                            + "\"xml\":\"<Response><Dial/></Response>\",\"notes\":[],\"micros\":500}\n");
            out.append("{\"type\":\"push\",\"time\":\"").append(t.plusSeconds(30)).append("\",\"callId\":\"")
                    .append(id).append("\",\"event\":\"hangup\",\"fields\":{\"cause\":[\"normalClearing\"]},"
                            + "\"nodes\":[],\"outputs\":[],\"xml\":\"<Response/>\",\"notes\":[],\"micros\":80}\n");
            out.append("{\"type\":\"end\",\"time\":\"").append(t.plusSeconds(30)).append("\",\"callId\":\"")
                    .append(id).append("\",\"cause\":\"normalClearing\"}\n");
            t = t.plusSeconds(60);
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }
}
