package org.switchboard.app.canvas;

import javafx.css.PseudoClass;
import javafx.scene.layout.Region;

/**
 * One port of a node card: an 11 px ring drawn by CSS inside a larger transparent hit area, so that the small dot
 * is still easy to grab. Hollow when idle, filled ({@code :connected}) when a wire uses it; {@code :drop-target}
 * marks the inputs a wire being dragged may end on, {@code :drop-hover} the one under the pointer, {@code :on-path}
 * the ends of the wires a call took (filled in the live colour), {@code :untested} an output no test call goes on at.
 */
final class PortView extends Region {

    /** The visible ring's diameter. */
    static final double DOT = 11;
    /** The hit area's side: the ring plus 4 px all round. */
    static final double SIZE = 19;

    static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    static final PseudoClass DROP_HOVER = PseudoClass.getPseudoClass("drop-hover");
    static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("on-path");
    static final PseudoClass UNTESTED = PseudoClass.getPseudoClass("untested");

    private final String nodeId;
    private final String portId;

    /** An input port ({@code portId == null}) or an output port. */
    PortView(String nodeId, String portId) {
        this.nodeId = nodeId;
        this.portId = portId;
        getStyleClass().addAll("port", portId == null ? "input" : "output");
        setId(portId == null ? "port-in-" + nodeId : "port-out-" + nodeId + "-" + portId);
        setMinSize(SIZE, SIZE);
        setPrefSize(SIZE, SIZE);
        setMaxSize(SIZE, SIZE);
        setManaged(false);
        resize(SIZE, SIZE);
    }

    String nodeId() {
        return nodeId;
    }

    /** The output port id, or {@code null} for the input. */
    String portId() {
        return portId;
    }

    boolean isInput() {
        return portId == null;
    }

    void setConnected(boolean connected) {
        pseudoClassStateChanged(CONNECTED, connected);
    }

    void setOnPath(boolean onPath) {
        pseudoClassStateChanged(ON_PATH, onPath);
    }

    void setUntested(boolean untested) {
        pseudoClassStateChanged(UNTESTED, untested);
    }

    /** Places the port so its ring is centred on the given point of the card. */
    void centreAt(double x, double y) {
        relocate(x - SIZE / 2, y - SIZE / 2);
    }
}
