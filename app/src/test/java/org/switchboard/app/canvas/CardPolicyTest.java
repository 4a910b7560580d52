package org.switchboard.app.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.switchboard.app.canvas.CardLook.Detail;

/** Which cards exist and in which form, decided from the view alone: no JavaFX needed. */
class CardPolicyTest {

    /** A 1,000 × 600 world rectangle in view. */
    private static final double[] VIEW = {0, 0, 1000, 600};

    private static CardPolicy settled(double zoom) {
        return new CardPolicy(VIEW, zoom, false, false);
    }

    private static CardPolicy zooming(double zoom) {
        return new CardPolicy(VIEW, zoom, true, false);
    }

    private static double[] box(double x, double y) {
        return new double[] {x, y, 200, 100};
    }

    @Test
    void cardsAreFullDownToHalfSizeAndSimpleBelow() {
        assertEquals(Detail.FULL, settled(1.0).detail());
        assertEquals(Detail.FULL, settled(CardPolicy.LOD_ZOOM).detail());
        assertEquals(Detail.SIMPLE, settled(0.49).detail());
        assertEquals(Detail.SIMPLE, settled(0.25).detailFor(Detail.FULL), "a settled view brings every card to form");
        assertEquals(Detail.FULL, settled(1.0).detailFor(Detail.SIMPLE));
        assertEquals(Detail.FULL, new CardPolicy(VIEW, 0.25, false, true).detail(), "the export shows full cards");
    }

    @Test
    void cardsAreBuiltNearTheViewAndDroppedOnlyFarFromIt() {
        CardPolicy p = settled(1.0);
        assertArrayEquals(VIEW, p.inView(), "cards in view first");
        assertTrue(p.wants(box(1100, 0), false), "a quarter of a screen to the right: built");
        assertFalse(p.wants(box(1300, 0), false), "further: not built");
        assertTrue(p.wants(box(1300, 0), true), "but an existing card there stays (no churn when panning back)");
        assertTrue(p.keeps(box(1700, 0)));
        assertFalse(p.keeps(box(1800, 0)), "more than three quarters away: dropped");
        assertFalse(p.wants(box(-2000, 0), true));
    }

    @Test
    void aZoomGestureKeepsEveryCardsFormAndDropsNothing() {
        CardPolicy above = zooming(0.8);
        assertEquals(Detail.SIMPLE, above.detailFor(Detail.SIMPLE), "a simple card stays simple while zooming in");
        assertEquals(Detail.FULL, above.detailFor(Detail.FULL), "a full card stays full");
        assertEquals(Detail.SIMPLE, above.detailFor(null), "a new card comes in simple (a tenth of the work)");
        CardPolicy below = zooming(0.3);
        assertEquals(Detail.SIMPLE, below.detailFor(Detail.FULL), "below half size full cards turn simple");
        assertTrue(below.keeps(box(50_000, 50_000)), "nothing is dropped during the gesture");
        assertFalse(below.wants(box(50_000, 50_000), false), "but far cards are not built either");
        assertEquals(Detail.FULL, new CardPolicy(VIEW, 0.3, true, true).detailFor(null), "export: always full");
    }

    @Test
    void aFrameBuildsFewFullCardsOrMoreSimpleOnesAndTheExportAllAtOnce() {
        assertEquals(CardPolicy.DETAILED_PER_FRAME, settled(1.0).buildBudget());
        assertEquals(CardPolicy.SIMPLE_PER_FRAME, settled(0.3).buildBudget());
        assertEquals(CardPolicy.SIMPLE_PER_FRAME, zooming(1.0).buildBudget(), "a zoom frame builds simple cards");
        assertEquals(Integer.MAX_VALUE, new CardPolicy(VIEW, 1.0, false, true).buildBudget());
        assertTrue(CardPolicy.DETAILED_PER_FRAME < CardPolicy.SIMPLE_PER_FRAME);
    }

    @Test
    void theExportShowsEverythingAndWiresAreStrokedJustAroundTheView() {
        CardPolicy export = new CardPolicy(VIEW, 1.0, false, true);
        assertTrue(export.wants(box(1e9, 1e9), false));
        assertArrayEquals(CardPolicy.EVERYWHERE, export.drawArea());
        assertArrayEquals(new double[] {-100, -60, 1200, 720}, settled(1.0).drawArea());
    }

    @Test
    void theLookForTheExportHasNoSelectionOrHover() {
        CardLook look = new CardLook(true, true, true, true, false, Detail.FULL);
        CardLook exported = look.forExport();
        assertFalse(exported.selected());
        assertFalse(exported.hovered());
        assertTrue(exported.problem() && exported.live(), "problems and calls stay in the picture");
        assertEquals(CanvasColors.Key.LIVE, look.minimapColour(null), "the minimap paints calls green");
        assertEquals(CanvasColors.Key.WARN, new CardLook(false, false, true, false, false, Detail.SIMPLE)
                .minimapColour(null), "and problems amber");
        assertEquals(CanvasColors.Key.UNKNOWN,
                new CardLook(false, false, false, false, false, Detail.FULL).minimapColour(null));
    }
}
