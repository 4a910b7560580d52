package org.switchboard.engine.calltests;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * What one simulated call went through, gathered while {@link TestCallRunner} plays it: the caller's experiences,
 * the nodes and outputs the engine reported, and where the call stood after its last input (a menu waiting for
 * keys, a forwarded call) so that the generator can go on from there. Mutable; one per call, one thread.
 */
final class CallRun {

    final List<Experience> experiences = new ArrayList<>();
    final List<String> nodesEntered = new ArrayList<>();
    final List<RuntimeEvent.OutputTaken> outputsTaken = new ArrayList<>();
    /** Index of the first input that could not be used (no menu waiting, nothing forwarded), or -1. */
    int unusedInput = -1;
    /** Why that input could not be used, as a message key. */
    String unusedWhy;
    /** After the last input: the node whose menu waits for keys, or null. */
    String waitingNode;
    /** After the last input: how many keys that menu takes. */
    int waitingDigits;
    /** After the last input: the call was forwarded and nobody answered or hung up yet. */
    boolean ringing;
}
