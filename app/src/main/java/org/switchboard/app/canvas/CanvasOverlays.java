package org.switchboard.app.canvas;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.icons.NodeIcons;

/**
 * The small floating things on the canvas that are not the flow: the zoom buttons card (+ / − / fit) and the
 * shortcut hint in the bottom left corner. They are built here and positioned by {@link FlowCanvas}.
 */
final class CanvasOverlays {

    private CanvasOverlays() {
    }

    static VBox zoomControls(Runnable zoomIn, Runnable zoomOut, Runnable fit) {
        VBox box = new VBox(
                button("zoom-in", "plus", "canvas.zoom.in", zoomIn),
                button("zoom-out", "minus", "canvas.zoom.out", zoomOut),
                button("zoom-fit", "fit", "canvas.zoom.fit", fit));
        box.getStyleClass().add("zoom-controls");
        box.setId("zoom-controls");
        box.setFillWidth(true);
        return box;
    }

    private static Button button(String id, String icon, String tooltipKey, Runnable action) {
        Button b = new Button();
        b.setGraphic(NodeIcons.ui(icon, 16));
        b.getStyleClass().setAll("zoom-button");
        b.setId(id);
        b.setFocusTraversable(false);
        LazyTooltip.install(b, AppTexts.get(tooltipKey));
        b.setOnAction(e -> action.run());
        return b;
    }

    static HBox hint() {
        Label key = new Label(AppTexts.get("canvas.hint.space"));
        key.getStyleClass().add("kbd");
        Label text = new Label(AppTexts.get("canvas.hint.text"));
        text.getStyleClass().add("canvas-hint-text");
        HBox box = new HBox(key, text);
        box.getStyleClass().add("canvas-hint");
        box.setId("canvas-hint");
        box.setMouseTransparent(true);
        return box;
    }
}
