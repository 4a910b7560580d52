package org.switchboard.app.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

/**
 * An answer's XML for reading, as in the design's code panel: monospace, line numbers, laid out by {@link XmlPretty}
 * and lightly coloured (tags, attributes, values, punctuation; colours from the theme). It scrolls both ways and never
 * wraps. What it shows is for the eye only: {@link #original()} keeps the exact text answered, which Copy takes.
 */
final class XmlView extends ScrollPane {

    private final TextFlow numbers = new TextFlow();
    private final TextFlow code = new TextFlow();
    private String original = "";
    private String shown = "";

    XmlView() {
        getStyleClass().add("xml-view");
        numbers.getStyleClass().add("xml-line-numbers");
        numbers.setTextAlignment(TextAlignment.RIGHT);
        numbers.setMinWidth(26);
        code.getStyleClass().add("xml-code");
        HBox content = new HBox(12, numbers, code);
        content.getStyleClass().add("xml-content");
        content.setAlignment(Pos.TOP_LEFT);
        setContent(content);
        setFitToHeight(true);
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
    }

    /** Shows {@code xml} (null or empty: nothing). */
    void show(String xml) {
        original = xml == null ? "" : xml;
        List<List<XmlPretty.Span>> lines = XmlPretty.lines(original);
        shown = XmlPretty.text(lines);
        List<Text> pieces = new ArrayList<>();
        StringBuilder lineNumbers = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                pieces.add(piece("\n", XmlPretty.Kind.TEXT));
                lineNumbers.append('\n');
            }
            lineNumbers.append(i + 1);
            for (XmlPretty.Span s : lines.get(i)) {
                pieces.add(piece(s.text(), s.kind()));
            }
        }
        code.getChildren().setAll(pieces);
        Text n = new Text(lineNumbers.toString());
        n.getStyleClass().add("xml-line-number");
        numbers.getChildren().setAll(lines.isEmpty() ? List.of() : List.of(n));
        setVvalue(0);
        setHvalue(0);
    }

    /** The exact text answered. */
    String original() {
        return original;
    }

    /** The text as laid out on screen. */
    String shownText() {
        return shown;
    }

    private static Text piece(String text, XmlPretty.Kind kind) {
        Text t = new Text(text);
        t.getStyleClass().addAll("xml-piece", "xml-" + kind.name().toLowerCase(Locale.ROOT));
        return t;
    }
}
