package org.switchboard.engine.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;

/** Small hand-written Node-RED exports, one per mapping rule of docs/node-red-import.md. */
class NodeRedMappingTest {

    private static LoadedFlow convert(String json) throws FlowFileException {
        LoadedFlow loaded = FlowFiles.parse(json, "export.json");
        assertEquals(LoadedFlow.Source.NODE_RED, loaded.source());
        return loaded;
    }

    private static FlowNode node(Flow flow, String nodeRedId) {
        return flow.nodes().stream().filter(n -> nodeRedId.equals(n.extra().get("nodeRedId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no node from " + nodeRedId + " in " + flow.nodes()));
    }

    private static List<String> problems(LoadedFlow loaded) {
        return loaded.problems().stream().map(LoadProblem::toString).toList();
    }

    @Test
    void webhookDialAndLogMapTheirFieldsAndEventOutputs() throws Exception {
        LoadedFlow loaded = convert("""
                [
                 {"id":"w","type":"webhook","name":"Line","url":"calls","x":100,"y":50,"wires":[["d1","d2","d3"]]},
                 {"id":"d1","type":"dial","name":"Both","target":"number",
                  "numbers":[{"number":"+49 30 1234567"},{"number":4915112345678}],"anonymous":true,
                  "callerId":"+49 30 7654321","sound":"url","soundUrl":"https://e.com/a.wav",
                  "onAnswer":true,"onHangup":true,"outputs":2,"x":300,"y":50,"wires":[["a"],["h"]]},
                 {"id":"d2","type":"dial","name":"Hangup only","target":"voicemail","numbers":[],"anonymous":"",
                  "callerId":"","sound":"none","soundUrl":"https://e.com/ignored.wav","onAnswer":false,
                  "onHangup":true,"outputs":1,"x":300,"y":150,"wires":[["h"]]},
                 {"id":"d3","type":"dial","name":"No events","numbers":[{"number":""}],"x":300,"y":250,"wires":[]},
                 {"id":"a","type":"log","name":"Answered","onAnswer":true,"onHangup":false,"outputs":1,
                  "x":500,"y":50,"wires":[["hc"]]},
                 {"id":"h","type":"hangup","name":"","sound":"url","soundUrl":"https://e.com/bye.wav",
                  "x":500,"y":150,"wires":[]},
                 {"id":"hc","type":"hangup-call","name":"","account":"","x":700,"y":50,"wires":[]}
                ]""");
        Flow flow = loaded.flow();
        assertEquals(List.of(), loaded.problems());
        assertEquals("export", flow.name(), "no tab: named after the file");
        FlowNode in = node(flow, "w");
        assertEquals("incomingCall", in.type());
        assertEquals(Map.of("path", "/calls", "direction", "any"), in.properties());
        assertEquals(new Position(10, 20), in.position());
        assertEquals(Map.of("target", "number", "numbers", List.of("+49 30 1234567", "4915112345678"),
                "callerId", "+49 30 7654321", "anonymous", true, "announcement", "https://e.com/a.wav"),
                node(flow, "d1").properties());
        FlowNode d2 = node(flow, "d2");
        assertEquals("voicemail", d2.property("target"));
        assertEquals(false, d2.property("anonymous"));
        assertEquals("", d2.property("announcement"), "sound none ignores a leftover URL");
        assertEquals("number", node(flow, "d3").property("target"));
        assertEquals(List.of(""), node(flow, "d3").property("numbers"));
        assertEquals("callEvents", node(flow, "a").type());
        assertEquals("https://e.com/bye.wav", node(flow, "h").property("sound"));
        assertEquals("hangupCall", node(flow, "hc").type());
        assertEquals(Set.of(
                new Wire("in1", "call", "dial1"), new Wire("in1", "call", "dial2"), new Wire("in1", "call", "dial3"),
                new Wire("dial1", "answered", "events1"), new Wire("dial1", "hungUp", "hangup1"),
                new Wire("dial2", "hungUp", "hangup1"),
                new Wire("events1", "answered", "hangupCall1")), Set.copyOf(flow.wires()));
    }

    @Test
    void gatherAndPlayEventOutputsMoveToAGeneratedCallEventsNode() throws Exception {
        LoadedFlow loaded = convert("""
                [
                 {"id":"w","type":"webhook","url":"/in","x":100,"y":100,"wires":[["g"]]},
                 {"id":"g","type":"gather","name":"Menu","maxDigits":"3","timeout":"","sound":"url",
                  "soundUrl":"https://e.com/menu.wav","onAnswer":true,"onHangup":true,"outputs":3,
                  "x":300,"y":100,"wires":[["p"],["hc"],["hc2"]]},
                 {"id":"p","type":"play","name":"Info","sound":"url","soundUrl":"https://e.com/info.wav",
                  "onAnswer":"","onHangup":true,"x":500,"y":100,"wires":[["hc"]]},
                 {"id":"p2","type":"play","name":"Old","url":"https://e.com/old.wav","x":500,"y":300,"wires":[]},
                 {"id":"g2","type":"gather","name":"Bad","maxDigits":"abc","timeout":"1500","onHangup":true,
                  "x":300,"y":300,"wires":[[],[]]},
                 {"id":"hc","type":"hangup-call","x":700,"y":100,"wires":[]},
                 {"id":"hc2","type":"hangup-call","x":700,"y":200,"wires":[]}
                ]""");
        Flow flow = loaded.flow();
        FlowNode gather = node(flow, "g");
        assertEquals(Map.of("prompt", "https://e.com/menu.wav", "maxDigits", 3L, "timeout", 2000L),
                gather.properties());
        FlowNode companion = flow.nodeOrNull("events1");
        assertEquals("callEvents", companion.type());
        assertEquals(new Position(210, 150), companion.position(), "just below its Gather");
        assertEquals("https://e.com/info.wav", node(flow, "p").property("url"));
        assertEquals("https://e.com/old.wav", node(flow, "p2").property("url"), "older Play nodes had only url");
        assertEquals("abc", node(flow, "g2").property("maxDigits"), "kept for validation to report");
        assertEquals(1500L, node(flow, "g2").property("timeout"));
        assertEquals(Set.of(
                new Wire("in1", "call", "gather1"), new Wire("in1", "call", "events1"),
                new Wire("gather1", "digits", "play1"), new Wire("gather1", "digits", "events2"),
                new Wire("events1", "answered", "hangupCall1"), new Wire("events1", "hungUp", "hangupCall2"),
                new Wire("events2", "hungUp", "hangupCall1")), Set.copyOf(flow.wires()));
        assertEquals(List.of(
                "node 'Menu' (gather): its answer/hangup outputs now come from the new Call events node 'events1' "
                        + "below it, which is wired from the same inputs",
                "node 'Info' (play): its answer/hangup outputs now come from the new Call events node 'events2' "
                        + "below it, which is wired from the same inputs"), problems(loaded));
        assertTrue(FlowValidator.validate(flow, Messages.ENGLISH).stream()
                .anyMatch(p -> p.isError() && "maxDigits".equals(p.property())));
    }

    @Test
    void rejectHangupAndTextToSpeechSounds() throws Exception {
        LoadedFlow loaded = convert("""
                [
                 {"id":"tts1","type":"tts","name":"Closed text","text":"We are closed"},
                 {"id":"tts2","type":"tts","name":"Unused","text":"Never used"},
                 {"id":"r","type":"reject","name":"Busy","reason":"busy","sound":"url",
                  "soundUrl":"https://e.com/busy.wav","x":100,"y":100,"wires":[]},
                 {"id":"r2","type":"reject","name":"Closed","reason":"","sound":"tts","tts":"tts1",
                  "x":100,"y":200,"wires":[]},
                 {"id":"r3","type":"reject","name":"Old style","audio":"sound","playUrl":"https://e.com/old.wav",
                  "x":100,"y":300,"wires":[]},
                 {"id":"hg","type":"hangup","name":"Bye","sound":"tts","tts":"missing","x":100,"y":400,"wires":[]}
                ]""");
        Flow flow = loaded.flow();
        assertEquals(Map.of("reason", "busy", "sound", "https://e.com/busy.wav"), node(flow, "r").properties());
        assertEquals(Map.of("reason", "rejected", "sound", SoundRef.speech("We are closed", "en").toValue()),
                node(flow, "r2").properties());
        assertEquals("https://e.com/old.wav", node(flow, "r3").property("sound"));
        assertEquals(Map.of("sound", ""), node(flow, "hg").properties());
        assertEquals(List.of(
                "node 'Unused' (tts): no node uses this text-to-speech; it was not imported (its text is in the flow "
                        + "notes)",
                "node 'Closed text' (tts): now spoken by the speech engine on this machine for the Reject 'Closed', "
                        + "in English",
                "node 'Bye' (hangup): the text-to-speech node it names is missing or empty; the Hang up 'Bye' plays "
                        + "no sound until you set a sound"), problems(loaded));
        String notes = (String) flow.extra().get("notes");
        assertTrue(notes.contains("Never used") && !notes.contains("We are closed"), notes);
    }

    @Test
    void switchRulesMapOntoComparisonsAndOtherwise() throws Exception {
        LoadedFlow loaded = convert("""
                [
                 {"id":"s1","type":"switch","name":"All ops","property":"payload.dtmf","propertyType":"msg",
                  "rules":[{"t":"eq","v":"1","vt":"str"},{"t":"neq","v":"2","vt":"num"},{"t":"cont","v":"3","vt":"str"},
                   {"t":"regex","v":"^4","vt":"str","case":true},{"t":"empty"},{"t":"nempty"},{"t":"else"}],
                  "checkall":"false","outputs":7,"x":100,"y":100,
                  "wires":[["a"],["a"],["a"],["a"],["a"],["a"],["b"]]},
                 {"id":"a","type":"hangup","x":400,"y":100,"wires":[]},
                 {"id":"b","type":"reject","x":400,"y":300,"wires":[]}
                ]""");
        Flow flow = loaded.flow();
        FlowNode sw = node(flow, "s1");
        assertEquals("digits", sw.property("field"));
        assertEquals(List.of(Map.of("op", "equals", "value", "1"), Map.of("op", "notEquals", "value", "2"),
                Map.of("op", "contains", "value", "3"), Map.of("op", "regex", "value", "(?i)^4"),
                Map.of("op", "empty", "value", ""), Map.of("op", "notEmpty", "value", "")), sw.property("rules"));
        assertEquals(Set.of(new Wire("switch1", "1", "hangup1"), new Wire("switch1", "2", "hangup1"),
                new Wire("switch1", "3", "hangup1"), new Wire("switch1", "4", "hangup1"),
                new Wire("switch1", "5", "hangup1"), new Wire("switch1", "6", "hangup1"),
                new Wire("switch1", "otherwise", "reject1")), Set.copyOf(flow.wires()));
        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of(), FlowValidator.validate(flow, Messages.ENGLISH).stream()
                .filter(p -> p.nodeId() != null && p.nodeId().equals("switch1")).toList());
    }

    @Test
    void switchFeaturesWithoutCounterpartAreReported() throws Exception {
        LoadedFlow loaded = convert("""
                [
                 {"id":"s2","type":"switch","name":"Odd","property":"payload.from",
                  "rules":[{"t":"lt","v":"5","vt":"num"},{"t":"eq","v":"caller","vt":"msg"},{"t":"else"},
                   {"t":"eq","v":"never","vt":"str"}],"checkall":"false","x":100,"y":300,
                  "wires":[["a"],["a"],["b"],["a"]]},
                 {"id":"s3","type":"switch","name":"All","property":"payload.to",
                  "rules":[{"t":"eq","v":"1"},{"t":"cont","v":"1"}],"checkall":"true","x":100,"y":500,
                  "wires":[["a"],["b"]]},
                 {"id":"s4","type":"switch","name":"Distinct","property":"msg.payload.direction",
                  "rules":[{"t":"eq","v":"in"},{"t":"eq","v":"out"}],"checkall":true,"x":100,"y":700,
                  "wires":[["a"],["b"]]},
                 {"id":"s5","type":"switch","name":"Flow var","property":"caller","propertyType":"flow",
                  "rules":[{"t":"eq","v":"x"}],"x":100,"y":900,"wires":[["a"]]},
                 {"id":"a","type":"hangup","x":400,"y":100,"wires":[]},
                 {"id":"b","type":"reject","x":400,"y":300,"wires":[]}
                ]""");
        Flow flow = loaded.flow();
        FlowNode odd = node(flow, "s2");
        assertEquals("from", odd.property("field"));
        assertEquals(List.of(Map.of("op", "lt", "value", "5"), Map.of("op", "equals", "value", "caller")),
                odd.property("rules"));
        assertEquals(Set.of(new Wire("switch1", "1", "hangup1"), new Wire("switch1", "2", "hangup1"),
                new Wire("switch1", "otherwise", "reject1")),
                flow.wires().stream().filter(w -> w.fromNode().equals("switch1")).collect(Collectors.toSet()));
        assertEquals("to", node(flow, "s3").property("field"));
        assertEquals("direction", node(flow, "s4").property("field"));
        assertEquals("flow.caller", node(flow, "s5").property("field"));
        assertEquals(List.of(
                "node 'Odd' (switch): rule 1 uses the Node-RED comparison 'lt', which Switchboard does not have; it "
                        + "was kept as it is and must be changed",
                "node 'Odd' (switch): rule 2 compares with the msg value 'caller', which Switchboard cannot read; it "
                        + "now compares with the text 'caller'",
                "node 'Odd' (switch): rule 4 comes after 'otherwise' and never ran in Node-RED; it was left out",
                "node 'All' (switch): Node-RED checked all rules here, so several outputs could fire for one call; "
                        + "Switchboard takes only the first rule that matches",
                "node 'Flow var' (switch): it routes on flow.caller, which Switchboard cannot read; choose one of the "
                        + "call fields digits, from, to, direction, diversion, user or cause"), problems(loaded));
        List<Problem> validation = FlowValidator.validate(flow, Messages.ENGLISH);
        assertTrue(validation.stream().anyMatch(p -> p.isError() && "switch1".equals(p.nodeId())), "op lt");
        assertTrue(validation.stream().anyMatch(p -> p.isError() && "switch4".equals(p.nodeId())), "field");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "payload.dtmf | digits", "msg.payload.from | from", "payload.to | to", "payload.direction | direction",
        "payload.diversion | diversion", "payload.user | user", "payload.user[0] | user",
        "payload[\"user[]\"] | user", "payload['user[]'][0] | user", "payload.cause | cause"})
    void switchPropertiesBecomeCallFields(String property, String field) throws Exception {
        String json = "[{\"id\":\"s\",\"type\":\"switch\",\"property\":" + quoted(property)
                + ",\"propertyType\":\"msg\",\"rules\":[{\"t\":\"eq\",\"v\":\"1\"}],\"x\":0,\"y\":0,\"wires\":[[]]}]";
        LoadedFlow loaded = convert(json);
        assertEquals(field, node(loaded.flow(), "s").property("field"));
        assertEquals(List.of(), loaded.problems());
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void delaysJunctionsAndLinksAreBridgedAndEverythingElseIsNamed() throws Exception {
        LoadedFlow loaded = convert("""
                [
                 {"id":"t1","type":"tab","label":"Main"},
                 {"id":"t2","type":"tab","label":"Second"},
                 {"id":"c","type":"comment","z":"t1","name":"Read me","info":"Hello","x":100,"y":20,"wires":[]},
                 {"id":"w","type":"webhook","z":"t1","url":"/a","x":100,"y":100,"wires":[["d1"]]},
                 {"id":"d1","type":"delay","z":"t1","pauseType":"delay","timeout":"1","timeoutUnits":"minutes",
                  "x":250,"y":100,"wires":[["d2"]]},
                 {"id":"d2","type":"delay","z":"t1","name":"Throttle","pauseType":"rate","x":350,"y":100,
                  "wires":[["j"]]},
                 {"id":"j","type":"junction","z":"t1","x":400,"y":100,"wires":[["f","lo"]]},
                 {"id":"f","type":"function","z":"t1","name":"Compute","func":"return msg;","outputs":2,
                  "x":500,"y":100,"wires":[["h"],[]]},
                 {"id":"lo","type":"link out","z":"t1","links":["li"],"x":500,"y":200,"wires":[]},
                 {"id":"li","type":"link in","z":"t2","links":["lo"],"x":100,"y":100,"wires":[["ch"]]},
                 {"id":"ch","type":"change","z":"t2","name":"Set","rules":[],"x":300,"y":100,"wires":[["h","dbg"]]},
                 {"id":"h","type":"hangup","z":"t2","x":500,"y":100,"d":true,"wires":[]},
                 {"id":"dbg","type":"debug","z":"t2","x":500,"y":200,"wires":[]},
                 {"id":"cfg","type":"mqtt-broker","name":"Broker"},
                 {"id":"x","type":"http request","z":"t2","x":300,"y":300,"wires":[["gone"]]},
                 {"id":"loop1","type":"delay","z":"t2","x":100,"y":400,"wires":[["loop2"]]},
                 {"id":"loop2","type":"delay","z":"t2","x":200,"y":400,"wires":[["loop1"]]}
                ]""");
        Flow flow = loaded.flow();
        assertEquals("Main", flow.name());
        assertEquals("Read me\n\nHello", flow.extra().get("notes"));
        assertEquals(List.of("in1", "nodered1", "nodered2", "hangup1", "nodered3"),
                flow.nodes().stream().map(FlowNode::id).toList());
        FlowNode function = node(flow, "f");
        assertEquals("node-red:function", function.type());
        assertEquals("return msg;", function.property("func"));
        assertEquals(Set.of(new Wire("in1", "call", "nodered1"), new Wire("in1", "call", "nodered2"),
                new Wire("nodered1", "1", "hangup1"), new Wire("nodered2", "1", "hangup1")),
                Set.copyOf(flow.wires()));
        assertEquals(new Position(10, 70), node(flow, "w").position());
        assertEquals(new Position(210, 250), node(flow, "ch").position(), "second tab stacked below the first");
        assertEquals(List.of(
                "node 'Compute' (function): Node-RED function code cannot run in Switchboard; it was kept as a "
                        + "placeholder that does nothing (replace it with Switchboard nodes)",
                "node 'Set' (change): changing message properties is not supported; it was kept as a placeholder "
                        + "that does nothing (replace it with Switchboard nodes)",
                "node h (hangup): the node was disabled in Node-RED; Switchboard has no disabled nodes, so it runs "
                        + "now (delete it if it is not needed)",
                "node dbg (debug): debug nodes are not imported; Switchboard's call log shows every call",
                "node 'Broker' (mqtt-broker): configuration nodes of type 'mqtt-broker' are not supported; it was "
                        + "not imported",
                "node x (http request): the Node-RED node type 'http request' is not supported; it was kept as a "
                        + "placeholder that does nothing (replace it with Switchboard nodes)",
                "node x (http request): a wire leads to node gone, which is not in the export; it was left out",
                "node d1 (delay): the delay of 1 minute was removed because Switchboard has no delay; its input now "
                        + "goes straight to 'Compute', 'Set', which run right away",
                "node 'Throttle' (delay): the rate limit was removed because Switchboard has no delay; its input "
                        + "now goes straight to 'Compute', 'Set', which run right away",
                "node loop1 (delay): the delay of 5 seconds was removed because Switchboard has no delay; it was "
                        + "not connected to anything",
                "node loop2 (delay): the delay of 5 seconds was removed because Switchboard has no delay; it was "
                        + "not connected to anything",
                "export: it has 2 tabs ('Main', 'Second'); they were placed one below the other in one flow"),
                problems(loaded));
    }

    @Test
    void subflowsGroupsAndDisabledTabsAreReported() throws Exception {
        LoadedFlow loaded = convert("""
                [
                 {"id":"t","type":"tab","label":"Old","disabled":true},
                 {"id":"sf","type":"subflow","name":"Helper"},
                 {"id":"in1","type":"function","z":"sf","x":10,"y":10,"wires":[]},
                 {"id":"in2","type":"change","z":"sf","x":10,"y":10,"wires":[]},
                 {"id":"g1","type":"group","z":"t","name":"Box","nodes":["h"]},
                 {"id":"g2","type":"group","z":"t","name":"Other","nodes":[]},
                 {"id":"h","type":"hangup","z":"t","x":200,"y":100,"wires":[]}
                ]""");
        assertEquals(List.of("hangup"), loaded.flow().nodes().stream().map(FlowNode::type).toList());
        assertEquals(List.of(
                "tab 'Old': the tab was disabled in Node-RED; its nodes are imported and will run when the flow goes "
                        + "live",
                "node 'Helper' (subflow): subflows are not supported; its 2 nodes were not imported",
                "node 'Box' (group): groups are not imported; their nodes are"), problems(loaded));
    }

    @Test
    void outputsWithoutCounterpartAndFlowsApiWrapper() throws Exception {
        LoadedFlow loaded = convert("""
                {"rev":"abc","flows":[
                 {"id":"d","type":"dial","name":"Quiet","numbers":[{"number":"+49 30 1234567"}],
                  "onAnswer":false,"onHangup":"","x":200,"y":100,"wires":[["h"]]},
                 {"id":"h","type":"hangup","x":400,"y":100,"wires":[]}
                ]}""");
        assertEquals(List.of("node 'Quiet' (dial): output 1 has no counterpart in Switchboard; its wires were left "
                + "out"), problems(loaded));
        assertEquals(List.of(), loaded.flow().wires());
    }

    @Test
    void theImporterCanBeCalledDirectly() throws Exception {
        LoadedFlow loaded = NodeRedImport.convert("[{\"id\":\"w\",\"type\":\"webhook\",\"url\":\"/x\",\"x\":90,"
                + "\"y\":30,\"wires\":[]}]", "direct.json");
        assertEquals(new Position(0, 0), loaded.flow().nodes().get(0).position());
        FlowFileException e = assertThrows(FlowFileException.class,
                () -> NodeRedImport.convert("{\"formatVersion\": 1}", "ours.json"));
        assertEquals("ours.json, line 1, column 1: expected a Node-RED export (a JSON list of nodes), found an object",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not an object | [1, 2] | export.json, line 1, column 2 ([0]): expected a Node-RED node (an object with "
            + "\"id\" and \"type\"), found 1",
        "no type | [{\"id\":\"a\"}] | export.json, line 1, column 2 ([0]): \"type\" is missing",
        "bad wire target | [{\"id\":\"a\",\"type\":\"dial\",\"wires\":[[\"b\", 3]]}] | "
            + "export.json, line 1, column 41 ([0].wires[0][1]): expected a node id, found 3",
        "wires not lists | [{\"id\":\"a\",\"type\":\"dial\",\"wires\":[\"b\"]}] | "
            + "export.json, line 1, column 35 ([0].wires[0]): expected a list of outputs, each a list of node ids, "
            + "found \"b\"",
        "duplicate id | [{\"id\":\"a\",\"type\":\"x\"},{\"id\":\"a\",\"type\":\"y\"}] | "
            + "export.json, line 1, column 30 ([1].id): the node id \"a\" is used twice",
        "x as text | [{\"id\":\"a\",\"type\":\"dial\",\"x\":\"1\"}] | "
            + "export.json, line 1, column 30 ([0].x): expected a number, found \"1\"",
    })
    void brokenExportsSayWhereAndWhat(String what, String json, String expected) {
        FlowFileException e = assertThrows(FlowFileException.class, () -> FlowFiles.parse(json, "export.json"));
        assertEquals(expected, e.getMessage(), what);
    }
}
