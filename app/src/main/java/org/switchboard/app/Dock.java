package org.switchboard.app;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.switchboard.app.ui.Glyphs;

/**
 * The dock under the canvas: a 38 px tab bar (icon, label, optional count pill; the active tab underlined in the
 * accent colour) over the active tab's content. Today it holds Problems; later panels add their own tabs.
 */
public final class Dock extends VBox {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final HBox tabBar = new HBox();
    private final StackPane content = new StackPane();
    private final Map<String, Tab> tabs = new LinkedHashMap<>();

    public Dock() {
        getStyleClass().add("dock");
        tabBar.getStyleClass().add("dock-tabs");
        tabBar.setAlignment(Pos.BOTTOM_LEFT);
        content.getStyleClass().add("dock-content");
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(tabBar, content);
    }

    /** Adds {@code styleClass} to the tab's count pill while {@code when} holds (e.g. red while there are errors). */
    public void markCount(String id, String styleClass, ObservableBooleanValue when) {
        Node pill = lookup("#dock-count-" + id);
        if (pill == null) {
            return;
        }
        InvalidationListener update = o -> {
            pill.getStyleClass().remove(styleClass);
            if (when.get()) {
                pill.getStyleClass().add(styleClass);
            }
        };
        when.addListener(update);
        update.invalidated(when);
    }

    /**
     * Adds a tab.
     *
     * @param count     shown in a pill after the label when above zero; may be null
     * @param pillClass style of the pill, e.g. {@code warn}
     */
    public void addTab(String id, String icon, String label, Node body, ObservableIntegerValue count,
                       String pillClass) {
        HBox tab = new HBox(7, Glyphs.ui(icon, 15));
        tab.getStyleClass().add("dock-tab");
        tab.setId("dock-tab-" + id);
        tab.setAlignment(Pos.CENTER);
        Label text = new Label(label);
        text.getStyleClass().add("medium");
        tab.getChildren().add(text);
        if (count != null) {
            Label pill = new Label();
            pill.getStyleClass().addAll("count-pill", pillClass, "semibold");
            pill.setId("dock-count-" + id);
            pill.textProperty().bind(Bindings.createStringBinding(() -> Integer.toString(count.get()), count));
            pill.visibleProperty().bind(Bindings.createBooleanBinding(() -> count.get() > 0, count));
            pill.managedProperty().bind(pill.visibleProperty());
            tab.getChildren().add(pill);
        }
        tab.setOnMouseClicked(e -> select(id));
        tabs.put(id, new Tab(tab, body));
        tabBar.getChildren().add(tab);
        content.getChildren().add(body);
        if (tabs.size() == 1) {
            select(id);
        } else {
            body.setVisible(false);
        }
    }

    public void select(String id) {
        tabs.forEach((key, t) -> {
            boolean on = key.equals(id);
            t.header().pseudoClassStateChanged(SELECTED, on);
            t.body().setVisible(on);
        });
    }

    private record Tab(HBox header, Node body) {
    }
}
