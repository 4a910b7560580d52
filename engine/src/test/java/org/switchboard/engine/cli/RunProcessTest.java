package org.switchboard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.engine.calllog.CallLogReader;
import org.switchboard.engine.calllog.LoggedCall;

/**
 * {@code run} as a real process started with the JVM options the documentation gives (small heap, and exit on
 * {@code OutOfMemoryError}), driven over loopback: a flood of pushes with the largest fields a body can hold, a
 * standard error nobody reads, and SIGTERM / SIGINT under load.
 */
class RunProcessTest {

    /** The JVM options README.md and docs/cli.md give for `run`. */
    static final List<String> DOCUMENTED_JVM_OPTIONS = List.of("-Xms32m", "-Xmx56m", "-Xmn32m",
            "-XX:SurvivorRatio=2", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern STATUS = Pattern.compile("Status \\(this machine only\\): (http://\\S+)/health");
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Process process;
    private Thread reader;
    private final StringBuffer stdout = new StringBuffer();
    private String url;
    private String statusUrl;

    @AfterEach
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Starts {@code run} on a free port; stderr is inherited unless {@code unreadStderr}, then a pipe never read. */
    private void start(boolean unreadStderr, String... extra) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(DOCUMENTED_JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SwitchboardEngineCli.class.getName(),
                "run", "--flow", Path.of("..", "sample-flows", "family-menu.json").toString(), "--port", "0",
                "--no-reload"));
        command.addAll(Arrays.asList(extra));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(unreadStderr ? ProcessBuilder.Redirect.PIPE
                : ProcessBuilder.Redirect.appendTo(new java.io.File("target/run-process-stderr.log")));
        process = builder.start();
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    stdout.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "run-stdout");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && !stdout.toString().contains("Press Ctrl-C to stop.")) {
            assertTrue(process.isAlive(), () -> "run ended: " + stdout);
            Thread.sleep(10);
        }
        Matcher m = LISTENING.matcher(stdout);
        assertTrue(m.find(), () -> "no 'Listening on': " + stdout);
        url = m.group(1);
        Matcher s = STATUS.matcher(stdout);
        statusUrl = s.find() ? s.group(1) : null;
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", FORM)
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A process killed with {@code kill -9} loses at most the last second of its call log. */
    @Test
    @Timeout(60)
    void aKilledProcessKeepsItsCallLogUpToTheLastSecond(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("calls.jsonl");
        start(false, "--call-log", log.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, post(url + "/sipgate", newCall("kept" + i)).statusCode());
        }
        Thread.sleep(1500);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        CallLogReader.Result read = CallLogReader.read(log);
        assertEquals(List.of("kept0", "kept1", "kept2", "kept3", "kept4"),
                read.calls().stream().map(LoggedCall::callId).toList());
        assertEquals("4930123456", read.calls().get(0).from());
    }

    /**
     * Killed while pushes keep coming: the log reads back without an error (a torn last line is skipped), and every
     * call answered more than a second before the kill is in it.
     */
    @Test
    @Timeout(60)
    void aProcessKilledUnderLoadLosesAtMostItsLastSecondAndItsTornLineDoesNoHarm(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("calls.jsonl");
        start(false, "--call-log", log.toString());
        List<long[]> answered = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread pusher = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    if (post(url + "/sipgate", newCall("load" + i)).statusCode() == 200) {
                        answered.add(new long[] {i, System.nanoTime()});
                    }
                } catch (Exception e) {
                    return; // the process is gone
                }
            }
        }, "pusher");
        pusher.start();
        Thread.sleep(2500);
        long killedAt = System.nanoTime();
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL mid-stream
        stop.set(true);
        pusher.join(10_000);

        CallLogReader.Result read = CallLogReader.read(log);
        java.util.Set<String> kept = new java.util.HashSet<>();
        read.calls().forEach(c -> kept.add(c.callId()));
        long before = 0;
        synchronized (answered) {
            for (long[] a : answered) {
                if (killedAt - a[1] > TimeUnit.MILLISECONDS.toNanos(1100)) {
                    before++;
                    assertTrue(kept.contains("load" + a[0]), "answered > 1 s before the kill but not logged: load"
                            + a[0]);
                }
            }
        }
        assertTrue(before > 10, "enough calls before the last second to mean something: " + before);
        assertTrue(read.skippedLines() <= 1, "at most the last line is torn: " + read.skippedLines());
    }

    private static String newCall(String callId) {
        return "event=newCall&direction=in&from=4930123456&to=4930654321&callId=" + callId;
    }

    /** Runs {@code perThread} tasks on each of {@code threads} threads and collects every status code. */
    private static ConcurrentHashMap<Integer, AtomicInteger> load(int threads, int perThread, TaskBody body)
            throws Exception {
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int status;
                        try {
                            status = body.run(thread * perThread + i);
                        } catch (IOException e) {
                            status = -1; // no answer at all; the assertions say so
                        }
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return statuses;
    }

    @FunctionalInterface
    private interface TaskBody {
        int run(int n) throws Exception;
    }

    @Test
    @Timeout(60)
    void pushesWithTheLargestFieldsAreRefusedAndTheServerStaysFast() throws Exception {
        start(false);
        String big = "A".repeat(60 * 1024);
        String[] fields = {"callId", "from", "to", "user%5B%5D", "origCallId", "xcid", "diversion"};
        ConcurrentHashMap<Integer, AtomicInteger> statuses = load(4, 750, n -> post(url + "/sipgate",
                "event=newCall&direction=in&callId=c" + n + "&" + fields[n % fields.length] + "=" + big + n)
                .statusCode());
        assertEquals(List.of(400), List.copyOf(statuses.keySet()),
                () -> statuses + (process.isAlive() ? "" : ", exit " + process.exitValue()));
        assertEquals(3000, statuses.get(400).get());
        assertTrue(process.isAlive(), "the server is still up");
        long[] micros = new long[200];
        for (int i = 0; i < micros.length; i++) {
            long t = System.nanoTime();
            HttpResponse<String> answer = post(url + "/sipgate", newCall("normal" + i));
            micros[i] = (System.nanoTime() - t) / 1000;
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("<Gather"), answer.body());
        }
        Arrays.sort(micros);
        assertTrue(micros[micros.length / 2] < 20_000, "median " + micros[micros.length / 2] + " µs");
        assertEquals(404, get(url + "/health").statusCode(), "the tunnel-forwarded listener has no /health");
    }

    @Test
    @Timeout(60)
    void aStandardErrorNobodyReadsDoesNotStopTheAnswersAndTheDropsAreCounted() throws Exception {
        start(true, "--status-port", "0");
        ConcurrentHashMap<Integer, AtomicInteger> statuses = load(4, 5_000,
                n -> post(url + "/sipgate", newCall("blocked" + n)).statusCode());
        assertEquals(List.of(200), List.copyOf(statuses.keySet()),
                () -> statuses + (process.isAlive() ? "" : ", exit " + process.exitValue()));
        assertEquals(20_000, statuses.get(200).get());
        HttpResponse<String> status = get(statusUrl + "/health");
        assertEquals(200, status.statusCode());
        Matcher dropped = Pattern.compile("\"droppedLogLines\":(\\d+)").matcher(status.body());
        assertTrue(dropped.find() && Long.parseLong(dropped.group(1)) > 0, status.body());
    }

    @Test
    @Timeout(60)
    void sigtermUnderLoadFinishesTheRequestsInFlightAndExitsZero() throws Exception {
        start(false);
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; !stopping.get() || i % 1000 != 0; i++) {
                    try {
                        if (post(url + "/sipgate", newCall("load" + thread + "-" + i)).statusCode() == 200) {
                            answered.incrementAndGet();
                        }
                    } catch (Exception refusedAfterStop) {
                        return;
                    }
                }
            });
        }
        URI uri = URI.create(url);
        String body = newCall("in-flight");
        try (Socket inFlight = new Socket(uri.getHost(), uri.getPort())) {
            inFlight.setSoTimeout(10_000);
            OutputStream out = inFlight.getOutputStream();
            out.write(("POST /sipgate HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM + "\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (answered.get() < 500 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(answered.get() >= 500, "under load: " + answered);
            signal("TERM"); // not Process.destroy(): it also closes our end of the process' output
            stopping.set(true);
            Thread.sleep(500);
            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(readAnswer(inFlight.getInputStream()), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 200"), () -> "[" + answer + "] " + stdout);
            assertTrue(answer.contains("<Gather"), answer);
        }
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "stopped");
        pool.shutdownNow();
        assertEquals(0, process.exitValue());
        reader.join(5_000); // everything the process printed has been read
        assertTrue(stdout.toString().contains("Stopped."), stdout::toString);
    }

    @Test
    @Timeout(30)
    void sigintExitsZeroToo() throws Exception {
        start(false);
        assertEquals(200, post(url + "/sipgate", newCall("one")).statusCode());
        signal("INT");
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "stopped");
        assertEquals(0, process.exitValue());
        reader.join(5_000); // everything the process printed has been read
        assertTrue(stdout.toString().contains("Stopped."), stdout::toString);
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        assertEquals(0, kill.waitFor());
    }

    /** Reads one answer with a Content-Length body. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString().getBytes(StandardCharsets.US_ASCII);
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
        byte[] body = in.readNBytes(n);
        return (head + new String(body, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
    }
}
