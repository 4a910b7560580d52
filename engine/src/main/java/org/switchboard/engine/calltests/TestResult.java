package org.switchboard.engine.calltests;

import java.util.List;

import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * How one test call went: the test, the first difference in plain words ({@code null} when it passed), what the
 * caller actually experienced, and which nodes and outputs the call went through (for coverage).
 */
public record TestResult(TestCall test, String difference, List<Experience> actual,
                         List<String> nodesEntered, List<RuntimeEvent.OutputTaken> outputsTaken) {

    public TestResult {
        actual = List.copyOf(actual);
        nodesEntered = List.copyOf(nodesEntered);
        outputsTaken = List.copyOf(outputsTaken);
    }

    public boolean passed() {
        return difference == null;
    }
}
