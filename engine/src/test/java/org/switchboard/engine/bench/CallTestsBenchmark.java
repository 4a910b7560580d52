package org.switchboard.engine.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.switchboard.engine.calltests.TestCall;
import org.switchboard.engine.calltests.TestCallRunner;
import org.switchboard.engine.calltests.TestGenerator;
import org.switchboard.engine.calltests.TestResult;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.SwitchRule;

/**
 * How long generating and running the test calls of a large flow takes: a flow of 206 nodes with 50 menu paths (a
 * main menu of 10 keys, each leading to a sub-menu of 5 keys, each announcing and dialling a number whose "busy"
 * hangs the call up through the API; a sub-menu's timeout and an unknown key play their own sounds), built in
 * code. Prints the server start, the generation (with the calls it
 * made) and the run of the generated tests, five times in one JVM (the first is the cold one, as in the CLI). Not a
 * test; run it as
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
 *      org.switchboard.engine.bench.CallTestsBenchmark [target/bench/menu-200.json]
 * </pre>
 * With a path, the flow is also written there, for timing {@code switchboard-engine test --generate} on it.
 */
public final class CallTestsBenchmark {

    static final int MENUS = 10;
    static final int KEYS = 5;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CallTestsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Flow flow = flow();
        if (args.length > 0) {
            FlowFiles.save(Path.of(args[0]), flow);
            System.out.println("wrote " + args[0]);
        }
        System.out.printf(Locale.ROOT, "flow: %d nodes, %d wires, %d menu paths%n", flow.nodes().size(),
                flow.wires().size(), MENUS * KEYS);
        for (int round = 1; round <= 5; round++) {
            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<TestResult> results;
            List<TestCall> tests;
            long t1;
            long t2;
            try (TestCallRunner runner = TestCallRunner.start(flow)) {
                t1 = System.nanoTime();
                tests = TestGenerator.generate(runner, Messages.ENGLISH);
                t2 = System.nanoTime();
                results = runner.runAll(tests, Messages.ENGLISH);
            }
            long t3 = System.nanoTime();
            long cpu = OS.getProcessCpuTime() - cpu0;
            long failed = results.stream().filter(r -> !r.passed()).count();
            System.out.printf(Locale.ROOT, "round %d: server %4d ms, generate %4d ms (%d tests), run %4d ms "
                    + "(%d failed), total %4d ms, process CPU %4d ms%n", round, ms(t1 - t0), ms(t2 - t1),
                    tests.size(), ms(t3 - t2), failed, ms(t3 - t0), ms(cpu));
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** The benchmark flow: 6 + 10 * (5 + 5 * 3) nodes = 206. */
    static Flow flow() {
        List<FlowNode> nodes = new ArrayList<>();
        List<Wire> wires = new ArrayList<>();
        nodes.add(node("in", "incomingCall", Map.of("path", "/sipgate", "direction", "in")));
        nodes.add(node("main", "gather", Map.of("prompt", sound("main"), "maxDigits", 1L, "timeout", 5000L)));
        nodes.add(node("mainKey", "switch", Map.of("field", "digits", "rules", rules(MENUS))));
        nodes.add(node("mainSorry", "play", Map.of("url", sound("sorry"))));
        nodes.add(node("bye", "hangup", Map.of()));
        nodes.add(node("end", "hangupCall", Map.of()));
        wires.add(new Wire("in", "call", "main"));
        wires.add(new Wire("main", "digits", "mainKey"));
        wires.add(new Wire("mainKey", "otherwise", "mainSorry"));
        wires.add(new Wire("mainSorry", "next", "bye"));
        for (int m = 0; m < MENUS; m++) {
            String p = "m" + m;
            nodes.add(node(p + "silent", "play", Map.of("url", sound(p + "-silent"))));
            nodes.add(node(p + "menu", "gather", Map.of("prompt", sound(p), "maxDigits", 1L, "timeout", 4000L)));
            List<Object> keys = rules(KEYS);
            keys.add(SwitchRule.data(SwitchRule.Op.EMPTY, ""));
            nodes.add(node(p + "key", "switch", Map.of("field", "digits", "rules", keys)));
            nodes.add(node(p + "sorry", "play", Map.of("url", sound(p + "-sorry"))));
            nodes.add(node(p + "bye", "hangup", Map.of()));
            wires.add(new Wire("mainKey", Integer.toString(m + 1), p + "menu"));
            wires.add(new Wire(p + "key", Integer.toString(KEYS + 1), p + "silent"));
            wires.add(new Wire(p + "silent", "next", p + "bye"));
            wires.add(new Wire(p + "menu", "digits", p + "key"));
            wires.add(new Wire(p + "key", "otherwise", p + "sorry"));
            wires.add(new Wire(p + "sorry", "next", p + "bye"));
            for (int k = 0; k < KEYS; k++) {
                String q = p + "k" + k;
                nodes.add(node(q + "say", "play", Map.of("url", sound(q))));
                nodes.add(node(q + "dial", "dial", Map.of("target", "number",
                        "numbers", List.of(String.format(Locale.ROOT, "+49 30 55%02d%02d00", m, k)))));
                nodes.add(node(q + "cause", "switch", Map.of("field", "cause",
                        "rules", List.of(SwitchRule.data(SwitchRule.Op.EQUALS, "busy")))));
                wires.add(new Wire(p + "key", Integer.toString(k + 1), q + "say"));
                wires.add(new Wire(q + "say", "next", q + "dial"));
                wires.add(new Wire(q + "dial", "hungUp", q + "cause"));
                wires.add(new Wire(q + "cause", "1", "end"));
            }
        }
        return Flow.of("Benchmark: 50 menu paths", nodes, wires);
    }

    private static List<Object> rules(int n) {
        List<Object> rules = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rules.add(SwitchRule.data(SwitchRule.Op.EQUALS, Integer.toString((i + 1) % 10)));
        }
        return rules;
    }

    private static String sound(String name) {
        return "https://example.com/sounds/" + name + ".wav";
    }

    private static FlowNode node(String id, String type, Map<String, Object> properties) {
        return FlowNode.of(id, type, 0, 0).withProperties(properties);
    }
}
