package org.switchboard.engine.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;

class AtomicSaveTest {

    @TempDir
    Path dir;

    private static Flow flow(String name) {
        return Flow.of(name, List.of(FlowNode.of("a", "hangup", 20, 40)), List.of());
    }

    private Set<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void saveCreatesAndReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("flow.json");
        FlowFiles.save(file, flow("one"));
        assertEquals("one", FlowFiles.load(file).flow().name());
        FlowFiles.save(file, flow("two"));
        assertEquals("two", FlowFiles.load(file).flow().name());
        assertEquals(Set.of("flow.json"), filesIn(dir));
    }

    @Test
    void aValueThatCannotBeSerialisedLeavesTheOldFileIntactAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("flow.json");
        FlowFiles.save(file, flow("good"));
        byte[] before = Files.readAllBytes(file);
        // NaN cannot be written as JSON; the writer fails half-way through the temporary file.
        Flow broken = Flow.of("bad", List.of(FlowNode.of("a", "hangup", 0, 0),
                FlowNode.of("b", "hangup", Double.NaN, 0)), List.of());

        IOException e = assertThrows(IOException.class, () -> FlowFiles.save(file, broken));
        assertTrue(e.getMessage().contains("node 'b'"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(Set.of("flow.json"), filesIn(dir));
    }

    @Test
    void aFailingRenameLeavesTheTargetIntactAndNoTemporaryFile() throws Exception {
        // A non-empty directory in the way makes the final rename fail after the content was written and synced.
        Path target = dir.resolve("flow.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "keep");

        assertThrows(IOException.class, () -> FlowFiles.save(target, flow("x")));
        assertEquals("keep", Files.readString(target.resolve("keep.txt")));
        assertEquals(Set.of("flow.json"), filesIn(dir));
    }

    @Test
    void aMissingFolderFailsWithoutCreatingAnything() {
        Path target = dir.resolve("missing").resolve("flow.json");
        assertThrows(IOException.class, () -> FlowFiles.save(target, flow("x")));
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void aReadOnlyFolderFailsAndKeepsTheOldFile() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write into read-only folders");
        Path file = dir.resolve("flow.json");
        FlowFiles.save(file, flow("old"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThrows(IOException.class, () -> FlowFiles.save(file, flow("new")));
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals("old", FlowFiles.load(file).flow().name());
        assertEquals(Set.of("flow.json"), filesIn(dir));
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws Exception {
        Path real = dir.resolve("real.json");
        FlowFiles.save(real, flow("real"));
        Path link = dir.resolve("link.json");
        try {
            Files.createSymbolicLink(link, real.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        FlowFiles.save(link, flow("via link"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("via link", FlowFiles.load(real).flow().name());
        assertEquals(Set.of("real.json", "link.json"), filesIn(dir));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path file = dir.resolve("flow.json");
        FlowFiles.save(file, flow("one"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        FlowFiles.save(file, flow("two"));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void atomicFilesWritesRawBytes() throws Exception {
        Path file = dir.resolve("settings.properties");
        AtomicFiles.write(file, "a=1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AtomicFiles.write(file, "a=2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("a=2\n", Files.readString(file));
        assertEquals(Set.of("settings.properties"), filesIn(dir));
    }

    @Test
    void aNewFlowGetsWhatTheUmaskGivesAndPrivateFilesAreOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path plain = Files.createFile(dir.resolve("made-by-the-user.txt")); // what the umask gives a new file
        Path file = dir.resolve("flow.json");
        FlowFiles.save(file, flow("one"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                "not rw------- whatever the umask");
        Path secret = dir.resolve("secret.json");
        AtomicFiles.writePrivate(secret, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.writePrivate(secret, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)),
                "a private file replaced is private again");
    }

    @Test
    void aWriteErrorSaysWhyAndNamesTheFileNotTheTemporaryOne() {
        Path target = dir.resolve("missing").resolve("flow.json");
        IOException e = assertThrows(IOException.class, () -> FlowFiles.save(target, flow("x")));
        assertEquals(target + " could not be written: the folder does not exist", e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    }

    @Test
    void aReadOnlyFileIsNotReplaced() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path file = dir.resolve("flow.json");
        FlowFiles.save(file, flow("old"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        IOException e = assertThrows(IOException.class, () -> FlowFiles.save(file, flow("new")));
        assertEquals(file + " is read-only; it was not replaced", e.getMessage());
        assertEquals("old", FlowFiles.load(file).flow().name());
        assertEquals(Set.of("flow.json"), filesIn(dir));
    }
}
