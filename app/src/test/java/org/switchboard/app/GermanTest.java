package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.i18n.AppTexts;

/** The window in German: key names, card type tags, the inspector's footer and the sample titles. */
class GermanTest extends AppWindowTest {


    private MainWindow start() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("settings.json"),
                "{\"language\": \"de\", \"theme\": \"light\", \"showWelcome\": false}", StandardCharsets.UTF_8);
        harness = new AppHarness(home);
        return harness.start(Path.of("../sample-flows/family-menu.json").toAbsolutePath().toString());
    }

    @Test
    void menusUseGermanKeyNames() throws Exception {
        start();
        clickOn("Datei");
        Set<String> texts = lookup(".accelerator-text").queryAll().stream().filter(Node::isVisible)
                .map(n -> ((Label) n).getText()).collect(Collectors.toSet());
        assertTrue(texts.contains("Strg+N"), texts.toString());
        assertTrue(texts.contains("Strg+Umschalt+S"), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.contains("Ctrl")), texts.toString());
        press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void typeTagsAreNotCutAndTheFooterFitsTheInspector() throws Exception {
        start();
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> tags = lookup(".node-type").queryAll().stream().map(n -> ((Text) n).getText())
                .collect(Collectors.toSet());
        assertTrue(tags.contains("Eingehender Anruf"), tags.toString());
        assertTrue(tags.stream().noneMatch(t -> t.endsWith("\u2026")), tags.toString());

        Node inspector = lookup("#inspector").query();
        Bounds box = inspector.localToScene(inspector.getLayoutBounds());
        for (Node label : lookup(".inspector-foot > .label").queryAll()) {
            Bounds b = label.localToScene(label.getLayoutBounds());
            assertTrue(b.getMaxX() <= box.getMaxX() - 12, ((Label) label).getText() + " ends at " + b.getMaxX()
                    + ", the inspector at " + box.getMaxX());
        }
    }

    @Test
    void samplesHaveGermanTitles() throws Exception {
        MainWindow w = start();
        interact(w::welcome);
        Set<String> names = lookup(".sample-name").queryAll().stream().map(n -> ((Label) n).getText())
                .collect(Collectors.toSet());
        assertEquals(Set.of("Familienmenü", "Aufs Handy weiterleiten", "Ablehnen oder Mailbox"), names);
        clickOn("#sample-family-menu");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, w.canvas().zoomProperty().get(), 1e-9, "the sample fits 1440\u00d7900 at 100 %");
        assertEquals(AppTexts.get("sample.family-menu.title"), w.document().flow().name());
        assertEquals("Familienmenü", w.document().flow().name());
        assertTrue(List.of("Anna", "Ben").stream().allMatch(n -> w.document().flow().nodes().stream()
                .anyMatch(x -> x.name().equals(n))), "the nodes keep the sample's names");
    }
}
