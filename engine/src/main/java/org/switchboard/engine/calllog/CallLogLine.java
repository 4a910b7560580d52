package org.switchboard.engine.calllog;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * One line of the call log as the reader needs it: read straight from the line's bytes by a streaming parser (no
 * JSON tree), or made from a runtime event by the live {@link CallTracker}, so both rebuild a call from the same
 * values. Text values are read as the tree reader did: a missing or null value is the default, a number or boolean
 * is its text, an object or array is empty text; of a field's list of values the first counts.
 *
 * @param type    {@code push}, {@code end} or a kind a newer version writes ("" when missing)
 * @param time    when the line was written (never null: a line without a readable time is unreadable)
 * @param callId  the call ("" when missing)
 * @param fields  the pushed fields, first values, in the order of the line
 * @param gatherer the node of the first output taken (the node that gathered a dtmf push's digits), or null
 */
record CallLogLine(String type, Instant time, String callId, String event, Map<String, String> fields,
                   List<String> nodes, String gatherer, String answeredBy, String xml, List<String> notes,
                   long micros, String cause) {

    private static final JsonFactory FACTORY = CallLogFormat.JSON.getFactory();

    /** The line a runtime event makes at {@code time}, as read back; null for events the log does not keep. */
    static CallLogLine of(RuntimeEvent event, Instant time) {
        if (event instanceof RuntimeEvent.PushHandled push) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> f : push.fields().entrySet()) {
                List<String> values = f.getValue();
                String first = values == null || values.isEmpty() ? null : values.get(0);
                fields.put(f.getKey(), first == null ? "" : first);
            }
            List<RuntimeEvent.OutputTaken> outputs = push.outputsTaken();
            String gatherer = outputs == null || outputs.isEmpty() ? null : outputs.get(0).nodeId();
            return new CallLogLine(CallLogFormat.PUSH, time, orEmpty(push.callId()), orEmpty(push.event()), fields,
                    texts(push.nodesEntered()), gatherer, push.answeringNodeId(), push.responseXml(),
                    texts(push.notes()), push.micros(), null);
        }
        if (event instanceof RuntimeEvent.CallEnded ended) {
            return new CallLogLine(CallLogFormat.END, time, orEmpty(ended.callId()), "", Map.of(), List.of(), null,
                    null, null, List.of(), -1, ended.cause());
        }
        return null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<String> texts(List<String> values) {
        List<String> out = new ArrayList<>(values == null ? 0 : values.size());
        if (values != null) {
            values.forEach(v -> out.add(orEmpty(v)));
        }
        return out;
    }

    /**
     * Reads one line (UTF-8 bytes, without its line break); null when it is not a JSON object with a readable
     * time: damaged, torn by a killed process, or not JSON at all.
     */
    static CallLogLine parse(byte[] bytes, int offset, int length) {
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String type = "";
            String time = "";
            String callId = "";
            String event = "";
            String answeredBy = null;
            String xml = null;
            String cause = null;
            String gatherer = null;
            long micros = -1;
            Map<String, String> fields = Map.of();
            List<String> nodes = List.of();
            List<String> notes = List.of();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case CallLogFormat.TYPE -> type = text(p, "");
                    case CallLogFormat.TIME -> time = text(p, "");
                    case CallLogFormat.CALL_ID -> callId = text(p, "");
                    case CallLogFormat.EVENT -> event = text(p, "");
                    case CallLogFormat.ANSWERED_BY -> answeredBy = text(p, null);
                    case CallLogFormat.XML -> xml = text(p, null);
                    case CallLogFormat.CAUSE -> cause = text(p, null);
                    case CallLogFormat.MICROS -> micros = number(p);
                    case CallLogFormat.FIELDS -> fields = fields(p);
                    case CallLogFormat.NODES -> nodes = texts(p);
                    case CallLogFormat.NOTES -> notes = texts(p);
                    case CallLogFormat.OUTPUTS -> gatherer = firstNode(p);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return null;
            }
            Instant at = time(time);
            return at == null ? null : new CallLogLine(type, at, callId, event, fields, nodes, gatherer,
                    answeredBy, xml, notes, micros, cause);
        } catch (IOException e) {
            return null;
        }
    }

    /** The current value as text: strings and scalars as written, null as {@code absent}, containers as "". */
    private static String text(JsonParser p, String absent) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return absent;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }

    private static long number(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getValueAsLong(-1);
        }
        if (t == JsonToken.VALUE_STRING) {
            return p.getValueAsLong(-1);
        }
        p.skipChildren();
        return -1;
    }

    private static Map<String, String> fields(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.START_ARRAY) {
                String first = "";
                JsonToken v = p.nextToken();
                if (v != JsonToken.END_ARRAY) {
                    first = text(p, "");
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                    }
                }
                fields.put(name, first);
            } else {
                fields.put(name, text(p, ""));
            }
        }
        return fields;
    }

    private static List<String> texts(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(text(p, ""));
        }
        return out;
    }

    /** The {@code node} of the first of the outputs, or null. */
    private static String firstNode(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        String node = null;
        boolean first = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (first && p.currentToken() == JsonToken.START_OBJECT) {
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    boolean isNode = CallLogFormat.NODE.equals(p.currentName());
                    p.nextToken();
                    if (isNode) {
                        node = text(p, null);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            first = false;
        }
        return node;
    }

    /**
     * An ISO 8601 instant as the log writes it ({@code 2026-12-04T15:58:01.123Z}), read without the general parser
     * (which costs more than the rest of a line); other forms go to {@link Instant#parse}. Null when unreadable.
     */
    static Instant time(String s) {
        int n = s.length();
        if (n >= 20 && n <= 30 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(n - 1) == 'Z') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int nanos = 0;
            boolean ok = year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0
                    && minute < 60 && second >= 0 && second < 60;
            if (ok && n > 20) {
                int fraction = n - 21; // between the '.' and the 'Z'
                ok = s.charAt(19) == '.' && fraction >= 1 && fraction <= 9;
                int value = ok ? digits(s, 20, n - 1) : -1;
                ok &= value >= 0;
                nanos = value;
                for (int i = fraction; ok && i < 9; i++) {
                    nanos *= 10;
                }
            } else if (ok) {
                ok = n == 20;
            }
            if (ok) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nanos);
                } catch (DateTimeException e) {
                    return null; // e.g. February 30th
                }
            }
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 when there is a character other than a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
