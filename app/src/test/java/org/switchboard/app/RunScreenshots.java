package org.switchboard.app;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: makes the README screenshots of Run (docs/images/run-{light,dark}-{en,de}.png, 1440×900): the family
 * menu sample running on the embedded server, with two edits not live yet and their list open. Run on purpose:
 * {@code mvn -B -o -pl app -am test -Dtest=RunScreenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RunScreenshots extends FxThreadRobot {

    @Test
    void screenshots() throws Exception {
        Path out = AppHarness.screenshotFolder();
        Path sample = AppHarness.FAMILY_MENU;
        AppHarness.eachLook((theme, lang) -> {
            AppHarness harness = AppHarness.inLook(theme, lang);
            int port = 8080;
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.close(); // 8080 is free: the shot shows the default
            } catch (java.io.IOException taken) {
                try (ServerSocket any = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = any.getLocalPort();
                }
            }
            Files.writeString(harness.home.resolve("settings.json"), "{\"language\": \"" + lang
                    + "\", \"theme\": \"" + theme + "\", \"showWelcome\": false, \"runPort\": " + port + "}",
                    StandardCharsets.UTF_8);
            MainWindow w = harness.start(sample.toString());
            interact(() -> w.actions().get("run").fire());
            Label pill = lookup("#run-pill").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.liveRun().getStatus().serving());
            interact(() -> {
                w.document().apply("Set number", f -> f.updateNode("ben",
                        n -> n.withProperty("numbers", List.of("+49 177 12345678"))));
                w.document().apply("Timeout", f -> f.updateNode("menu", n -> n.withProperty("timeout", 8000L)));
                w.document().select(List.of("ben"));
            });
            AppHarness.settle();
            clickOn("#run-changes");
            AppHarness.settle();
            Path file = out.resolve("run-" + theme + "-" + lang + ".png");
            interact(() -> writeWithPopups(w.stage(), file));
            interact(() -> {
                lookup("#run-changes").queryAs(javafx.scene.control.MenuButton.class).hide();
                w.document().reset(w.document().flow(), null, true);
            });
            harness.stop();
            System.out.println(pill.getText() + " -> " + file);
        });
    }

    /** The window's scene with the popups it shows (the open list of changes) drawn where they are on screen. */
    private static void writeWithPopups(javafx.stage.Stage stage, Path file) {
        java.awt.image.BufferedImage base = javafx.embed.swing.SwingFXUtils.fromFXImage(
                stage.getScene().snapshot(null), null);
        java.awt.Graphics2D g = base.createGraphics();
        double originX = stage.getX() + stage.getScene().getX();
        double originY = stage.getY() + stage.getScene().getY();
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof javafx.stage.PopupWindow popup && popup.isShowing()) {
                javafx.scene.SnapshotParameters clear = new javafx.scene.SnapshotParameters();
                clear.setFill(javafx.scene.paint.Color.TRANSPARENT);
                java.awt.image.BufferedImage img = javafx.embed.swing.SwingFXUtils.fromFXImage(
                        popup.getScene().getRoot().snapshot(clear, null), null);
                g.drawImage(img, (int) Math.round(popup.getX() + popup.getScene().getX() - originX),
                        (int) Math.round(popup.getY() + popup.getScene().getY() - originY), null);
            }
        }
        g.dispose();
        try {
            javax.imageio.ImageIO.write(base, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
