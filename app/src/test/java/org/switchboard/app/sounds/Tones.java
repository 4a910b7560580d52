package org.switchboard.app.sounds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Test sounds written by the test itself: a 440 Hz tone as a 16-bit WAV file. */
public final class Tones {

    private Tones() {
    }

    public static void write(Path file, int rate, int channels, double seconds) throws IOException {
        write(file, rate, channels, seconds, 0);
    }

    /** The tone after {@code silence} seconds of silence (all in {@code seconds}). */
    public static void write(Path file, int rate, int channels, double seconds, double silence) throws IOException {
        int frames = (int) (rate * seconds);
        int quiet = (int) (rate * silence);
        byte[] pcm = new byte[frames * channels * 2];
        for (int i = 0; i < frames; i++) {
            short v = i < quiet ? 0 : (short) (12000 * Math.sin(2 * Math.PI * 440 * i / rate));
            for (int c = 0; c < channels; c++) {
                pcm[(i * channels + c) * 2] = (byte) v;
                pcm[(i * channels + c) * 2 + 1] = (byte) (v >> 8);
            }
        }
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm),
                new AudioFormat(rate, 16, channels, true, false), frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
