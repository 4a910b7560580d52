package org.switchboard.app.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.switchboard.engine.calltests.Coverage;
import org.switchboard.engine.calltests.TestCall;
import org.switchboard.engine.calltests.TestCallRunner;
import org.switchboard.engine.calltests.TestGenerator;
import org.switchboard.engine.calltests.TestResult;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * Runs and generates test calls for the app, each time on a private server on 127.0.0.1 for a snapshot of the flow
 * as drawn, and says what no test reached. Blocking (HTTP): call off the JavaFX thread.
 */
public final class TestRuns {

    private TestRuns() {
    }

    /** Runs the tests against the flow; the results in the order of the tests, and what they left untested. */
    public static Report run(Flow flow, NodeTypes types, Path flowFolder, List<TestCall> tests, Messages m) {
        List<TestResult> results;
        try (TestCallRunner runner = TestCallRunner.start(flow, types, flowFolder)) {
            results = runner.runAll(tests, m);
        }
        List<Outcome> outcomes = new ArrayList<>(results.size());
        for (TestResult r : results) {
            outcomes.add(new Outcome(r.test(), r.difference()));
        }
        Coverage coverage = Coverage.of(flow, types, results);
        List<Output> untested = new ArrayList<>();
        for (RuntimeEvent.OutputTaken o : coverage.untestedOutputs()) {
            untested.add(new Output(o.nodeId(), o.port()));
        }
        return new Report(outcomes, Set.copyOf(coverage.untestedNodes()), untested);
    }

    /** One test per path through the flow as it is now (each passes on it). */
    public static List<TestCall> generate(Flow flow, NodeTypes types, Path flowFolder, Messages m) {
        try (TestCallRunner runner = TestCallRunner.start(flow, types, flowFolder)) {
            return TestGenerator.generate(runner, m);
        }
    }

    /** How one test went: its first difference in plain words, null when it passed. */
    public record Outcome(TestCall test, String difference) {
        public boolean passed() {
            return difference == null;
        }
    }

    /** A node's output by id. */
    public record Output(String nodeId, String port) {
    }

    /** The outcomes in the order of the tests; the nodes and wired outputs no test reached. */
    public record Report(List<Outcome> outcomes, Set<String> untestedNodes, List<Output> untestedOutputs) {
        public Report {
            outcomes = List.copyOf(outcomes);
            untestedOutputs = List.copyOf(untestedOutputs);
        }

        public long failures() {
            return outcomes.stream().filter(o -> !o.passed()).count();
        }
    }
}
