package org.switchboard.app.ui;

import java.util.List;

import javafx.application.Platform;
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
    private double widthWithLabels = -1;

    private CompactButtons(Region part, List<Labeled> buttons) {
        this.part = part;
        this.buttons = buttons;
    }

    /** Watches the width of {@code part}'s parent (the toolbar) and of {@code part} itself. */
    public static void watch(Region part, Labeled... buttons) {
        CompactButtons c = new CompactButtons(part, List.of(buttons));
        part.parentProperty().addListener((o, was, now) -> {
            if (now instanceof Region r) {
                r.widthProperty().addListener((w, a, b) -> c.fitLater());
            }
        });
        part.widthProperty().addListener((o, was, now) -> c.fitLater());
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
                    widthWithLabels = wanted;
                    buttons.forEach(b -> b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY));
                }
            } else if (bar.getWidth() >= widthWithLabels) {
                buttons.forEach(b -> b.setContentDisplay(ContentDisplay.LEFT));
            }
        });
    }
}
