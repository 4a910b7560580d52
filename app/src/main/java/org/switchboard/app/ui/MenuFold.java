package org.switchboard.app.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;

/**
 * The window's menus, folded into one menu button (≡) while the toolbar is short of room (a long language, the
 * online part at the right), and back in their bar once there is room again. The same menus move (they are not
 * copied), so their items keep their ids, actions and keys. Watch the toolbar before anything else that gives way
 * when it is short, so the menus fold first.
 */
public final class MenuFold {

    private final Region bar;
    private final MenuBar menus;
    private final MenuButton folded;
    private double menusWidth;

    private MenuFold(Region bar, MenuBar menus, MenuButton folded) {
        this.bar = bar;
        this.menus = menus;
        this.folded = folded;
    }

    /**
     * Watches {@code bar}'s width and its parts' widths (a part at the right may grow, e.g. when going online);
     * {@code folded} (hidden until needed) takes {@code menus}' menus while the bar is short of room.
     */
    public static void watch(Region bar, MenuBar menus, MenuButton folded) {
        MenuFold f = new MenuFold(bar, menus, folded);
        show(folded, false);
        bar.widthProperty().addListener((o, was, now) -> f.fitLater());
        bar.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) c -> {
            while (c.next()) {
                for (Node n : c.getAddedSubList()) {
                    if (n instanceof Region r && n != menus && n != folded) {
                        r.widthProperty().addListener((o, was, now) -> f.fitLater());
                    }
                }
            }
        });
    }

    private void fitLater() {
        Platform.runLater(() -> {
            if (bar.getWidth() <= 0) {
                return;
            }
            if (!folded.isVisible()) {
                // a system menu bar (macOS) takes no room here and stays where it is
                if (menus.prefWidth(-1) > 0 && bar.prefWidth(-1) > bar.getWidth() + 0.5) {
                    menusWidth = menus.prefWidth(-1);
                    List<Menu> moving = new ArrayList<>(menus.getMenus());
                    menus.getMenus().clear();
                    folded.getItems().setAll(new ArrayList<MenuItem>(moving));
                    show(menus, false);
                    show(folded, true);
                }
            } else if (bar.prefWidth(-1) - folded.prefWidth(-1) + menusWidth <= bar.getWidth()) {
                List<Menu> moving = new ArrayList<>();
                folded.getItems().forEach(i -> moving.add((Menu) i));
                folded.getItems().clear();
                menus.getMenus().setAll(moving);
                show(folded, false);
                show(menus, true);
            }
        });
    }

    private static void show(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }
}
