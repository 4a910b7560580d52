package org.switchboard.app.sound;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.switchboard.app.i18n.AppTexts;

/**
 * Plays a sound file's bytes on the default output (the inspector's Listen, the simulator). Starts the sound and
 * returns; call it off the JavaFX thread, since opening the output may take a moment. A machine without sound
 * output gets a plain message instead of an exception.
 */
public final class SoundOutput {

    private SoundOutput() {
    }

    /** Plays WAV (or AIFF) bytes; null, or a problem in plain words when there is no output. */
    public static String play(byte[] sound) {
        try {
            Clip clip = AudioSystem.getClip();
            clip.open(AudioSystem.getAudioInputStream(new ByteArrayInputStream(sound)));
            clip.addLineListener(e -> {
                if (e.getType() == LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.start();
            return null;
        } catch (LineUnavailableException | IllegalArgumentException | IOException | UnsupportedAudioFileException
                 | SecurityException e) {
            return AppTexts.get("inspector.sound.noOutput");
        }
    }
}
