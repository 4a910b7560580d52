package org.switchboard.app.canvas;

import java.util.HashMap;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;

import org.switchboard.engine.nodes.Category;

/**
 * The backgrounds of far-out cards (the simple form, below {@link CardPolicy#LOD_ZOOM}), made from the card's
 * {@link CardLook}: an outline and a wider left edge in the category colour, amber for a card with warnings, red for
 * one with errors, a green
 * ring where a call is now, an accent ring when selected. They are made in
 * code from the theme's colours ({@link CanvasColors}) because a far zoom brings hundreds of such cards into view at
 * once, and styling each with CSS cost a zoom frame several milliseconds. Looks are shared between cards and made
 * again after a theme change.
 */
final class SimpleCardLooks {

    private static final Insets OUTLINE = Insets.EMPTY;
    private static final Insets INSIDE = new Insets(1, 1, 1, 6);
    private static final Insets INSIDE_MARKED = new Insets(3, 3, 3, 8);
    private static final Insets RING = new Insets(-6);

    private final CanvasColors colors;
    private final Map<Integer, Background> made = new HashMap<>();

    SimpleCardLooks(CanvasColors colors) {
        this.colors = colors;
    }

    /** Forgets the looks made so far (the theme's colours changed). */
    void themeChanged() {
        made.clear();
    }

    /** The background of a far-out card of this category ({@code null}: unknown node type) in this look. */
    Background get(Category category, CardLook look) {
        boolean selected = look.selected();
        boolean live = look.live();
        boolean warning = look.problem();
        boolean error = warning && look.error();
        int key = (category == null ? 0 : category.ordinal() + 1) * 16 + (error ? 8 : 0) + (live ? 4 : 0)
                + (warning ? 2 : 0) + (selected ? 1 : 0);
        return made.computeIfAbsent(key, k -> make(category, warning, error, selected, live));
    }

    private Background make(Category category, boolean warning, boolean error, boolean selected, boolean live) {
        Color surface = colors.get(CanvasColors.Key.SURFACE);
        if (selected) {
            return new Background(fill(colors.get(CanvasColors.Key.ACCENT_RING), RING),
                    fill(colors.get(CanvasColors.Key.ACCENT), OUTLINE), fill(surface, INSIDE_MARKED));
        }
        if (live) {
            return new Background(fill(colors.get(CanvasColors.Key.LIVE_RING), RING),
                    fill(colors.get(CanvasColors.Key.LIVE), OUTLINE), fill(surface, INSIDE_MARKED));
        }
        if (warning) {
            return new Background(fill(colors.get(error ? CanvasColors.Key.DANGER : CanvasColors.Key.WARN), OUTLINE),
                    fill(surface, INSIDE_MARKED));
        }
        return new Background(fill(colors.get(colourOf(category)), OUTLINE), fill(surface, INSIDE));
    }

    static CanvasColors.Key colourOf(Category category) {
        if (category == null) {
            return CanvasColors.Key.UNKNOWN;
        }
        return switch (category) {
            case EVENTS -> CanvasColors.Key.EVENTS;
            case CALL_CONTROL -> CanvasColors.Key.CALL_CONTROL;
            case ROUTING -> CanvasColors.Key.ROUTING;
        };
    }

    private static BackgroundFill fill(Color c, Insets insets) {
        return new BackgroundFill(c, CornerRadii.EMPTY, insets);
    }
}
