package org.switchboard.app.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The dot grid repaints only where dots were when the zoom or the colour changes: the result must be exactly what a
 * fresh grid paints, with no dot of the old spacing left behind.
 */
@ExtendWith(ApplicationExtension.class)
class GridLayerTest {

    @Start
    void start(Stage stage) {
        // The grid is not shown; the toolkit only has to run.
    }

    @Test
    void aRepaintLeavesNoOldDotBehind(FxRobot robot) {
        Color dot = Color.web("#CDD1DA");
        robot.interact(() -> {
            GridLayer reused = new GridLayer();
            reused.draw(1.0, 0, 0, 400, 300, dot);
            int[] atFullSize = reused.pixels();
            for (double zoom : new double[] {0.73, 0.41, 1.9, 0.26}) {
                reused.draw(zoom, 0, 0, 400, 300, dot);
                GridLayer fresh = new GridLayer();
                fresh.draw(zoom, 0, 0, 400, 300, dot);
                assertArrayEquals(fresh.pixels(), reused.pixels(), "at zoom " + zoom);
            }
            long dots = Arrays.stream(atFullSize).filter(p -> p != 0).count();
            assertTrue(dots > 400 && dots < atFullSize.length / 4, dots + " dot pixels at 100 %");

            reused.draw(0.26, 0, 0, 400, 300, Color.web("#272A31"));
            GridLayer dark = new GridLayer();
            dark.draw(0.26, 0, 0, 400, 300, Color.web("#272A31"));
            assertArrayEquals(dark.pixels(), reused.pixels(), "after a theme change");
        });
    }
}
