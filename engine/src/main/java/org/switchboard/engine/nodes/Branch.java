package org.switchboard.engine.nodes;

import java.util.Objects;

/**
 * A way through a node that a test call can take: with the call fact {@code field} set to {@code example}, the node
 * goes on at output {@code port}. Node types that route on call facts declare these ({@link NodeType#branches}), so
 * that the test generator can reach every output without knowing the type (a Switch on digits: "1" for its rule
 * "= 1", a key no rule takes for "otherwise").
 */
public record Branch(String port, CallField field, String example) {

    public Branch {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(example, "example");
    }
}
