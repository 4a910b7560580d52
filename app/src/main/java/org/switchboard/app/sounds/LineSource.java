package org.switchboard.app.sounds;

import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * Where a recording comes from: a Java Sound {@link TargetDataLine}. {@link #SYSTEM} is the computer's microphone;
 * tests hand in a line that delivers generated audio, and everything after the line is the same code.
 */
public interface LineSource {

    /** The formats asked for, best first: mono 16 bit at 16 kHz (plenty for a phone), then common device rates. */
    List<AudioFormat> FORMATS = List.of(new AudioFormat(16000f, 16, 1, true, false),
            new AudioFormat(44100f, 16, 1, true, false), new AudioFormat(48000f, 16, 1, true, false));

    /** The computer's default recording line, through Java Sound. */
    LineSource SYSTEM = () -> {
        for (AudioFormat f : FORMATS) {
            DataLine.Info info = new DataLine.Info(TargetDataLine.class, f);
            try {
                if (AudioSystem.isLineSupported(info)) {
                    return (TargetDataLine) AudioSystem.getLine(info);
                }
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                // try the next format; none at all means no microphone
            }
        }
        return null;
    };

    /** A line that can record in one of {@link #FORMATS}, not yet opened; {@code null} when there is none. */
    TargetDataLine find();
}
