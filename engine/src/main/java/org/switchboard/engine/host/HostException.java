package org.switchboard.engine.host;

/**
 * A {@link FlowHost} could not start or go online; the message says why in one plain line. {@link #portInUse()}
 * tells the one case a caller can fix by itself: another program listens on the port.
 */
public final class HostException extends Exception {

    private static final long serialVersionUID = 1L;
    private final boolean portInUse;

    public HostException(String message, boolean portInUse, Throwable cause) {
        super(message, cause);
        this.portInUse = portInUse;
    }

    /** Whether the webhook port is taken (or not available on this address). */
    public boolean portInUse() {
        return portInUse;
    }
}
