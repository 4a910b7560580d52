package org.switchboard.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;

import org.switchboard.app.settings.SystemAppearance;
import org.switchboard.app.settings.ThemeMode;
import org.switchboard.app.ui.Theme;

/**
 * Applies the user's light/dark choice to a {@link Theme}: light, dark, or what the system says. Lives here, with
 * the composition root, so that the UI helpers need not know the settings.
 */
final class ThemeFollower {

    private ThemeFollower() {
    }

    /**
     * The system is asked in the background; when its answer is not there within {@code waitMillis}, the window
     * starts light and switches when it comes.
     */
    static void follow(Theme theme, ThemeMode mode, CompletableFuture<Boolean> systemDark, long waitMillis) {
        if (mode != ThemeMode.SYSTEM) {
            theme.setDark(mode == ThemeMode.DARK);
            return;
        }
        CompletableFuture<Boolean> detection = systemDark != null ? systemDark : SystemAppearance.detectDarkAsync();
        try {
            theme.setDark(detection.get(Math.max(0, waitMillis), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            theme.setDark(false);
            detection.thenAccept(dark -> Platform.runLater(() -> theme.setDark(dark)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            theme.setDark(false);
        } catch (ExecutionException e) {
            theme.setDark(false);
        }
    }
}
