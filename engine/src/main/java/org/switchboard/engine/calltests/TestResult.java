package org.switchboard.engine.calltests;

import java.util.List;

import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * How one test call went: the test, the first difference in plain words ({@code null} when it passed), what the
 * caller actually experienced, which nodes and outputs the call went through (for coverage), and how long it took
 * to play (wall time, for reports).
 */
public record TestResult(TestCall test, String difference, List<Experience> actual,
                         List<String> nodesEntered, List<RuntimeEvent.OutputTaken> outputsTaken, long millis) {

    public TestResult {
        actual = List.copyOf(actual);
        nodesEntered = List.copyOf(nodesEntered);
        outputsTaken = List.copyOf(outputsTaken);
    }

    public boolean passed() {
        return difference == null;
    }

    /**
     * Every step side by side, for replaying a recorded call against an edited flow: {@code "  1 = hears menu.wav"}
     * where both agree; where they differ, what was recorded ({@code "  3 - ..."}) above what happens now
     * ({@code "    + ..."}); steps only one side has get only their line.
     */
    public List<String> stepByStep(Messages m) {
        List<Experience> recorded = test.expect();
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < Math.max(recorded.size(), actual.size()); i++) {
            Experience was = i < recorded.size() ? recorded.get(i) : null;
            Experience now = i < actual.size() ? actual.get(i) : null;
            String number = String.format(java.util.Locale.ROOT, "%3d ", i + 1);
            if (was != null && was.equals(now)) {
                lines.add(number + "= " + was.describe(m));
                continue;
            }
            if (was != null) {
                lines.add(number + "- " + was.describe(m));
            }
            if (now != null) {
                lines.add((was == null ? number : "    ") + "+ " + now.describe(m));
            }
        }
        return lines;
    }
}
