package org.switchboard.app.sounds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.function.Function;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.switchboard.app.i18n.AppTexts;

/** Plays WAV bytes on the computer's default sound output (what Listen does everywhere). */
public final class SoundPlayer {

    /** Plays WAV bytes; returns null or a problem in plain words. Replaced in tests: a build machine has no speaker. */
    public static Function<byte[], String> player = SoundPlayer::playOnSpeaker;

    private SoundPlayer() {
    }

    public static String play(byte[] wav) {
        return player.apply(wav);
    }

    private static String playOnSpeaker(byte[] wav) {
        try {
            Clip clip = AudioSystem.getClip();
            clip.open(AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav)));
            clip.addLineListener(e -> {
                if (e.getType() == LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.start();
            return null;
        } catch (LineUnavailableException | IllegalArgumentException | IOException | UnsupportedAudioFileException e) {
            return AppTexts.get("inspector.sound.noOutput");
        }
    }
}
