package org.switchboard.app.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.switchboard.engine.calltests.Experience;
import org.switchboard.engine.calltests.Input;
import org.switchboard.engine.calltests.TestCall;
import org.switchboard.engine.calltests.TestCallRunner;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * One simulated call for the simulator panel: a private server on 127.0.0.1 (a free port) runs a snapshot of the
 * flow as drawn now (not what is deployed), and the engine's sipgate stand-in drives it over HTTP as sipgate would,
 * one input at a time. Every method but {@link #snapshot()} waits for HTTP or for the server: call them off the
 * JavaFX thread. Close it to end the call and stop its server.
 */
public final class SimulatorSession implements AutoCloseable {

    private final Flow flow;
    private final TestCallRunner runner;
    private final TestCallRunner.Call call;

    private SimulatorSession(Flow flow, NodeTypes types, Path flowFolder, TestCall.Setup setup) {
        this.flow = flow;
        this.runner = TestCallRunner.start(flow, types, flowFolder);
        TestCallRunner.Call started;
        try {
            started = runner.begin(setup);
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
        this.call = started;
    }

    /**
     * Starts a server for {@code flow} and posts its {@code newCall}.
     *
     * @param flowFolder the folder of the flow's file (its local sounds), or null when it has none yet
     */
    public static SimulatorSession start(Flow flow, NodeTypes types, Path flowFolder, TestCall.Setup setup) {
        return new SimulatorSession(flow, types, flowFolder, setup);
    }

    /** Plays one input; the state after it (with why the call could not take it, as a message key, if so). */
    public State apply(Input input) {
        String why = call.apply(input);
        return state(why);
    }

    /** Where the call stands now. */
    public State snapshot() {
        return state(null);
    }

    /** The call so far as a test call under this name. */
    public TestCall toTest(String name) {
        return call.toTest(name);
    }

    /** Ends the call (hangs up if it is still on) and stops the server. */
    @Override
    public void close() {
        try {
            call.end();
        } finally {
            runner.close();
        }
    }

    private State state(String unusedWhy) {
        List<String> entered = call.nodesEntered();
        String current = call.currentNode();
        return new State(call.experiences(), call.inputs(), current, visited(entered, current),
                wiresTaken(flow, call.outputsTaken(), entered), call.awaitingDigits(), call.maxDigits(),
                call.ringing(), call.answered(), call.ended(), unusedWhy);
    }

    private static List<String> visited(List<String> entered, String current) {
        Set<String> ids = new LinkedHashSet<>(entered);
        ids.remove(current);
        return List.copyOf(ids);
    }

    /** The wires a call took: from each output it went on at, to a node it then entered; in order. */
    static List<Wire> wiresTaken(Flow flow, List<RuntimeEvent.OutputTaken> outputs, List<String> entered) {
        Set<String> reached = Set.copyOf(entered);
        Set<Wire> wires = new LinkedHashSet<>();
        for (RuntimeEvent.OutputTaken o : outputs) {
            for (Wire w : flow.wiresFrom(o.nodeId(), o.port())) {
                if (reached.contains(w.toNode())) {
                    wires.add(w);
                }
            }
        }
        return new ArrayList<>(wires);
    }

    /**
     * Where a simulated call stands: what the caller experienced, the inputs it took, the node it is at now (null
     * when over), the nodes it passed and the wires it took in order, whether a menu waits for keys (and how many),
     * whether a forwarded call rings or was answered, whether it is over, and why the last input could not be used
     * (a message key, or null).
     */
    public record State(List<Experience> experiences, List<Input> inputs, String currentNode, List<String> visited,
                        List<Wire> wires, boolean awaitingDigits, int maxDigits, boolean ringing, boolean answered,
                        boolean ended, String unusedWhy) {
    }
}
