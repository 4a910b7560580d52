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
 * one place. Implementations are stateless singletons registered in {@link NodeTypes}.
 */
public interface NodeType {

    /** The type id used in flow files, e.g. {@code dial}. */
    String id();

    Category category();

    /** Whether the node has an input port (only triggers have none). */
    default boolean hasInput() {
        return true;
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
