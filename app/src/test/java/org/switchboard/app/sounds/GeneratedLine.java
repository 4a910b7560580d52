package org.switchboard.app.sounds;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.TargetDataLine;

/**
 * A recording line for tests (build machines have no microphone): delivers a 440 Hz tone at half scale in the
 * format it is opened with, in real time, like a microphone would. Only the source of the samples differs from a real
 * line; the recorder reads it through the same {@link TargetDataLine} calls.
 */
public final class GeneratedLine implements TargetDataLine {

    private AudioFormat format;
    private volatile boolean open;
    private volatile boolean started;
    private long frame;
    private long startNanos;
    private final Object lock = new Object();

    @Override
    public void open(AudioFormat f, int bufferSize) {
        open(f);
    }

    @Override
    public void open(AudioFormat f) {
        if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1 || f.isBigEndian()) {
            throw new IllegalArgumentException("unsupported format " + f);
        }
        format = f;
        open = true;
    }

    @Override
    public void open() {
        open(LineSource.FORMATS.get(0));
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int frames = len / 2;
        synchronized (lock) {
            // wait until the frames are "spoken": a microphone delivers in real time
            long due = startNanos + (long) ((frame + frames) * 1e9 / format.getFrameRate());
            while (open && started && System.nanoTime() < due) {
                try {
                    lock.wait(Math.max(1, (due - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            if (!open || !started) {
                return 0;
            }
            for (int i = 0; i < frames; i++, frame++) {
                short v = (short) (16000 * Math.sin(2 * Math.PI * 440 * frame / format.getFrameRate()));
                b[off + 2 * i] = (byte) v;
                b[off + 2 * i + 1] = (byte) (v >> 8);
            }
            return frames * 2;
        }
    }

    @Override
    public void start() {
        synchronized (lock) {
            startNanos = System.nanoTime();
            started = true;
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            started = false;
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            open = false;
            started = false;
            lock.notifyAll();
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public boolean isActive() {
        return started;
    }

    @Override
    public AudioFormat getFormat() {
        return format;
    }

    @Override
    public void drain() {
    }

    @Override
    public void flush() {
    }

    @Override
    public int getBufferSize() {
        return (int) format.getFrameRate();
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public int getFramePosition() {
        return (int) frame;
    }

    @Override
    public long getLongFramePosition() {
        return frame;
    }

    @Override
    public long getMicrosecondPosition() {
        return (long) (frame * 1e6 / format.getFrameRate());
    }

    @Override
    public float getLevel() {
        return javax.sound.sampled.AudioSystem.NOT_SPECIFIED;
    }

    @Override
    public Line.Info getLineInfo() {
        return new Line.Info(TargetDataLine.class);
    }

    @Override
    public Control[] getControls() {
        return new Control[0];
    }

    @Override
    public boolean isControlSupported(Control.Type control) {
        return false;
    }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException("no controls");
    }

    @Override
    public void addLineListener(LineListener listener) {
    }

    @Override
    public void removeLineListener(LineListener listener) {
    }
}
