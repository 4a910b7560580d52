package org.switchboard.engine.sounds;

import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;

/** Public entry for tests in other packages: a 440 Hz tone as a 16-bit mono WAV. */
public final class TestTones {

    private TestTones() {
    }

    public static void write(Path file, int rate, double seconds) throws IOException {
        TestAudio.writePcm(file, TestAudio.sweep(rate, seconds, 440, 440), rate, 16, 1, true, false,
                AudioFileFormat.Type.WAVE);
    }
}
