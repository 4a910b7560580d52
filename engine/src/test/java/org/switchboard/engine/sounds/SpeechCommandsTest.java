package org.switchboard.engine.sounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The commands text to speech runs on each system. Only espeak-ng can run here (SpeechTest); the macOS {@code say}
 * and the Windows PowerShell commands are checked as they are built: the voice for each language, the WAV output
 * and the text read from a UTF-8 file (never from the command line, where quotes in the text could break it).
 */
class SpeechCommandsTest {

    private final Path text = Path.of("/tmp/sb it's/text.txt");
    private final Path wav = Path.of("/tmp/sb it's/speech.wav");

    @Test
    void espeakNgWritesTheWavFromTheTextFile() {
        assertEquals(List.of("/usr/bin/espeak-ng", "-v", "de", "-w", wav.toString(), "-f", text.toString()),
                new Speech(Speech.Engine.ESPEAK_NG, "/usr/bin/espeak-ng").command("de", text, wav));
    }

    @Test
    void macOsSayUsesAGermanOrEnglishSystemVoiceAndWrites16BitWave() {
        Speech say = new Speech(Speech.Engine.SAY, "/usr/bin/say");
        assertEquals(List.of("/usr/bin/say", "-v", "Anna", "-o", wav.toString(), "--file-format=WAVE",
                "--data-format=LEI16@22050", "-f", text.toString()), say.command("de", text, wav));
        assertEquals("Samantha", say.command("en", text, wav).get(2));
    }

    @Test
    void windowsUsesSystemSpeechWithAVoiceOfTheLanguageAndQuotesPaths() {
        List<String> cmd = new Speech(Speech.Engine.WINDOWS, "powershell.exe").command("de", text, wav);
        assertEquals(List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-Command"), cmd.subList(0, 4));
        String script = cmd.get(4);
        assertTrue(script.startsWith("Add-Type -AssemblyName System.Speech; "), script);
        assertTrue(script.contains("$_.VoiceInfo.Culture.Name -like 'de*'"), script);
        // a single quote in a path is doubled inside PowerShell's single-quoted strings
        assertTrue(script.contains("SetOutputToWaveFile('" + wav.toString().replace("'", "''") + "')"), script);
        assertTrue(script.contains("[IO.File]::ReadAllText('" + text.toString().replace("'", "''")
                + "', [Text.Encoding]::UTF8)"), script);
        assertTrue(script.endsWith("$s.Dispose()"), script);
    }
}
