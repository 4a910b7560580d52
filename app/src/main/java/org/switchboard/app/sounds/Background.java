package org.switchboard.app.sounds;

import java.io.IOException;
import java.util.function.BiConsumer;

import javafx.application.Platform;

import org.switchboard.engine.sounds.SoundException;

/**
 * Runs slow sound work (converting, speaking, downloading, checking) on a daemon thread of its own and hands the
 * result back on the JavaFX thread: either the value, or a sentence that says what went wrong.
 */
public final class Background {

    /** Work that may fail with a message for the user. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SoundException, IOException;
    }

    private Background() {
    }

    /** Runs {@code work} off the FX thread; {@code done} gets (value, null) or (null, problem) on the FX thread. */
    public static <T> void run(String name, Work<T> work, BiConsumer<T, String> done) {
        Thread worker = new Thread(() -> {
            T value = null;
            String problem;
            try {
                value = work.run();
                problem = null;
            } catch (SoundException e) {
                problem = e.getMessage();
            } catch (IOException e) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } catch (RuntimeException e) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            T result = value;
            String shown = problem;
            Platform.runLater(() -> done.accept(result, shown));
        }, "switchboard-" + name);
        worker.setDaemon(true);
        worker.start();
    }
}
