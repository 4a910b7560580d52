package org.switchboard.engine.calltests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.SwitchRule;
import org.switchboard.engine.runtime.RuntimeEvent;
import org.switchboard.engine.server.FamilyMenu;

/**
 * Generated test calls, through the real server on loopback: every sample flow's generated tests pass and reach
 * every node and wired output; the family menu gets one test per key, one for an unknown key and one for the
 * timeout; a rewired digit or a changed number makes exactly the affected saved tests fail with a plain difference.
 */
public class GeneratedTestCallsTest {

    private static final Messages EN = Messages.ENGLISH;

    /** The sample flows shipped in sample-flows/ (their tests files left out). */
    public static List<Path> samples() throws IOException {
        Path folder = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../sample-flows").normalize();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.toString().endsWith(".tests.json")).sorted().toList();
            assertFalse(found.isEmpty(), "no sample flows in " + folder);
            return found;
        }
    }

    private static List<TestCall> generate(Flow flow) {
        try (TestCallRunner runner = TestCallRunner.start(flow)) {
            return TestGenerator.generate(runner, EN);
        }
    }

    private static List<TestResult> run(Flow flow, List<TestCall> tests) {
        try (TestCallRunner runner = TestCallRunner.start(flow)) {
            return runner.runAll(tests, EN);
        }
    }

    @Test
    void everySampleFlowsGeneratedTestsPassAndReachEveryNodeAndWiredOutput() throws Exception {
        for (Path sample : samples()) {
            Flow flow = FlowFiles.load(sample).flow();
            List<TestCall> tests = generate(flow);
            assertFalse(tests.isEmpty(), sample.toString());
            List<TestResult> results = run(flow, tests);
            for (TestResult r : results) {
                assertTrue(r.passed(), sample + ": " + r.test().name() + ": " + r.difference());
            }
            Coverage coverage = Coverage.of(flow, NodeTypes.standard(), results);
            assertTrue(coverage.complete(), sample + ": " + coverage);
        }
    }

    /**
     * The command line hands its pushes to the server inside the process: every sample flow gets the same tests that
     * way as over loopback, and they pass the same way.
     */
    @Test
    void inProcessRunsGenerateAndPassTheSameTestsAsLoopback() throws Exception {
        for (Path sample : samples()) {
            Flow flow = FlowFiles.load(sample).flow();
            List<TestCall> overLoopback = generate(flow);
            List<TestCall> inProcess;
            List<TestResult> results;
            try (TestCallRunner runner = TestCallRunner.startInProcess(flow, NodeTypes.standard(), null)) {
                inProcess = TestGenerator.generate(runner, EN);
                results = runner.runAll(overLoopback, EN);
            }
            assertEquals(overLoopback, inProcess, sample.toString());
            for (TestResult r : results) {
                assertTrue(r.passed(), sample + ": " + r.test().name() + ": " + r.difference());
            }
        }
    }

    /** The family menu's trigger takes both directions; these are the incoming calls' tests. */
    private static List<TestCall> incoming(List<TestCall> tests) {
        assertEquals(8, tests.size(), tests::toString);
        assertEquals(4, tests.stream().filter(t -> t.call().direction().equals("out")).count());
        return tests.stream().filter(t -> t.call().direction().equals("in")).toList();
    }

    @Test
    void theFamilyMenuGetsOneTestPerKeyAnUnknownKeyAndTheTimeout() {
        List<TestCall> tests = incoming(generate(FamilyMenu.flow()));
        List<List<Input>> inputs = tests.stream().map(t -> t.inputs().subList(0, 1)).toList();
        assertEquals(4, tests.size(), tests::toString);
        assertEquals(new Input.Press("1"), inputs.get(0).get(0));
        assertEquals(new Input.Press("2"), inputs.get(1).get(0));
        Input unknown = inputs.get(2).get(0);
        assertTrue(unknown instanceof Input.Press p && !p.digits().equals("1") && !p.digits().equals("2"),
                unknown::toString);
        assertEquals(new Input.Timeout(), inputs.get(3).get(0));

        TestCall anna = tests.get(0);
        assertEquals(List.of(new Experience.Hears(FamilyMenu.PROMPT), new Experience.MayPress(1, 5.0),
                new Experience.ConnectedTo(List.of("+" + FamilyMenu.ANNA), null, false)), anna.expect());
        assertEquals(List.of(new Experience.Hears(FamilyMenu.PROMPT), new Experience.MayPress(1, 5.0),
                new Experience.Hears(FamilyMenu.SORRY), new Experience.Ends("hungUp")), tests.get(3).expect());
        assertEquals("Incoming call (incoming): presses 1, the called party answers", anna.name());
    }

    @Test
    void aRewiredDigitFailsExactlyItsTestWithThePlainDifference() {
        Flow flow = FamilyMenu.flow();
        List<TestCall> saved = incoming(generate(flow));
        Flow rewired = flow.withoutWires(flow.wiresFrom("choice", "2"))
                .withWire(new Wire("choice", "2", "anna"));
        List<TestResult> results = run(rewired, saved);
        List<String> failed = results.stream().filter(r -> !r.passed()).map(r -> r.test().name()).toList();
        assertEquals(List.of(saved.get(1).name()), failed);
        TestResult ben = results.get(1);
        assertEquals("step 3: expected to be connected to +" + FamilyMenu.BEN + ", but was connected to +"
                + FamilyMenu.ANNA, ben.difference());
        assertEquals("Schritt 3: erwartet, dass der Anruf zu +" + FamilyMenu.BEN + " verbunden wird, aber der Anruf "
                + "wurde zu +" + FamilyMenu.ANNA + " verbunden", TestCallRunner.firstDifference(saved.get(1).expect(),
                ben.actual(), Messages.forLocale(Locale.GERMAN)));
    }

    @Test
    void aMissingStepAndAnExtraStepAreSaidPlainly() {
        Flow flow = FamilyMenu.flow();
        List<TestCall> saved = incoming(generate(flow));
        Flow noSorry = flow.withoutWires(flow.wiresFrom("sorry", "next"));
        TestResult timeout = run(noSorry, List.of(saved.get(3))).get(0);
        assertEquals("step 4: expected the call to end: hung up, but nothing more happened", timeout.difference());

        TestCall shorter = new TestCall("short", saved.get(0).call(), saved.get(0).inputs(),
                saved.get(0).expect().subList(0, 2));
        assertEquals("step 3: expected nothing more, but was connected to +" + FamilyMenu.ANNA,
                run(flow, List.of(shorter)).get(0).difference());
    }

    @Test
    void anInputTheCallCannotTakeFailsTheTest() {
        TestCall test = new TestCall("press twice", new TestCall.Setup(null, null, null, "in", null),
                List.of(new Input.Press("1"), new Input.Press("2")),
                List.of(new Experience.Hears(FamilyMenu.PROMPT), new Experience.MayPress(1, 5.0),
                        new Experience.ConnectedTo(List.of("+" + FamilyMenu.ANNA), null, false)));
        TestResult r = run(FamilyMenu.flow(), List.of(test)).get(0);
        assertEquals("the input \"presses 2\" could not be used: no menu was waiting for keys", r.difference());
    }

    @Test
    void dialOutcomesWithAWireGetTheirOwnTestAndHangUpCallIsSeen() {
        Flow flow = Flow.of("dial outcomes", List.of(
                node("in", "incomingCall", Map.of("path", "/x", "direction", "in")),
                node("dial", "dial", Map.of("target", "number", "numbers", List.of("+49 30 111111"))),
                node("cause", "switch", Map.of("field", "cause", "rules",
                        List.of(SwitchRule.data(SwitchRule.Op.EQUALS, "busy")))),
                node("end", "hangupCall", Map.of())),
                List.of(new Wire("in", "call", "dial"), new Wire("dial", "hungUp", "cause"),
                        new Wire("cause", "1", "end")));
        List<TestCall> tests = generate(flow);
        assertEquals(List.of(List.of(new Input.CalledParty("answers")), List.of(new Input.CalledParty("busy"))),
                tests.stream().map(TestCall::inputs).toList(), tests::toString);
        assertEquals(List.of(new Experience.ConnectedTo(List.of("+4930111111"), null, false),
                new Experience.Ends("hungUpByFlow")), tests.get(1).expect());
        List<TestResult> results = run(flow, tests);
        assertTrue(results.stream().allMatch(TestResult::passed), results::toString);
        assertTrue(Coverage.of(flow, NodeTypes.standard(), results).complete());
    }

    @Test
    void eachDirectionOfATriggerGetsATestAndCallerRulesGetTheirNumbers() {
        Flow flow = Flow.of("directions", List.of(
                node("in", "incomingCall", Map.of("path", "/x", "direction", "any")),
                node("who", "switch", Map.of("field", "from", "rules",
                        List.of(SwitchRule.data(SwitchRule.Op.REGEX, "^49157\\d+$")))),
                node("no", "reject", Map.of("reason", "rejected")),
                node("vm", "dial", Map.of("target", "voicemail"))),
                List.of(new Wire("in", "call", "who"), new Wire("who", "1", "no"), new Wire("who", "otherwise", "vm")));
        List<TestCall> tests = generate(flow);
        List<String> shapes = new ArrayList<>();
        for (TestCall t : tests) {
            shapes.add(t.call().direction() + " " + t.expect().get(0).getClass().getSimpleName());
        }
        assertEquals(List.of("in Voicemail", "in Ends", "out Voicemail", "out Ends"), shapes);
        assertEquals("Incoming call (incoming), call from +491571234567", tests.get(1).name());
        assertTrue(run(flow, tests).stream().allMatch(TestResult::passed));
    }

    @Test
    void aMenuThatLoopsBackEndsAndPasses() {
        Flow flow = FamilyMenu.flow().withoutWires(FamilyMenu.flow().wiresFrom("sorry", "next"))
                .withWire(new Wire("sorry", "next", "menu"));
        List<TestCall> tests = generate(flow);
        assertTrue(tests.size() < 40, tests::toString);
        assertTrue(run(flow, tests).stream().allMatch(TestResult::passed));
    }

    @Test
    void coverageNamesWhatNoTestReaches() {
        Flow flow = FamilyMenu.flow().withNode(FlowNode.of("lost", "hangup", 0, 0))
                .updateNode("choice", n -> n.withProperty("rules", List.of(SwitchRule.data(SwitchRule.Op.EQUALS, "1"),
                        SwitchRule.data(SwitchRule.Op.EQUALS, "1"))));
        List<TestResult> results = run(flow, generate(flow));
        Coverage coverage = Coverage.of(flow, NodeTypes.standard(), results);
        assertEquals(List.of("ben", "lost"), coverage.untestedNodes());
        assertEquals(List.of(new RuntimeEvent.OutputTaken("choice", "2")), coverage.untestedOutputs());
        assertFalse(coverage.complete());
        assertNull(results.stream().filter(r -> !r.passed()).findFirst().orElse(null));
    }

    private static FlowNode node(String id, String type, Map<String, Object> properties) {
        return FlowNode.of(id, type, 0, 0).withProperties(properties);
    }
}
