package org.switchboard.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where settings live, that only their owner can read them, and that nothing in them is lost. */
class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void settingsFileIsWrittenAtomicallyForTheOwnerOnly() throws Exception {
        assumeTrue(SettingsStore.isPosix());
        SettingsStore store = new SettingsStore(dir.resolve("switchboard"));
        assertTrue(store.isFirstRun());
        AppSettings s = new AppSettings();
        s.setTheme(ThemeMode.DARK);
        store.save(s);
        assertFalse(store.isFirstRun());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        try (var files = Files.list(store.directory())) {
            assertEquals(List.of(store.file()), files.toList(), "no temporary file is left behind");
        }

        // a file created too open (e.g. by hand) is tightened on the next save
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        store.save(s);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    }

    @Test
    void everythingRoundTripsIncludingKeysThisVersionDoesNotKnow() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), "{\"language\": \"de\", \"sipgate\": {\"tokenId\": \"token-1\"},"
                + " \"recentFiles\": [\"/a/one.json\"]}", StandardCharsets.UTF_8);
        AppSettings s = store.load();
        assertEquals(Language.GERMAN, s.language());
        for (int i = 0; i < 12; i++) {
            s.addRecentFile(Path.of("/flows/f" + i + ".json"));
        }
        s.addRecentFile(Path.of("/flows/f3.json"));
        s.setWindow(new AppSettings.WindowState(10, 20, 1200, 800, true));
        s.setPanel("palette", 230);
        assertTrue(s.trimSilence(), "converted sounds are trimmed unless the user says otherwise");
        s.setTrimSilence(false);
        store.save(s);

        AppSettings again = store.load();
        assertEquals(AppSettings.MAX_RECENT, again.recentFiles().size());
        assertEquals(Path.of("/flows/f3.json").toAbsolutePath(), again.recentFiles().get(0), "newest first, once");
        assertEquals(new AppSettings.WindowState(10, 20, 1200, 800, true), again.window());
        assertEquals(230, again.panel("palette", 200));
        assertEquals(200, again.panel("inspector", 200));
        assertFalse(again.trimSilence());
        String json = Files.readString(store.file());
        assertTrue(json.contains("\"tokenId\" : \"token-1\""), "unknown settings are kept: " + json);
    }

    @Test
    void aDamagedFileIsMovedAsideNotOverwritten() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), "{ this is not json", StandardCharsets.UTF_8);
        AppSettings s = store.load();
        assertEquals(ThemeMode.SYSTEM, s.theme());
        assertEquals("{ this is not json", Files.readString(dir.resolve("settings.broken.json")));
    }

    @Test
    void systemAppearanceReadsTheUsualSignals() {
        assertTrue(SystemAppearance.linuxSaysDark(Map.of("GTK_THEME", "Adwaita:dark"), c -> null));
        assertFalse(SystemAppearance.linuxSaysDark(Map.of("GTK_THEME", "Adwaita"), c -> "'prefer-dark'"));
        Map<String, String> session = Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus");
        assertTrue(SystemAppearance.linuxSaysDark(session, c -> c.get(3).equals("color-scheme")
                ? "'prefer-dark'\n" : null));
        assertTrue(SystemAppearance.linuxSaysDark(session, c -> c.get(3).equals("color-scheme")
                ? "'default'" : "'Yaru-dark'"));
        assertFalse(SystemAppearance.linuxSaysDark(session, c -> null), "nothing readable means light");
        assertFalse(SystemAppearance.linuxSaysDark(Map.of(), c -> "'prefer-dark'"),
                "without a desktop session nothing is asked");
        assertTrue(SystemAppearance.windowsSaysDark("\r\nHKEY_CURRENT_USER\\...\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n"));
        assertFalse(SystemAppearance.windowsSaysDark("    AppsUseLightTheme    REG_DWORD    0x1"));
    }
}
