package org.switchboard.engine.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.files.LoadedFlow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;
import org.switchboard.engine.server.RunningServer;

/**
 * Every file in sample-flows/ is loaded, validated and simulated through the real server: each webhook path gets
 * calls from an ordinary, a listed and an anonymous number, pressing 1, 2, an unknown key or nothing at every
 * menu, and every push must be answered with 200 and sipgate XML. The shipped samples also get their expected
 * outcome checked.
 */
class SampleFlowsSimulationTest {

    private static final List<String> CALLERS = List.of("+49 30 1234567", "+49 30 555010", "anonymous");
    private static final List<String> KEYS = List.of("1", "2", "9", "");

    private static List<Path> samples() throws IOException {
        Path folder = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../sample-flows").normalize();
        assertTrue(Files.isDirectory(folder), "missing folder " + folder);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertFalse(found.isEmpty(), "no sample flows in " + folder);
            return found;
        }
    }

    @Test
    void everySampleLoadsValidatesAndAnswersEveryPush() throws Exception {
        for (Path file : samples()) {
            LoadedFlow loaded = FlowFiles.load(file);
            List<Problem> errors = FlowValidator.validate(loaded.flow(), Messages.forLocale(Locale.ENGLISH)).stream()
                    .filter(Problem::isError).toList();
            assertEquals(List.of(), errors, file + " validates");
            try (RunningServer running = new RunningServer(loaded.flow())) {
                assertFalse(running.engine.webhookPaths().isEmpty(), file + " has a webhook path");
                for (String path : running.engine.webhookPaths()) {
                    String direction = directionOf(loaded, path);
                    for (String caller : CALLERS) {
                        for (String key : KEYS) {
                            Transcript t = running.simulator().run(Scenario.call(path, caller, "+49 211 7654321")
                                    .withDirection(direction).withUsers("Alice").pressing(key, key)
                                    .answeredBy("Bob", "+49 170 1111111"));
                            String where = file.getFileName() + " " + path + " from " + caller + " keys '" + key
                                    + "': " + t;
                            assertTrue(t.steps().get(0).answered(), where);
                            for (Step step : t.steps()) {
                                assertTrue(!step.posted() || step.status() == 200, where);
                                assertNotNull(step.outcome(), where);
                            }
                        }
                    }
                }
                assertEquals(0, running.engine.activeCalls(), file + ": every call ended with its hangup");
            }
        }
    }

    private static String directionOf(LoadedFlow loaded, String path) {
        for (FlowNode node : loaded.flow().nodes()) {
            if ("incomingCall".equals(node.type()) && path.equals(node.text("path"))) {
                return "out".equals(node.text("direction")) ? "out" : "in";
            }
        }
        return "in";
    }

    private static Transcript simulate(String sample, String from, String... keys) throws Exception {
        Path file = samples().stream().filter(p -> p.getFileName().toString().equals(sample)).findFirst()
                .orElseThrow(() -> new AssertionError("sample " + sample + " is missing"));
        try (RunningServer running = new RunningServer(FlowFiles.load(file).flow())) {
            return running.simulator().run(Scenario.call("/sipgate", from, "+49 211 7654321").pressing(keys)
                    .answeredBy("Someone", "+49 170 1111111"));
        }
    }

    @Test
    void familyMenuRoutesKeysToThePeople() throws Exception {
        assertEquals(List.of("4915123456789"), simulate("family-menu.json", "+49 30 1234567", "1").dialedNumbers());
        assertEquals(List.of("491609876543"), simulate("family-menu.json", "+49 30 1234567", "2").dialedNumbers());
        Transcript other = simulate("family-menu.json", "+49 30 1234567", "5");
        assertTrue(other.dialedNumbers().isEmpty(), other::toString);
        assertTrue(other.hungUp(), other::toString);
        assertEquals("https://example.com/sounds/sorry.wav", other.heardUrls().get(other.heardUrls().size() - 1));
    }

    @Test
    void forwardToMobileAnnouncesAndForwards() throws Exception {
        Transcript t = simulate("forward-to-mobile.json", "+49 30 1234567");
        assertEquals(List.of("491712345678"), t.dialedNumbers(), t::toString);
        assertEquals(List.of("https://example.com/sounds/forwarding-to-mobile.wav"), t.heardUrls());
    }

    @Test
    void rejectOrVoicemailBlocksListedCallers() throws Exception {
        Transcript blocked = simulate("reject-or-voicemail.json", "+49 30 555010");
        assertTrue(blocked.rejected(), blocked::toString);
        assertTrue(blocked.steps().get(0).outcome().contains("Call is rejected (busy)"), blocked::toString);
        Transcript other = simulate("reject-or-voicemail.json", "+49 30 1234567");
        assertFalse(other.rejected());
        assertTrue(other.wentToVoicemail(), other::toString);
    }
}
