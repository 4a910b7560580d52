package org.switchboard.app.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.engine.flow.Flow;

/**
 * Keeps unsaved work safe: every 3 seconds, when the user has made changes that are not saved and not in the recovery
 * file yet, the current flow (an immutable value, so it can be handed over as is) is written to the recovery file on a
 * background thread. Saving, "Don't save" and a clean exit delete it; after a crash the next start finds it and offers
 * to restore it, so at most the last few seconds are lost. A document that is unsaved but not edited (a Node-RED
 * import just converted, a flow just restored) is not written: its source still has it, and writing it would offer it
 * back after a restart as if work had been lost. Writes and deletes run in order on one thread.
 */
public final class Autosave {

    private static final Logger LOG = LoggerFactory.getLogger(Autosave.class);
    public static final Duration INTERVAL = Duration.seconds(3);

    private final EditorDocument doc;
    private final Path file;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "autosave");
        t.setDaemon(true);
        return t;
    });
    private final Timeline timer;
    /** The flow last handed to the writer; reset when that write fails, so that the next tick tries again. */
    private final AtomicReference<Flow> written = new AtomicReference<>();
    private Supplier<String> name = () -> null;

    public Autosave(EditorDocument doc, Path file, Clock clock) {
        this.doc = doc;
        this.file = file;
        this.clock = clock;
        this.timer = new Timeline(new KeyFrame(INTERVAL, e -> tick()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    public Path file() {
        return file;
    }

    /** Where the document's name comes from, so a restore can offer it by name ("calls (imported)"). */
    public void nameFrom(Supplier<String> documentName) {
        this.name = documentName;
    }

    public void start() {
        timer.play();
    }

    /** Writes the recovery now if there is anything new to keep (the timer calls this). */
    public void tick() {
        if (!doc.isDirty()) {
            if (written.get() != null) {
                discard();
            }
            return;
        }
        if (!doc.editedSinceReset()) {
            return;
        }
        Flow flow = doc.flow();
        if (flow.equals(written.get())) {
            return;
        }
        written.set(flow);
        Recovery recovery = new Recovery(flow, doc.file(), name.get(), clock.instant());
        writer.execute(() -> {
            try {
                recovery.write(file);
            } catch (IOException | RuntimeException e) {
                written.compareAndSet(flow, null); // not on disk: the next tick writes it again
                LOG.warn("Could not write the recovery file {} (tried again in {} s): {}", file,
                        (int) INTERVAL.toSeconds(), e.getMessage());
            }
        });
    }

    /** Deletes the recovery file (after pending writes), e.g. after Save or "Don't save". */
    public void discard() {
        written.set(null);
        writer.execute(() -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete the recovery file {}: {}", file, e.getMessage());
            }
        });
    }

    /** Waits until everything asked for so far is on disk (tests, and before exit). */
    public void flush() {
        try {
            writer.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Autosave did not finish in time: {}", e.getMessage());
        }
    }

    /** Stops the timer; with {@code keep} false the recovery file is deleted (a clean exit). */
    public void stop(boolean keep) {
        timer.stop();
        if (!keep) {
            discard();
        }
        flush();
        writer.shutdown();
    }
}
