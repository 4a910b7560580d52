package org.switchboard.app.live;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;

import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.calltests.LoggedCallReplay;
import org.switchboard.engine.calltests.TestCallRunner;
import org.switchboard.engine.calltests.TestResult;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.i18n.Messages;

/**
 * Replays a logged call against the open (edited) flow on a background engine of its own, as {@code test --replay}
 * does, and says where the new answers differ from the recorded ones.
 */
public final class DraftReplay {

    /**
     * How the replay went: whether the draft answers as recorded, the first difference in plain words (null when
     * none) and every step side by side ({@code "  1 = ..."}, {@code "  3 - recorded"} over {@code "    + now"}).
     */
    public record Outcome(boolean same, String difference, List<String> steps) {
    }

    private DraftReplay() {
    }

    /** Runs in the background; completes on the JavaFX thread. */
    public static CompletableFuture<Outcome> replay(LoggedCall call, Flow draft, Messages m) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (TestCallRunner runner = TestCallRunner.start(draft)) {
                TestResult r = runner.run(LoggedCallReplay.testCall(call), m);
                Outcome o = new Outcome(r.passed(), r.difference(), r.stepByStep(m));
                Platform.runLater(() -> done.complete(o));
            } catch (RuntimeException e) {
                Platform.runLater(() -> done.completeExceptionally(e));
            }
        }, "switchboard-replay");
        t.setDaemon(true);
        t.start();
        return done;
    }
}
