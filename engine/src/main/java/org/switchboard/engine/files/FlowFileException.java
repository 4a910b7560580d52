package org.switchboard.engine.files;

/**
 * A flow file that cannot be read at all: not JSON, the wrong structure, or written by a newer version. The message
 * is one line a user can act on and names the file, the place (line and column, and a JSON path such as
 * {@code nodes[2].x}) and the problem in plain words, e.g.
 * {@code family.json, line 14, column 12 (nodes[2].x): expected a number, found "abc"}. It never contains a stack
 * trace or a Java class name. Problems that only make a flow unable to run (unknown node types, broken wires) do not
 * throw; they are reported by validation and the file still opens.
 */
public final class FlowFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;

    /** A problem at a known place; {@code line}/{@code column} are 1-based, 0 when unknown. */
    public FlowFileException(String source, int line, int column, String path, String problem) {
        super(format(source, line, column, path, problem), null, false, false);
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path == null ? "" : path;
        this.problem = problem;
    }

    /** A problem with the whole file (cannot be opened, empty, not UTF-8). */
    public FlowFileException(String source, String problem) {
        this(source, 0, 0, "", problem);
    }

    private static String format(String source, int line, int column, String path, String problem) {
        StringBuilder sb = new StringBuilder(source == null || source.isBlank() ? "flow" : source);
        if (line > 0) {
            sb.append(", line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
        }
        if (path != null && !path.isEmpty()) {
            sb.append(" (").append(path).append(')');
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The file name (or "clipboard") as given to the loader. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem, 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The JSON path of the offending value, e.g. {@code nodes[2].x}; empty for the root or the whole file. */
    public String path() {
        return path;
    }

    /** The problem alone, without file and place. */
    public String problem() {
        return problem;
    }
}
