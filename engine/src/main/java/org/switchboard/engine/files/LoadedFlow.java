package org.switchboard.engine.files;

import java.util.List;
import java.util.Objects;

import org.switchboard.engine.flow.Flow;

/**
 * The result of opening a file: the flow, what the loader had to report (always empty for a clean Switchboard
 * file; the list of unsupported things for a Node-RED import) and which format the file was in. A flow loaded from
 * a Node-RED export should be saved under a new name rather than over the export.
 */
public record LoadedFlow(Flow flow, List<LoadProblem> problems, Source source) {

    /** The format a file was written in. */
    public enum Source {
        /** Switchboard's own flow format ({@code formatVersion}). */
        SWITCHBOARD,
        /** A Node-RED export (node-red-contrib-sipgate flows), converted on load. */
        NODE_RED
    }

    public LoadedFlow {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(source, "source");
        problems = List.copyOf(problems);
    }
}
