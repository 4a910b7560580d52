package org.switchboard.app.canvas;

import org.switchboard.engine.nodes.Category;

/**
 * Everything that decides how one card looks besides its content, as one value: selected, under the pointer, with
 * problems (and whether one is an error), live (a call is at this node now), covered (a call has passed it) and its
 * level of detail. The canvas
 * makes it ({@link FlowCanvas#lookOf}); the card ({@link NodeView}), the minimap and the PNG export all read it, so
 * a new state is added here and in the places that draw it, nowhere else. A full card shows the flags as CSS
 * pseudo-classes ({@code :selected}, {@code :hovered}, {@code :warning}, {@code :error}, {@code :live}, {@code
 * :covered}).
 */
public record CardLook(boolean selected, boolean hovered, boolean problem, boolean error, boolean live,
                       boolean covered, Detail detail) {

    /** A look whose problems, if any, are warnings. */
    public CardLook(boolean selected, boolean hovered, boolean problem, boolean live, boolean covered, Detail detail) {
        this(selected, hovered, problem, false, live, covered, detail);
    }

    /** The two forms of a card: full (texts, ports) and simple (an outline, for far-out zoom levels). */
    public enum Detail { FULL, SIMPLE }

    public boolean simple() {
        return detail == Detail.SIMPLE;
    }

    /** How the card looks in an exported picture: no selection and no pointer highlight. */
    public CardLook forExport() {
        return new CardLook(false, false, problem, error, live, covered, detail);
    }

    /**
     * The colour the minimap paints the card in: green where a call is, red for errors, amber for warnings, else its
     * category's.
     */
    CanvasColors.Key minimapColour(Category category) {
        if (live) {
            return CanvasColors.Key.LIVE;
        }
        if (problem) {
            return error ? CanvasColors.Key.DANGER : CanvasColors.Key.WARN;
        }
        return SimpleCardLooks.colourOf(category);
    }
}
