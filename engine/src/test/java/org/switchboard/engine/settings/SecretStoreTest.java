package org.switchboard.engine.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {

    @Test
    void storesSecretsOwnerOnlyAndAtomically(@TempDir Path dir) throws IOException {
        SecretStore store = new SecretStore(dir.resolve("conf").resolve("secrets.json"));
        assertTrue(store.sipgateCredentials().isEmpty());
        store.put(SecretStore.SIPGATE_TOKEN_ID, "token-AB12CD");
        assertTrue(store.sipgateCredentials().isEmpty(), "both parts are needed");
        store.put(SecretStore.SIPGATE_TOKEN, "0f8fad5b-d9cb-469f-a165-70867728950e");
        assertEquals("token-AB12CD", store.sipgateCredentials().orElseThrow().tokenId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        try (var files = Files.list(store.file().getParent())) {
            assertEquals(1, files.count(), "no temp files are left behind");
        }
        assertFalse(store.toString().contains("0f8fad5b"));
        store.put(SecretStore.SIPGATE_TOKEN, "");
        assertTrue(store.sipgateCredentials().isEmpty());
    }

    @Test
    void brokenFileGivesAClearMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, "{not json");
        IOException e = assertThrows(IOException.class, () -> new SecretStore(file).readAll());
        assertTrue(e.getMessage().endsWith("is not a valid secrets file (expected a JSON object of strings)"));
    }

    @Test
    void configDirCanBeOverridden(@TempDir Path dir) {
        System.setProperty(ConfigDirs.OVERRIDE_PROPERTY, dir.toString());
        try {
            assertEquals(dir, ConfigDirs.configDir());
        } finally {
            System.clearProperty(ConfigDirs.OVERRIDE_PROPERTY);
        }
    }

    @Test
    void aSecretsFileOthersCanReadIsMadeOwnerOnlyBeforeUse(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, "{\"sipgate.tokenId\": \"token-1\", \"sipgate.token\": \"s3cret\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SecretStore store = new SecretStore(file);
        assertEquals("token-1", store.sipgateCredentials().orElseThrow().tokenId());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }
}
