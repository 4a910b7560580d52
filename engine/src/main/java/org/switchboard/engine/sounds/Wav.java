package org.switchboard.engine.sounds;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.switchboard.engine.i18n.Messages;

/** Writes and reads the one WAV layout sipgate plays: RIFF, PCM 16 bit signed little-endian, mono, 44-byte header. */
public final class Wav {

    /** The length of the header {@link #write} writes. */
    public static final int HEADER = 44;

    /** The facts of a WAV header. */
    public record Info(int format, int channels, int rate, int bits, long dataBytes) {

        /** Whether this is what sipgate plays (PCM, 16 bit, mono, 8 kHz). */
        public boolean isSipgateFormat() {
            return format == 1 && channels == 1 && rate == SoundConverter.RATE && bits == 16;
        }

        /** What is wrong with it for sipgate, in plain words in the language of {@code m}, or {@code null}. */
        public String mismatch(Messages m) {
            if (isSipgateFormat()) {
                return null;
            }
            return m.get("sound.format.mismatch", format == 1 ? "PCM" : m.get("sound.format.encoding",
                    String.valueOf(format)), String.valueOf(bits), channels == 1 ? "mono"
                    : m.get("sound.format.channels", String.valueOf(channels)), String.valueOf(rate));
        }
    }

    private Wav() {
    }

    /** Samples in -1..1 as a complete WAV file (clipped at full scale). */
    static byte[] write(float[] samples, int rate) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples.length * 2);
        b.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples.length * 2);
        for (float v : samples) {
            float c = Math.max(-1f, Math.min(1f, v));
            b.putShort((short) Math.round(c * 32767f));
        }
        return b.array();
    }

    /**
     * Reads the header of a WAV file from its first bytes (the {@code fmt } chunk and the start of {@code data});
     * {@code null} when the bytes are not a RIFF/WAVE file or end before both chunks.
     */
    public static Info read(byte[] head, int length) {
        ByteBuffer b = ByteBuffer.wrap(head, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        if (length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
            return null;
        }
        int at = 12;
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (at + 8 <= length) {
            int id = b.getInt(at);
            long size = b.getInt(at + 4) & 0xffffffffL;
            if (id == 0x20746d66 && at + 24 <= length) { // "fmt "
                format = b.getShort(at + 8) & 0xffff;
                channels = b.getShort(at + 10) & 0xffff;
                rate = b.getInt(at + 12);
                bits = b.getShort(at + 22) & 0xffff;
            } else if (id == 0x61746164) { // "data"
                return format < 0 ? null : new Info(format, channels, rate, bits, size);
            }
            at += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - at - 8);
        }
        return null;
    }
}
