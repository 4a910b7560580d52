package org.switchboard.app.canvas;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.SwitchRule;

/**
 * Editor benchmark (a main class, not a test): opens a generated 1,000-node flow in a {@link FlowCanvas} in a
 * 1440×900 stage and measures the time to the first rendered frame and to the first frame with every card near the
 * view built; then pans continuously for 2.5 s, zooms
 * 100 % → 25 % → 100 % for 2.5 s, and pans for 2.5 s at 73 % (a zoom such as "zoom to fit" gives, where the cards'
 * screen positions are not whole pixels by themselves); {@code -Dbench.phase=<seconds>} changes the phase length.
 * The p95 target applies to the first two phases. A frame's time is
 * from the start of its pulse to the moment it was rendered. Also reports the CPU time the JavaFX thread and the
 * render thread spent per frame (which, unlike wall time, does not depend on other load on the machine), the used
 * heap after GC and the time one edit takes. Prints a Markdown table on standard output; see docs/benchmarks.md.
 */
public final class CanvasBenchmark {

    static final int NODES = 1000;
    private static final int COLUMNS = 40;

    private CanvasBenchmark() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** Rows of 40 nodes, each row a chain starting at its own Incoming call; about one wire per node. */
    static Flow bigFlow(int count) {
        NodeTypes t = NodeTypes.standard();
        String[] pattern = {"gather", "switch", "play", "dial", "callEvents", "play", "gather", "switch", "dial"};
        List<FlowNode> nodes = new ArrayList<>(count);
        List<Wire> wires = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int row = i / COLUMNS;
            int col = i % COLUMNS;
            String type = col == 0 ? "incomingCall" : pattern[(col - 1 + row) % pattern.length];
            NodeType nt = t.get(type);
            FlowNode n = nt.newNode("n" + i, col * 260.0, row * 180.0);
            switch (type) {
                case "incomingCall" -> n = n.withProperty("path", "/line" + row);
                case "switch" -> n = n.withProperty("rules", List.of(SwitchRule.data(SwitchRule.Op.EQUALS, "1"),
                        SwitchRule.data(SwitchRule.Op.EQUALS, "2")));
                case "dial" -> n = n.withName("Person " + i).withProperty("numbers", List.of("+49 30 1234567"));
                case "play" -> n = n.withProperty("url", "https://example.org/audio/a" + i + ".wav");
                case "gather" -> n = n.withName("Menu " + i).withProperty("timeout", 5000L);
                default -> { }
            }
            nodes.add(n);
            if (col > 0) {
                FlowNode prev = nodes.get(i - 1);
                List<String> outs = t.get(prev.type()).outputIds(prev);
                if (!outs.isEmpty()) {
                    wires.add(new Wire(prev.id(), outs.get(0), n.id()));
                }
            }
        }
        return Flow.of("benchmark", nodes, wires);
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** CPU time so far of the JavaFX thread and of the render thread, in ns. */
    static long[] cpuNow() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long fx = 0;
        long render = 0;
        for (ThreadInfo ti : mx.dumpAllThreads(false, false)) {
            String name = ti.getThreadName();
            long cpu = mx.getThreadCpuTime(ti.getThreadId());
            // The FX thread is "JavaFX Application Thread" on GTK and "Event Thread" on headless Monocle.
            if (name.contains("JavaFX Application Thread") || name.equals("Event Thread")) {
                fx += cpu;
            } else if (name.contains("QuantumRenderer")) {
                render += cpu;
            }
        }
        return new long[] {fx, render};
    }

    /** The JavaFX application behind {@link #main}. */
    public static final class App extends Application {

        private static final double PHASE_SECONDS = Double.parseDouble(System.getProperty("bench.phase", "2.5"));

        /** Per rendered frame: pulse start, rendered, phase (1 pan, 2 zoom). */
        private final ConcurrentLinkedQueue<long[]> frames = new ConcurrentLinkedQueue<>();
        private final List<long[]> cpuMarks = new ArrayList<>();
        private volatile long pulseStart;
        private volatile long phase;
        private volatile long firstFrame;
        /** When no card near the view was left to build (after a layout pass), and the frame rendered after it. */
        private volatile long builtAt;
        private volatile long completeFrame;
        private long t0;

        @Override
        public void start(Stage stage) {
            AppTexts.setLocale(Locale.ENGLISH);
            Flow flow = bigFlow(NODES);
            t0 = System.nanoTime();
            EditorDocument doc = EditorDocument.checkedBy(NodeTypes.standard(), AppTexts.engine());
            doc.reset(flow, null, true);
            FlowCanvas canvas = new FlowCanvas(doc, NodeTypes.standard(), AppTexts.engine());
            Scene scene = new Scene(new StackPane(canvas), 1440, 900);
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            scene.addPostLayoutPulseListener(() -> {
                if (builtAt == 0 && !canvas.building()) {
                    builtAt = System.nanoTime();
                }
            });
            tracker.setOnRenderedFrameTask(() -> {
                long now = System.nanoTime();
                if (builtAt != 0 && completeFrame == 0) {
                    completeFrame = now;
                }
                if (firstFrame == 0) {
                    firstFrame = now;
                    Platform.runLater(() -> run(canvas, doc));
                }
                frames.add(new long[] {pulseStart, now, phase});
            });
            stage.setScene(scene);
            stage.setTitle("Canvas benchmark");
            stage.show();
        }

        private void run(FlowCanvas canvas, EditorDocument doc) {
            frames.clear();
            PanZoom pz = canvas.panZoom();
            AnimationTimer timer = new AnimationTimer() {
                private long start = -1;

                @Override
                public void handle(long now) {
                    pulseStart = System.nanoTime();
                    if (start < 0) {
                        start = now;
                    }
                    double t = (now - start) / 1e9;
                    long ph = t < PHASE_SECONDS ? 1 : t < 2 * PHASE_SECONDS ? 2 : t < 3 * PHASE_SECONDS ? 3 : 4;
                    if (ph != phase) {
                        cpuMarks.add(cpuNow());
                        phase = ph;
                    }
                    if (ph == 1) {
                        pz.panBy(-7, -3);
                    } else if (ph == 2) {
                        double u = (t - PHASE_SECONDS) / PHASE_SECONDS;
                        double z = 1 - 0.75 * (0.5 - 0.5 * Math.cos(2 * Math.PI * u));
                        pz.zoomAt(canvas.getWidth() / 2, canvas.getHeight() / 2, z);
                    } else if (ph == 3) {
                        if (pz.zoom() != 0.73) {
                            // A zoom step from the toolbar, not a gesture.
                            pz.zoomProperty().set(0.73);
                        } else {
                            pz.panBy(7, 3);
                        }
                    } else {
                        stop();
                        finish(canvas, doc);
                    }
                }
            };
            timer.start();
        }

        private List<Double> sorted(int wantedPhase, boolean interval) {
            List<Double> out = new ArrayList<>();
            long last = -1;
            for (long[] f : frames) {
                boolean match = wantedPhase == 0 ? f[2] == 1 || f[2] == 2 : f[2] == wantedPhase;
                if (match && interval && last > 0) {
                    out.add((f[1] - last) / 1e6);
                } else if (match && !interval && f[0] > 0 && f[1] >= f[0]) {
                    out.add((f[1] - f[0]) / 1e6);
                }
                last = f[1];
            }
            Collections.sort(out);
            return out;
        }

        private String cpu(int p, int frameCount) {
            if (cpuMarks.size() <= p) {
                return "n/a";
            }
            long[] a = cpuMarks.get(p - 1);
            long[] b = cpuMarks.get(p);
            double n = Math.max(1, frameCount);
            return String.format(Locale.ROOT, "%.1f / %.1f ms", (b[0] - a[0]) / 1e6 / n, (b[1] - a[1]) / 1e6 / n);
        }

        private void finish(FlowCanvas canvas, EditorDocument doc) {
            List<Double> all = sorted(0, false);
            List<Double> pan = sorted(1, false);
            List<Double> zoom = sorted(2, false);
            List<Double> panZoomed = sorted(3, false);
            List<Double> intervals = sorted(0, true);
            double seconds = intervals.stream().mapToDouble(Double::doubleValue).sum() / 1000;

            List<Double> edits = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = "n" + (i * 37 % NODES);
                long s = System.nanoTime();
                doc.apply("move", f -> f.moveNodes(List.of(id), 20, 0));
                canvas.flush();
                edits.add((System.nanoTime() - s) / 1e6);
            }
            Collections.sort(edits);

            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            double heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
            String env = System.getProperty("glass.platform", "GTK") + ", prism " + System.getProperty("prism.order",
                    "default");
            StringBuilder out = new StringBuilder();
            out.append("| ").append(env).append(", ").append(NODES).append(" nodes, ")
                    .append(doc.flow().wires().size()).append(" wires, 1440×900 | value | target |\n");
            out.append("|---|---|---|\n");
            out.append(String.format(Locale.ROOT, "| time to first rendered frame | %.0f ms | < 1000 ms |%n",
                    (firstFrame - t0) / 1e6));
            out.append(String.format(Locale.ROOT, "| time to the first frame with every card near the view built"
                    + " (the first frame builds them for up to a budget; the view still pans) | %.0f ms | |%n",
                    (completeFrame - t0) / 1e6));
            out.append(row("frame time, pan + zoom", all, "p95 < 16 ms"));
            out.append(row("frame time, pan at 100 %", pan, ""));
            out.append(row("frame time, zoom 100 → 25 → 100 %", zoom, ""));
            out.append(row("frame time, pan at 73 %", panZoomed, ""));
            out.append(String.format(Locale.ROOT, "| frames rendered per second (average) | %.0f | |%n",
                    intervals.size() / Math.max(0.001, seconds)));
            out.append("| CPU per frame, FX thread / render thread, pan | ").append(cpu(1, pan.size()))
                    .append(" | |\n");
            out.append("| CPU per frame, FX thread / render thread, zoom | ").append(cpu(2, zoom.size()))
                    .append(" | |\n");
            out.append("| CPU per frame, FX thread / render thread, pan at 73 % | ").append(cpu(3, panZoomed.size()))
                    .append(" | |\n");
            out.append(String.format(Locale.ROOT, "| one edit (move a node): apply + reconcile + layout, p50 / max |"
                    + " %.1f / %.1f ms | |%n", percentile(edits, 50), percentile(edits, 100)));
            out.append(String.format(Locale.ROOT, "| used heap after GC | %.0f MB | < 300 MB |%n", heapMb));
            // The benchmark's result is its console output, like a CLI's.
            System.out.print(out);
            System.out.flush();
            Platform.exit();
        }

        private static String row(String what, List<Double> sorted, String target) {
            return String.format(Locale.ROOT, "| %s (%d frames), p50 / p95 / max | %.1f / %.1f / %.1f ms | %s |%n",
                    what, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 100),
                    target);
        }
    }
}
