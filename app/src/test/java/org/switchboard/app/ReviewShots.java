package org.switchboard.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;

/**
 * Not a test: pictures for reviewing a change by eye (main window with a warning node selected, the welcome, About,
 * the unsaved-changes question, the File menu and the palette's drag image), light and dark, English and German,
 * written to
 * {@code -Dshots.dir} (default {@code target/review-shots}). Run on purpose:
 * {@code mvn -B -pl app -am test -Dtest=ReviewShots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReviewShots extends FxThreadRobot {

    @Test
    void shots() throws Exception {
        Path out = Path.of(System.getProperty("shots.dir", "target/review-shots")).toAbsolutePath();
        Files.createDirectories(out);
        Path sample = Path.of("../sample-flows/family-menu.json").toAbsolutePath();
        for (String theme : List.of("light", "dark")) {
            for (String lang : List.of("en", "de")) {
                AppHarness harness = AppHarness.inLook(theme, lang);
                MainWindow w = harness.start(sample.toString());
                String tag = theme + "-" + lang;
                AppHarness.settle();
                shoot(w.stage().getScene(), out.resolve("open-" + tag + ".png"));
                interact(() -> {
                    w.document().apply("Set number", f -> f.updateNode("anna",
                            n -> n.withProperty("numbers", List.of("0151 2345678"))));
                    w.document().select(List.of("anna"));
                });
                AppHarness.settle();
                shoot(w.stage().getScene(), out.resolve("warning-selected-" + tag + ".png"));
                interact(() -> AppHarness.writePng(w.canvas().cardImage("dial"),
                        out.resolve("drag-image-" + tag + ".png")));
                interact(w::welcome);
                shootDialog(out.resolve("welcome-" + tag + ".png"));
                Platform.runLater(w::about);
                shootDialog(out.resolve("about-" + tag + ".png"));
                Platform.runLater(() -> w.dialogs().askSave(w.stage(), "family-menu.json"));
                shootDialog(out.resolve("save-changes-" + tag + ".png"));
                clickOn(org.switchboard.app.i18n.AppTexts.get("menu.file"));
                AppHarness.settle();
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
        AppHarness.settle();
        for (Window win : List.copyOf(Window.getWindows())) {
            if (win.getScene() != null && win.getScene().getRoot() instanceof DialogPane) {
                shoot(win.getScene(), file);
            }
        }
        AppHarness.closeDialogs();
    }

    private void shoot(Scene scene, Path file) {
        interact(() -> AppHarness.writePng(scene.snapshot(null), file));
    }
}
