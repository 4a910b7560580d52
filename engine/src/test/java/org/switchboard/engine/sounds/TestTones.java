package org.switchboard.engine.sounds;

import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;

import org.switchboard.engine.flow.SoundRef;

/** Public entry for tests in other packages: a 440 Hz tone as a 16-bit mono WAV. */
public final class TestTones {

    private TestTones() {
    }

    /** A tone converted and stored beside a flow in {@code dir}: the file source of a sound property. */
    public static SoundRef imported(Path dir, int rate, double seconds) throws IOException, SoundException {
        Path tone = dir.resolve("tone-" + rate + ".wav");
        write(tone, rate, seconds);
        return SoundStore.importFile(dir, tone, SoundConverter.Options.DEFAULTS);
    }

    public static void write(Path file, int rate, double seconds) throws IOException {
        TestAudio.writePcm(file, TestAudio.sweep(rate, seconds, 440, 440), rate, 16, 1, true, false,
                AudioFileFormat.Type.WAVE);
    }
}
