package org.switchboard.app.sounds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

import org.switchboard.engine.sounds.SoundConverter;

/**
 * One recording from a {@link TargetDataLine}: a thread reads the line into memory and keeps the current level (the
 * peak of the last block, 0..1) for a meter; {@link #stop} ends it and gives the recording as a WAV file. It stops by
 * itself at {@link SoundConverter#MAX_LENGTH}, the longest sound Switchboard converts. No JavaFX here.
 */
public final class Recorder {

    /** Where recordings come from: the microphone; replaced in tests by a line that delivers generated audio. */
    public static LineSource lineSource = LineSource.SYSTEM;

    private final TargetDataLine line;
    private final AudioFormat format;
    private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
    private final Thread reader;
    private final long maxBytes;
    private volatile float level;
    private volatile long frames;
    private volatile boolean running = true;

    private Recorder(TargetDataLine line) {
        this.line = line;
        this.format = line.getFormat();
        this.maxBytes = (long) (SoundConverter.MAX_LENGTH.toSeconds() * format.getFrameRate()) * format.getFrameSize();
        this.reader = new Thread(this::read, "switchboard-record");
        reader.setDaemon(true);
    }

    /** Opens the line in the first of {@link LineSource#FORMATS} it takes and starts recording. */
    public static Recorder start(TargetDataLine line) throws LineUnavailableException {
        LineUnavailableException last = null;
        for (AudioFormat f : LineSource.FORMATS) {
            try {
                line.open(f);
                break;
            } catch (LineUnavailableException | IllegalArgumentException e) {
                last = e instanceof LineUnavailableException lu ? lu : new LineUnavailableException(e.getMessage());
            }
        }
        if (!line.isOpen()) {
            throw last == null ? new LineUnavailableException("no format") : last;
        }
        Recorder r = new Recorder(line);
        line.start();
        r.reader.start();
        return r;
    }

    private void read() {
        byte[] block = new byte[Math.max(format.getFrameSize(), (int) (format.getFrameRate() / 20)
                * format.getFrameSize())];
        while (running) {
            int n = line.read(block, 0, block.length);
            if (n <= 0) {
                if (!line.isOpen()) {
                    break;
                }
                continue;
            }
            synchronized (recorded) {
                recorded.write(block, 0, n);
            }
            level = peak(block, n);
            frames += n / format.getFrameSize();
            if (recorded.size() >= maxBytes) {
                running = false;
            }
        }
    }

    /** The peak of the last block read, 0..1 (16-bit signed little-endian samples). */
    private static float peak(byte[] b, int n) {
        int max = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            max = Math.max(max, Math.abs((short) ((b[i] & 0xff) | (b[i + 1] << 8))));
        }
        return max / 32768f;
    }

    public float level() {
        return level;
    }

    public Duration length() {
        return Duration.ofMillis((long) (frames * 1000 / format.getFrameRate()));
    }

    /** Whether it still records (false once it reached the longest length). */
    public boolean running() {
        return running;
    }

    /** Ends the recording, closes the line and gives what was recorded as a WAV file. */
    public byte[] stop() throws IOException {
        running = false;
        line.stop();
        line.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] pcm;
        synchronized (recorded) {
            pcm = recorded.toByteArray();
        }
        ByteArrayOutputStream wav = new ByteArrayOutputStream(pcm.length + 64);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format,
                pcm.length / format.getFrameSize())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav);
        }
        return wav.toByteArray();
    }
}
