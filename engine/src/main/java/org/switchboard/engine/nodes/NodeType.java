package org.switchboard.engine.nodes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;

/**
 * One kind of node (Dial, Gather, Switch, ...): everything the editor, the validator and the runtime need to know
 * about it. The editor builds its palette, ports and inspector forms from here, so node knowledge lives in exactly
 * one place: the runtime, validator, simulator and inspector ask these declarations and never name a concrete type
 * (an architecture test holds them to that). A node type declares
 * <ul>
 *   <li>whether it is a trigger ({@link #isTrigger}) and the webhook paths sipgate posts new calls to
 *       ({@link #webhooks});</li>
 *   <li>which follow-up pushes resume it, and at which output ({@link #resumePort});</li>
 *   <li>how it takes part in sipgate's answer: whether its verbs end it ({@link #endsAnswer}) and whether an
 *       output continues the same answer ({@link #continuesAnswerAt});</li>
 *   <li>which call facts lead it to which output ({@link #branches}), for generated test calls;</li>
 *   <li>its properties ({@link #properties}, each with an open {@link PropertyKind}) and, for list properties whose
 *       entries own an output, which one ({@link #entryPort}).</li>
 * </ul>
 * Implementations are stateless singletons registered in {@link NodeTypes}.
 */
public interface NodeType {

    /** The type id used in flow files, e.g. {@code dial}. */
    String id();

    Category category();

    /** Whether a call starts here: a trigger has no input and counts as the flow's entry for validation. */
    default boolean isTrigger() {
        return false;
    }

    /** Whether the node has an input port (triggers have none). */
    default boolean hasInput() {
        return !isTrigger();
    }

    /**
     * The webhook paths on which sipgate's {@code newCall} pushes start a call at this node (usually one, set by a
     * property); empty for nodes that are not triggers. Two triggers clash when they share a path and a direction.
     */
    default List<Webhook> webhooks(FlowNode node) {
        return List.of();
    }

    /**
     * The output at which the call continues when sipgate posts this follow-up for the node (digits to the data URL
     * it asked for, answer or hangup after it subscribed), or {@code null} when it is not resumed by that event.
     */
    default String resumePort(CallEvent event) {
        return null;
    }

    /**
     * Whether the verbs this node renders end sipgate's answer (Dial, Hang up, Reject), so that they may follow a
     * node that {@linkplain #continuesAnswerAt continues the answer} such as Play.
     */
    default boolean endsAnswer() {
        return false;
    }

    /**
     * The output whose node adds more verbs to the same answer (Play's "next"), or {@code null}; only nodes that
     * {@linkplain #endsAnswer end the answer} belong there.
     */
    default String continuesAnswerAt() {
        return null;
    }

    /**
     * The output owned by entry {@code index} (0-based) of the list property {@code key}, or {@code null} when its
     * entries own no outputs. A Switch's rules do: removing a rule removes its output and moves the wires of the
     * rules below it up by one (see {@link PropertyEdits#removeEntry}).
     */
    default String entryPort(FlowNode node, String key, int index) {
        return null;
    }

    /**
     * The outputs this node takes on a call fact, each with a value of the fact that leads there (see
     * {@link Branch}); empty for nodes that do not route on facts. The test generator feeds these values in (as
     * keys pressed, caller numbers, ...) to reach every output. An output with no value that reaches it (e.g. a rule
     * that an earlier rule always wins over) is left out, and shows up as untested.
     */
    default List<Branch> branches(FlowNode node) {
        return List.of();
    }

    List<PropertySpec> properties();

    /** The node's outputs; may depend on its properties (a Switch has one per rule plus "otherwise"). */
    List<OutputPort> outputs(FlowNode node, Messages messages);

    /** A one-line description of the node's settings, e.g. "Gather 1 digit, 5 s". */
    String summary(FlowNode node, Messages messages);

    /** Runs the node for a call; see {@link Outcome}. */
    Outcome run(FlowNode node, CallContext call);

    /** Problems beyond the per-property checks (e.g. a regex that does not compile). */
    default List<Problem> extraProblems(FlowNode node, Messages messages) {
        return List.of();
    }

    default String label(Messages messages) {
        return messages.get("node." + id() + ".label");
    }

    default String description(Messages messages) {
        return messages.get("node." + id() + ".description");
    }

    default PropertySpec property(String key) {
        for (PropertySpec p : properties()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }

    /** A new node of this type with every property at its default. */
    default FlowNode newNode(String id, double x, double y) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (PropertySpec p : properties()) {
            props.put(p.key(), p.defaultValue());
        }
        return FlowNode.of(id, id(), x, y).withProperties(props);
    }

    /** All problems of a node: each property checked against its spec, then the type's own checks. */
    default List<Problem> validate(FlowNode node, Messages messages) {
        List<Problem> problems = new ArrayList<>(PropertyChecks.check(this, node, messages));
        problems.addAll(extraProblems(node, messages));
        return problems;
    }

    default List<String> outputIds(FlowNode node) {
        return outputs(node, Messages.ENGLISH).stream().map(OutputPort::id).toList();
    }
}
