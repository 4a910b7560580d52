package org.switchboard.engine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.switchboard.engine.tunnel.FakeAgent;
import org.switchboard.engine.tunnel.NgrokOptions;
import org.switchboard.engine.tunnel.NgrokTunnel;

/**
 * "Go online to a shown URL" with the agent present: the time {@link NgrokTunnel#open} takes from the call to the
 * public URL, against the stand-in agent (a small JVM, so its start is included: a real ngrok binary starts faster,
 * but then talks to ngrok's servers, which no benchmark here can reach). Not a test; see docs/benchmarks.md.
 *
 * <pre>java -cp … org.switchboard.engine.bench.TunnelBenchmark [RUNS]</pre>
 */
public final class TunnelBenchmark {

    private TunnelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("tunnel-bench");
        Path agent = FakeAgent.script(dir.resolve("bin"));
        NgrokOptions options = NgrokOptions.defaults(dir.resolve("state")).withAgentPath(agent)
                .withAuthtoken("bench-token").withSearchPath("", false);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (NgrokTunnel tunnel = new NgrokTunnel(options)) {
                long start = System.nanoTime();
                String url = tunnel.open(8080);
                double took = (System.nanoTime() - start) / 1e6;
                millis.add(took);
                System.out.printf(Locale.ROOT, "run %2d: %6.0f ms  %s%n", i + 1, took, url);
            }
        }
        double first = millis.get(0);
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "Go online (stand-in agent), %d runs: first %.0f ms, median %.0f ms, "
                + "max %.0f ms (target: under 3000 ms)%n", runs, first, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
        System.out.printf(Locale.ROOT, "load average afterwards: %s%n",
                Files.readString(Path.of("/proc/loadavg")).strip());
    }
}
