package org.switchboard.engine.calltests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.switchboard.engine.files.AtomicFiles;
import org.switchboard.engine.files.FlowFileException;

/**
 * The test calls file {@code NAME.tests.json} beside a flow {@code NAME.json} (docs/test-calls.md): a
 * {@code formatVersion} and a list of {@link TestCall}s. Written for diffs: one test after another, each input and
 * each expectation on a line of its own, keys in a fixed order, saved atomically. Reading is strict about what
 * decides a test (an unknown input or expectation is an error naming its place, never silently skipped).
 */
public final class TestCallsFile {

    public static final int FORMAT_VERSION = 1;
    private static final long MAX_FILE_SIZE = 16L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestCallsFile() {
    }

    /** Where the tests of a flow file live: {@code family.json} → {@code family.tests.json}. */
    public static Path besideFlow(Path flowFile) {
        String name = flowFile.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? name.substring(0, name.length() - ".json".length()) : name;
        return flowFile.resolveSibling(base + ".tests.json");
    }

    /** Reads a test calls file; throws with one line naming the file, the place and the problem. */
    public static List<TestCall> load(Path file) throws FlowFileException {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new FlowFileException(source, "this is a folder, not a test calls file");
            }
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw new FlowFileException(source, "the file is too large to be a test calls file");
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FlowFileException(source, "the file does not exist");
        } catch (AccessDeniedException e) {
            throw new FlowFileException(source, "permission denied; the file cannot be read");
        } catch (IOException e) {
            throw new FlowFileException(source, "the file cannot be read");
        }
        return parse(text, source);
    }

    /** Reads test calls from JSON text; {@code source} names it in messages. */
    public static List<TestCall> parse(String text, String source) throws FlowFileException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new FlowFileException(source, line, column, "", "this is not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw new FlowFileException(source, "expected a JSON object with \"formatVersion\" and \"tests\"");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new FlowFileException(source, 0, 0, "formatVersion", "missing or not a number");
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw new FlowFileException(source, 0, 0, "formatVersion", "version " + version.asInt()
                    + " was written by a newer Switchboard; this one reads version " + FORMAT_VERSION);
        }
        JsonNode tests = root.get("tests");
        if (tests == null || !tests.isArray()) {
            throw new FlowFileException(source, 0, 0, "tests", "expected a list of tests");
        }
        List<TestCall> calls = new ArrayList<>(tests.size());
        for (int i = 0; i < tests.size(); i++) {
            calls.add(test(tests.get(i), source, "tests[" + i + "]"));
        }
        return calls;
    }

    private static TestCall test(JsonNode node, String source, String at) throws FlowFileException {
        if (!node.isObject()) {
            throw new FlowFileException(source, 0, 0, at, "expected a test object");
        }
        String name = text(node, "name", source, at, true);
        JsonNode call = node.get("call");
        TestCall.Setup setup;
        if (call == null || call.isNull()) {
            setup = new TestCall.Setup(null, null, null, null, null);
        } else if (!call.isObject()) {
            throw new FlowFileException(source, 0, 0, at + ".call", "expected an object with from, to, direction");
        } else {
            String direction = text(call, "direction", source, at + ".call", false);
            if (direction != null && !"in".equals(direction) && !"out".equals(direction)) {
                throw new FlowFileException(source, 0, 0, at + ".call.direction",
                        "expected \"in\" or \"out\", found \"" + direction + "\"");
            }
            setup = new TestCall.Setup(text(call, "path", source, at + ".call", false),
                    text(call, "from", source, at + ".call", false), text(call, "to", source, at + ".call", false),
                    direction, text(call, "user", source, at + ".call", false));
        }
        List<Input> inputs = new ArrayList<>();
        JsonNode in = list(node, "inputs", source, at);
        for (int i = 0; i < in.size(); i++) {
            inputs.add(input(in.get(i), source, at + ".inputs[" + i + "]"));
        }
        List<Experience> expect = new ArrayList<>();
        JsonNode ex = list(node, "expect", source, at);
        for (int i = 0; i < ex.size(); i++) {
            expect.add(experience(ex.get(i), source, at + ".expect[" + i + "]"));
        }
        return new TestCall(name, setup, inputs, expect);
    }

    private static Input input(JsonNode node, String source, String at) throws FlowFileException {
        String kind = kind(node, source, at, "press, timeout, calledParty or callerHangsUp");
        return switch (kind) {
            case "press" -> {
                String digits = text(node, "press", source, at, true);
                if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9' || c == '*' || c == '#')) {
                    throw new FlowFileException(source, 0, 0, at + ".press",
                            "expected keys 0-9, * or #, found \"" + digits + "\"");
                }
                yield new Input.Press(digits);
            }
            case "timeout" -> new Input.Timeout();
            case "callerHangsUp" -> new Input.CallerHangsUp();
            case "calledParty" ->
                new Input.CalledParty(oneOf(node, "calledParty", Input.CalledParty.KINDS, source, at));
            default -> throw new FlowFileException(source, 0, 0, at, "unknown input \"" + kind
                    + "\" (expected press, timeout, calledParty or callerHangsUp)");
        };
    }

    private static Experience experience(JsonNode node, String source, String at) throws FlowFileException {
        String expected = "hears, mayPress, connectedTo, voicemail, ends, routedNormally or serverError";
        String kind = kind(node, source, at, expected);
        return switch (kind) {
            case "hears" -> new Experience.Hears(text(node, "hears", source, at, true));
            case "mayPress" -> {
                JsonNode seconds = node.get("seconds");
                if (!node.get("mayPress").canConvertToInt() || seconds == null || !seconds.isNumber()) {
                    throw new FlowFileException(source, 0, 0, at, "expected {\"mayPress\": DIGITS, \"seconds\": S}");
                }
                yield new Experience.MayPress(node.get("mayPress").asInt(), seconds.asDouble());
            }
            case "connectedTo" -> {
                JsonNode numbers = node.get("connectedTo");
                if (!numbers.isArray()) {
                    throw new FlowFileException(source, 0, 0, at + ".connectedTo", "expected a list of numbers");
                }
                List<String> list = new ArrayList<>();
                for (JsonNode n : numbers) {
                    if (!n.isTextual()) {
                        throw new FlowFileException(source, 0, 0, at + ".connectedTo", "expected numbers as text");
                    }
                    list.add(TestCallRunner.shownNumber(n.asText()));
                }
                String callerId = text(node, "callerId", source, at, false);
                JsonNode anonymous = node.get("anonymous");
                yield new Experience.ConnectedTo(list, callerId == null ? null : TestCallRunner.shownNumber(callerId),
                        anonymous != null && anonymous.asBoolean(false));
            }
            case "voicemail" -> new Experience.Voicemail();
            case "routedNormally" -> new Experience.RoutedNormally();
            case "serverError" -> new Experience.ServerError(node.get("serverError").asInt());
            case "ends" -> new Experience.Ends(oneOf(node, "ends", Experience.Ends.KINDS, source, at));
            default -> throw new FlowFileException(source, 0, 0, at, "unknown expectation \"" + kind
                    + "\" (expected " + expected + ")");
        };
    }

    /** The first key of a step object says what it is. */
    private static String kind(JsonNode node, String source, String at, String expected) throws FlowFileException {
        if (!node.isObject() || node.size() == 0) {
            throw new FlowFileException(source, 0, 0, at, "expected an object such as {\"" + expected.split(",")[0]
                    + "\": ...}");
        }
        return node.fieldNames().next();
    }

    private static String oneOf(JsonNode node, String key, List<String> kinds, String source, String at)
            throws FlowFileException {
        String value = text(node, key, source, at, true);
        if (!kinds.contains(value)) {
            throw new FlowFileException(source, 0, 0, at + "." + key, "expected one of " + String.join(", ", kinds)
                    + ", found \"" + value + "\"");
        }
        return value;
    }

    private static JsonNode list(JsonNode node, String key, String source, String at) throws FlowFileException {
        JsonNode list = node.get(key);
        if (list == null || list.isNull()) {
            return JSON.createArrayNode();
        }
        if (!list.isArray()) {
            throw new FlowFileException(source, 0, 0, at + "." + key, "expected a list");
        }
        return list;
    }

    private static String text(JsonNode node, String key, String source, String at, boolean required)
            throws FlowFileException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new FlowFileException(source, 0, 0, at + "." + key, "missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new FlowFileException(source, 0, 0, at + "." + key, "expected text, found " + value);
        }
        return value.asText();
    }

    /** Writes the tests atomically (the old file stays whole if anything fails). */
    public static void save(Path file, List<TestCall> tests) throws IOException {
        AtomicFiles.write(file, toJson(tests).getBytes(StandardCharsets.UTF_8));
    }

    /** The file's text: indented by test, each input and expectation on one line, ending in a newline. */
    public static String toJson(List<TestCall> tests) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\n  \"formatVersion\": ").append(FORMAT_VERSION).append(",\n  \"tests\": [");
        for (int t = 0; t < tests.size(); t++) {
            TestCall test = tests.get(t);
            sb.append(t == 0 ? "\n" : ",\n").append("    {\n");
            sb.append("      \"name\": ").append(value(test.name())).append(",\n");
            TestCall.Setup call = test.call();
            Map<String, Object> setup = new java.util.LinkedHashMap<>();
            if (call.path() != null) {
                setup.put("path", call.path());
            }
            setup.put("from", call.from());
            setup.put("to", call.to());
            setup.put("direction", call.direction());
            if (call.user() != null) {
                setup.put("user", call.user());
            }
            sb.append("      \"call\": ").append(object(setup)).append(",\n");
            sb.append("      \"inputs\": [");
            appendLines(sb, test.inputs().stream().map(Input::toJson).toList());
            sb.append("],\n      \"expect\": [");
            appendLines(sb, test.expect().stream().map(Experience::toJson).toList());
            sb.append("]\n    }");
        }
        sb.append(tests.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return sb.toString();
    }

    private static void appendLines(StringBuilder sb, List<Map<String, Object>> items) {
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n").append("        ").append(object(items.get(i)));
        }
        if (!items.isEmpty()) {
            sb.append("\n      ");
        }
    }

    private static String object(Map<String, Object> map) {
        StringBuilder sb = new StringBuilder("{");
        Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Object> e = it.next();
            sb.append(value(e.getKey())).append(": ").append(value(e.getValue()));
            if (it.hasNext()) {
                sb.append(", ");
            }
        }
        return sb.append('}').toString();
    }

    private static String value(Object value) {
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(value(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }
}
