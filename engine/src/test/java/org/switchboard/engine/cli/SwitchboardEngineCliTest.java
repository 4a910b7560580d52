package org.switchboard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.files.LoadedFlow;
import org.switchboard.engine.sounds.Speech;

/** Runs the command line in-process with captured output, as a user would in a terminal. */
class SwitchboardEngineCliTest extends EnglishCliTest {

    /**
     * The seed's problems: two empty Dial numbers, four import notes, and the Gather's text-to-speech prompt that
     * is not spoken yet: a warning where a speech engine will speak it, an error where there is none.
     */
    private static final String SEED_COUNTS = Speech.find() != null ? "2 errors, 5 warnings" : "3 errors, 4 warnings";

    @TempDir
    Path dir;

    private static Path sample(String name) {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../sample-flows").resolve(name).normalize();
    }

    private Path seed() throws Exception {
        Path copy = dir.resolve("seed.json");
        Files.copy(Path.of(getClass().getResource("/node-red/seed-sample-flow.json").toURI()), copy);
        return copy;
    }

    private void assertNoStackTrace() {
        String all = out + "\n" + err;
        assertFalse(all.contains("Exception"), all);
        assertFalse(all.contains("\tat "), all);
    }

    @Test
    void validateACleanFlowSaysSoAndExitsZero() {
        Path file = sample("family-menu.json");
        assertEquals(0, run("validate", file.toString()));
        assertEquals(file + ": no problems" + System.lineSeparator(), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void validatePrintsEveryProblemOnItsOwnLineAndExitsOneOnErrors() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"formatVersion\": 1, \"nodes\": ["
                + "{\"id\": \"in\", \"type\": \"incomingCall\", "
                + "\"properties\": {\"path\": \"/sipgate\", \"direction\": \"any\"}},"
                + "{\"id\": \"menu\", \"type\": \"gather\", \"name\": \"Main menu\", "
                + "\"properties\": {\"maxDigits\": 99, \"timeout\": 2000}},"
                + "{\"id\": \"x\", \"type\": \"mystery\"}],"
                + "\"wires\": [{\"from\": \"in\", \"port\": \"call\", \"to\": \"menu\"}]}");
        assertEquals(1, run("validate", file.toString()));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.contains("error: " + file + ": node 'Main menu' (menu): Max digits must be between 1 and 32."),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("warning: " + file + ": node 'mystery' (x): ")),
                lines.toString());
        assertEquals(file + ": 1 error, 1 warning", lines.get(lines.size() - 1));
        assertEquals("", err.toString());
    }

    @Test
    void validateAnUnreadableFileExitsTwoWithOneLineOnStderr() throws Exception {
        Path file = dir.resolve("family.json");
        Files.writeString(file,
                "{\n  \"formatVersion\": 1,\n  \"nodes\": [{\"id\": \"a\", \"type\": \"dial\", \"x\": \"abc\"}]\n}\n");
        assertEquals(2, run("validate", file.toString()));
        assertEquals("", out.toString());
        assertEquals("error: " + file + ", line 3, column 46 (nodes[0].x): expected a number, found \"abc\""
                + System.lineSeparator(), err.toString());
        assertNoStackTrace();
    }

    @Test
    void validateAMissingFileExitsTwo() {
        Path file = dir.resolve("nope.json");
        assertEquals(2, run("validate", file.toString()));
        assertEquals("error: " + file + ": the file does not exist" + System.lineSeparator(), err.toString());
    }

    @Test
    void validateANodeRedExportConvertsItFirst() throws Exception {
        Path seed = seed();
        assertEquals(1, run("validate", seed.toString()));
        String text = out.toString();
        assertTrue(text.startsWith("note: " + seed + " is a Node-RED export"), text);
        assertTrue(text.contains("warning: " + seed + ": node 'Welcome message' (tts): now spoken by the speech "
                + "engine on this machine"), text);
        assertTrue(text.contains("error: " + seed + ": node 'dial sales' (dial1): "), text);
        assertTrue(text.endsWith(seed + ": " + SEED_COUNTS + System.lineSeparator()), text);
    }

    @Test
    void importWritesTheConvertedFlowAndPrintsItsProblems() throws Exception {
        Path seed = seed();
        Path target = dir.resolve("sample.json");
        assertEquals(0, run("import", seed.toString(), target.toString()));
        LoadedFlow written = FlowFiles.load(target);
        assertEquals(LoadedFlow.Source.SWITCHBOARD, written.source());
        assertEquals(6, written.flow().nodes().size());
        String text = out.toString();
        assertTrue(text.contains("warning: " + target + ": node a7d7ab35.ff7d (delay): the delay of 10 seconds was "
                + "removed"), text);
        assertTrue(text.contains("wrote " + target + ": 6 nodes, 6 wires; " + SEED_COUNTS + " (open it in "
                + "Switchboard to fix them)"), text);
        assertEquals("", err.toString());
    }

    @Test
    void importRefusesToOverwriteWithoutForce() throws Exception {
        Path seed = seed();
        Path target = dir.resolve("sample.json");
        Files.writeString(target, "precious");
        assertEquals(2, run("import", seed.toString(), target.toString()));
        assertEquals("error: " + target + " already exists; add --force to overwrite it" + System.lineSeparator(),
                err.toString());
        assertArrayEquals("precious".getBytes(), Files.readAllBytes(target));

        assertEquals(0, run("import", "--force", seed.toString(), target.toString()));
        assertEquals("Sample flow", FlowFiles.load(target).flow().name());
    }

    @Test
    void forceDoesNotReplaceAReadOnlyFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path seed = seed();
        Path target = dir.resolve("sample.json");
        Files.writeString(target, "precious");
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        assertEquals(2, run("import", "--force", seed.toString(), target.toString()));
        assertEquals("error: " + target + " is read-only; it was not replaced" + System.lineSeparator(),
                err.toString());
        assertArrayEquals("precious".getBytes(), Files.readAllBytes(target));
    }

    @Test
    void importOfAnUnreadableFileWritesNothing() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"id\": 1}]");
        Path target = dir.resolve("out.json");
        assertEquals(2, run("import", bad.toString(), target.toString()));
        assertEquals("error: " + bad + ", line 1, column 9 ([0].id): expected text, found 1" + System.lineSeparator(),
                err.toString());
        assertFalse(Files.exists(target));
    }

    @Test
    void importIntoAMissingFolderFailsWithOneLine() throws Exception {
        Path target = dir.resolve("missing").resolve("out.json");
        assertEquals(2, run("import", seed().toString(), target.toString()));
        assertTrue(err.toString().startsWith("error: " + target + " could not be written: "), err.toString());
        assertEquals(1, err.toString().lines().count());
        assertNoStackTrace();
    }

    @Test
    void versionHelpAndUsageErrors() {
        assertEquals(0, run("--version"));
        assertEquals("switchboard-engine " + VersionProvider.version() + System.lineSeparator(), out.toString());
        assertFalse(VersionProvider.version().isBlank());

        out.getBuffer().setLength(0);
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("validate") && out.toString().contains("import"), out.toString());

        assertEquals(2, run());
        assertTrue(err.toString().startsWith("error: missing command"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, run("validate"));
        assertTrue(err.toString().contains("Missing required parameter: 'FILE'"), err.toString());
        assertNoStackTrace();
    }

    @Test
    void unexpectedFailuresBecomeOneLine() throws Exception {
        CommandLine cmd = SwitchboardEngineCli.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.getExecutionExceptionHandler().handleExecutionException(
                new IllegalStateException("disk on fire\n\tat somewhere"), cmd, null);
        assertEquals(2, code);
        assertEquals("error: disk on fire" + System.lineSeparator(), err.toString());

        err.getBuffer().setLength(0);
        cmd.getExecutionExceptionHandler().handleExecutionException(new NullPointerException(), cmd, null);
        assertEquals("error: unexpected failure (NullPointerException)" + System.lineSeparator(), err.toString());
    }

    @Test
    void theMainCommandLineRunsTheSameCommands() {
        assertEquals(0, run(SwitchboardEngineCli.commandLine(), "validate",
                sample("forward-to-mobile.json").toString()));
    }
}
