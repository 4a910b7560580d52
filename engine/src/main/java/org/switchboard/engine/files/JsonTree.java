package org.switchboard.engine.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import org.switchboard.engine.flow.Values;

/**
 * A JSON tree that remembers where each value started (line and column), read with Jackson's streaming parser.
 * Jackson's own tree model forgets locations, but every structural error in a flow file has to name its line and
 * column, so the loaders map from this tree instead. Values are the JSON-like types of {@link Values}.
 */
final class JsonTree {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonTree() {
    }

    /** Where a value (or key) starts; 1-based. */
    record Loc(int line, int column) {
        static Loc of(JsonLocation l) {
            return l == null ? new Loc(0, 0) : new Loc(l.getLineNr(), l.getColumnNr());
        }
    }

    /** Any JSON value with its location. */
    sealed interface Node permits Obj, Arr, Scalar {
        Loc loc();
    }

    /** An object; field order is the file's. */
    record Obj(Map<String, Node> fields, Map<String, Loc> keyLocs, Loc loc) implements Node {
        Node get(String key) {
            return fields.get(key);
        }

        boolean has(String key) {
            return fields.containsKey(key);
        }
    }

    record Arr(List<Node> items, Loc loc) implements Node {
    }

    /** A string, number ({@code Long} or {@code Double}), boolean or null (then {@code value} is null). */
    record Scalar(Object value, Loc loc) implements Node {
    }

    /** Parses one JSON document; every syntax error becomes a one-line {@link FlowFileException}. */
    static Node parse(String json, String source) throws FlowFileException {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text.isBlank()) {
            throw new FlowFileException(source, "the file is empty");
        }
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(text);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new FlowFileException(source, "the file is empty");
            }
            Node root = read(parser, source);
            JsonToken after = parser.nextToken();
            if (after != null) {
                Loc loc = Loc.of(parser.currentTokenLocation());
                throw new FlowFileException(source, loc.line(), loc.column(), "",
                        "unexpected content after the end of the JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            Loc loc = Loc.of(e.getLocation());
            throw new FlowFileException(source, loc.line(), loc.column(), parser == null ? "" : pathOf(parser),
                    plainSyntaxMessage(e.getOriginalMessage()));
        } catch (IOException e) {
            // Reading from a String cannot fail with I/O; keep the message plain anyway.
            throw new FlowFileException(source, "cannot be read as JSON");
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // nothing was opened that could leak
                }
            }
        }
    }

    private static Node read(JsonParser p, String source) throws IOException, FlowFileException {
        Loc loc = Loc.of(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> fields = new LinkedHashMap<>();
                Map<String, Loc> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Loc keyLoc = Loc.of(p.currentTokenLocation());
                    if (fields.containsKey(name)) {
                        throw new FlowFileException(source, keyLoc.line(), keyLoc.column(), pathOf(p),
                                "the key \"" + name + "\" appears twice in the same object (first at line "
                                        + keys.get(name).line() + ")");
                    }
                    p.nextToken();
                    keys.put(name, keyLoc);
                    fields.put(name, read(p, source));
                }
                return new Obj(Collections.unmodifiableMap(fields), Collections.unmodifiableMap(keys), loc);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, source));
                }
                return new Arr(Collections.unmodifiableList(items), loc);
            }
            case VALUE_STRING:
                return new Scalar(p.getText(), loc);
            case VALUE_NUMBER_INT:
                return new Scalar(p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? Values.freeze(p.getBigIntegerValue()) : (Object) p.getLongValue(), loc);
            case VALUE_NUMBER_FLOAT: {
                double d = p.getDoubleValue();
                if (Double.isInfinite(d) || Double.isNaN(d)) {
                    throw new FlowFileException(source, loc.line(), loc.column(), pathOf(p),
                            "the number " + p.getText() + " is too large");
                }
                return new Scalar(d, loc);
            }
            case VALUE_TRUE:
                return new Scalar(Boolean.TRUE, loc);
            case VALUE_FALSE:
                return new Scalar(Boolean.FALSE, loc);
            case VALUE_NULL:
                return new Scalar(null, loc);
            default:
                throw new FlowFileException(source, loc.line(), loc.column(), pathOf(p),
                        "unexpected " + t.asString());
        }
    }

    /** The JSON path of the parser's current position, e.g. {@code nodes[2].x}. */
    private static String pathOf(JsonParser p) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                sb.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.getCurrentName() != null) {
                appendKey(sb, c.getCurrentName());
            }
        }
        return sb.toString();
    }

    /** Appends {@code .key}, or {@code ["key"]} when the key is not a plain word. */
    static StringBuilder appendKey(StringBuilder sb, String key) {
        if (key.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(key);
        } else {
            sb.append("[\"").append(key.replace("\"", "\\\"")).append("\"]");
        }
        return sb;
    }

    static String child(String path, String key) {
        return appendKey(new StringBuilder(path), key).toString();
    }

    static String child(String path, int index) {
        return path + "[" + index + "]";
    }

    // ---- plain values ----

    /** The value as plain JSON-like Java data ({@code String}, {@code Long}, {@code Double}, ...). */
    static Object plain(Node node) {
        if (node instanceof Scalar s) {
            return s.value();
        }
        if (node instanceof Arr a) {
            List<Object> list = new ArrayList<>(a.items().size());
            a.items().forEach(i -> list.add(plain(i)));
            return list;
        }
        Obj o = (Obj) node;
        Map<String, Object> map = new LinkedHashMap<>();
        o.fields().forEach((k, v) -> map.put(k, plain(v)));
        return map;
    }

    /** How a value looks to a user, for "expected ..., found ..." messages. */
    static String describe(Node node) {
        if (node instanceof Obj) {
            return "an object";
        }
        if (node instanceof Arr) {
            return "a list";
        }
        Object v = ((Scalar) node).value();
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            String shown = s.length() > 40 ? s.substring(0, 37) + "..." : s;
            return "\"" + shown.replace("\n", "\\n") + "\"";
        }
        return Values.asText(v);
    }

    static FlowFileException error(String source, Node at, String path, String problem) {
        return new FlowFileException(source, at.loc().line(), at.loc().column(), path, problem);
    }

    // ---- Jackson's syntax messages in plain words ----

    private static final Pattern CHAR = Pattern.compile("^Unexpected character \\(('.*?') \\(code \\d+\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '(.*?)'");
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'");

    static String plainSyntaxMessage(String original) {
        String m = original == null ? "" : original.split("\n", 2)[0];
        if (m.startsWith("Unexpected end-of-input")) {
            return m.contains("closing quote") ? "the file ends inside a text value; a closing \" is missing"
                    : "the file ends too early; a closing } or ] is missing";
        }
        Matcher c = CHAR.matcher(m);
        if (c.find()) {
            String found = c.group(1);
            if (m.contains("double-quote to start field name")) {
                return "expected a key in double quotes, found " + found
                        + ("'}'".equals(found) ? " (is there a comma too many?)" : "");
            }
            if (m.contains("comma to separate Object entries")) {
                return "expected a comma or }, found " + found;
            }
            if (m.contains("comma to separate Array entries")) {
                return "expected a comma or ], found " + found;
            }
            if (m.contains("colon to separate field name and value")) {
                return "expected a colon after the key, found " + found;
            }
            if (m.contains("expected a valid value")) {
                return "expected a value, found " + found
                        + ("']'".equals(found) ? " (is there a comma too many?)" : "");
            }
            return "unexpected character " + found;
        }
        Matcher t = TOKEN.matcher(m);
        if (t.find()) {
            return "unknown word '" + t.group(1) + "'; text must be written in double quotes";
        }
        Matcher cl = CLOSE.matcher(m);
        if (cl.find()) {
            return "found '" + cl.group(1) + "' where '" + cl.group(2) + "' was expected";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a text value contains a line break or control character; write it as \\n";
        }
        if (m.contains("Leading zeroes not allowed")) {
            return "numbers must not start with 0";
        }
        if (m.startsWith("Non-standard token")) {
            return "NaN and Infinity are not allowed in JSON";
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "unknown escape sequence in a text value (use \\\\ for a backslash)";
        }
        String plain = m.replaceAll(" \\(code \\d+\\)", "").trim();
        if (plain.isEmpty()) {
            return "not valid JSON";
        }
        return plain.substring(0, 1).toLowerCase(Locale.ROOT) + plain.substring(1);
    }
}
