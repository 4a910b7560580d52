package org.switchboard.engine.nodes;

/** An output of a node: a stable id used by wires, and a label in the user's language. */
public record OutputPort(String id, String label) {
}
