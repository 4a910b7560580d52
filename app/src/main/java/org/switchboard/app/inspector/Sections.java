package org.switchboard.app.inspector;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.switchboard.app.ui.Glyphs;

/** Small building blocks of the inspector body: sections with a title, help lines and the tip callout. */
final class Sections {

    private Sections() {
    }

    /** A section: 18 px apart from the next, with a divider between (CSS {@code .section}). */
    static VBox section(String title, Node... content) {
        VBox box = new VBox(8);
        box.getStyleClass().add("section");
        if (title != null) {
            Label t = new Label(title);
            t.getStyleClass().addAll("section-title", "semibold");
            box.getChildren().add(t);
        }
        box.getChildren().addAll(content);
        return box;
    }

    static Label help(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("help");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** The accent-soft tip box with an info icon. */
    static Label callout(String text) {
        Label l = new Label(text, Glyphs.ui("info", 15));
        l.getStyleClass().add("callout");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** A VBox of sections (the inspector body). */
    static VBox body(Node... sections) {
        VBox body = new VBox();
        body.getStyleClass().add("inspector-body");
        body.getChildren().addAll(sections);
        if (sections.length > 0) {
            // JavaFX CSS has no :first-child; the first section has no divider above it
            sections[0].getStyleClass().add("first");
        }
        return body;
    }
}
