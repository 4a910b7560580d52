package org.switchboard.app.canvas;

import java.util.function.Supplier;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Makes a tooltip when the pointer first enters one of its nodes rather than when the nodes are built. A
 * {@link Tooltip} is a popup window with its own CSS; the first one also loads the popup, control and tooltip
 * classes and the default stylesheet, which cost 35-40 ms of the canvas's first frame, and every card with a
 * warning made one. Nobody can point at a node before it is on screen; the tooltip's own handlers see the moves
 * after that first entry, so it shows with its usual delay.
 */
final class LazyTooltip {

    private LazyTooltip() {
    }

    static void install(Node node, String text) {
        install(() -> new Tooltip(text), node);
    }

    /** One tooltip for all the nodes, made by {@code make} when the pointer first enters any of them. */
    static void install(Supplier<Tooltip> make, Node... nodes) {
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                Tooltip tip = make.get();
                for (Node n : nodes) {
                    n.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                    if (n instanceof Control c) {
                        c.setTooltip(tip); // also its accessible help text
                    } else {
                        Tooltip.install(n, tip);
                    }
                }
            }
        };
        for (Node n : nodes) {
            n.addEventHandler(MouseEvent.MOUSE_ENTERED, first);
        }
    }
}
