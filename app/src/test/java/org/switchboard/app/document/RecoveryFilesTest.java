package org.switchboard.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;

/** Autosave writes again after a failed write, and two running app instances never share a recovery file. */
class RecoveryFilesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // Autosave's timer is a JavaFX timeline
    }

    @Test
    void aFailedAutosaveIsWrittenAgainAtTheNextTick() throws Exception {
        Path blocker = dir.resolve("settings");
        Files.writeString(blocker, "a file where the folder should be"); // the write cannot create its folder
        Path file = blocker.resolve("recovery.json");
        EditorDocument doc = new EditorDocument(f -> List.of()); // no checks needed: only autosave is under test
        doc.apply("Add", f -> Flow.of("calls", List.of(FlowNode.of("a", "hangup", 20, 40)), List.of()));
        assertTrue(doc.isDirty());
        Autosave autosave = new Autosave(doc, file, Clock.systemUTC());
        autosave.tick();
        autosave.flush();
        assertFalse(Files.exists(file), "the first write failed");
        Files.delete(blocker);
        autosave.tick(); // nothing changed in the document, but the failed write is not forgotten
        autosave.flush();
        assertEquals(doc.flow(), Recovery.read(file).orElseThrow().flow());
        autosave.stop(true);
    }

    @Test
    void asecondRunningInstanceGetsItsOwnRecoveryFile() throws Exception {
        Path settings = dir.resolve("config");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RecoveryFileHolder.class.getName(), settings.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            while (first != null && !first.startsWith("recovery")) {
                first = out.readLine(); // skip anything the JVM prints first
            }
            assertEquals("recovery.json", first, "the first instance takes recovery.json");
            Path mine = Recovery.fileIn(settings);
            assertEquals("recovery-2.json", mine.getFileName().toString(), "this one may not share it");
            assertEquals(mine, Recovery.fileIn(settings), "and keeps its own");
        } finally {
            other.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Another app instance: takes a recovery file, says which, and keeps it until killed. */
    public static final class RecoveryFileHolder {
        public static void main(String[] args) throws Exception {
            System.out.println(Recovery.fileIn(Path.of(args[0])).getFileName());
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
