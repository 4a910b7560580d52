package org.switchboard.engine.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;

/** The flows shipped in sample-flows/ open cleanly, validate without a single problem and are laid out on the grid. */
class SampleFlowsTest {

    static Path folder() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../sample-flows").normalize();
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void theThreeSamplesAreThere() throws IOException {
        assertEquals(List.of("family-menu.json", "forward-to-mobile.json", "reject-or-voicemail.json"),
                samples().map(p -> p.getFileName().toString()).toList());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void opensWithoutAnyProblem(Path sample) throws Exception {
        LoadedFlow loaded = FlowFiles.load(sample);
        assertEquals(LoadedFlow.Source.SWITCHBOARD, loaded.source());
        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of(), FlowValidator.validate(loaded.flow(), Messages.ENGLISH));
        assertEquals(List.of(), FlowValidator.validate(loaded.flow(), Messages.forLocale(java.util.Locale.GERMAN)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isWrittenExactlyAsSwitchboardWouldSaveIt(Path sample) throws Exception {
        Flow flow = FlowFiles.load(sample).flow();
        assertEquals(Files.readString(sample), FlowFiles.toJson(flow));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isLaidOutLeftToRightOnTheTwentyPixelGrid(Path sample) throws Exception {
        Flow flow = FlowFiles.load(sample).flow();
        for (FlowNode n : flow.nodes()) {
            assertEquals(0, n.position().x() % 20, n.id());
            assertEquals(0, n.position().y() % 20, n.id());
            assertTrue(!n.name().isBlank(), "every sample node has a name: " + n.id());
        }
        // left to right; a wire may also go down to a row well below its card (samples fit a 1440x900 window at
        // 100 %, so a long chain continues on a second row)
        flow.wires().forEach(w -> {
            var from = flow.nodeOrNull(w.fromNode()).position();
            var to = flow.nodeOrNull(w.toNode()).position();
            assertTrue(to.x() >= from.x() + 180 || to.y() >= from.y() + 160,
                    "wires run left to right, or down to the next row, without overlapping cards: " + w);
        });
    }

    @Test
    void theFamilyMenuIsTheOneFromTheOriginalProject() throws Exception {
        Flow flow = FlowFiles.load(folder().resolve("family-menu.json")).flow();
        FlowNode menu = flow.nodeOrNull("menu");
        assertEquals("Main menu", menu.name());
        assertEquals("https://example.com/sounds/family-menu.wav", menu.property("prompt"));
        assertEquals(1L, menu.property("maxDigits"));
        assertEquals(5000L, menu.property("timeout"));
        assertEquals(List.of("+49 151 23456789"), flow.nodeOrNull("anna").property("numbers"));
        assertEquals(List.of("+49 160 9876543"), flow.nodeOrNull("ben").property("numbers"));
        assertEquals("https://example.com/sounds/sorry.wav", flow.nodeOrNull("sorry").property("url"));
    }
}
