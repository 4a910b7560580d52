package org.switchboard.engine.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.runtime.EngineOptions;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.runtime.PushOutcome;
import org.switchboard.engine.sipgate.PushParser;

/**
 * What the engine itself costs per push, without HTTP: CPU time and allocated bytes of the calling thread for parsing
 * a form body and answering it (newCall; dtmf on the Gather's callback; whole calls of newCall, dtmf and hangup),
 * and the heap one running call keeps. One thread, so the figures hardly depend on what else the machine does;
 * they complement {@link LoadBenchmark}, whose throughput figures do. Not a test; run it as
 * <pre>
 * java -Xmx256m -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
 *      org.switchboard.engine.bench.EngineMicroBenchmark ../sample-flows/family-menu.json
 * </pre>
 */
public final class EngineMicroBenchmark {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern ON_DATA = Pattern.compile("onData=\"[^\"]*/cb/([^\"]+)\"");
    private static final Pattern ON_HANGUP = Pattern.compile("onHangup=\"[^\"]*/cb/([^\"]+)\"");
    private static final int ROUNDS = 5;
    private static final int PUSHES = 200_000;
    private static final int CALLS = 10_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Flow flow;
    private final String path;
    private long sequence;

    private EngineMicroBenchmark(Flow flow, String path) {
        this.flow = flow;
        this.path = path;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../sample-flows/family-menu.json");
        Flow flow = FlowFiles.load(file).flow();
        EngineMicroBenchmark bench = new EngineMicroBenchmark(flow, "/sipgate");
        // first, while the heap holds nothing of the rounds below
        System.out.printf(Locale.ROOT, "heap per running call: %,d bytes (%,d calls that never end)%n",
                bench.heapPerCall(), CALLS);
        System.out.printf(Locale.ROOT, "flow %s, %d rounds of %,d pushes each, median per push:%n", file, ROUNDS,
                PUSHES);
        bench.report("newCall", bench::newCall);
        bench.report("dtmf (with its newCall)", bench::dtmf);
        bench.report("whole call (3 pushes)", bench::wholeCall);
    }

    private interface Work {
        /** Runs {@code n} units and returns how many pushes they were. */
        long run(FlowEngine engine, int n) throws Exception;
    }

    private void report(String label, Work work) throws Exception {
        long[] cpu = new long[ROUNDS];
        long[] bytes = new long[ROUNDS];
        try (FlowEngine engine = engine()) {
            work.run(engine, PUSHES / 2); // warm-up, compiled by C2 by the end
            long thread = Thread.currentThread().getId();
            for (int r = 0; r < ROUNDS; r++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long b0 = THREADS.getThreadAllocatedBytes(thread);
                long pushes = work.run(engine, PUSHES);
                cpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) / pushes;
                bytes[r] = (THREADS.getThreadAllocatedBytes(thread) - b0) / pushes;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(bytes);
        System.out.printf(Locale.ROOT, "  %-26s %,7d ns CPU  %,7d bytes allocated  (CPU min %,d, max %,d ns)%n",
                label, cpu[ROUNDS / 2], bytes[ROUNDS / 2], cpu[0], cpu[ROUNDS - 1]);
    }

    private FlowEngine engine() {
        FlowEngine engine = new FlowEngine(EngineOptions.defaults("http://127.0.0.1:8080"));
        engine.deploy(flow);
        return engine;
    }

    private PushOutcome push(FlowEngine engine, String token, String body) throws Exception {
        PushOutcome outcome = token == null
                ? engine.webhook(path, PushParser.parse(body.getBytes(StandardCharsets.UTF_8), FORM))
                : engine.callback(token, PushParser.parse(body.getBytes(StandardCharsets.UTF_8), FORM));
        if (outcome.status() != 200) {
            throw new IllegalStateException("push answered " + outcome.status() + ": " + outcome.reason());
        }
        return outcome;
    }

    private String newCallBody(String callId) {
        return "event=newCall&direction=in&from=4915790000001&to=4921100000000&callId=" + callId
                + "&origCallId=" + callId + "&user%5B%5D=Alice&userId%5B%5D=w0&fullUserId%5B%5D=1234567w0";
    }

    private long newCall(FlowEngine engine, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            push(engine, null, newCallBody("c" + sequence++));
        }
        return n;
    }

    private long dtmf(FlowEngine engine, int n) throws Exception {
        for (int i = 0; i < n / 2; i++) {
            String callId = "c" + sequence++;
            String xml = push(engine, null, newCallBody(callId)).xml();
            push(engine, token(ON_DATA, xml), "event=dtmf&callId=" + callId + "&dtmf=1");
        }
        return n / 2 * 2L;
    }

    private long wholeCall(FlowEngine engine, int n) throws Exception {
        for (int i = 0; i < n / 3; i++) {
            String callId = "c" + sequence++;
            String xml = push(engine, null, newCallBody(callId)).xml();
            push(engine, token(ON_DATA, xml), "event=dtmf&callId=" + callId + "&dtmf=1");
            push(engine, token(ON_HANGUP, xml), "event=hangup&callId=" + callId + "&cause=normalClearing");
        }
        return n / 3 * 3L;
    }

    private static String token(Pattern pattern, String xml) {
        Matcher m = pattern.matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no callback in " + xml);
        }
        return m.group(1);
    }

    /** Used heap after a full collection with and without {@link #CALLS} running calls, per call. */
    private long heapPerCall() throws Exception {
        try (FlowEngine engine = engine()) {
            newCall(engine, 10); // the engine's own structures exist before the baseline
            long before = usedAfterGc();
            newCall(engine, CALLS);
            long after = usedAfterGc();
            System.out.printf(Locale.ROOT, "  (used heap %,d -> %,d bytes, %,d calls running)%n", before, after,
                    engine.activeCalls());
            return (after - before) / CALLS;
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
