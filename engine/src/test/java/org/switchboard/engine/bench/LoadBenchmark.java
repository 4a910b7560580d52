package org.switchboard.engine.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * The engine's load benchmark (run by {@code bench/run-load.sh}; not a test). Starts each server in its own JVM so
 * that its memory can be read from {@code /proc/PID/status}: the real {@code run} command serving
 * sample-flows/family-menu.json, and for comparison a bare Jetty with the same settings whose handler answers every
 * request with one fixed XML document. Drives both with {@link LoadGenerator} (newCall, and newCall-then-dtmf) at
 * each connection count, reports throughput, latency percentiles, CPU use of server, generator and everything else
 * on the machine, peak RSS, and the cold start of {@code run} to its first answered push. Linux only (reads /proc).
 *
 * <p>Options: {@code --seconds N} (measuring time per run, default 20), {@code --warmup N} (default 3),
 * {@code --connections 1,16,64}, {@code --server-jvm "ARGS"} (JVM options of both servers), {@code --flow FILE},
 * {@code --cold-starts N} (default 5), {@code --out FILE} (also write the Markdown report there). With
 * {@code --targets bare,engine,app --app-classpath CP} it also measures the desktop app's embedded server (the app
 * started headless with the flow open and Run pressed, see the app's {@code AppServeBenchmark}).
 */
public final class LoadBenchmark {

    private static final Pattern LISTENING = Pattern.compile("Listening on http://[^:]+:(\\d+)");
    private static final Pattern READY = Pattern.compile("READY (\\d+)");
    static final String DEFAULT_SERVER_JVM = "-Xms32m -Xmx56m -Xmn32m -XX:SurvivorRatio=2 -XX:+UseSerialGC";

    private final double seconds;
    private final double warmup;
    private final List<Integer> connections;
    private final List<String> serverJvm;
    private final Path flow;
    private final int coldStarts;
    /** The engine's runnable jar; when null, {@code run} starts from this JVM's class path. */
    private final Path jar;
    private final List<String> targets;
    private final List<String> workloads;
    private final int maxWaitSeconds;
    /** The desktop app's class path (with its test classes), for the target {@code app}; null without it. */
    private String appClasspath;
    private final StringBuilder report = new StringBuilder();
    private final List<String> memory = new ArrayList<>();

    private LoadBenchmark(double seconds, double warmup, List<Integer> connections, List<String> serverJvm, Path flow,
                          int coldStarts, Path jar, List<String> targets, List<String> workloads,
                          int maxWaitSeconds) {
        this.maxWaitSeconds = maxWaitSeconds;
        this.jar = jar;
        this.targets = targets;
        this.workloads = workloads;
        this.seconds = seconds;
        this.warmup = warmup;
        this.connections = connections;
        this.serverJvm = serverJvm;
        this.flow = flow;
        this.coldStarts = coldStarts;
    }

    public static void main(String[] args) throws Exception {
        double seconds = 20;
        double warmup = 3;
        List<Integer> connections = List.of(1, 16, 64);
        String jvm = DEFAULT_SERVER_JVM;
        String appClasspath = null;
        Path flow = Path.of("..", "sample-flows", "family-menu.json");
        int coldStarts = 5;
        Path out = null;
        boolean skipLoad = false;
        int maxWait = 600;
        Path jar = null;
        List<String> targets = List.of("bare", "engine");
        List<String> workloads = List.of("newCall", "dtmf", "call");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--connections" -> connections = Arrays.stream(value.split(",")).map(String::trim)
                        .map(Integer::valueOf).toList();
                case "--server-jvm" -> jvm = value;
                case "--flow" -> flow = Path.of(value);
                case "--cold-starts" -> coldStarts = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                case "--jar" -> jar = Path.of(value);
                case "--max-wait" -> maxWait = Integer.parseInt(value);
                case "--targets" -> targets = List.of(value.split(","));
                case "--workloads" -> workloads = List.of(value.split(","));
                case "--app-classpath" -> appClasspath = value;
                case "--skip-load" -> {
                    skipLoad = true;
                    i--;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        List<String> jvmOptions = jvm.isBlank() ? List.of() : List.of(jvm.trim().split("\\s+"));
        LoadBenchmark bench = new LoadBenchmark(seconds, warmup, connections, jvmOptions, flow, coldStarts, jar,
                targets, workloads, maxWait);
        bench.appClasspath = appClasspath;
        if (targets.contains("app") && appClasspath == null) {
            throw new IllegalArgumentException("the target app needs --app-classpath (the app's test class path)");
        }
        if (skipLoad) {
            bench.coldStart();
        } else {
            bench.runAll();
        }
        if (out != null) {
            Files.writeString(out, bench.report.toString(), StandardCharsets.UTF_8);
        }
    }

    private void runAll() throws Exception {
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + firstLine("/proc/cpuinfo", "model name") + ", Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + "), load average before: " + firstWord("/proc/loadavg"));
        line("Server JVM options: `" + String.join(" ", serverJvm) + "`; " + fmt(seconds) + " s per run after "
                + fmt(warmup) + " s warm-up; pushes logged at INFO (to /dev/null)");
        line("");
        line("| server | workload | conns | pushes/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU "
                + "| generator CPU | other CPU |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<double[]> bare = targets.contains("bare") ? measure("bare Jetty", bareCommand()) : null;
        List<double[]> engine = targets.contains("engine") ? measure("switchboard run", runCommand(0)) : null;
        List<double[]> app = targets.contains("app") ? measure("app (Run)", appCommand()) : null;
        line("");
        memory.forEach(this::line);
        line("");
        if (bare != null && engine != null) {
            line("Engine vs bare Jetty (throughput ratio): " + ratios(bare, engine));
            line("");
        }
        if (engine != null && app != null) {
            line("App's embedded server vs headless run (throughput ratio): " + ratios(engine, app));
            line("");
        }
        if (coldStarts > 0) {
            coldStart();
        }
    }

    /** Runs every workload against one server; returns {pushes/s} per run, in order. */
    private List<double[]> measure(String name, List<String> command) throws Exception {
        Process server = start(command);
        int port = awaitPort(server);
        long pid = server.pid();
        long rssAtStart = status(pid, "VmRSS");
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        // let both JITs settle before anything is recorded
        new LoadGenerator(address, "/sipgate", LoadGenerator.Workload.DTMF, 16).run(5_000, 1, () -> { }, () -> { });
        List<double[]> rates = new ArrayList<>();
        for (String workload : workloads) {
            LoadGenerator.Workload kind = LoadGenerator.Workload.valueOf(workload.replaceAll("([a-z])([A-Z])", "$1_$2")
                    .toUpperCase(Locale.ROOT));
            for (int c : connections) {
                Cpu cpu = null;
                LoadGenerator.Result r = null;
                for (int attempt = 0; attempt < 3; attempt++) { // a run disturbed by other processes is repeated
                    awaitQuiet(pid);
                    Cpu tried = new Cpu(pid);
                    LoadGenerator.Result result = new LoadGenerator(address, "/sipgate", kind, c)
                            .run((long) (warmup * 1000), (long) (seconds * 1000), tried::start, tried::end);
                    if (cpu == null || tried.otherPercent() < cpu.otherPercent()) {
                        cpu = tried;
                        r = result;
                    }
                    if (cpu.otherPercent() < 15) {
                        break;
                    }
                }
                Histogram h;
                double rate;
                String label;
                switch (kind) {
                    case NEW_CALL -> {
                        h = r.micros(LoadGenerator.Push.NEW_CALL);
                        rate = r.count(LoadGenerator.Push.NEW_CALL) / r.seconds();
                        label = "newCall";
                    }
                    case DTMF -> {
                        h = r.micros(LoadGenerator.Push.DTMF);
                        rate = r.count(LoadGenerator.Push.DTMF) / r.seconds();
                        label = "dtmf (each after its newCall)";
                    }
                    default -> {
                        h = r.all();
                        rate = r.total() / r.seconds();
                        label = "whole calls (newCall, dtmf, hangup)";
                    }
                }
                rates.add(new double[] {rate});
                String extra = kind == LoadGenerator.Workload.DTMF ? String.format(Locale.ROOT, " (+%,.0f newCall)",
                        r.count(LoadGenerator.Push.NEW_CALL) / r.seconds()) : "";
                line("| " + name + " | " + label + " | " + c + " | " + String.format(Locale.ROOT, "%,.0f", rate)
                        + extra + " | " + ms(h.getValueAtPercentile(50)) + " | " + ms(h.getValueAtPercentile(90))
                        + " | " + ms(h.getValueAtPercentile(99)) + " | " + ms(h.getMaxValue()) + " | " + r.errors()
                        + " | " + cpu.server() + " | " + cpu.generator() + " | " + cpu.other() + " |");
            }
        }
        long peak = status(pid, "VmHWM");
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
        memory.add("Memory of " + name + ": RSS " + rssAtStart / 1024 + " MB after start, peak (VmHWM) "
                + peak / 1024 + " MB over all its runs");
        return rates;
    }

    private String ratios(List<double[]> bare, List<double[]> engine) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        for (String workload : workloads) {
            for (int c : connections) {
                parts.add(workload + "@" + c + " " + Math.round(100 * engine.get(i)[0] / bare.get(i)[0]) + " %");
                i++;
            }
        }
        return String.join(", ", parts);
    }

    /**
     * Waits (up to {@code --max-wait} seconds) until the other processes on the machine use less than 15 % of a core,
     * because they would share the two cores with the server and the load generator; every row reports how much
     * they used while it was measured.
     */
    private void awaitQuiet(long serverPid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxWaitSeconds);
        while (true) {
            Cpu cpu = new Cpu(serverPid);
            cpu.start();
            Thread.sleep(1_000);
            cpu.end();
            if (cpu.otherPercent() < 15 || System.nanoTime() > deadline) {
                return;
            }
        }
    }

    /** Time from starting {@code run} until its first newCall is answered with 200. */
    private void coldStart() throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < coldStarts; i++) {
            int port = freePort();
            byte[] request = ("POST /sipgate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                    + "application/x-www-form-urlencoded\r\nContent-Length: " + LoadGenerator.NEW_CALL_BODY.length()
                    + "\r\nConnection: close\r\n\r\n" + LoadGenerator.NEW_CALL_BODY)
                    .getBytes(StandardCharsets.US_ASCII);
            awaitQuiet(ProcessHandle.current().pid());
            long start = System.nanoTime();
            Process server = start(runCommand(port));
            try {
                while (true) {
                    if (!server.isAlive()) {
                        throw new IOException("run exited with " + server.exitValue());
                    }
                    if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
                        throw new IOException("run did not answer within 30 s");
                    }
                    if (answered(port, request)) {
                        break;
                    }
                    Thread.sleep(2);
                }
                millis.add((System.nanoTime() - start) / 1e6);
            } finally {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
        millis.sort(null);
        line("Cold start of `run` to the first answered newCall (" + coldStarts + " runs, process start to 200 "
                + "answer): median " + Math.round(millis.get(millis.size() / 2)) + " ms, min "
                + Math.round(millis.get(0)) + " ms, max " + Math.round(millis.get(millis.size() - 1)) + " ms");
    }

    private static boolean answered(int port, byte[] request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            byte[] head = socket.getInputStream().readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException notYet) {
            return false;
        }
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(serverJvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private List<String> bareCommand() {
        return javaCommand(BenchServer.class.getName(), "bare", "0");
    }

    /**
     * The desktop app, headless (Monocle, software rendering), with the flow open and Run pressed; a subscriber
     * takes the live events as a monitor panel would. It prints {@code Listening on ...} once Running.
     */
    private List<String> appCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(serverJvm);
        command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Dheadless.geometry=1440x900-32", "-cp", appClasspath,
                "org.switchboard.app.AppServeBenchmark", "serve", flow.toAbsolutePath().toString()));
        return command;
    }

    private List<String> runCommand(int port) {
        List<String> args = List.of("run", "--flow", flow.toString(), "--port", String.valueOf(port), "--no-reload");
        if (jar == null) {
            return javaCommand("org.switchboard.engine.cli.SwitchboardEngineCli", args.toArray(new String[0]));
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(serverJvm);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    private static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int awaitPort(Process server) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher m = LISTENING.matcher(line);
            Matcher r = READY.matcher(line);
            boolean run = m.find();
            if (run || r.find()) {
                int port = Integer.parseInt(run ? m.group(1) : r.group(1));
                Thread drain = new Thread(() -> {
                    try {
                        server.getInputStream().transferTo(OutputStream.nullOutputStream());
                    } catch (IOException ignored) {
                        // the server was stopped
                    }
                }, "drain");
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new IOException("the server ended before it listened");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A value in kB from /proc/PID/status, e.g. VmHWM (peak resident set). */
    static long status(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(key + " not found for process " + pid);
    }

    /** CPU time of the server, of this JVM and of the whole machine over the measuring window. */
    private static final class Cpu {
        private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
        private final long pid;
        private long[] before;
        private long[] after;
        private long startNanos;
        private long endNanos;

        Cpu(long pid) {
            this.pid = pid;
        }

        void start() {
            startNanos = System.nanoTime();
            before = sample();
        }

        void end() {
            endNanos = System.nanoTime();
            after = sample();
        }

        private long[] sample() {
            try {
                return new long[] {ticks("/proc/" + pid + "/stat"), ticks("/proc/self/stat"), machineBusy()};
            } catch (IOException e) {
                return new long[] {0, 0, 0};
            }
        }

        private String percent(long ticks) {
            double wall = (endNanos - startNanos) / 1e9;
            return Math.round(100 * ticks / TICKS_PER_SECOND / wall) + " %";
        }

        String server() {
            return percent(after[0] - before[0]);
        }

        String generator() {
            return percent(after[1] - before[1]);
        }

        String other() {
            long percent = otherPercent();
            return percent + " %" + (percent >= 15 ? " (busy)" : "");
        }

        long otherPercent() {
            long ticks = Math.max(0, (after[2] - before[2]) - (after[0] - before[0]) - (after[1] - before[1]));
            return Math.round(100 * ticks / TICKS_PER_SECOND / ((endNanos - startNanos) / 1e9));
        }

        private static long ticks(String statFile) throws IOException {
            String stat = Files.readString(Path.of(statFile));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
        }

        private static long machineBusy() throws IOException {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        }
    }

    private void line(String text) {
        System.out.println(text);
        System.out.flush();
        report.append(text).append('\n');
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String firstWord(String file) {
        try {
            return Files.readString(Path.of(file)).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String firstLine(String file, String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(prefix)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown CPU";
    }
}
