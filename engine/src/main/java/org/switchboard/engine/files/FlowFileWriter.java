package org.switchboard.engine.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * Writes a {@link FlowDto} as the documented file format with Jackson's generator: two-space indentation, keys in a
 * fixed order (known keys first, unknown ones after in their own order), wires and short lists of plain values on
 * one line each (see {@link #isFlat}) so that files read and diff well, UTF-8 and a trailing newline. The same flow
 * always gives the same bytes.
 */
final class FlowFileWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.NONE)
            .withArrayValueSpacing(Separators.Spacing.NONE)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");

    private static final Separators INLINE_SEPARATORS = SEPARATORS
            .withObjectEntrySpacing(Separators.Spacing.AFTER)
            .withArrayValueSpacing(Separators.Spacing.AFTER);

    private static final int MAX_INLINE = 100;

    private FlowFileWriter() {
    }

    static void write(FlowDto flow, OutputStream out) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(SEPARATORS)
                .withObjectIndenter(indenter).withArrayIndenter(indenter);
        try (JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            gen.setPrettyPrinter(pretty);
            gen.writeStartObject();
            gen.writeNumberField("formatVersion", flow.formatVersion());
            gen.writeStringField("name", flow.name());
            gen.writeArrayFieldStart("nodes");
            for (NodeDto node : flow.nodes()) {
                writeNode(gen, node);
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("wires");
            for (WireDto wire : flow.wires()) {
                gen.writeRawValue(inline(g -> {
                    g.writeStartObject();
                    g.writeStringField("from", wire.from());
                    g.writeStringField("port", wire.port());
                    g.writeStringField("to", wire.to());
                    g.writeEndObject();
                }));
            }
            gen.writeEndArray();
            writeExtra(gen, flow.extra(), FlowDto.KEYS, "");
            gen.writeEndObject();
            gen.writeRaw('\n');
        }
    }

    private static void writeNode(JsonGenerator gen, NodeDto node) throws IOException {
        String where = "node '" + node.id() + "'";
        gen.writeStartObject();
        gen.writeStringField("id", node.id());
        gen.writeStringField("type", node.type());
        gen.writeStringField("name", node.name());
        gen.writeFieldName("x");
        writeCoordinate(gen, node.x(), where);
        gen.writeFieldName("y");
        writeCoordinate(gen, node.y(), where);
        gen.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> e : node.properties().entrySet()) {
            gen.writeFieldName(e.getKey());
            writeValue(gen, e.getValue(), where);
        }
        gen.writeEndObject();
        writeExtra(gen, node.extra(), FlowDto.NODE_KEYS, where);
        gen.writeEndObject();
    }

    private static void writeExtra(JsonGenerator gen, Map<String, Object> extra, Set<String> reserved, String where)
            throws IOException {
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            // A known key in extra would be written twice and make the file unreadable; it cannot come from a file.
            if (!reserved.contains(e.getKey())) {
                gen.writeFieldName(e.getKey());
                writeValue(gen, e.getValue(), where);
            }
        }
    }

    private static void writeCoordinate(JsonGenerator gen, double v, String where) throws IOException {
        checkFinite(v, where);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            gen.writeNumber((long) v);
        } else {
            gen.writeNumber(v);
        }
    }

    private static void checkFinite(double v, String where) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IOException("cannot save " + where + ": " + v + " is not a number JSON can hold");
        }
    }

    /** Writes a JSON-like value; lists and objects of plain values go on one line when short. */
    private static void writeValue(JsonGenerator gen, Object value, String where) throws IOException {
        if ((value instanceof List<?> || value instanceof Map<?, ?>) && isFlat(value)) {
            String inline = inline(g -> writePlain(g, value, where));
            if (inline.length() <= MAX_INLINE) {
                gen.writeRawValue(inline);
                return;
            }
        }
        writePlain(gen, value, where);
    }

    private static void writePlain(JsonGenerator gen, Object value, String where) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof String s) {
            gen.writeString(s);
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof Long l) {
            gen.writeNumber(l);
        } else if (value instanceof Double d) {
            checkFinite(d, where);
            gen.writeNumber(d);
        } else if (value instanceof Number n) {
            gen.writeNumber(n.toString());
        } else if (value instanceof List<?> list) {
            gen.writeStartArray();
            for (Object item : list) {
                writeValue(gen, item, where);
            }
            gen.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                gen.writeFieldName(String.valueOf(e.getKey()));
                writeValue(gen, e.getValue(), where);
            }
            gen.writeEndObject();
        } else {
            gen.writeString(value.toString());
        }
    }

    /**
     * Whether a value may go on one line: a list of plain values, or an object whose members are plain values or
     * such lists. Lists of objects (Switch rules) always get one line per entry.
     */
    private static boolean isFlat(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Object o : map.values()) {
                if (o instanceof Map<?, ?> || (o instanceof List<?> && !isFlat(o))) {
                    return false;
                }
            }
            return true;
        }
        for (Object o : (List<?>) value) {
            if (o instanceof List<?> || o instanceof Map<?, ?>) {
                return false;
            }
        }
        return true;
    }

    private interface Body {
        void write(JsonGenerator gen) throws IOException;
    }

    private static String inline(Body body) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(sw)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter(INLINE_SEPARATORS)
                    .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
                    .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter()));
            body.write(g);
        }
        return sw.toString();
    }
}
