package org.switchboard.engine.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.CallContext;
import org.switchboard.engine.nodes.CallEvent;
import org.switchboard.engine.nodes.CallField;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.Outcome;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Verb;

/**
 * One walk through the flow for one push: follows wires from an output, runs logic nodes in-process, and collects
 * the verbs of the first node that needs sipgate. After a node that continues the answer (Play), only a node whose
 * type {@linkplain NodeType#endsAnswer ends the answer} (Dial, Hang up, Reject) may add to it. When the push's
 * answer is ignored by sipgate (answer, hangup), verbs are noted but not collected.
 */
final class Walk implements CallContext {

    private static final int MAX_STEPS = 256;

    private enum State { OPEN, AFTER_PLAY, DONE }

    private final FlowRunner runner;
    private final NodeTypes types;
    private final CallSession session;
    private final Flow flow;
    private final boolean answerCounts;
    private final List<Verb> verbs = new ArrayList<>(2);
    private final List<String> entered = new ArrayList<>(4);
    private final List<String> notes = new ArrayList<>(1);
    private final List<RuntimeEvent.OutputTaken> taken = new ArrayList<>(4);
    private final List<CallSession.Subscription> pending = new ArrayList<>(2);
    private State state = State.OPEN;
    private String answeringNode;
    /** The node whose output continues the answer, while {@code state == AFTER_PLAY}. */
    private String continuedBy;
    private int steps;

    Walk(FlowRunner runner, NodeTypes types, CallSession session, boolean answerCounts) {
        this.runner = runner;
        this.types = types;
        this.session = session;
        this.flow = session.flow();
        this.answerCounts = answerCounts;
    }

    List<Verb> verbs() {
        return verbs;
    }

    List<String> entered() {
        return entered;
    }

    List<String> notes() {
        return notes;
    }

    List<RuntimeEvent.OutputTaken> taken() {
        return taken;
    }

    String answeringNode() {
        return answeringNode;
    }

    /** Runs a node as the start of the walk (the trigger). */
    void enter(FlowNode node) {
        if (++steps > MAX_STEPS) {
            if (steps == MAX_STEPS + 1) {
                notes.add("stopped after " + MAX_STEPS + " steps: the flow loops without asking sipgate");
            }
            return;
        }
        NodeType type = types.get(node.type());
        entered.add(node.id());
        if (type == null) {
            note(node, "unknown node type '" + node.type() + "' does nothing");
            return;
        }
        pending.clear();
        String problem = runner.guard().nodeProblem(node, type);
        if (problem != null) {
            answerHangup(node, "has errors: " + problem);
            return;
        }
        Outcome outcome;
        try {
            outcome = type.run(node, this);
        } catch (RuntimeException e) {
            note(node, "failed: " + e.getClass().getSimpleName());
            return;
        }
        if (outcome instanceof Outcome.Render r) {
            String invalid = answerCounts ? AnswerGuard.verbProblem(r.verbs(), "out".equals(field(CallField.DIRECTION)))
                    : null;
            if (invalid != null) {
                answerHangup(node, invalid);
            } else {
                render(node, type.endsAnswer(), r);
            }
        } else {
            commitSubscriptions();
            if (outcome instanceof Outcome.Route r) {
                follow(node, r.port());
            }
        }
    }

    /** Enters every node wired to the given output. */
    void follow(FlowNode node, String port) {
        taken.add(new RuntimeEvent.OutputTaken(node.id(), port));
        List<Wire> wires = flow.wiresFrom(node.id(), port);
        if (wires.isEmpty()) {
            if (state == State.OPEN && answerCounts) {
                note(node, "output '" + port + "' is not connected");
            }
            return;
        }
        for (Wire w : wires) {
            FlowNode next = flow.nodeOrNull(w.toNode());
            if (next == null) {
                note(node, "wire to missing node '" + w.toNode() + "' skipped");
            } else {
                enter(next);
            }
        }
    }

    private void render(FlowNode node, boolean endsAnswer, Outcome.Render r) {
        if (!answerCounts) {
            pending.clear();
            note(node, "not sent: sipgate ignores the answer to this event");
            return;
        }
        if (state == State.DONE) {
            pending.clear();
            note(node, "not sent: node '" + answeringNode + "' already answered");
            return;
        }
        if (state == State.AFTER_PLAY && !endsAnswer) {
            pending.clear();
            note(node, "not sent: after '" + continuedBy + "' only a node that ends the answer can follow in it");
            return;
        }
        commitSubscriptions();
        verbs.addAll(r.verbs());
        answeringNode = answeringNode == null ? node.id() : answeringNode + "+" + node.id();
        if (r.nextPort() != null && state == State.OPEN) {
            state = State.AFTER_PLAY;
            continuedBy = node.id();
            follow(node, r.nextPort());
        }
        state = State.DONE;
    }

    /** The guard's one rule: a node that cannot answer validly answers a clean Hangup, and the log says why. */
    private void answerHangup(FlowNode node, String why) {
        pending.clear();
        note(node, "answered Hangup instead: " + why);
        render(node, true, new Outcome.Render(List.of(new Hangup()), null));
    }

    private void commitSubscriptions() {
        for (CallSession.Subscription s : pending) {
            session.subscribe(s);
        }
        pending.clear();
    }

    // ---- CallContext ----

    @Override
    public String field(CallField field) {
        return session.fact(field);
    }

    @Override
    public Clock clock() {
        return runner.clock();
    }

    @Override
    public String soundUrl(Object value) {
        return runner.soundUrl(value);
    }

    @Override
    public String dataUrl(FlowNode node) {
        return runner.dataUrl(session, node);
    }

    @Override
    public void subscribe(FlowNode node, CallEvent event) {
        pending.add(new CallSession.Subscription(node.id(), event));
    }

    @Override
    public void hangUpCall(FlowNode node) {
        String note = runner.hangUp(session);
        if (note != null) {
            note(node, note);
        }
    }

    @Override
    public void note(FlowNode node, String message) {
        notes.add(node.id() + ": " + message);
    }
}
