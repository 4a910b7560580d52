package org.switchboard.app.inspector;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The inspector header: a 34 px tile, a title (14/600) and a muted subtitle. */
final class Header extends HBox {

    private final Label title = new Label();
    private final Label subtitle = new Label();

    Header(Node tile, String titleText, String subtitleText) {
        getStyleClass().add("inspector-head");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(11);
        title.getStyleClass().addAll("inspector-title", "semibold");
        title.setId("inspector-title");
        subtitle.getStyleClass().add("inspector-subtitle");
        VBox text = new VBox(1, title, subtitle);
        text.setMinWidth(0);
        getChildren().addAll(tile, text);
        set(titleText, subtitleText);
    }

    void set(String titleText, String subtitleText) {
        title.setText(titleText);
        subtitle.setText(subtitleText);
    }
}
