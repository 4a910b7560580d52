package org.switchboard.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.switchboard.app.live.LiveRun;
import org.switchboard.app.settings.SettingsStore;

/**
 * Benchmark of Run in the desktop app (a main class, not a test; see docs/benchmarks.md, "Run in the app"). Starts
 * the real app on a flow with its settings in a new temporary directory, subscribes to the live events as a monitor
 * panel does, and presses Run 5 s after the window is up ({@code -Dbench.firstRunAfter=MILLIS}).
 * <ul>
 *   <li>{@code serve FLOW}: prints the time from pressing Run to the state Running, then {@code Listening on
 *   http://127.0.0.1:PORT} and serves until killed, so that the engine's {@code LoadBenchmark} (target {@code app})
 *   can measure the app's embedded server exactly as it measures {@code run}.</li>
 *   <li>{@code frames FLOW}: times Stop and Run a few times, then zooms the canvas in and out continuously, first
 *   with no pushes arriving, then with 200 pushes a second arriving (newCall after newCall over one keep-alive
 *   connection, from a thread of this process), and prints the editor's frame times of both phases as Markdown.</li>
 * </ul>
 */
public final class AppServeBenchmark {

    private static final double PHASE_SECONDS = Double.parseDouble(System.getProperty("bench.phase", "5"));
    private static final int PUSHES_PER_SECOND = Integer.getInteger("bench.pushes", 200);

    private AppServeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path flow = Path.of(args[1]).toAbsolutePath();
        Path home = Files.createTempDirectory("sb-serve-bench");
        int port = freePort();
        Files.writeString(home.resolve("settings.json"), "{\"language\": \"en\", \"theme\": \"light\", "
                + "\"showWelcome\": false, \"runPort\": " + port + "}", StandardCharsets.UTF_8);
        System.setProperty(SettingsStore.HOME_PROPERTY, home.toString());
        Thread app = new Thread(() -> SwitchboardApp.main(new String[] {flow.toString()}), "app-main");
        app.setDaemon(true);
        app.start();
        MainWindow w = awaitWindow();
        AtomicLong events = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        onFx(() -> w.liveRun().subscribe(batch -> {
            batches.incrementAndGet();
            events.addAndGet(batch.size());
        }));
        // a user looks at the flow for a few seconds before pressing Run (the app warms the server up meanwhile)
        Thread.sleep(Long.getLong("bench.firstRunAfter", 5_000));
        double first = runToRunning(w);
        if (mode.equals("serve")) {
            System.out.printf(Locale.ROOT, "Run to Running: %.0f ms%n", first);
            System.out.println("Listening on http://127.0.0.1:" + port);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        List<Double> again = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            onFx(() -> w.actions().get("run").fire()); // Stop
            awaitState(w, LiveRun.State.STOPPED);
            Thread.sleep(300);
            again.add(runToRunning(w));
        }
        Collections.sort(again);
        long[] cpu0 = cpuNow();
        List<Double> quiet = frames(w, port, 0);
        long[] cpu1 = cpuNow();
        long eventsBefore = events.get();
        long batchesBefore = batches.get();
        List<Double> busy = frames(w, port, PUSHES_PER_SECOND);
        long[] cpu2 = cpuNow();
        long delivered = events.get() - eventsBefore;
        long frames = batches.get() - batchesBefore;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| Run to Running (pressing Run to the state Running) | first %.0f ms,"
                + " then median %.0f ms (min %.0f, max %.0f) of 5 | < 1 s |%n", first, again.get(2), again.get(0),
                again.get(4)));
        out.append(row("editor frame time while zooming, no pushes", quiet));
        out.append(row("editor frame time while zooming, " + PUSHES_PER_SECOND + " pushes/s arriving", busy));
        out.append(String.format(Locale.ROOT, "| CPU per frame, JavaFX thread / render thread: no pushes, %d pushes/s"
                + " | %.1f / %.1f ms, %.1f / %.1f ms | |%n", PUSHES_PER_SECOND,
                (cpu1[0] - cpu0[0]) / 1e6 / quiet.size(), (cpu1[1] - cpu0[1]) / 1e6 / quiet.size(),
                (cpu2[0] - cpu1[0]) / 1e6 / busy.size(), (cpu2[1] - cpu1[1]) / 1e6 / busy.size()));
        out.append(String.format(Locale.ROOT, "| live events delivered to the subscriber while busy | %d in %d frames"
                + " | |%n", delivered, frames));
        System.out.print(out);
        System.out.flush();
        onFx(() -> w.liveRun().close());
        System.exit(0);
    }

    /** CPU time so far of the JavaFX thread and of the render thread, in ns. */
    private static long[] cpuNow() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long fx = 0;
        long render = 0;
        for (java.lang.management.ThreadInfo ti : mx.dumpAllThreads(false, false)) {
            String name = ti.getThreadName();
            // "JavaFX Application Thread" on GTK, "Event Thread" on headless Monocle
            if (name.contains("JavaFX Application Thread") || name.equals("Event Thread")) {
                fx += mx.getThreadCpuTime(ti.getThreadId());
            } else if (name.contains("QuantumRenderer")) {
                render += mx.getThreadCpuTime(ti.getThreadId());
            }
        }
        return new long[] {fx, render};
    }

    private static String row(String what, List<Double> sorted) {
        return String.format(Locale.ROOT, "| %s (%d frames), p50 / p95 / max | %.1f / %.1f / %.1f ms | |%n", what,
                sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 100));
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static MainWindow awaitWindow() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            AtomicReference<MainWindow> found = new AtomicReference<>();
            try {
                onFx(() -> {
                    for (Window window : Window.getWindows()) {
                        if (window instanceof Stage s && MainWindow.of(s) != null && s.isShowing()) {
                            found.set(MainWindow.of(s));
                        }
                    }
                });
            } catch (IllegalStateException toolkitNotUp) {
                // not started yet
            }
            if (found.get() != null) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the app did not open its window");
    }

    /** Presses Run on the JavaFX thread and returns the milliseconds until the state is Running. */
    private static double runToRunning(MainWindow w) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicLong at = new AtomicLong();
        long[] start = new long[1];
        onFx(() -> {
            w.liveRun().stateProperty().addListener((o, was, now) -> {
                if (now == LiveRun.State.RUNNING && at.get() == 0) {
                    at.set(System.nanoTime());
                    running.countDown();
                }
            });
            start[0] = System.nanoTime();
            w.actions().get("run").fire();
        });
        if (!running.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not Running after 30 s: " + w.liveRun().getStatus());
        }
        return (at.get() - start[0]) / 1e6;
    }

    private static void awaitState(MainWindow w, LiveRun.State state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            AtomicReference<LiveRun.State> now = new AtomicReference<>();
            onFx(() -> now.set(w.liveRun().getState()));
            if (now.get() == state) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not " + state);
    }

    /**
     * Zooms the canvas in and out for a phase, with pushes arriving at {@code rate} a second; returns the sorted
     * frame times.
     */
    private static List<Double> frames(MainWindow w, int port, int rate) throws Exception {
        ConcurrentLinkedQueue<long[]> frames = new ConcurrentLinkedQueue<>();
        long[] pulse = new long[1];
        CountDownLatch done = new CountDownLatch(1);
        Thread sender = rate > 0 ? pusher(port, rate) : null;
        onFx(() -> {
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(w.stage().getScene());
            tracker.setOnRenderedFrameTask(() -> frames.add(new long[] {pulse[0], System.nanoTime()}));
            new AnimationTimer() {
                private long start = -1;
                private int step;

                @Override
                public void handle(long now) {
                    pulse[0] = System.nanoTime();
                    if (start < 0) {
                        start = now;
                    }
                    if ((now - start) / 1e9 > PHASE_SECONDS) {
                        stop();
                        tracker.setOnRenderedFrameTask(null);
                        done.countDown();
                        return;
                    }
                    // zooms in and out (through the toolbar's zoom property), so every frame is drawn anew
                    w.canvas().zoomProperty().set(1 + 0.25 * Math.sin(step++ / 20.0));
                }
            }.start();
        });
        done.await((long) PHASE_SECONDS + 30, TimeUnit.SECONDS);
        if (sender != null) {
            sender.interrupt();
            sender.join(5_000);
        }
        List<Double> out = new ArrayList<>();
        for (long[] f : frames) {
            if (f[0] > 0 && f[1] >= f[0]) {
                out.add((f[1] - f[0]) / 1e6);
            }
        }
        Collections.sort(out);
        return out;
    }

    /** A thread that posts newCalls at {@code rate} a second over one keep-alive connection until interrupted. */
    private static Thread pusher(int port, int rate) {
        Thread t = new Thread(() -> {
            long period = 1_000_000_000L / rate;
            long next = System.nanoTime();
            int n = 0;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                while (!Thread.currentThread().isInterrupted()) {
                    String body = "event=newCall&direction=in&from=4930123456&to=4930654321&callId=bench" + n++;
                    out.write(("POST /sipgate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                            + "application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
                            + body).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    readAnswer(in);
                    next += period;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                System.err.println("pusher: " + e);
            }
        }, "pusher");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1
                    : b == '\r' ? 1 : 0;
        }
        String text = head.toString(StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        int i = text.indexOf("content-length:");
        int length = i < 0 ? 0 : Integer.parseInt(text.substring(i + 15, text.indexOf('\r', i)).trim());
        in.readNBytes(length);
    }

    private static void onFx(Runnable task) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX thread did not answer");
        }
    }
}
