package org.switchboard.engine.files;

import java.util.Objects;

import org.switchboard.engine.flow.Wire;

/** One wire as written in a flow file: {@code {"from": "in", "port": "call", "to": "menu"}}. */
public record WireDto(String from, String port, String to) {

    public WireDto {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(to, "to");
    }

    public static WireDto of(Wire wire) {
        return new WireDto(wire.fromNode(), wire.fromPort(), wire.toNode());
    }

    public Wire toWire() {
        return new Wire(from, port, to);
    }
}
