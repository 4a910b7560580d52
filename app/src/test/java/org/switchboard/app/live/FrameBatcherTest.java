package org.switchboard.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * The bridge from server threads to the JavaFX thread: a producer thread publishes many events; they all arrive,
 * in order, on the JavaFX thread, in far fewer batches than events and never two batches in one frame.
 */
class FrameBatcherTest {

    /** Counts pulses; started before any batcher, so within a pulse it always runs first. */
    private final AtomicLong pulses = new AtomicLong();
    private final AnimationTimer pulseCounter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulses.incrementAndGet();
        }
    };

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(pulseCounter::start).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(pulseCounter::stop).get(5, TimeUnit.SECONDS);
    }

    private record Batch(List<Integer> events, boolean onFxThread, long pulse) {
    }

    @Test
    void manyEventsFromAnotherThreadArriveInOrderOnTheFxThreadOneBatchPerFrame() throws Exception {
        int total = 50_000;
        List<Batch> batches = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(total);
        FrameBatcher<Integer> batcher = new FrameBatcher<>(events -> {
            batches.add(new Batch(List.copyOf(events), Platform.isFxApplicationThread(), pulses.get()));
            events.forEach(e -> all.countDown());
        });
        Thread producer = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                batcher.publish(i);
                if (i % 5_000 == 0) {
                    pause(20); // a stream with gaps: the batcher stops and starts again
                }
            }
        }, "test-producer");
        producer.start();
        assertTrue(all.await(20, TimeUnit.SECONDS), "every event arrives");
        producer.join();

        List<Integer> received = new ArrayList<>();
        batches.forEach(b -> received.addAll(b.events()));
        assertEquals(IntStream.range(0, total).boxed().toList(), received, "all events, in publishing order");
        assertTrue(batches.stream().allMatch(Batch::onFxThread), "delivered on the JavaFX thread");
        assertTrue(batches.stream().noneMatch(b -> b.events().isEmpty()), "no empty batches");
        assertTrue(batches.size() > 1 && batches.size() < total / 10,
                "events are batched, not delivered one by one: " + batches.size() + " batches");
        for (int i = 1; i < batches.size(); i++) {
            assertTrue(batches.get(i).pulse() > batches.get(i - 1).pulse(),
                    "at most one batch per frame (batch " + i + ")");
        }
    }

    @Test
    void liveEventsHandEngineEventsToTheFxThreadAndStayQuietWhenNothingHappens() throws Exception {
        List<RuntimeEvent> got = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        LiveEvents live = new LiveEvents(events -> {
            assertTrue(Platform.isFxApplicationThread());
            got.addAll(events);
            events.forEach(e -> two.countDown());
        });
        RuntimeEvent first = new RuntimeEvent.CallEnded("c1", "hangup");
        RuntimeEvent second = new RuntimeEvent.RestCallDone("c1", "hangup", true, "200");
        Thread server = new Thread(() -> {
            live.onEvent(first);
            live.onEvent(second);
        });
        server.start();
        assertTrue(two.await(5, TimeUnit.SECONDS));
        assertEquals(List.of(first, second), got);
        // nothing more is delivered afterwards (and no batch is ever empty)
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        assertEquals(2, got.size());
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
