package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.ui.Action;
import org.switchboard.app.ui.MenuShortcut;

/**
 * Menus, toolbar and keys come from one set of actions: each key belongs to one action, a menu item shows its
 * action's key and state, the toolbar's tooltip names the same key, and pressing it does what the menu does.
 */
class ActionsTest extends AppWindowTest {

    private static List<MenuItem> items(List<MenuItem> in) {
        List<MenuItem> out = new ArrayList<>();
        for (MenuItem i : in) {
            out.add(i);
            if (i instanceof Menu m) {
                out.addAll(items(m.getItems()));
            }
        }
        return out;
    }

    @Test
    void everyKeyIsDefinedOnceAndMenusToolbarAndKeysShareTheActions() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        MainWindow w = harness.start(AppHarness.write(dir, "calls.json", AppHarness.callToDial()).toString());
        List<Action> actions = w.actions().all();

        Map<KeyCombination, Action> byKey = new HashMap<>();
        for (Action a : actions) {
            for (KeyCombination k : a.keys()) {
                Action before = byKey.put(k, a);
                assertTrue(before == null, k + " belongs to " + a + " and " + before);
            }
        }

        MenuBar bar = lookup("#menu-bar").queryAs(MenuBar.class);
        List<MenuItem> menuItems = items(new ArrayList<>(bar.getMenus()));
        menuItems.addAll(lookup("#zoom-button").queryAs(MenuButton.class).getItems());
        int fromActions = 0;
        for (MenuItem item : menuItems) {
            Action a = (Action) item.getProperties().get(Action.class);
            if (a == null) {
                assertTrue(item instanceof Menu || item.getAccelerator() == null,
                        item.getId() + " has a key but no action");
                continue;
            }
            fromActions++;
            assertEquals(a.keysInMenu() ? a.accelerator() : null, MenuShortcut.keysOf(item.getAccelerator()),
                    item.getId());
            assertEquals(a.text().getValue(), item.getText(), item.getId());
        }
        assertTrue(fromActions >= actions.size(), "every action is in a menu");
        for (Action a : actions) {
            assertTrue(menuItems.stream().anyMatch(i -> i.getProperties().get(Action.class) == a), a + " in a menu");
        }

        Button save = lookup("#toolbar-save").queryAs(Button.class);
        assertSame(w.actions().get("save"), save.getProperties().get(Action.class));
        assertEquals("Save (Ctrl S)", save.getTooltip().getText(), "the tooltip names the action's key");
        assertEquals("Ctrl Shift Z", w.actions().keysText("redo"));

        // undo's state and text follow the document in the menu and the toolbar alike
        MenuItem undo = menuItems.stream().filter(i -> "menu-undo".equals(i.getId())).findFirst().orElseThrow();
        Button undoButton = lookup("#toolbar-undo").queryAs(Button.class);
        assertTrue(undo.isDisable() && undoButton.isDisable(), "nothing to undo yet");
        interact(() -> w.document().apply("Rename flow", f -> f.withName("Renamed")));
        assertFalse(undo.isDisable() || undoButton.isDisable());
        assertEquals("Undo Rename flow", undo.getText());

        // the key does what the menu does, also while a text field has the focus
        interact(() -> w.document().select(List.of("dial1")));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#node-name");
        push(KeyCode.SHORTCUT, KeyCode.Z);
        assertEquals("Test", w.document().flow().name(), "undone by the key");
        assertTrue(undo.isDisable() && undoButton.isDisable());

        // a canvas action's key works on the canvas, from the same action object as its menu item
        interact(() -> w.canvas().requestFocus());
        push(KeyCode.SHORTCUT, KeyCode.A);
        assertEquals(2, w.document().selectedNodes().size(), "Ctrl A selected all");
        assertNotNull(menuItems.stream().filter(i -> "menu-select-all".equals(i.getId())).findFirst().orElseThrow()
                .getProperties().get(Action.class));
    }
}
