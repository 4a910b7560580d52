package org.switchboard.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.embed.swing.SwingFXUtils;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: makes the README screenshots (docs/images/main-{light,dark}-{en,de}.png, 1440×900) of the main
 * window with the family menu sample open, its "Main menu" selected and Anna's number typed without the country
 * code, as in the design mockup. Run on purpose:
 * {@code mvn -B -o -pl app -am test -Dtest=DocScreenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DocScreenshots extends FxRobot {

    @Test
    void screenshots() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "../docs/images")).toAbsolutePath();
        Files.createDirectories(out);
        Path sample = Path.of("../sample-flows/family-menu.json").toAbsolutePath();
        for (String theme : List.of("light", "dark")) {
            for (String lang : List.of("en", "de")) {
                Path home = Files.createTempDirectory("sb-shot");
                Files.writeString(home.resolve("settings.json"), "{\"language\": \"" + lang + "\", \"theme\": \""
                        + theme + "\", \"showWelcome\": false}", StandardCharsets.UTF_8);
                AppHarness harness = new AppHarness(home);
                MainWindow w = harness.start(sample.toString());
                interact(() -> {
                    w.document().apply("Set number", f -> f.updateNode("anna",
                            n -> n.withProperty("numbers", List.of("0151 2345678"))));
                    w.document().select(List.of("menu"));
                });
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(300);
                WaitForAsyncUtils.waitForFxEvents();
                Path file = out.resolve("main-" + theme + "-" + lang + ".png");
                interact(() -> {
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(w.stage().getScene().snapshot(null), null), "png",
                                file.toFile());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                interact(() -> w.document().reset(w.document().flow(), null, true));
                harness.stop();
            }
        }
    }
}
