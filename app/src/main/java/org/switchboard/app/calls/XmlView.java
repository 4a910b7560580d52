package org.switchboard.app.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

/**
 * An answer's XML for reading, as in the design's code panel: monospace, line numbers, laid out by {@link XmlPretty}
 * and lightly coloured (tags, attributes, values, punctuation; colours from the theme). A line longer than the panel
 * is wide wraps (a long URL at a slash, else where it must), indented under its start and without a number of its
 * own, so the panel need not scroll sideways. What it shows is for the eye only: the wrapping adds nothing but
 * whitespace, and {@link #original()} keeps the exact text answered, which Copy takes.
 */
final class XmlView extends ScrollPane {

    /** The code's font, as app.css sets it (.xml-piece), to know how many characters fit in a row. */
    private static final Font CODE_FONT = Font.font("Monospaced", 11);
    /** What the code's rows lose besides the line numbers: the padding, the gap and a scroll bar (px). */
    private static final double CHROME = 8 + 8 + 10 + 10;
    private static final int MIN_COLUMNS = 24;

    private final double charWidth = charWidth();
    private final TextFlow numbers = new TextFlow();
    private final TextFlow code = new TextFlow();
    private final Text lineNumbersText = new Text();
    private List<List<XmlPretty.Span>> lines = List.of();
    private int columns = Integer.MAX_VALUE;
    private String original = "";
    private String shown = "";

    XmlView() {
        getStyleClass().add("xml-view");
        numbers.getStyleClass().add("xml-line-numbers");
        numbers.setTextAlignment(TextAlignment.RIGHT);
        lineNumbersText.getStyleClass().add("xml-line-number");
        code.getStyleClass().add("xml-code");
        HBox content = new HBox(10, numbers, code);
        content.getStyleClass().add("xml-content");
        content.setAlignment(Pos.TOP_LEFT);
        setContent(content);
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED); // only when too narrow to wrap sensibly
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        // from the panel's width, not the viewport's: a scroll bar coming and going must not wrap the text anew
        widthProperty().addListener((o, a, b) -> {
            if (fit() != columns) {
                render();
            }
        });
    }

    /** How many characters fit in a row of the code (no wrapping when too few). */
    private int fit() {
        double room = getWidth() - CHROME - gutter();
        int cols = (int) Math.floor(room / charWidth);
        return cols < MIN_COLUMNS ? Integer.MAX_VALUE : cols;
    }

    /** The width of the line numbers: as many digits as the last one has (two at least). */
    private double gutter() {
        return Math.max(2, String.valueOf(lines.size()).length()) * charWidth;
    }

    /** Shows {@code xml} (null or empty: nothing). */
    void show(String xml) {
        original = xml == null ? "" : xml;
        lines = XmlPretty.lines(original);
        shown = XmlPretty.text(lines);
        render();
        setVvalue(0);
        setHvalue(0);
    }

    private void render() {
        columns = fit();
        numbers.setMinWidth(gutter());
        List<Piece> pieces = new ArrayList<>();
        StringBuilder lineNumbers = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                pieces.add(piece("\n", XmlPretty.Kind.TEXT));
                lineNumbers.append('\n');
            }
            lineNumbers.append(i + 1);
            int rows = wrap(lines.get(i), pieces);
            lineNumbers.append("\n".repeat(rows - 1)); // the rows a wrapped line adds have no number
        }
        // the pieces shown stay and only change their text (and class, where it differs): new nodes would have their
        // style looked up anew, on every push of a followed call
        javafx.collections.ObservableList<javafx.scene.Node> shownPieces = code.getChildren();
        boolean added = pieces.size() > shownPieces.size();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (i < shownPieces.size()) {
                Text t = (Text) shownPieces.get(i);
                t.setText(p.text());
                if (!p.styleClass().equals(t.getStyleClass().get(1))) {
                    t.getStyleClass().set(1, p.styleClass());
                }
            } else {
                shownPieces.add(p.make());
            }
        }
        if (shownPieces.size() > pieces.size()) {
            shownPieces.remove(pieces.size(), shownPieces.size());
        }
        lineNumbersText.setText(lineNumbers.toString());
        if (lines.isEmpty() == numbers.getChildren().contains(lineNumbersText)) {
            numbers.getChildren().setAll(lines.isEmpty() ? List.of() : List.of(lineNumbersText));
            added |= !lines.isEmpty();
        }
        if (added && getScene() != null) {
            getContent().applyCss(); // styled now, not a pulse later (the text is small)
        }
    }

    /** A piece of a row: its text and its colour's style class. */
    private record Piece(String text, String styleClass) {
        Text make() {
            Text t = new Text(text);
            t.getStyleClass().addAll("xml-piece", styleClass);
            return t;
        }
    }

    /** Adds one line's pieces, wrapped to the columns that fit; returns how many rows it took. */
    private int wrap(List<XmlPretty.Span> line, List<Piece> pieces) {
        int indent = 0;
        if (!line.isEmpty()) {
            String first = line.get(0).text();
            while (indent < first.length() && first.charAt(indent) == ' ') {
                indent++;
            }
        }
        int hanging = Math.min(indent + 4, columns / 2);
        int col = 0;
        int rows = 1;
        for (XmlPretty.Span s : line) {
            String rest = s.text();
            while (col + rest.length() > columns) {
                int cut = breakAt(rest, columns - col);
                if (col > hanging && rest.length() <= columns - hanging) {
                    cut = 0; // a short piece (an attribute's name) moves whole to the next row
                } else if (cut <= 0 && col > hanging) {
                    cut = 0; // nothing of it fits here: start a new row
                } else if (cut <= 0) {
                    cut = Math.max(1, columns - col);
                }
                if (cut > 0) {
                    pieces.add(piece(rest.substring(0, cut), s.kind()));
                    rest = rest.substring(cut);
                }
                pieces.add(piece("\n" + " ".repeat(hanging), XmlPretty.Kind.TEXT));
                col = hanging;
                rows++;
            }
            if (!rest.isEmpty()) {
                pieces.add(piece(rest, s.kind()));
                col += rest.length();
            }
        }
        return rows;
    }

    /** Where to cut {@code text} to fit {@code room} characters: after a slash, ?, & or space near the end. */
    private static int breakAt(String text, int room) {
        if (room <= 0) {
            return 0;
        }
        int limit = Math.min(room, text.length());
        for (int i = limit; i > Math.max(limit / 2, limit - 16); i--) {
            char c = text.charAt(i - 1);
            if (c == '/' || c == '?' || c == '&' || c == ' ') {
                return i;
            }
        }
        return limit;
    }

    /** The exact text answered. */
    String original() {
        return original;
    }

    /** The text as laid out on screen, before wrapping. */
    String shownText() {
        return shown;
    }

    private static Piece piece(String text, XmlPretty.Kind kind) {
        return new Piece(text, "xml-" + kind.name().toLowerCase(Locale.ROOT));
    }

    private static double charWidth() {
        Text t = new Text("0".repeat(40));
        t.setFont(CODE_FONT);
        return t.getLayoutBounds().getWidth() / 40;
    }
}
