package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.switchboard.app.settings.Language;
import org.switchboard.app.settings.SettingsStore;

/** The settings read early, on the second core, are the ones the app starts with; and only for their own place. */
class EarlyStartTest {

    @TempDir
    Path dir;

    private final String before = System.getProperty(SettingsStore.HOME_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(SettingsStore.HOME_PROPERTY);
        } else {
            System.setProperty(SettingsStore.HOME_PROPERTY, before);
        }
    }

    @Test
    void settingsReadEarlyAreHandedOverOnceAndOnlyForTheSameDirectory() throws Exception {
        Path early = dir.resolve("early");
        System.setProperty(SettingsStore.HOME_PROPERTY, early.toString());
        SettingsStore standard = SettingsStore.standard();
        Files.createDirectories(standard.directory());
        Files.writeString(standard.file(), "{\"language\": \"de\"}", StandardCharsets.UTF_8);

        EarlyStart.begin();
        assertEquals(Language.GERMAN, EarlyStart.settings(new SettingsStore(standard.directory())).language());
        // handed over once: later calls read the file as it is now
        Files.writeString(standard.file(), "{\"language\": \"en\"}", StandardCharsets.UTF_8);
        assertEquals(Language.ENGLISH, EarlyStart.settings(new SettingsStore(standard.directory())).language());

        Files.writeString(standard.file(), "{\"language\": \"de\"}", StandardCharsets.UTF_8);
        // a store somewhere else never gets the early settings
        EarlyStart.begin();
        SettingsStore other = new SettingsStore(dir.resolve("other"));
        Files.createDirectories(other.directory());
        Files.writeString(other.file(), "{\"language\": \"en\"}", StandardCharsets.UTF_8);
        assertEquals(Language.ENGLISH, EarlyStart.settings(other).language());
    }
}
