package org.switchboard.engine.nodes;

import java.util.List;

import org.switchboard.engine.sipgate.xml.Verb;

/**
 * What a node decided when it ran. Logic nodes {@link Route} to one of their outputs at once; nodes that need
 * sipgate {@link Render} verbs into the answer (and the walk stops there, unless {@code nextPort} names an output
 * whose node may add more verbs to the same answer, as Play does); side-effect nodes {@link Stop}.
 */
public sealed interface Outcome {

    record Route(String port) implements Outcome {
    }

    record Render(List<Verb> verbs, String nextPort) implements Outcome {
        public Render {
            verbs = List.copyOf(verbs);
        }
    }

    record Stop() implements Outcome {
    }

    Stop STOP = new Stop();
}
