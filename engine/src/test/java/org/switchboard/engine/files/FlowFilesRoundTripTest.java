package org.switchboard.engine.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeTypes;

class FlowFilesRoundTripTest {

    /** A file in canonical form with everything this version does not know: it must come back byte for byte. */
    static final String WITH_UNKNOWN_THINGS = """
            {
              "formatVersion": 1,
              "name": "Family menü ☎",
              "nodes": [
                {
                  "id": "in",
                  "type": "incomingCall",
                  "name": "",
                  "x": 80,
                  "y": 140,
                  "properties": {
                    "path": "/sipgate",
                    "direction": "any",
                    "futureFilter": {"hours": "9-17", "days": ["mon", "tue"]}
                  },
                  "color": "#ff8800",
                  "locked": true
                },
                {
                  "id": "menu",
                  "type": "gather",
                  "name": "Main menu",
                  "x": 300.5,
                  "y": -20,
                  "properties": {
                    "prompt": "https://example.com/sounds/family-menu.wav",
                    "maxDigits": 1,
                    "timeout": 5000,
                    "ratio": 0.25,
                    "nothing": null
                  }
                },
                {
                  "id": "t1",
                  "type": "timeOfDay",
                  "name": "Opening hours",
                  "x": 520,
                  "y": 140,
                  "properties": {
                    "ranges": [
                      {"from": "09:00", "to": "17:00", "days": ["mon", "fri"]},
                      {"from": "10:00", "to": "12:00"}
                    ],
                    "tz": "Europe/Berlin"
                  },
                  "comment": "added by Switchboard 2"
                }
              ],
              "wires": [
                {"from": "in", "port": "call", "to": "menu"},
                {"from": "menu", "port": "digits", "to": "t1"},
                {"from": "t1", "port": "open", "to": "gone"}
              ],
              "notes": "Line one\\nLine two \\"quoted\\"",
              "layout": {"zoom": 1.5, "scroll": [10, 20]},
              "tags": []
            }
            """;

    @TempDir
    Path dir;

    @Test
    void unknownThingsSurviveLoadAndSaveByteForByte() throws Exception {
        Path file = dir.resolve("family.json");
        Files.writeString(file, WITH_UNKNOWN_THINGS, StandardCharsets.UTF_8);

        LoadedFlow loaded = FlowFiles.load(file);
        assertEquals(LoadedFlow.Source.SWITCHBOARD, loaded.source());
        assertEquals(List.of(), loaded.problems());
        Flow flow = loaded.flow();
        assertEquals("Family menü ☎", flow.name());
        assertEquals(Map.of("zoom", 1.5, "scroll", List.of(10L, 20L)), flow.extra().get("layout"));
        assertEquals("Line one\nLine two \"quoted\"", flow.extra().get("notes"));
        assertEquals(List.of("notes", "layout", "tags"), List.copyOf(flow.extra().keySet()));
        FlowNode in = flow.nodeOrNull("in");
        assertEquals(Map.of("color", "#ff8800", "locked", true), in.extra());
        assertEquals(Map.of("hours", "9-17", "days", List.of("mon", "tue")), in.property("futureFilter"));
        FlowNode menu = flow.nodeOrNull("menu");
        assertEquals(new Position(300.5, -20), menu.position());
        assertTrue(menu.properties().containsKey("nothing"));
        assertEquals(0.25, menu.property("ratio"));
        assertEquals("timeOfDay", flow.nodeOrNull("t1").type());
        assertTrue(flow.wires().contains(new Wire("t1", "open", "gone")), "wires to missing nodes are kept");

        Path copy = dir.resolve("copy.json");
        FlowFiles.save(copy, flow);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(copy));
        assertEquals(flow, FlowFiles.load(copy).flow());
    }

    @Test
    void anyValidLayoutIsWrittenCanonicallyAndStablyAfterTheFirstSave() throws Exception {
        String compact = "{\"wires\":[{\"to\":\"b\",\"port\":\"call\",\"from\":\"a\"}],\"extraTop\":{\"k\":[1,2.50]},"
                + "\"nodes\":[{\"properties\":{\"direction\":\"in\",\"path\":\"/x\"},\"y\":2,\"x\":1.0,"
                + "\"type\":\"incomingCall\",\"id\":\"a\"},{\"id\":\"b\",\"type\":\"hangup\"}],"
                + "\"name\":\"N\",\"formatVersion\":1}";
        Flow first = FlowFiles.parse(compact, "compact.json").flow();
        Path file = dir.resolve("canonical.json");
        FlowFiles.save(file, first);
        String saved = Files.readString(file);
        assertTrue(saved.startsWith("{\n  \"formatVersion\": 1,\n  \"name\": \"N\",\n  \"nodes\": ["), saved);
        assertTrue(saved.contains("\"path\": \"/x\",\n        \"direction\": \"in\""),
                "known properties in declared order: " + saved);
        assertTrue(saved.contains("\"x\": 1,\n"), "whole coordinates written without .0: " + saved);
        assertTrue(saved.contains("\"name\": \"\",\n      \"x\": 0,\n      \"y\": 0,\n      \"properties\": {}"),
                "missing name/x/y/properties take defaults: " + saved);
        assertTrue(saved.contains("\"extraTop\": {\"k\": [1, 2.5]}"), saved);
        assertTrue(saved.endsWith("}\n"), "trailing newline");

        Flow second = FlowFiles.load(file).flow();
        assertEquals(first, second);
        Path again = dir.resolve("again.json");
        FlowFiles.save(again, second);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
    }

    @Test
    void equalFlowsGiveTheSameBytesHoweverTheirPropertiesWereEdited() {
        FlowNode dial = NodeTypes.standard().get("dial").newNode("d", 20, 40);
        Map<String, Object> reversed = new LinkedHashMap<>();
        List<String> keys = List.copyOf(dial.properties().keySet());
        for (int i = keys.size() - 1; i >= 0; i--) {
            reversed.put(keys.get(i), dial.property(keys.get(i)));
        }
        Flow a = Flow.of("f", List.of(dial), List.of());
        Flow b = Flow.of("f", List.of(dial.withProperties(reversed)), List.of());
        assertEquals(a, b);
        assertEquals(FlowFiles.toJson(a), FlowFiles.toJson(b));
    }

    @Test
    void clipboardJsonIsTheFileFormatAndReadsBack() throws Exception {
        FlowNode in = NodeTypes.standard().get("incomingCall").newNode("in", 40, 220);
        FlowNode play = NodeTypes.standard().get("play").newNode("p", 260, 220)
                .withProperty("url", "https://example.com/a.wav").withName("Hello \"you\"");
        Flow flow = Flow.of("Pasted", List.of(in, play), List.of(new Wire("in", "call", "p")),
                Map.of("notes", "x"));
        String json = FlowFiles.toJson(flow);
        assertTrue(json.contains("\"formatVersion\": 1"));
        assertEquals(flow, FlowFiles.fromJson(json));
    }

    @Test
    void savesUtf8WithoutEscapingAndWithUnixNewlines() throws Exception {
        Flow flow = Flow.of("Grüße ☎ 日本", List.of(FlowNode.of("a", "hangup", 0, 0).withName("Tschüss")),
                List.of());
        Path file = dir.resolve("utf8.json");
        FlowFiles.save(file, flow);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"name\": \"Grüße ☎ 日本\""), text);
        assertTrue(text.contains("Tschüss"));
        assertTrue(!text.contains("\r"), "no CR");
        assertEquals('\n', text.charAt(text.length() - 1));
        assertEquals(flow, FlowFiles.load(file).flow());
    }
}
