package org.switchboard.engine.nodes;

import java.time.Clock;

import org.switchboard.engine.flow.FlowNode;

/** What a running node may ask of the call it runs for. Implemented by the runtime, one per push. */
public interface CallContext {

    /** A fact about the call (digits typed, caller, ...) or {@code null} when sipgate did not send it. */
    String field(CallField field);

    /** The engine's clock: time-based nodes read the time (and its zone) here, so tests can set it. */
    Clock clock();

    /**
     * The absolute onData URL for the digits the caller types; the call resumes at the output this node's type
     * declares for {@link CallEvent#DIGITS}.
     */
    String dataUrl(FlowNode node);

    /**
     * The absolute URL sipgate downloads a sound property's value from: a URL source as it is, a local sound (a
     * converted file or spoken text) at {@code <base-url>/sounds/<hash>.wav}; {@code null} when there is none.
     */
    String soundUrl(Object value);

    /** Continue at this node's output for the event when sipgate reports it (answer or hangup). */
    void subscribe(FlowNode node, CallEvent event);

    /** Ends the call through sipgate's REST API (asynchronously, off the webhook thread). */
    void hangUpCall(FlowNode node);

    /** Records why something happened, for the call log and transcript. */
    void note(FlowNode node, String message);
}
