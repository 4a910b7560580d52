package org.switchboard.app.ui;

import java.util.List;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/**
 * Buttons of a toolbar part that drop their labels (keeping icon and tooltip) while the toolbar is narrower than it
 * wants to be (a long language, a small window), and get them back once there is room again.
 */
public final class CompactButtons {

    private final Region part;
    private final List<Labeled> buttons;
    /** How much wider the bar wants to be with the labels than without them. */
    private double labels = Double.MAX_VALUE;

    private CompactButtons(Region part, List<Labeled> buttons) {
        this.part = part;
        this.buttons = buttons;
    }

    /**
     * Watches the width of {@code part}'s parent (the toolbar), of {@code part} itself and of the other parts of the
     * toolbar (one may give up room, e.g. folded menus, or take it, e.g. the online part).
     */
    public static void watch(Region part, Labeled... buttons) {
        CompactButtons c = new CompactButtons(part, List.of(buttons));
        part.parentProperty().addListener((o, was, now) -> {
            if (now instanceof Region r) {
                r.widthProperty().addListener((w, a, b) -> c.fitLater());
                r.getChildrenUnmodifiable().forEach(c::watchPart);
                r.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) ch -> {
                    while (ch.next()) {
                        ch.getAddedSubList().forEach(c::watchPart);
                    }
                });
            }
        });
    }

    private void watchPart(Node n) {
        if (n instanceof Region r) {
            r.widthProperty().addListener((o, was, now) -> fitLater());
        }
    }

    private void fitLater() {
        Platform.runLater(() -> {
            if (!(part.getParent() instanceof Region bar) || bar.getWidth() <= 0) {
                return;
            }
            boolean compact = buttons.get(0).getContentDisplay() == ContentDisplay.GRAPHIC_ONLY;
            if (!compact) {
                double wanted = bar.prefWidth(-1);
                if (wanted > bar.getWidth() + 0.5) {
                    buttons.forEach(b -> b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY));
                    labels = Math.max(1, wanted - bar.prefWidth(-1));
                }
            } else if (bar.prefWidth(-1) + labels <= bar.getWidth()) {
                buttons.forEach(b -> b.setContentDisplay(ContentDisplay.LEFT));
            }
        });
    }
}
