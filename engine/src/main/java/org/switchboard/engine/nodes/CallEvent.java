package org.switchboard.engine.nodes;

/**
 * Follow-up pushes of a call that resume a node, with the output they usually continue at: the digits a caller typed
 * (posted to the data URL the node asked for), and the call's answer and hangup (for nodes that subscribed). Which
 * events resume a node, and where, its type declares ({@link NodeType#resumePort}).
 */
public enum CallEvent {
    DIGITS("digits"), ANSWER("answered"), HANGUP("hungUp");

    private final String port;

    CallEvent(String port) {
        this.port = port;
    }

    public String port() {
        return port;
    }
}
