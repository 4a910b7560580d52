package org.switchboard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import org.switchboard.engine.calltests.GeneratedTestCallsTest;

/**
 * {@code test} through the real command line (in-process, output captured): generated tests pass for every sample
 * flow; tests saved before a deliberate change (a digit rewired, a number changed) fail and are named, exit 1; files
 * that cannot be read are exit 2 with one line; a JUnit report is written; a Node-RED export works as FLOW.
 */
class TestCommandTest {

    private static Locale before;

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeAll
    static void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(before);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        var cmd = SwitchboardEngineCli.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private void assertOneLineError(String expectedPart) {
        String text = err.toString();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: ") && text.contains(expectedPart), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
    }

    private Path copyOfSample(String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.copy(GeneratedTestCallsTest.samples().stream().filter(p -> p.getFileName().toString().equals(name))
                .findFirst().orElseThrow(), copy);
        return copy;
    }

    @Test
    void generatedTestsPassForEverySampleFlow() throws Exception {
        for (Path sample : GeneratedTestCallsTest.samples()) {
            assertEquals(0, run("test", "--generate", sample.toString()), out + "\n" + err);
            String text = out.toString();
            assertTrue(text.contains(" 0 failed"), text);
            assertFalse(text.contains("FAIL") || text.contains("untested"), text);
            assertEquals("", err.toString());
        }
    }

    @Test
    void savedTestsFailAfterADigitIsRewiredAndNameTheTest() throws Exception {
        Path flow = copyOfSample("family-menu.json");
        assertEquals(0, run("test", "--generate", "--save", flow.toString()), out + "\n" + err);
        Path tests = dir.resolve("family-menu.tests.json");
        assertTrue(out.toString().contains("wrote " + tests), out.toString());
        String saved = Files.readString(tests);
        assertTrue(saved.contains("{\"press\": \"2\"}"), saved);
        assertEquals(0, run("test", flow.toString()), out.toString());
        assertTrue(out.toString().endsWith("4 passed, 0 failed" + System.lineSeparator()), out.toString());

        String wire = "{\"from\": \"digits\", \"port\": \"1\", \"to\": \"anna\"}";
        Files.writeString(flow, Files.readString(flow).replace(wire, wire.replace("anna", "ben")));
        assertEquals(1, run("test", flow.toString()), out.toString());
        List<String> failed = out.toString().lines().filter(l -> l.startsWith("FAIL")).toList();
        assertEquals(List.of("FAIL Family line: presses 1, the called party answers: step 3: expected to be connected "
                + "to +4915123456789, but was connected to +491609876543"), failed);
        assertTrue(out.toString().contains("3 passed, 1 failed"), out.toString());
        assertEquals(saved, Files.readString(tests), "running tests never changes them");
    }

    @Test
    void savedTestsFailAfterANumberIsChanged() throws Exception {
        Path flow = copyOfSample("forward-to-mobile.json");
        assertEquals(0, run("test", "--generate", "--save", flow.toString()), out + "\n" + err);
        Files.writeString(flow, Files.readString(flow).replace("+49 171 2345678", "+49 171 7654321"));
        assertEquals(1, run("test", flow.toString()), out.toString());
        assertTrue(out.toString().contains("FAIL Office number: the called party answers: step 2: expected to be "
                + "connected to +491712345678, but was connected to +491717654321"), out.toString());
    }

    @Test
    void aReplayedCallShowsEveryStepWhereTheAnswersNowDiffer() throws Exception {
        Path flow = copyOfSample("family-menu.json");
        Path recorded = dir.resolve("recorded-calls.json");
        assertEquals(0, run("test", "--generate", "--save", "--tests", recorded.toString(), flow.toString()));
        String wire = "{\"from\": \"digits\", \"port\": \"2\", \"to\": \"ben\"}";
        Files.writeString(flow, Files.readString(flow).replace(wire, wire.replace("ben", "anna")));
        assertEquals(1, run("test", "--replay", recorded.toString(), flow.toString()), out.toString());
        String n = System.lineSeparator();
        assertTrue(out.toString().contains(": step 3: expected to be connected to +491609876543, but was connected to "
                + "+4915123456789" + n + "  1 = hears family-menu.wav" + n + "  2 = may press 1 key (5 s)" + n
                + "  3 - is connected to +491609876543" + n + "    + is connected to +4915123456789" + n
                + "PASS Family line: presses 3"), out.toString());
        assertEquals(2, run("test", "--replay", recorded.toString(), "--generate", flow.toString()));
        assertOneLineError("--replay runs the recorded calls");
    }

    @Test
    void aJUnitReportIsWritten() throws Exception {
        Path flow = copyOfSample("reject-or-voicemail.json");
        assertEquals(0, run("test", "--generate", "--save", flow.toString()));
        Files.writeString(flow, Files.readString(flow).replace("\"reason\": \"busy\"", "\"reason\": \"rejected\""));
        Path report = dir.resolve("reports/junit.xml");
        Files.createDirectories(report.getParent());
        assertEquals(1, run("test", "--junit-xml", report.toString(), flow.toString()));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        assertEquals("reject-or-voicemail", xml.getDocumentElement().getAttribute("name"));
        assertEquals("3", xml.getDocumentElement().getAttribute("failures"));
        assertEquals(xml.getDocumentElement().getAttribute("tests"),
                String.valueOf(xml.getElementsByTagName("testcase").getLength()));
        assertTrue(xml.getElementsByTagName("failure").item(0).getTextContent()
                .contains("expected the call to end: rejected as busy, but the call ended: rejected"));
    }

    @Test
    void filesThatCannotBeReadAreExitTwoWithOneLine() throws Exception {
        assertEquals(2, run("test", dir.resolve("nope.json").toString()));
        assertOneLineError("nope.json: the file does not exist");

        Path flow = copyOfSample("family-menu.json");
        assertEquals(2, run("test", flow.toString()));
        assertOneLineError("family-menu.tests.json does not exist; create it with: test --generate --save");

        Files.writeString(dir.resolve("family-menu.tests.json"), "{\"formatVersion\": 1, \"tests\": [{\"name\": 3}]}");
        assertEquals(2, run("test", flow.toString()));
        assertOneLineError("family-menu.tests.json (tests[0].name): expected text, found 3");

        Files.writeString(dir.resolve("family-menu.tests.json"), "{ not json");
        assertEquals(2, run("test", flow.toString()));
        assertOneLineError("family-menu.tests.json, line 1, column ");

        assertEquals(2, run("test", "--save", flow.toString()));
        assertOneLineError("--save needs --generate");
    }

    @Test
    void aNodeRedExportWorksAsFlow() throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.copy(Path.of(getClass().getResource("/node-red/seed-sample-flow.json").toURI()), seed);
        assertEquals(0, run("test", "--generate", "--save", seed.toString()), out + "\n" + err);
        assertTrue(out.toString().startsWith("note: " + seed + " is a Node-RED export"), out.toString());
        assertTrue(Files.exists(dir.resolve("seed.tests.json")));
        assertEquals(0, run("test", seed.toString()), out + "\n" + err);
    }
}
