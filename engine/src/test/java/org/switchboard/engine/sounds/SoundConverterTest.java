package org.switchboard.engine.sounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Converts sweeps and noise that the test writes itself, in WAV layouts and (through the command-line encoders) in
 * MP3, OGG Vorbis and FLAC, and checks sipgate's format, the length and that nothing above 4 kHz folds back.
 */
class SoundConverterTest {

    private static final SoundConverter.Options KEEP_ALL = SoundConverter.Options.DEFAULTS.withTrimSilence(false);
    /** The sweep: 3 s from 200 Hz to 12 kHz; the output's first part (below 3 kHz) and last part (above 4.5 kHz). */
    private static final double SECONDS = 3;
    private static final double F0 = 200;
    private static final double F1 = 12000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"wav-u8-mono-11025", "wav-s16-stereo-44100", "wav-s24-stereo-48000",
        "wav-s32-mono-96000", "wav-float-mono-22050", "aiff-s16be-stereo-44100", "wav-s16-mono-8000"})
    void pcmLayoutsBecomeSipgateWav(String layout) throws Exception {
        String[] p = layout.split("-");
        int rate = Integer.parseInt(p[3]);
        Path file = dir.resolve("in." + p[0]);
        float[] sweep = TestAudio.sweep(rate, SECONDS, F0, Math.min(F1, rate / 2.0 - 100));
        int channels = p[2].equals("stereo") ? 2 : 1;
        switch (p[1]) {
            case "u8" -> TestAudio.writePcm(file, sweep, rate, 8, channels, false, false, AudioFileFormat.Type.WAVE);
            case "s16" -> TestAudio.writePcm(file, sweep, rate, 16, channels, true, false, AudioFileFormat.Type.WAVE);
            case "s24" -> TestAudio.writePcm(file, sweep, rate, 24, channels, true, false, AudioFileFormat.Type.WAVE);
            case "s32" -> TestAudio.writePcm(file, sweep, rate, 32, channels, true, false, AudioFileFormat.Type.WAVE);
            case "s16be" -> TestAudio.writePcm(file, sweep, rate, 16, channels, true, true,
                    AudioFileFormat.Type.AIFF);
            case "float" -> TestAudio.writeFloatWav(file, sweep, rate);
            default -> throw new IllegalArgumentException(layout);
        }
        byte[] wav = SoundConverter.convert(file, KEEP_ALL);
        assertSipgateWav(wav, SECONDS);
        if (rate > 2 * SoundConverter.RATE) {
            assertAliasFree(wav, Math.min(F1, rate / 2.0 - 100));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "ogg", "flac"})
    void compressedFormatsBecomeSipgateWav(String format) throws Exception {
        Path wavIn = dir.resolve("sweep.wav");
        TestAudio.writePcm(wavIn, TestAudio.sweep(44100, SECONDS, F0, F1), 44100, 16, 2, true, false,
                AudioFileFormat.Type.WAVE);
        Path out = dir.resolve("sweep." + format);
        switch (format) {
            case "mp3" -> TestAudio.encode("lame", List.of("--quiet", "-b", "128", wavIn.toString(), out.toString()));
            case "ogg" -> TestAudio.encode("oggenc", List.of("--quiet", "-q", "5", "-o", out.toString(),
                    wavIn.toString()));
            default -> TestAudio.encode("flac", List.of("--silent", "-f", "-o", out.toString(), wavIn.toString()));
        }
        byte[] wav = SoundConverter.convert(out, KEEP_ALL);
        // MP3 adds encoder delay and padding (a few dozen ms)
        assertSipgateWav(wav, SECONDS);
        assertAliasFree(wav, F1);
    }

    @Test
    void noiseIsConvertedAndLimitedToTheTelephoneBand() throws Exception {
        Path file = dir.resolve("noise.wav");
        TestAudio.writePcm(file, TestAudio.noise(48000, 2, 7), 48000, 16, 1, true, false, AudioFileFormat.Type.WAVE);
        byte[] wav = SoundConverter.convert(file, KEEP_ALL);
        assertSipgateWav(wav, 2);
        float[] s = TestAudio.samples(wav);
        // white noise keeps its flat spectrum up to 3.4 kHz: the output is not silent
        assertTrue(TestAudio.energy(s, 800, s.length - 800) > 0.01);
    }

    @Test
    void silenceAtBothEndsIsTrimmedWhenAsked() throws Exception {
        int rate = 16000;
        float[] tone = TestAudio.sweep(rate, 1, 440, 440);
        float[] padded = new float[rate * 3];
        System.arraycopy(tone, 0, padded, rate, tone.length);
        Path file = dir.resolve("padded.wav");
        TestAudio.writePcm(file, padded, rate, 16, 1, true, false, AudioFileFormat.Type.WAVE);
        double trimmed = seconds(SoundConverter.convert(file, SoundConverter.Options.DEFAULTS));
        double kept = seconds(SoundConverter.convert(file, KEEP_ALL));
        assertEquals(3.0, kept, 0.01);
        assertTrue(trimmed > 1.0 && trimmed < 1.2, "trimmed to the tone and 50 ms around it: " + trimmed);
    }

    @Test
    void levelIsNormalisedToMinusOneDbfs() throws Exception {
        Path file = dir.resolve("quiet.wav");
        float[] quiet = TestAudio.sweep(8000, 1, 300, 300);
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] *= 0.1f;
        }
        TestAudio.writePcm(file, quiet, 8000, 16, 1, true, false, AudioFileFormat.Type.WAVE);
        float peak = 0;
        for (float v : TestAudio.samples(SoundConverter.convert(file, KEEP_ALL))) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertEquals(Math.pow(10, -1 / 20.0), peak, 0.01);
    }

    @Test
    void tooLongFilesAreRefusedFromTheHeader() throws Exception {
        Path file = dir.resolve("long.wav");
        TestAudio.writePcm(file, TestAudio.sweep(8000, 3, 300, 300), 8000, 16, 1, true, false,
                AudioFileFormat.Type.WAVE);
        SoundException e = assertThrows(SoundException.class, () -> SoundConverter.convert(file,
                KEEP_ALL.withMaxLength(Duration.ofSeconds(2))));
        assertTrue(e.getMessage().contains("long.wav is 3 s long; Switchboard takes sounds of up to 2 s"),
                e.getMessage());
    }

    @Test
    void aSixtyMinuteFileIsRefusedWithAClearMessage() throws Exception {
        Path file = dir.resolve("hour.wav");
        writeSilence(file, AudioFileFormat.Type.WAVE, 8000L * 3600, 8000L * 3600); // 28.8 MB on disk
        SoundException e = assertThrows(SoundException.class, () -> SoundConverter.convert(file,
                SoundConverter.Options.DEFAULTS));
        assertEquals("hour.wav is 60 min 0 s long; Switchboard takes sounds of up to 10 min 0 s (sipgate plays short "
                + "prompts). Cut it first.", e.getMessage());
    }

    @Test
    void aLongSoundWhoseHeaderDoesNotTellIsRefusedWhileDecoding() {
        // an AU stream with "length unknown" in its header and 11 minutes of samples that are generated, never stored
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(24);
        header.putInt(0x2e736e64).putInt(24).putInt(-1).putInt(2).putInt(8000).putInt(1); // .snd, 8-bit PCM, mono
        java.io.InputStream in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(header.array()),
                zeros(8000L * 660));
        SoundException e = assertThrows(SoundException.class, () -> SoundConverter.convert(in, "stream.au",
                SoundConverter.Options.DEFAULTS));
        assertTrue(e.getMessage().startsWith("stream.au is 10 min 0 s long; Switchboard takes sounds of up to 10 min"),
                e.getMessage());
    }

    /** {@code frames} of 8-bit mono 8 kHz silence, streamed to the file; the header states {@code declared}. */
    private static void writeSilence(Path file, AudioFileFormat.Type type, long frames, long declared)
            throws IOException {
        javax.sound.sampled.AudioFormat f = new javax.sound.sampled.AudioFormat(8000f, 8, 1, true, false);
        try (javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(zeros(frames), f,
                declared)) {
            javax.sound.sampled.AudioSystem.write(in, type, file.toFile());
        }
    }

    /** {@code count} zero bytes, generated as they are read. */
    private static java.io.InputStream zeros(long count) {
        return new java.io.InputStream() {
            private long left = count;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void notASoundFileGetsAPlainMessage() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, not a sound");
        SoundException e = assertThrows(SoundException.class, () -> SoundConverter.convert(file, KEEP_ALL));
        assertEquals("notes.txt is not a sound file Switchboard can read (WAV, MP3, OGG Vorbis or FLAC).",
                e.getMessage());
        SoundException german = assertThrows(SoundException.class, () -> SoundConverter.convert(file,
                KEEP_ALL.withMessages(org.switchboard.engine.i18n.Messages.forLocale(java.util.Locale.GERMAN))));
        assertEquals("notes.txt ist keine Klangdatei, die Switchboard lesen kann (WAV, MP3, OGG Vorbis oder FLAC).",
                german.getMessage());
    }

    private static double seconds(byte[] wav) {
        return (wav.length - Wav.HEADER) / 2.0 / SoundConverter.RATE;
    }

    private static void assertSipgateWav(byte[] wav, double seconds) {
        Wav.Info info = Wav.read(wav, wav.length);
        assertNotNull(info, "a RIFF/WAVE header");
        assertTrue(info.isSipgateFormat(), String.valueOf(info.mismatch(org.switchboard.engine.i18n.Messages.ENGLISH)));
        assertEquals(wav.length - Wav.HEADER, info.dataBytes());
        assertEquals(seconds, seconds(wav), 0.08, "length in seconds");
    }

    /**
     * Energy in the output while the sweep is above 4.5 kHz (where the input must be filtered out, or it would
     * fold back below 4 kHz) is at least 50 dB below the energy while it is between 300 Hz and 3 kHz.
     */
    private static void assertAliasFree(byte[] wav, double f1) {
        float[] s = TestAudio.samples(wav);
        int rate = SoundConverter.RATE;
        int passFrom = (int) (time(300, f1) * rate);
        int passTo = (int) (time(3000, f1) * rate);
        int stopFrom = (int) (time(4500, f1) * rate);
        int stopTo = Math.min(s.length, (int) (SECONDS * rate) - 400);
        double pass = TestAudio.energy(s, passFrom, passTo);
        double stop = TestAudio.energy(s, stopFrom, stopTo);
        double db = 10 * Math.log10(stop / pass);
        assertTrue(db < -50, "above 4.5 kHz the output is " + Math.round(db) + " dB below the pass band");
    }

    private static double time(double f, double f1) {
        return (f - F0) / (f1 - F0) * SECONDS;
    }
}
