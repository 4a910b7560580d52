package org.switchboard.engine.nodes;

/** Follow-up events of a call that a node can subscribe to, with the output they continue at. */
public enum CallEvent {
    ANSWER("answered"), HANGUP("hungUp");

    private final String port;

    CallEvent(String port) {
        this.port = port;
    }

    public String port() {
        return port;
    }
}
