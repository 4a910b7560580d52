package org.switchboard.engine.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;

/** The real example export of node-red-contrib-sipgate opens, with every unsupported part named. */
class NodeRedSeedImportTest {

    static Path seed;
    static LoadedFlow loaded;
    static Flow flow;

    @BeforeAll
    static void load() throws Exception {
        seed = Path.of(NodeRedSeedImportTest.class.getResource("/node-red/seed-sample-flow.json").toURI());
        loaded = FlowFiles.load(seed);
        flow = loaded.flow();
    }

    private static FlowNode byNodeRedId(String id) {
        return flow.nodes().stream().filter(n -> id.equals(n.extra().get("nodeRedId"))).findFirst().orElseThrow();
    }

    @Test
    void itIsDetectedAsNodeRedAndNamedAfterItsTab() {
        assertEquals(LoadedFlow.Source.NODE_RED, loaded.source());
        assertEquals("Sample flow", flow.name());
    }

    @Test
    void theSixCallNodesBecomeSwitchboardNodes() {
        assertEquals(List.of("in1", "gather1", "switch1", "dial1", "dial2", "hangupCall1"),
                flow.nodes().stream().map(FlowNode::id).toList());
        assertEquals(List.of("incomingCall", "gather", "switch", "dial", "dial", "hangupCall"),
                flow.nodes().stream().map(FlowNode::type).toList());
        FlowNode in = byNodeRedId("cee7d560.1bd0e8");
        assertEquals("/sipgate", in.property("path"));
        assertEquals(new Position(40, 110), in.position(), "centre (130,140) minus half a 180x60 card");
        FlowNode gather = byNodeRedId("72381810.88ad2");
        assertEquals(Map.of("maxDigits", 1L, "timeout", 5000L), Map.of("maxDigits", gather.property("maxDigits"),
                "timeout", gather.property("timeout")));
        FlowNode sw = byNodeRedId("4befc97b.8a4ea8");
        assertEquals("dtmf", sw.name());
        assertEquals("digits", sw.property("field"));
        assertEquals(List.of(Map.of("op", "equals", "value", "1"), Map.of("op", "equals", "value", "2")),
                sw.property("rules"));
        FlowNode sales = byNodeRedId("3a7732be.77b186");
        assertEquals("dial sales", sales.name());
        assertEquals(Map.of("target", "number", "numbers", List.of(""), "callerId", "", "anonymous", false,
                "announcement", ""), sales.properties());
        assertEquals("dial engineering", byNodeRedId("763cb9f4.f8a82").name());
        assertEquals(Map.of(), byNodeRedId("482c6c11.93f3c4").properties(), "no account in the flow");
    }

    @Test
    void wiresFollowTheExportAndTheDelayIsBridged() {
        assertEquals(Set.of(
                new Wire("in1", "call", "gather1"),
                new Wire("gather1", "digits", "switch1"),
                new Wire("switch1", "1", "dial1"),
                new Wire("switch1", "2", "dial2"),
                new Wire("dial1", "answered", "hangupCall1"),
                new Wire("dial2", "answered", "hangupCall1")), Set.copyOf(flow.wires()));
        assertEquals(6, flow.wires().size());
    }

    @Test
    void everyUnsupportedPartIsNamed() {
        Map<String, String> problems = loaded.problems().stream()
                .collect(Collectors.toMap(LoadProblem::place, LoadProblem::message));
        assertEquals(Set.of("node 'Welcome message' (tts)", "node 'AWS test configuration' (aws)",
                "node 'sipgate test account' (account)", "node a7d7ab35.ff7d (delay)"), problems.keySet());
        assertEquals("now spoken by the speech engine on this machine for the Gather, in English (the Polly voice "
                + "'Salli' is not available)", problems.get("node 'Welcome message' (tts)"));
        assertTrue(problems.get("node 'AWS test configuration' (aws)").contains("not imported"));
        assertTrue(problems.get("node 'sipgate test account' (account)").contains("credentials now live in Settings"));
        assertEquals("the delay of 10 seconds was removed because Switchboard has no delay; its input now goes "
                + "straight to 'Hang up call', which runs right away", problems.get("node a7d7ab35.ff7d (delay)"));
    }

    @Test
    void theEmptyPhoneNumbersAreKeptAndValidationReportsThem() {
        List<Problem> problems = FlowValidator.validate(flow, Messages.ENGLISH);
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        assertEquals(Set.of("dial1", "dial2"), errors.stream().map(Problem::nodeId).collect(Collectors.toSet()),
                problems.toString());
        assertTrue(errors.stream().allMatch(p -> "numbers".equals(p.property())), errors.toString());
    }

    @Test
    void theSetupCommentBecomesANoteAndTheSpeechTextTheGathersPrompt() {
        String notes = (String) flow.extra().get("notes");
        assertTrue(notes.contains("Setup instructions\n\nComplete following steps"), notes);
        FlowNode gather = flow.nodes().stream().filter(n -> n.type().equals("gather")).findFirst().orElseThrow();
        SoundRef prompt = SoundRef.of(gather.property("prompt"));
        assertEquals(SoundRef.Source.SPEECH, prompt.source());
        assertEquals("en", prompt.voice());
        assertTrue(prompt.text().startsWith("Welcome to the Automat Berlin sample flow.\n\nFor Automat Berlin sales "
                + "press 1"), prompt.text());
    }

    @Test
    void theConvertedFlowSavesAndReopensAsASwitchboardFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sample.json");
        FlowFiles.save(out, flow);
        LoadedFlow again = FlowFiles.load(out);
        assertEquals(LoadedFlow.Source.SWITCHBOARD, again.source());
        assertEquals(List.of(), again.problems());
        assertEquals(flow, again.flow());
        assertTrue(Files.readString(out).contains("\"nodeRedId\": \"72381810.88ad2\""));
    }
}
