package org.switchboard.engine.runtime;

import java.util.List;
import java.util.Map;

/** Plain events published by the runtime; the UI turns them into its own updates. */
public sealed interface RuntimeEvent {

    /** The cause of a {@link CallEnded} the engine made itself: it gave the call up without a hangup push. */
    String EXPIRED = "expired";

    String callId();

    /**
     * A push was handled: which event, which nodes ran, which outputs the walk took (whether or not a wire leaves
     * them), what was answered, notes on why, and the fields sipgate sent (as parsed, unmodifiable; empty when not
     * known).
     */
    record PushHandled(String callId, String event, List<String> nodesEntered, List<OutputTaken> outputsTaken,
                       String answeringNodeId, String responseXml, List<String> notes, long micros,
                       Map<String, List<String>> fields) implements RuntimeEvent {

        public PushHandled {
            fields = fields == null ? Map.of() : fields;
        }

        /** Without the pushed fields. */
        public PushHandled(String callId, String event, List<String> nodesEntered, List<OutputTaken> outputsTaken,
                           String answeringNodeId, String responseXml, List<String> notes, long micros) {
            this(callId, event, nodesEntered, outputsTaken, answeringNodeId, responseXml, notes, micros, Map.of());
        }
    }

    /** An output a walk went on at: the node's id and the output's id. */
    record OutputTaken(String nodeId, String port) {
    }

    /**
     * A call ended: a hangup push (with sipgate's cause), or the engine gave it up ({@link #EXPIRED}: no push for
     * the idle timeout, or dropped because the store of calls was full).
     */
    record CallEnded(String callId, String cause) implements RuntimeEvent {
    }

    /** An RTCM request (e.g. hang up) finished. */
    record RestCallDone(String callId, String action, boolean ok, String message) implements RuntimeEvent {
    }
}
