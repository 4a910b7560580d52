package org.switchboard.engine.sounds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.switchboard.engine.flow.SoundRef;

/**
 * Text to speech with the speech engine of the machine, no cloud account: espeak-ng on Linux, {@code say} on macOS,
 * PowerShell's System.Speech on Windows (only the Linux one is run in tests; the commands of the other two are
 * checked as built).
 * The engine writes a WAV file that {@link SoundConverter} turns into sipgate's format. A spoken sound remembers what
 * it was made from ({@link #madeFrom}: a hash of engine, voice and text), so a changed text or voice, or another
 * engine, is spoken again.
 */
public final class Speech {

    private static final long TIMEOUT_SECONDS = 60;

    /** A speech engine: its id (part of {@link #madeFrom}) and how to run it. */
    public enum Engine {
        ESPEAK_NG("espeak-ng"), SAY("say"), WINDOWS("windows-sapi");

        private final String id;

        Engine(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Engine engine;
    private final String program;

    /** A speech engine run through {@code program}; tests build the macOS and Windows ones to check their commands. */
    Speech(Engine engine, String program) {
        this.engine = engine;
        this.program = program;
    }

    /** The speech engine of this machine, or {@code null} when it has none (on Linux: espeak-ng not installed). */
    public static Speech find() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return onPath("say") == null ? null : new Speech(Engine.SAY, onPath("say"));
        }
        if (os.contains("win")) {
            return new Speech(Engine.WINDOWS, "powershell.exe");
        }
        String espeak = onPath("espeak-ng");
        return espeak == null ? null : new Speech(Engine.ESPEAK_NG, espeak);
    }

    public Engine engine() {
        return engine;
    }

    /** What a spoken sound was made from: 16 hex digits of the SHA-256 of engine, voice and text. */
    public String madeFrom(String text, String voice) {
        String key = engine.id() + "\n" + voice + "\n" + text;
        return SoundStore.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** Whether the sound was spoken from its current text and voice by this engine, and the file is there. */
    public boolean isCurrent(SoundRef sound, Path flowFolder) {
        return sound.made().equals(madeFrom(sound.text(), sound.voice())) && sound.isWellFormedFile()
                && Files.isRegularFile(flowFolder.resolve(sound.file()));
    }

    /**
     * Speaks the sound's text in its voice, converts and stores the result beside the flow, and returns the sound
     * with {@code file} and {@code made} set.
     */
    public SoundRef speak(SoundRef sound, Path flowFolder) throws SoundException {
        String text = sound.text().strip();
        if (text.isEmpty()) {
            throw new SoundException("There is no text to speak.");
        }
        String voice = SoundRef.VOICES.contains(sound.voice()) ? sound.voice() : SoundRef.VOICES.get(0);
        byte[] wav = SoundConverter.convert(say(text, voice), "speech", SoundConverter.Options.DEFAULTS);
        try {
            return sound.withSpoken(SoundStore.store(flowFolder, wav), madeFrom(sound.text(), sound.voice()));
        } catch (IOException e) {
            throw new SoundException("The spoken sound cannot be saved beside the flow: " + e.getMessage(), e);
        }
    }

    /** Runs the engine; the WAV it wrote, as a stream. */
    private InputStream say(String text, String voice) throws SoundException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("switchboard-speech");
            Path wav = dir.resolve("speech.wav");
            Path textFile = dir.resolve("text.txt");
            Files.writeString(textFile, text, StandardCharsets.UTF_8);
            run(command(voice, textFile, wav));
            if (!Files.isRegularFile(wav) || Files.size(wav) <= Wav.HEADER) {
                throw new SoundException(engine.id() + " wrote no sound.");
            }
            return new java.io.ByteArrayInputStream(Files.readAllBytes(wav));
        } catch (IOException e) {
            throw new SoundException("Text to speech with " + engine.id() + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The command that speaks {@code textFile} in {@code voice} into {@code wav}. */
    List<String> command(String voice, Path textFile, Path wav) {
        List<String> cmd = new ArrayList<>();
        switch (engine) {
            case ESPEAK_NG -> cmd.addAll(List.of(program, "-v", voice, "-w", wav.toString(), "-f",
                    textFile.toString()));
            case SAY -> cmd.addAll(List.of(program, "-v", voice.equals("de") ? "Anna" : "Samantha", "-o",
                    wav.toString(), "--file-format=WAVE", "--data-format=LEI16@22050", "-f", textFile.toString()));
            default -> cmd.addAll(List.of(program, "-NoProfile", "-NonInteractive", "-Command",
                    "Add-Type -AssemblyName System.Speech; "
                            + "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
                            + "$v = $s.GetInstalledVoices() | Where-Object { $_.VoiceInfo.Culture.Name -like '"
                            + voice + "*' } | Select-Object -First 1; "
                            + "if ($v) { $s.SelectVoice($v.VoiceInfo.Name) }; "
                            + "$s.SetOutputToWaveFile('" + wav.toString().replace("'", "''") + "'); "
                            + "$s.Speak([IO.File]::ReadAllText('" + textFile.toString().replace("'", "''")
                            + "', [Text.Encoding]::UTF8)); $s.Dispose()"));
        }
        return cmd;
    }

    private void run(List<String> cmd) throws IOException, SoundException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.flush(); // the text comes from the file, not from standard input
        }
        byte[] output = p.getInputStream().readNBytes(4096);
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SoundException(engine.id() + " did not finish within " + TIMEOUT_SECONDS + " s.");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SoundException("Text to speech was interrupted.", e);
        }
        if (p.exitValue() != 0) {
            String said = new String(output, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
            throw new SoundException(engine.id() + " failed (exit " + p.exitValue() + ")"
                    + (said.isEmpty() ? "." : ": " + said));
        }
    }

    private static String onPath(String program) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/usr/local/bin" : path).split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
