package org.switchboard.app;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Not a test: makes the README screenshots (docs/images/main-{light,dark}-{en,de}.png, 1440×900) of the main
 * window with the family menu sample open, its "Main menu" selected and Anna's number typed without the country
 * code, as in the design mockup. Run on purpose:
 * {@code mvn -B -o -pl app -am test -Dtest=DocScreenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DocScreenshots extends FxThreadRobot {

    @Test
    void screenshots() throws Exception {
        Path out = AppHarness.screenshotFolder();
        Path sample = AppHarness.FAMILY_MENU;
        AppHarness.eachLook((theme, lang) -> {
            AppHarness harness = AppHarness.inLook(theme, lang);
            MainWindow w = harness.start(sample.toString());
            interact(() -> {
                w.document().apply("Set number", f -> f.updateNode("anna",
                        n -> n.withProperty("numbers", List.of("0151 2345678"))));
                w.document().select(List.of("menu"));
            });
            AppHarness.settle();
            Path file = out.resolve("main-" + theme + "-" + lang + ".png");
            interact(() -> AppHarness.writePng(w.stage().getScene().snapshot(null), file));
            interact(() -> w.document().reset(w.document().flow(), null, true));
            harness.stop();
        });
    }
}
