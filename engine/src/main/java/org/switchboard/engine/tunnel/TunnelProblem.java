package org.switchboard.engine.tunnel;

/**
 * The kinds of failure a tunnel can run into, each with a plain explanation and the fix. {@link #explain} adds a
 * detail (for example the ngrok error code) to the explanation.
 */
public enum TunnelProblem {

    AUTHTOKEN_MISSING("No ngrok authtoken is set.",
            "Copy yours from https://dashboard.ngrok.com/get-started/your-authtoken and set it in the NGROK_AUTHTOKEN "
                    + "environment variable or in Switchboard's settings."),
    AUTHTOKEN_INVALID("ngrok did not accept the authtoken.",
            "Copy it again from https://dashboard.ngrok.com/get-started/your-authtoken (the whole token, no spaces) "
                    + "and set it again."),
    SESSION_LIMIT("Another ngrok agent is already online with this account, and the free plan allows only one.",
            "Stop the other agent (see https://dashboard.ngrok.com/agents), then try again."),
    NO_INTERNET("The ngrok agent cannot reach ngrok's servers.",
            "Check the internet connection (and any proxy or firewall), then try again."),
    DOWNLOAD_BLOCKED("The ngrok agent could not be downloaded.",
            "Check the internet connection, or install ngrok yourself from https://ngrok.com/download and give its "
                    + "path (--ngrok-path, or the setting)."),
    DOMAIN_NOT_RESERVED("This domain is not reserved for your ngrok account.",
            "Use the domain shown at https://dashboard.ngrok.com/domains (free accounts get one), or leave the domain "
                    + "empty for a random address."),
    AGENT_NOT_FOUND("The ngrok agent was not found.",
            "Check the path to ngrok, or remove it so that ngrok is looked up on the PATH."),
    AGENT_EXITED("The ngrok agent stopped unexpectedly.",
            "Try again; if it keeps happening, run ngrok by hand to see why."),
    FAILED("The tunnel could not be opened.",
            "Try again; if it keeps happening, run ngrok by hand to see why.");

    private final String what;
    private final String fix;

    TunnelProblem(String what, String fix) {
        this.what = what;
        this.fix = fix;
    }

    /** What went wrong, one sentence. */
    public String what() {
        return what;
    }

    /** What to do about it. */
    public String fix() {
        return fix;
    }

    /** "what (detail) fix" as one message; {@code detail} may be null or blank. */
    public String explain(String detail) {
        String middle = detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")";
        return what + middle + " " + fix;
    }
}
