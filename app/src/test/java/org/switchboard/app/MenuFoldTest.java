package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.app.LoopbackSipgate.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Short of room, the window's menus fold into one button (≡); with room again they are back in their bar. */
class MenuFoldTest extends AppWindowTest {

    private MenuBar bar() {
        return lookup("#menu-bar").queryAs(MenuBar.class);
    }

    private MenuButton fold() {
        return lookup("#menu-fold").queryAs(MenuButton.class);
    }

    @Test
    void theMenusFoldWhenTheToolbarIsShortOfRoomAndStayUsable() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("settings.json"),
                "{\"language\": \"de\", \"theme\": \"light\", \"showWelcome\": false}", StandardCharsets.UTF_8);
        harness = new AppHarness(home);
        MainWindow w = harness.start(Path.of("../sample-flows/family-menu.json").toAbsolutePath().toString());
        interact(() -> w.stage().setWidth(1440));
        waitFor("the menus in their bar", () -> bar().isVisible() && !fold().isVisible());
        assertEquals(5, bar().getMenus().size());

        interact(() -> w.stage().setWidth(1000));
        waitFor("the menus folded", () -> fold().isVisible() && !bar().isVisible());
        assertEquals(List.of("Datei", "Bearbeiten", "Ansicht", "Ausführen", "Hilfe"),
                fold().getItems().stream().map(MenuItem::getText).toList());
        assertTrue(bar().getMenus().isEmpty());
        assertEquals("Menü", fold().getTooltip().getText());

        // the items are the same (ids, actions): View → Zoom in from the folded menu
        double zoom = w.canvas().zoomProperty().get();
        clickOn("#menu-fold");
        clickOn("Ansicht");
        clickOn("#menu-zoom-in");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.canvas().zoomProperty().get() > zoom, "zoomed in from the folded menu");

        // keys work as before
        interact(() -> w.document().apply("Rename flow", f -> f.withName("Renamed")));
        clickOn("#canvas");
        push(KeyCode.SHORTCUT, KeyCode.Z);
        assertFalse("Renamed".equals(w.document().flow().name()), "undone by the key while folded");

        interact(() -> w.stage().setWidth(1440));
        waitFor("the menus back in their bar", () -> bar().isVisible() && !fold().isVisible());
        assertEquals(5, bar().getMenus().size());
        assertTrue(fold().getItems().isEmpty());
        AppHarness.settle();
        clickOn(from(lookup("#menu-bar").<javafx.scene.Node>query())
                .lookup((javafx.scene.control.Labeled l) -> "Datei".equals(l.getText())).<javafx.scene.Node>query());
        waitFor("File open from the bar again", () -> lookup("#menu-save").tryQuery().isPresent());
        push(KeyCode.ESCAPE);
    }
}
