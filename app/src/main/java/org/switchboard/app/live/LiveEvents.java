package org.switchboard.app.live;

import java.util.List;
import java.util.function.Consumer;

import org.switchboard.engine.runtime.CallEventListener;
import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * The app's one door to the running engine's events: a {@link CallEventListener} for the engine (called on server
 * threads) that delivers the events on the JavaFX thread, batched per frame by a {@link FrameBatcher}. The live
 * monitor and the simulator panel subscribe here; no other app package imports the engine's runtime or server.
 */
public final class LiveEvents implements CallEventListener {

    private final FrameBatcher<RuntimeEvent> batcher;

    /** @param onFrame gets each frame's events, in order, on the JavaFX thread */
    public LiveEvents(Consumer<List<RuntimeEvent>> onFrame) {
        this.batcher = new FrameBatcher<>(onFrame);
    }

    @Override
    public void onEvent(RuntimeEvent event) {
        batcher.publish(event);
    }
}
