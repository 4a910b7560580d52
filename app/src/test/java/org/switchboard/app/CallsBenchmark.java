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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.calls.CallsTab;
import org.switchboard.app.live.CallMonitor;
import org.switchboard.engine.calllog.CallLogReader;
import org.switchboard.engine.calllog.LoggedCall;

/**
 * Not a test: the Calls tab's benchmark (docs/benchmarks.md). The family menu sample runs in the app through
 * LiveRun; pushes arrive over loopback at 200 a second for {@code bench.seconds} (default 10, after {@code
 * bench.warmup} seconds of the same load unmeasured, default 5) while the canvas zooms a little every frame (so every
 * frame renders). Reports the frame times without and with the load, how often the
 * call list changed, whether the kept log has every push, and the GC pauses and the whole process's CPU in that time
 * (the load generator and Jetty share the JVM). Then opens a generated log of 10,000 calls and reports the time until
 * the list shows its newest calls and until it has all of them. Run on purpose:
 * {@code mvn -B -o -pl app -am test -Dtest=CallsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CallsBenchmark extends FxThreadRobot {

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
        long gc0 = gcMillis();
        frames(w, 2, null); // unmeasured: the frames' own code compiled first
        List<Double> idle = frames(w, 3, null);
        long cpuIdle = threads.getThreadCpuTime(fx) - cpu0;
        long gcIdle = gcMillis() - gc0;
        AtomicInteger sent = new AtomicInteger();
        // the same load unmeasured first, so that the JIT compiler has compiled the push path (as in an app that has
        // been taking calls for a while) and does not compete with the frames measured
        int warmup = Integer.getInteger("bench.warmup", 5);
        // -Dbench.loadProcess=true: the load comes from another JVM, as sipgate's pushes come from outside
        Process loadProcess = Boolean.getBoolean("bench.loadProcess") ? startLoad(sipgate, warmup, seconds, sent)
                : null;
        if (loadProcess == null) {
            CallsLoad.run(sipgate, warmup, sent, new java.util.concurrent.atomic.AtomicLong());
        }
        int warmupPushes = sent.get();
        long updatesBefore = w.calls().monitor().updates();
        long cpu1 = threads.getThreadCpuTime(fx);
        long gc1 = gcMillis();
        long process1 = processCpu();
        Map<String, Long> byGroup1 = cpuByGroup();
        java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();
        long wall1 = System.nanoTime();
        List<Double> cpuUpdated = Collections.synchronizedList(new ArrayList<>());
        List<Double> cpuOther = Collections.synchronizedList(new ArrayList<>());
        List<Double> loaded = frames(w, seconds, loadProcess == null
                ? () -> CallsLoad.run(sipgate, seconds, sent, clientCpu) : () -> awaitLoad(loadProcess, sent),
                cpuUpdated, cpuOther);
        long loadWall = System.nanoTime() - wall1;
        Map<String, Long> byGroup = cpuByGroup();
        long processLoadedNanos = processCpu() - process1;
        byGroup1.forEach((k, v) -> byGroup.merge(k, -v, Long::sum));
        byGroup.merge("the 8 load threads", clientCpu.get(), Long::sum);
        long cpuLoaded = threads.getThreadCpuTime(fx) - cpu1;
        long gcLoaded = gcMillis() - gc1;
        double processLoaded = processLoadedNanos / (double) loadWall;
        long updates = w.calls().monitor().updates() - updatesBefore;
        Path log = harness.home.resolve(CallsTab.LOG_NAME);
        int expected = sent.get();
        waitFor("the log", () -> pushesIn(log) >= expected);
        int logged = pushesIn(log);

        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        row("pushes sent (newCall, dtmf, hangup) / answered 200", (expected - warmupPushes) + " in " + seconds
                + " s (after " + warmupPushes + " in " + warmup + " s unmeasured)");
        row("push lines in the call log (of all pushes sent)", logged + " of " + expected + " (dropped: "
                + (expected - logged) + ")");
        row("call list updates per second", String.format(Locale.ROOT, "%.1f", updates / (double) seconds));
        row("frame time without load p50 / p95 / max", stats(idle));
        row("frame time with 200 pushes/s p50 / p95 / max", stats(loaded));
        row("JavaFX thread CPU per frame without / with load", String.format(Locale.ROOT, "%.1f / %.1f ms",
                cpuIdle / 1e6 / Math.max(1, idle.size()), cpuLoaded / 1e6 / Math.max(1, loaded.size())));
        row("JavaFX thread CPU of a frame with load: with a call list update / without, p50 / p95",
                percentiles(cpuUpdated) + " (" + cpuUpdated.size() + " frames) / " + percentiles(cpuOther) + " ("
                        + cpuOther.size() + ")");
        row("GC pauses without / with load (ms per second)", String.format(Locale.ROOT, "%.1f / %.1f",
                gcIdle / 3.0, gcLoaded / (double) seconds));
        row("whole process CPU with load (cores busy of 2: app, Jetty, 8 client threads)",
                String.format(Locale.ROOT, "%.2f", processLoaded));
        byGroup.put("JIT compiler and GC (process minus the Java threads)", processLoadedNanos
                - byGroup.values().stream().mapToLong(Long::longValue).sum());
        StringBuilder groups = new StringBuilder();
        byGroup.forEach((k, v) -> groups.append(groups.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", v / (double) loadWall)));
        row("CPU with load by thread, in cores", groups.toString());
        row("machine load average (2 cores)", String.format(Locale.ROOT, "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        // a log of 10,000 calls (3 pushes and an end each) opened in the tab: first as the first log opened in this
        // JVM, then a second one, as when the app has read its own log at start (the reader's code is then warm)
        Path big = Files.createTempFile("calls-10000", ".jsonl");
        writeLog(big, 10_000, "log-");
        measureOpen(w, fx, big, "log-", "open a log of 10,000 calls");
        Path second = Files.createTempFile("calls-10000-b", ".jsonl");
        writeLog(second, 10_000, "again-");
        measureOpen(w, fx, second, "again-", "open another log of 10,000 calls (the reader warm)");
        Files.delete(second);
        // the engine's readers on their own, after the open (which is so measured with the reader as warm as the
        // app's own log and the small reads of the load left it, not warmed on this file)
        long n0 = System.nanoTime();
        long nc0 = threads.getCurrentThreadCpuTime();
        CallLogReader.readNewest(big, CallMonitor.FIRST_ROWS);
        row("read its newest " + CallMonitor.FIRST_ROWS + " calls (engine, from the end) wall / CPU",
                (System.nanoTime() - n0) / 1_000_000 + " / " + (threads.getCurrentThreadCpuTime() - nc0) / 1_000_000
                        + " ms");
        long r0 = System.nanoTime();
        long rc0 = threads.getCurrentThreadCpuTime();
        CallLogReader.read(big);
        row("read the whole 10,000-call log (engine) wall / CPU of the reading thread", (System.nanoTime() - r0)
                / 1_000_000 + " / " + (threads.getCurrentThreadCpuTime() - rc0) / 1_000_000 + " ms");
        Runtime rt = Runtime.getRuntime();
        System.gc();
        row("heap used with 10,000 calls listed", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024) + " MiB");
        Files.delete(big);
        harness.stop();
    }

    /**
     * Opens {@code log} (calls named {@code prefix} 0 to 9,999) in the tab and prints the time until the table's
     * first row is its newest call, and until the list has all 10,000: taken after a layout pass, so what the next
     * frame shows (the list still has the calls shown before until then).
     */
    private void measureOpen(MainWindow w, long fx, Path log, String prefix, String label) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] firstRows = {0};
        long[] allRows = {0};
        long[] fxFirst = {0};
        Runnable shown = () -> {
            TableView<LoggedCall> t = table();
            boolean newestOnTop = t.lookupAll(".table-row-cell").stream().anyMatch(n -> n.isVisible()
                    && n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == 0 && r.getItem()
                    instanceof LoggedCall c && c.callId().equals(prefix + "9999"));
            if (firstRows[0] == 0 && newestOnTop) {
                firstRows[0] = System.nanoTime();
                fxFirst[0] = threads.getCurrentThreadCpuTime();
            }
            if (allRows[0] == 0 && newestOnTop && t.getItems().size() == 10_000
                    && t.getItems().get(9_999).callId().equals(prefix + "0")) {
                allRows[0] = System.nanoTime();
            }
        };
        WaitForAsyncUtils.asyncFx(() -> w.stage().getScene().addPostLayoutPulseListener(shown)).get();
        long fxc0 = threads.getThreadCpuTime(fx);
        long t0 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> w.calls().pane().openLog(log));
        waitFor("10,000 calls listed", () -> allRows[0] != 0);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> w.stage().getScene().removePostLayoutPulseListener(shown)).get();
        row(label + ": the list shows its newest calls after", (firstRows[0] - t0) / 1_000_000
                + " ms (" + Files.size(log) / 1024 + " KiB); JavaFX thread CPU in that time "
                + (fxFirst[0] - fxc0) / 1_000_000 + " ms");
        row(label + ": the list has all 10,000 after", (allRows[0] - t0) / 1_000_000
                + " ms; JavaFX thread CPU in that time " + (threads.getThreadCpuTime(fx) - fxc0) / 1_000_000 + " ms");
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /**
     * CPU time so far of the live threads, by what they do: the JavaFX thread, the renderer, the embedded server
     * (Jetty), the load's HTTP client, the rest (the call log writer, JIT and GC threads are not Java threads).
     */
    private static Map<String, Long> cpuByGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new java.util.LinkedHashMap<>();
        for (String group : List.of("JavaFX", "renderer", "Jetty", "load's HTTP client", "other Java threads")) {
            cpu.put(group, 0L);
        }
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            String name = t.getThreadName();
            String group = name.equals("Event Thread") || name.equals("JavaFX Application Thread") ? "JavaFX"
                    : name.startsWith("QuantumRenderer") ? "renderer"
                    : name.startsWith("switchboard-http") ? "Jetty"
                    : name.startsWith("HttpClient") ? "load's HTTP client" : "other Java threads";
            long time = threads.getThreadCpuTime(t.getThreadId());
            if (time > 0) {
                cpu.merge(group, time, Long::sum);
            }
        }
        return cpu;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
        return frames(w, seconds, during, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * As {@link #frames(MainWindow, int, Runnable)}, and the JavaFX thread's CPU time of each frame, apart for
     * frames in which the call list changed and the others.
     */
    private List<Double> frames(MainWindow w, int seconds, Runnable during, List<Double> cpuUpdated,
                                List<Double> cpuOther) throws Exception {
        List<Double> intervals = Collections.synchronizedList(new ArrayList<>());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AnimationTimer timer = new AnimationTimer() {
            private long last;
            private long lastCpu;
            private long lastUpdates;
            private boolean up;

            @Override
            public void handle(long now) {
                long cpu = threads.getCurrentThreadCpuTime();
                long updates = w.calls().monitor().updates();
                if (last != 0) {
                    intervals.add((now - last) / 1e6);
                    (updates != lastUpdates ? cpuUpdated : cpuOther).add((cpu - lastCpu) / 1e6);
                }
                last = now;
                lastCpu = cpu;
                lastUpdates = updates;
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

    /** The load in a JVM of its own, returned once its warm-up is over; {@code sent} gets the warm-up's pushes. */
    private static Process startLoad(LoopbackSipgate sipgate, int warmup, int seconds, AtomicInteger sent)
            throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CallsLoad.class.getName(), sipgate.base(),
                Integer.toString(warmup), Integer.toString(seconds)).redirectErrorStream(true).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("warm ")) {
                sent.addAndGet(Integer.parseInt(line.substring(5)));
            } else if (line.equals("measuring")) {
                return p;
            }
        }
        throw new IllegalStateException("the load process ended before its warm-up did");
    }

    /** Waits for the load process's measured part; {@code sent} gets its pushes. */
    private static void awaitLoad(Process p, AtomicInteger sent) {
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("sent ")) {
                    sent.addAndGet(Integer.parseInt(line.split(" ")[1]));
                }
            }
            p.waitFor();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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

    private static String percentiles(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        return v.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f / %.1f ms", v.get(v.size() / 2),
                v.get((int) (v.size() * 0.95)));
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

    private static void writeLog(Path file, int calls, String prefix) throws Exception {
        StringBuilder out = new StringBuilder();
        Instant t = Instant.now().minusSeconds(calls * 60L);
        for (int i = 0; i < calls; i++) {
            String id = prefix + i;
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
