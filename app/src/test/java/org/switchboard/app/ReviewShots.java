package org.switchboard.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: pictures for reviewing a change by eye (main window with a warning node selected, the welcome, About,
 * the unsaved-changes question, the File menu and the palette's drag image), light and dark, English and German,
 * written to
 * {@code -Dshots.dir} (default {@code target/review-shots}). Run on purpose:
 * {@code mvn -B -pl app -am test -Dtest=ReviewShots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReviewShots extends FxRobot {

    @Test
    void shots() throws Exception {
        Path out = Path.of(System.getProperty("shots.dir", "target/review-shots")).toAbsolutePath();
        Files.createDirectories(out);
        Path sample = Path.of("../sample-flows/family-menu.json").toAbsolutePath();
        for (String theme : List.of("light", "dark")) {
            for (String lang : List.of("en", "de")) {
                Path home = Files.createTempDirectory("sb-shot");
                Files.writeString(home.resolve("settings.json"), "{\"language\": \"" + lang + "\", \"theme\": \""
                        + theme + "\", \"showWelcome\": false}", StandardCharsets.UTF_8);
                AppHarness harness = new AppHarness(home);
                MainWindow w = harness.start(sample.toString());
                String tag = theme + "-" + lang;
                settle();
                shoot(w.stage().getScene(), out.resolve("open-" + tag + ".png"));
                interact(() -> {
                    w.document().apply("Set number", f -> f.updateNode("anna",
                            n -> n.withProperty("numbers", List.of("0151 2345678"))));
                    w.document().select(List.of("anna"));
                });
                settle();
                shoot(w.stage().getScene(), out.resolve("warning-selected-" + tag + ".png"));
                interact(() -> {
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(w.canvas().cardImage("dial"), null), "png",
                                out.resolve("drag-image-" + tag + ".png").toFile());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                interact(w::welcome);
                shootDialog(out.resolve("welcome-" + tag + ".png"));
                Platform.runLater(w::about);
                shootDialog(out.resolve("about-" + tag + ".png"));
                Platform.runLater(() -> w.dialogs().askSave(w.stage(), "family-menu.json"));
                shootDialog(out.resolve("save-changes-" + tag + ".png"));
                clickOn(org.switchboard.app.i18n.AppTexts.get("menu.file"));
                settle();
                for (Window popup : List.copyOf(Window.getWindows())) {
                    if (popup instanceof PopupWindow && popup.isShowing() && popup.getScene() != null) {
                        shoot(popup.getScene(), out.resolve("menu-file-" + tag + ".png"));
                    }
                }
                interact(() -> {
                    for (Window popup : List.copyOf(Window.getWindows())) {
                        if (popup instanceof PopupWindow p) {
                            p.hide();
                        }
                    }
                    w.document().reset(w.document().flow(), null, true);
                });
                harness.stop();
            }
        }
    }

    private void shootDialog(Path file) throws Exception {
        settle();
        for (Window win : List.copyOf(Window.getWindows())) {
            if (win.getScene() != null && win.getScene().getRoot() instanceof DialogPane) {
                shoot(win.getScene(), file);
            }
        }
        AppHarness.closeDialogs();
    }

    private static void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(Scene scene, Path file) {
        interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
