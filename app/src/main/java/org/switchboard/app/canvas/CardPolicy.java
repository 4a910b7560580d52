package org.switchboard.app.canvas;

import org.switchboard.app.canvas.CardLook.Detail;

/**
 * Which cards exist and in which form, decided for one frame from the view alone (plain values, no JavaFX): cards
 * are built when they come within a quarter of a screen of the visible area and dropped when more than three
 * quarters away, so panning does not churn; below {@link #LOD_ZOOM} they are simple. While a zoom gesture runs,
 * nothing is dropped, existing cards keep their form (except that full cards turn simple below the simple-card
 * zoom) and new ones come in simple; the gesture's end brings every card to the form the zoom asks for. A frame
 * builds at most a few full cards (or more simple ones); the rest follow in the next frames. When everything is
 * shown (the PNG export), every card is built in full at once.
 */
final class CardPolicy {

    /** Below this zoom, cards are drawn without texts and ports (they would be unreadable anyway). */
    static final double LOD_ZOOM = 0.5;
    static final double CREATE_MARGIN = 0.25;
    static final double KEEP_MARGIN = 0.75;
    /** How far around the view wires are stroked (a fraction of the view), so small pans do not redraw them. */
    static final double DRAW_MARGIN = 0.1;
    /** How many cards one frame may build or rebuild; the rest follow in the next frames. */
    static final int DETAILED_PER_FRAME = 16;
    static final int SIMPLE_PER_FRAME = 100;
    static final double[] EVERYWHERE = {-1e12, -1e12, 2e12, 2e12};

    private final double[] visible;
    private final boolean farOut;
    private final boolean zooming;
    private final boolean everything;
    private final double[] create;
    private final double[] keep;

    /**
     * @param visible    the visible world rectangle {x, y, w, h}
     * @param zoom       the view's zoom
     * @param zooming    whether a zoom gesture is in progress
     * @param everything whether every card is to be shown in full (export)
     */
    CardPolicy(double[] visible, double zoom, boolean zooming, boolean everything) {
        this.visible = visible;
        this.farOut = zoom < LOD_ZOOM;
        this.zooming = zooming;
        this.everything = everything;
        this.create = everything ? EVERYWHERE : expand(visible, CREATE_MARGIN);
        this.keep = everything ? EVERYWHERE : expand(visible, KEEP_MARGIN);
    }

    /** The form cards take once the view is settled. */
    Detail detail() {
        return everything || !farOut ? Detail.FULL : Detail.SIMPLE;
    }

    /**
     * The form a card gets in this frame.
     *
     * @param shown the form it is built in now, or null when it is not built yet
     */
    Detail detailFor(Detail shown) {
        if (!zooming) {
            return detail();
        }
        if (shown != null && !farOut) {
            return shown;
        }
        return everything ? Detail.FULL : Detail.SIMPLE;
    }

    /** How many cards this frame may build or rebuild. */
    int buildBudget() {
        if (everything) {
            return Integer.MAX_VALUE;
        }
        return detail() == Detail.FULL && !zooming ? DETAILED_PER_FRAME : SIMPLE_PER_FRAME;
    }

    /** The area whose cards are built first (so a budget cut never leaves holes in view). */
    double[] inView() {
        return everything ? create : visible;
    }

    /** The area in which missing cards and wires are built. */
    double[] createArea() {
        return create;
    }

    /** The area outside of which existing cards and wires are dropped. */
    double[] keepArea() {
        return keep;
    }

    /** The area in which wires are stroked. */
    double[] drawArea() {
        return everything ? EVERYWHERE : expand(visible, DRAW_MARGIN);
    }

    /** Whether something that exists with this world box stays (while zooming, nothing is dropped). */
    boolean keeps(double[] box) {
        return zooming || intersects(box, keep);
    }

    /** Whether something with this world box is wanted: built when missing, kept when it exists. */
    boolean wants(double[] box, boolean exists) {
        return intersects(box, create) || exists && keeps(box);
    }

    static double[] expand(double[] r, double fraction) {
        double mx = r[2] * fraction;
        double my = r[3] * fraction;
        return new double[] {r[0] - mx, r[1] - my, r[2] + 2 * mx, r[3] + 2 * my};
    }

    static boolean intersects(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && a[0] + a[2] > b[0] && a[1] < b[1] + b[3] && a[1] + a[3] > b[1];
    }
}
