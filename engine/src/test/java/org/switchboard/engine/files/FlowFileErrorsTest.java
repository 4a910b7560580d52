package org.switchboard.engine.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;

/** Every way a file can be unreadable gives one plain line naming the file, the place and the problem. */
class FlowFileErrorsTest {

    private static final Pattern JAVA_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Za-z]|Exception|\\bat [a-z]+\\.");

    @TempDir
    Path dir;

    private FlowFileException loadFails(String content) throws Exception {
        Path file = dir.resolve("family.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        FlowFileException e = assertThrows(FlowFileException.class, () -> FlowFiles.load(file));
        assertPlain(e);
        return e;
    }

    private static void assertPlain(FlowFileException e) {
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertFalse(JAVA_NAME.matcher(m).find(), "no Java names: " + m);
        assertEquals(0, e.getStackTrace().length, "no stack trace is even recorded");
    }

    private String file() {
        return dir.resolve("family.json").toString();
    }

    @Test
    void aWrongValueNamesFileLineColumnPathAndProblem() throws Exception {
        String content = String.join("\n",
                "{",
                "  \"formatVersion\": 1,",
                "  \"name\": \"Family\",",
                "  \"nodes\": [",
                "    {\"id\": \"in\", \"type\": \"incomingCall\", \"x\": 0, \"y\": 0},",
                "    {\"id\": \"menu\", \"type\": \"gather\", \"x\": 200, \"y\": 0},",
                "    {",
                "      \"id\": \"anna\",",
                "      \"type\": \"dial\",",
                "      \"name\": \"Anna\",",
                "      \"properties\": {",
                "        \"numbers\": [\"+49 151 23456789\"]",
                "      },",
                "      \"x\": \"abc\",",
                "      \"y\": 0",
                "    }",
                "  ],",
                "  \"wires\": []",
                "}", "");
        FlowFileException e = loadFails(content);
        assertEquals(file() + ", line 14, column 12 (nodes[2].x): expected a number, found \"abc\"", e.getMessage());
        assertEquals(file(), e.source());
        assertEquals(14, e.line());
        assertEquals(12, e.column());
        assertEquals("nodes[2].x", e.path());
        assertEquals("expected a number, found \"abc\"", e.problem());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // what | file content | expected message after the file name
        "not JSON at all | hello | , line 1, column 1: unknown word 'hello'; text must be written in double quotes",
        "missing bracket | {\"formatVersion\": 1, \"nodes\": [} | "
            + ", line 1, column 32 (nodes[0]): found '}' where ']' was expected",
        "comma too many | {\"formatVersion\": 1, \"nodes\": [],} | "
            + ", line 1, column 34 (nodes): expected a key in double quotes, found '}' (is there a comma too many?)",
        "missing comma | {\"formatVersion\": 1 \"nodes\": []} | "
            + ", line 1, column 21 (formatVersion): expected a comma or }, found '\"'",
        "cut off | {\"formatVersion\": 1, \"nodes\": [ | "
            + ", line 1, column 32 (nodes[0]): the file ends too early; a closing } or ] is missing",
        "cut off in text | {\"formatVersion\": 1, \"name\": \"abc | "
            + ", line 1, column 34 (name): the file ends inside a text value; a closing \" is missing",
        "unquoted key | {formatVersion: 1} | , line 1, column 2: expected a key in double quotes, found 'f'",
        "two documents | {\"formatVersion\": 1} {} | "
            + ", line 1, column 22: unexpected content after the end of the JSON document",
        "scalar root | `\"hello\"` | , line 1, column 1: expected a Switchboard flow (a JSON object) or a Node-RED "
            + "export (a JSON list), found \"hello\"",
        "no version | {\"nodes\": []} | , line 1, column 1: \"formatVersion\" is missing; a Switchboard flow file "
            + "starts with \"formatVersion\": 1",
        "other JSON | {\"dependencies\": {}} | , line 1, column 1: this is not a Switchboard flow file (it has no "
            + "\"formatVersion\" and no \"nodes\")",
        "newer version | {\"formatVersion\": 2, \"nodes\": []} | , line 1, column 19 (formatVersion): the file was "
            + "written by a newer Switchboard (format 2); this version reads format 1 and older. Please update "
            + "Switchboard",
        "version as text | {\"formatVersion\": \"1\"} | "
            + ", line 1, column 19 (formatVersion): expected a whole number, found \"1\"",
        "version zero | {\"formatVersion\": 0} | , line 1, column 19 (formatVersion): unknown format version 0",
        "nodes not a list | {\"formatVersion\": 1, \"nodes\": {}} | "
            + ", line 1, column 31 (nodes): expected a list of nodes, found an object",
        "node not an object | {\"formatVersion\": 1, \"nodes\": [7]} | , line 1, column 32 (nodes[0]): expected a "
            + "node (an object with \"id\" and \"type\"), found 7",
        "node without id | {\"formatVersion\": 1, \"nodes\": [{\"type\": \"dial\"}]} | "
            + ", line 1, column 32 (nodes[0]): \"id\" is missing",
        "node without type | {\"formatVersion\": 1, \"nodes\": [{\"id\": \"a\"}]} | "
            + ", line 1, column 32 (nodes[0]): \"type\" is missing",
        "type not text | {\"formatVersion\": 1, \"nodes\": [{\"id\": \"a\", \"type\": 5}]} | "
            + ", line 1, column 52 (nodes[0].type): expected text, found 5",
        "empty id | {\"formatVersion\": 1, \"nodes\": [{\"id\": \" \", \"type\": \"dial\"}]} | "
            + ", line 1, column 39 (nodes[0].id): \"id\" must not be empty",
        "duplicate ids | {\"formatVersion\": 1, \"nodes\": [{\"id\": \"a\", \"type\": \"x\"}, {\"id\": \"a\", "
            + "\"type\": \"y\"}]} | , line 1, column 65 (nodes[1].id): the node id \"a\" is used twice (first at "
            + "line 1)",
        "y is a list | {\"formatVersion\": 1, \"nodes\": [{\"id\": \"a\", \"type\": \"x\", \"y\": []}]} | "
            + ", line 1, column 62 (nodes[0].y): expected a number, found a list",
        "name not text | {\"formatVersion\": 1, \"name\": true} | "
            + ", line 1, column 30 (name): expected text, found true",
        "properties not an object | {\"formatVersion\": 1, \"nodes\": [{\"id\": \"a\", \"type\": \"x\", "
            + "\"properties\": [1]}]} | , line 1, column 71 (nodes[0].properties): expected an object of properties, "
            + "found a list",
        "wires not a list | {\"formatVersion\": 1, \"wires\": \"none\"} | "
            + ", line 1, column 31 (wires): expected a list of wires, found \"none\"",
        "wire without port | {\"formatVersion\": 1, \"wires\": [{\"from\": \"a\", \"to\": \"b\"}]} | "
            + ", line 1, column 32 (wires[0]): \"port\" is missing",
        "duplicate key | {\"formatVersion\": 1, \"name\": \"a\", \"name\": \"b\"} | "
            + ", line 1, column 35 (name): the key "
            + "\"name\" appears twice in the same object (first at line 1)",
        "line break in text | `{\"formatVersion\": 1, \"name\": \"a\nb\"}` | , line 1, column 32 (name): a text value "
            + "contains a line break or control character; write it as \\n",
        "leading zero | {\"formatVersion\": 01} | , line 1, column 20 (formatVersion): numbers must not start with 0",
        "NaN | {\"formatVersion\": 1, \"x\": NaN} | , line 1, column 30 (x): NaN and Infinity are not allowed in JSON",
        "huge number | {\"formatVersion\": 1, \"x\": 1e999} | , line 1, column 27 (x): the number 1e999 is too large",
        "empty file | `  ` | : the file is empty",
    })
    void unreadableFilesSayWhereAndWhat(String what, String content, String expected) throws Exception {
        FlowFileException e = loadFails(content);
        assertEquals(file() + expected, e.getMessage(), what);
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file,
                "{\"formatVersion\": 1, \"name\": \"Gr\u00fc\u00dfe\"}".getBytes(StandardCharsets.ISO_8859_1));
        FlowFileException e = assertThrows(FlowFileException.class, () -> FlowFiles.load(file));
        assertEquals(file + ": the file is not UTF-8 text; save it as UTF-8 and try again", e.getMessage());
    }

    @Test
    void aMissingFileOrAFolderSaysSo() {
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": the file does not exist",
                assertThrows(FlowFileException.class, () -> FlowFiles.load(missing)).getMessage());
        assertEquals(dir + ": this is a folder, not a flow file",
                assertThrows(FlowFileException.class, () -> FlowFiles.load(dir)).getMessage());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF{\"formatVersion\": 1, \"name\": \"BOM\"}");
        assertEquals("BOM", FlowFiles.load(file).flow().name());
    }

    @Test
    void clipboardTextNamesTheClipboard() {
        FlowFileException e = assertThrows(FlowFileException.class, () -> FlowFiles.fromJson("{\"nodes\": 3}"));
        assertEquals("clipboard, line 1, column 1: \"formatVersion\" is missing; a Switchboard flow file starts with "
                + "\"formatVersion\": 1", e.getMessage());
    }

    @Test
    void semanticProblemsDoNotStopLoadingAndAreDescribedPerNode() throws Exception {
        String content = "{\"formatVersion\": 1, \"name\": \"Broken\", \"nodes\": ["
                + "{\"id\": \"in\", \"type\": \"incomingCall\", \"properties\": {\"path\": \"/sipgate\"}},"
                + "{\"id\": \"menu\", \"type\": \"gather\", \"name\": \"Main menu\", \"properties\": "
                + "{\"maxDigits\": \"many\", \"timeout\": 2000}},"
                + "{\"id\": \"m\", \"type\": \"mystery\"}],"
                + "\"wires\": [{\"from\": \"in\", \"port\": \"call\", \"to\": \"menu\"},"
                + "{\"from\": \"menu\", \"port\": \"nope\", \"to\": \"m\"},"
                + "{\"from\": \"menu\", \"port\": \"digits\", \"to\": \"ghost\"}]}";
        Path file = dir.resolve("broken.json");
        Files.writeString(file, content);
        LoadedFlow loaded = FlowFiles.load(file);
        Flow flow = loaded.flow();
        assertEquals(3, flow.nodes().size());
        assertEquals(3, flow.wires().size());

        List<Problem> problems = FlowValidator.validate(flow, Messages.ENGLISH);
        List<String> lines = FlowFiles.describe(file, flow, Messages.ENGLISH);
        assertEquals(problems.size(), lines.size());
        assertTrue(problems.size() >= 4, "unknown type, bad number, missing port, missing node: " + lines);
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            String expectedPlace = p.nodeId() == null ? ""
                    : p.nodeId().equals("menu") ? "node 'Main menu' (menu): "
                    : p.nodeId().equals("m") ? "node 'mystery' (m): "
                    : "node 'Incoming call' (in): ";
            assertEquals(file + ": " + expectedPlace + p.message(), lines.get(i));
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ": node 'mystery' (m): ")
                && l.contains("mystery")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ": node 'Main menu' (menu): ")
                && l.contains("ghost")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ": node 'Main menu' (menu): ")
                && l.contains("nope")), lines.toString());
    }

    @Test
    void unknownWireFieldsAreReportedBecauseTheyCannotBeKept() throws Exception {
        LoadedFlow loaded = FlowFiles.parse("{\"formatVersion\": 1, \"nodes\": [], \"wires\": [{\"from\": \"a\", "
                + "\"port\": \"p\", \"to\": \"b\", \"label\": \"x\"}]}", "w.json");
        assertEquals(List.of(new LoadProblem("wires[0]",
                "the wire field \"label\" is not known to this version and will not be saved")), loaded.problems());
    }
}
