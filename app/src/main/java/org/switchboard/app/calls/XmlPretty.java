package org.switchboard.app.calls;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out an answer's XML for reading: one element per line, indented by two spaces a level, an element holding only
 * text on one line, and a start tag that would run long with each attribute on a line of its own. Every piece of a
 * line says what it is (tag, attribute, value, text, ...) for light colouring. Nothing is unescaped or reordered: the
 * pieces are the original characters, only the whitespace between elements changes. Anything it cannot follow
 * (a tag left open, a close tag that matches no open one, ...) comes back as the original lines, unchanged: this never
 * throws on odd input.
 */
final class XmlPretty {

    /** What a piece of a line is. */
    enum Kind { PUNCT, TAG, ATTR, VALUE, TEXT, COMMENT }

    /** A piece of a line. */
    record Span(String text, Kind kind) {
    }

    /** A start tag longer than this puts its attributes on lines of their own. */
    static final int LONG_TAG = 64;
    private static final String INDENT = "  ";

    private XmlPretty() {
    }

    /** The lines to show: laid out when the XML can be followed, else the original lines as they are. */
    static List<List<Span>> lines(String xml) {
        if (xml == null || xml.isEmpty()) {
            return List.of();
        }
        try {
            List<List<Span>> laidOut = layout(tokens(xml));
            if (laidOut != null && !laidOut.isEmpty()) {
                return laidOut;
            }
        } catch (RuntimeException oddInput) {
            // shown as it came, below
        }
        return raw(xml);
    }

    /** The shown text: the lines joined with line breaks. */
    static String text(List<List<Span>> lines) {
        StringBuilder b = new StringBuilder();
        for (List<Span> line : lines) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            line.forEach(s -> b.append(s.text()));
        }
        return b.toString();
    }

    private static List<List<Span>> raw(String xml) {
        List<List<Span>> out = new ArrayList<>();
        for (String line : xml.split("\r\n|\r|\n", -1)) {
            out.add(List.of(new Span(line, Kind.TEXT)));
        }
        return out;
    }

    // ------------------------------------------------------------------ tokens

    private enum Type { START, EMPTY, END, TEXT, PI, COMMENT }

    private record Attr(String name, String value) {
    }

    private record Token(Type type, String name, List<Attr> attrs, String text) {
    }

    /** The tokens, or null when a tag is left open. */
    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (s.charAt(i) != '<') {
                int next = s.indexOf('<', i);
                int end = next < 0 ? n : next;
                out.add(new Token(Type.TEXT, null, List.of(), s.substring(i, end)));
                i = end;
            } else if (s.startsWith("<!--", i) || s.startsWith("<![CDATA[", i) || s.startsWith("<!", i)) {
                String close = s.startsWith("<!--", i) ? "-->" : s.startsWith("<![CDATA[", i) ? "]]>" : ">";
                int end = s.indexOf(close, i + 2);
                if (end < 0) {
                    return null;
                }
                end += close.length();
                Type type = s.startsWith("<![CDATA[", i) ? Type.TEXT : Type.COMMENT;
                out.add(new Token(type, null, List.of(), s.substring(i, end)));
                i = end;
            } else if (s.startsWith("</", i)) {
                int end = s.indexOf('>', i);
                if (end < 0) {
                    return null;
                }
                out.add(new Token(Type.END, s.substring(i + 2, end).strip(), List.of(), null));
                i = end + 1;
            } else {
                boolean pi = s.startsWith("<?", i);
                int at = i + (pi ? 2 : 1);
                int nameEnd = at;
                while (nameEnd < n && !Character.isWhitespace(s.charAt(nameEnd))
                        && "/>?<=\"'".indexOf(s.charAt(nameEnd)) < 0) {
                    nameEnd++;
                }
                if (nameEnd == at) {
                    return null;
                }
                String name = s.substring(at, nameEnd);
                List<Attr> attrs = new ArrayList<>();
                int p = nameEnd;
                while (true) {
                    p = skipSpace(s, p);
                    if (p >= n) {
                        return null;
                    }
                    if (pi && s.startsWith("?>", p)) {
                        out.add(new Token(Type.PI, name, attrs, null));
                        i = p + 2;
                        break;
                    }
                    if (!pi && s.startsWith("/>", p)) {
                        out.add(new Token(Type.EMPTY, name, attrs, null));
                        i = p + 2;
                        break;
                    }
                    if (!pi && s.charAt(p) == '>') {
                        out.add(new Token(Type.START, name, attrs, null));
                        i = p + 1;
                        break;
                    }
                    int eq = p;
                    while (eq < n && s.charAt(eq) != '=' && !Character.isWhitespace(s.charAt(eq))
                            && "<>/?\"'".indexOf(s.charAt(eq)) < 0) {
                        eq++;
                    }
                    String attr = s.substring(p, eq);
                    eq = skipSpace(s, eq);
                    if (attr.isEmpty() || eq >= n || s.charAt(eq) != '=') {
                        return null;
                    }
                    int q = skipSpace(s, eq + 1);
                    if (q >= n || (s.charAt(q) != '"' && s.charAt(q) != '\'')) {
                        return null;
                    }
                    int qEnd = s.indexOf(s.charAt(q), q + 1);
                    if (qEnd < 0) {
                        return null;
                    }
                    attrs.add(new Attr(attr, s.substring(q, qEnd + 1)));
                    p = qEnd + 1;
                }
            }
        }
        return out;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    // ------------------------------------------------------------------ layout

    /** The laid-out lines, or null when the elements do not nest. */
    private static List<List<Span>> layout(List<Token> tokens) {
        if (tokens == null) {
            return null;
        }
        List<List<Span>> out = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            String indent = INDENT.repeat(open.size());
            switch (t.type()) {
                case TEXT -> {
                    if (!t.text().isBlank()) {
                        for (String part : t.text().strip().split("\r\n|\r|\n")) {
                            out.add(List.of(new Span(indent + part.strip(), Kind.TEXT)));
                        }
                    }
                }
                case COMMENT -> {
                    for (String part : t.text().split("\r\n|\r|\n")) {
                        out.add(List.of(new Span(indent + part.strip(), Kind.COMMENT)));
                    }
                }
                case PI -> out.addAll(tag(indent, "<?", t, "?>"));
                case EMPTY -> out.addAll(tag(indent, "<", t, "/>"));
                case END -> {
                    if (open.isEmpty() || !open.remove(open.size() - 1).equals(t.name())) {
                        return null;
                    }
                    out.add(closeTag(INDENT.repeat(open.size()), t.name()));
                }
                case START -> {
                    List<List<Span>> start = tag(indent, "<", t, ">");
                    Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
                    Token after = k + 2 < tokens.size() ? tokens.get(k + 2) : null;
                    if (next != null && next.type() == Type.END && next.name().equals(t.name())) {
                        start.get(start.size() - 1).addAll(closeTag("", t.name()));
                        k += 1;
                    } else if (next != null && next.type() == Type.TEXT && !next.text().contains("\n")
                            && after != null && after.type() == Type.END && after.name().equals(t.name())) {
                        List<Span> last = start.get(start.size() - 1);
                        last.add(new Span(next.text(), Kind.TEXT)); // the text exactly, spaces included
                        last.addAll(closeTag("", t.name()));
                        k += 2;
                    } else {
                        open.add(t.name());
                    }
                    out.addAll(start);
                }
                default -> throw new IllegalStateException(t.type().name());
            }
        }
        return open.isEmpty() ? out : null;
    }

    /** A start, empty or processing-instruction tag: on one line, or one attribute a line when it would run long. */
    private static List<List<Span>> tag(String indent, String open, Token t, String close) {
        int length = indent.length() + open.length() + t.name().length() + close.length();
        for (Attr a : t.attrs()) {
            length += 2 + a.name().length() + a.value().length();
        }
        boolean split = length > LONG_TAG && !t.attrs().isEmpty();
        List<List<Span>> lines = new ArrayList<>();
        List<Span> line = new ArrayList<>(List.of(new Span(indent + open, Kind.PUNCT), new Span(t.name(), Kind.TAG)));
        for (Attr a : t.attrs()) {
            if (split) {
                lines.add(line);
                line = new ArrayList<>(List.of(new Span(indent + INDENT + INDENT, Kind.TEXT)));
            } else {
                line.add(new Span(" ", Kind.TEXT));
            }
            line.add(new Span(a.name(), Kind.ATTR));
            line.add(new Span("=", Kind.PUNCT));
            line.add(new Span(a.value(), Kind.VALUE));
        }
        line.add(new Span(close, Kind.PUNCT));
        lines.add(line);
        return lines;
    }

    private static List<Span> closeTag(String indent, String name) {
        return new ArrayList<>(List.of(new Span(indent + "</", Kind.PUNCT), new Span(name, Kind.TAG),
                new Span(">", Kind.PUNCT)));
    }
}
