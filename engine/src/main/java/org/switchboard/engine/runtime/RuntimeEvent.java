package org.switchboard.engine.runtime;

import java.util.List;

/** Plain events published by the runtime; the UI turns them into its own updates. */
public sealed interface RuntimeEvent {

    String callId();

    /**
     * A push was handled: which event, which nodes ran, which outputs the walk took (whether or not a wire leaves
     * them), what was answered, and notes on why.
     */
    record PushHandled(String callId, String event, List<String> nodesEntered, List<OutputTaken> outputsTaken,
                       String answeringNodeId, String responseXml, List<String> notes, long micros)
            implements RuntimeEvent {
    }

    /** An output a walk went on at: the node's id and the output's id. */
    record OutputTaken(String nodeId, String port) {
    }

    /** A call ended (hangup push, or dropped after the idle timeout). */
    record CallEnded(String callId, String cause) implements RuntimeEvent {
    }

    /** An RTCM request (e.g. hang up) finished. */
    record RestCallDone(String callId, String action, boolean ok, String message) implements RuntimeEvent {
    }
}
