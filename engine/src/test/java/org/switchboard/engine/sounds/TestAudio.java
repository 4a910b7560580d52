package org.switchboard.engine.sounds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Test audio written by the tests themselves: sweeps and noise in WAV layouts, and MP3/OGG/FLAC by the encoders. */
final class TestAudio {

    private TestAudio() {
    }

    /** A linear sine sweep from {@code f0} to {@code f1} Hz at 0.5 amplitude, {@code seconds} long. */
    static float[] sweep(int rate, double seconds, double f0, double f1) {
        int n = (int) (rate * seconds);
        float[] s = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f = f0 + (f1 - f0) * i / n;
            phase += 2 * Math.PI * f / rate;
            s[i] = (float) (0.5 * Math.sin(phase));
        }
        return s;
    }

    /** White noise at 0.3 amplitude. */
    static float[] noise(int rate, double seconds, long seed) {
        Random r = new Random(seed);
        float[] s = new float[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) ((r.nextDouble() * 2 - 1) * 0.3);
        }
        return s;
    }

    /** Writes mono samples to {@code channels} channels (the right one at half level) in a PCM layout. */
    static void writePcm(Path file, float[] mono, int rate, int bits, int channels, boolean signed, boolean big,
                         AudioFileFormat.Type type) throws IOException {
        int bytes = bits / 8;
        byte[] data = new byte[mono.length * bytes * channels];
        int at = 0;
        for (float v : mono) {
            for (int c = 0; c < channels; c++) {
                double x = c == 0 ? v : v * 0.5;
                long q = Math.round(x * ((1L << (bits - 1)) - 1));
                if (!signed) {
                    q += 1L << (bits - 1);
                }
                for (int i = 0; i < bytes; i++) {
                    int shift = big ? (bytes - 1 - i) * 8 : i * 8;
                    data[at + i] = (byte) (q >> shift);
                }
                at += bytes;
            }
        }
        AudioFormat f = new AudioFormat(signed ? AudioFormat.Encoding.PCM_SIGNED : AudioFormat.Encoding.PCM_UNSIGNED,
                rate, bits, channels, bytes * channels, rate, big);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), f, mono.length)) {
            AudioSystem.write(in, type, file.toFile());
        }
    }

    /** A 32-bit float WAV (format 3), written by hand: Java Sound has no writer for it. */
    static void writeFloatWav(Path file, float[] mono, int rate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + mono.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + mono.length * 4).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 3).putShort((short) 1).putInt(rate).putInt(rate * 4)
                .putShort((short) 4).putShort((short) 32);
        b.put("data".getBytes()).putInt(mono.length * 4);
        for (float v : mono) {
            b.putFloat(v);
        }
        Files.write(file, b.array());
    }

    /**
     * Runs an encoder installed by {@code scripts/setup.sh --test}; skipped where it is missing, except on CI
     * ({@code CI=true}), where a missing encoder fails.
     */
    static void encode(String tool, List<String> args) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/usr/local/bin",
                tool));
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(present, tool + " is not installed (scripts/setup.sh --test installs it)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(tool + " did not finish");
        }
        assertEquals(0, p.exitValue(), tool + " failed");
    }

    /** The 16-bit samples of a WAV written by {@link Wav#write} as floats. */
    static float[] samples(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        float[] s = new float[(wav.length - Wav.HEADER) / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = b.getShort(Wav.HEADER + 2 * i) / 32768f;
        }
        return s;
    }

    /** Mean square of {@code s[from..to)}. */
    static double energy(float[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += s[i] * s[i];
        }
        return sum / Math.max(1, to - from);
    }
}
