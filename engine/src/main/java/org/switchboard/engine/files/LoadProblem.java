package org.switchboard.engine.files;

import java.util.Objects;

/**
 * Something a loader noticed while reading a file that did not stop it: a Node-RED feature that has no counterpart,
 * a node that was bridged or replaced, a field that could not be kept. {@code place} says where in words (e.g.
 * {@code node 'Welcome message' (tts)} or {@code wires[3]}), {@code message} what happened and what to do.
 * Validation problems of the loaded flow are separate: see {@code FlowValidator}.
 */
public record LoadProblem(String place, String message) {

    public LoadProblem {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return place.isEmpty() ? message : place + ": " + message;
    }
}
