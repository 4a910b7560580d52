package org.switchboard.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.switchboard.app.settings.AppSettings;

/**
 * Remembers where the window was: size, position (restored only when it is still on a screen, so a window never
 * opens on a monitor that was unplugged) and whether it was maximised. While maximised, the size it had before is
 * kept, so un-maximising after a restart goes back to it.
 */
final class WindowGeometry {

    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;

    private double x = Double.NaN;
    private double y = Double.NaN;
    private double width = DEFAULT_WIDTH;
    private double height = DEFAULT_HEIGHT;

    void restore(Stage stage, AppSettings.WindowState saved) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (saved != null && saved.width() >= 400 && saved.height() >= 300) {
            width = saved.width();
            height = saved.height();
            if (!Screen.getScreensForRectangle(saved.x(), saved.y(), Math.min(saved.width(), 200), 40).isEmpty()) {
                x = saved.x();
                y = saved.y();
                screen = Screen.getScreensForRectangle(x, y, 200, 40).get(0).getVisualBounds();
            }
        }
        stage.setWidth(Math.min(width, screen.getWidth()));
        stage.setHeight(Math.min(height, screen.getHeight()));
        if (Double.isNaN(x)) {
            stage.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - stage.getWidth()) / 2));
            stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - stage.getHeight()) / 2));
        } else {
            stage.setX(x);
            stage.setY(y);
        }
        if (saved != null && saved.maximized()) {
            stage.setMaximized(true);
        }
        track(stage);
    }

    private void track(Stage stage) {
        stage.xProperty().addListener((o, a, b) -> remember(stage));
        stage.yProperty().addListener((o, a, b) -> remember(stage));
        stage.widthProperty().addListener((o, a, b) -> remember(stage));
        stage.heightProperty().addListener((o, a, b) -> remember(stage));
        remember(stage);
    }

    private void remember(Stage stage) {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
            x = stage.getX();
            y = stage.getY();
            width = stage.getWidth();
            height = stage.getHeight();
        }
    }

    AppSettings.WindowState capture(Stage stage) {
        remember(stage);
        return new AppSettings.WindowState(x, y, width, height, stage.isMaximized());
    }
}
