package org.switchboard.engine.tunnel;

/**
 * A tunnel could not go online. {@link #getMessage()} is a plain explanation with the fix, fit to show a user as it
 * is; {@link #problem()} says which kind of failure it was. Never carries an authtoken.
 */
public final class TunnelException extends Exception {

    private static final long serialVersionUID = 1L;

    private final TunnelProblem problem;

    public TunnelException(TunnelProblem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    /** Builds the exception from the problem's own explanation plus a detail (may be null). */
    public static TunnelException of(TunnelProblem problem, String detail) {
        return new TunnelException(problem, problem.explain(detail));
    }

    public TunnelProblem problem() {
        return problem;
    }
}
