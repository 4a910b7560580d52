package org.switchboard.engine.runtime;

/**
 * Receives what happens in calls, for the call log, the simulator and the live canvas. Called on server threads:
 * implementations must be quick and must not block (the app hands events to the FX thread in batches).
 */
@FunctionalInterface
public interface CallEventListener {

    CallEventListener NONE = e -> { };

    void onEvent(RuntimeEvent event);
}
