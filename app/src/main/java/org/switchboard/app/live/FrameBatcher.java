package org.switchboard.app.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Hands events from any thread to the JavaFX thread, once per frame: {@link #publish} only queues (it never blocks
 * and never touches the scene), and at the next pulse the JavaFX thread gets everything that arrived since the last
 * one as one list, in the order it was published. However fast a server thread publishes, the UI updates at most
 * once a frame; while nothing arrives, no frames are asked for.
 *
 * @param <E> the event type
 */
public final class FrameBatcher<E> {

    private final Queue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<E>> onBatch;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
        }
    };

    /** @param onBatch called on the JavaFX thread with the events of one frame (never empty) */
    public FrameBatcher(Consumer<List<E>> onBatch) {
        this.onBatch = Objects.requireNonNull(onBatch);
    }

    /** Queues an event for the next frame. Safe from any thread. */
    public void publish(E event) {
        queue.add(Objects.requireNonNull(event));
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(timer::start);
        }
    }

    private void drain() {
        List<E> batch = new ArrayList<>();
        for (E e = queue.poll(); e != null; e = queue.poll()) {
            batch.add(e);
        }
        if (!batch.isEmpty()) {
            onBatch.accept(batch);
            return; // the timer runs one more frame, so a steady stream does not start and stop it every frame
        }
        timer.stop();
        scheduled.set(false);
        // an event published between the poll and the line above found the timer still scheduled
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            timer.start();
        }
    }
}
