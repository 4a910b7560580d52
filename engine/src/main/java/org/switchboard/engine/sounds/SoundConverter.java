package org.switchboard.engine.sounds;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.switchboard.engine.i18n.Messages;

/**
 * Converts a sound file to what sipgate plays: WAV, PCM 16 bit signed little-endian, mono, 8 kHz. Reads WAV (any
 * PCM, float, A-law, mu-law), AIFF, and through Java Sound service providers MP3 (mp3spi), OGG Vorbis (vorbisspi)
 * and FLAC (jflac). The channels are mixed to mono, the rate converted with an anti-alias low-pass
 * ({@link Resampler}), the level normalised to a peak of -1 dBFS (at most +30 dB), and silence at both ends trimmed
 * when the options say so. Decoding streams: a file longer than {@link Options#maxLength} is refused as soon as that
 * is known (from its header when it says, otherwise while decoding) without holding more than that in memory.
 */
public final class SoundConverter {

    /** sipgate's sample rate. */
    public static final int RATE = 8000;
    /** The default limit: sipgate prompts are short. */
    public static final Duration MAX_LENGTH = Duration.ofMinutes(10);

    private static final double PEAK = Math.pow(10, -1 / 20.0);
    private static final double MAX_GAIN = Math.pow(10, 30 / 20.0);
    private static final double SILENCE = Math.pow(10, -45 / 20.0);
    private static final int WINDOW = RATE / 100;
    private static final int PAD = RATE / 20;
    private static final int BLOCK_FRAMES = 4096;

    /** How to convert: trim silence at both ends, the longest input accepted, and the language of its messages. */
    public record Options(boolean trimSilence, Duration maxLength, Messages messages) {

        public static final Options DEFAULTS = new Options(true, MAX_LENGTH, Messages.ENGLISH);

        public Options withTrimSilence(boolean trim) {
            return new Options(trim, maxLength, messages);
        }

        public Options withMaxLength(Duration max) {
            return new Options(trimSilence, max, messages);
        }

        /** The same options, with what goes wrong said in the language of {@code m}. */
        public Options withMessages(Messages m) {
            return new Options(trimSilence, maxLength, m);
        }
    }

    private SoundConverter() {
    }

    /** Converts the file to sipgate's WAV format (the complete file's bytes). */
    public static byte[] convert(Path file, Options options) throws SoundException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new SoundException(options.messages().get("sound.convert.noFile", name));
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return convert(raw, name, options);
        } catch (IOException e) {
            throw new SoundException(options.messages().get("sound.convert.unreadable", name, e.getMessage()), e);
        }
    }

    /** Converts a sound read from a stream; {@code name} is used in messages. */
    public static byte[] convert(InputStream raw, String name, Options options) throws SoundException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 1 << 16);
        AudioFileFormat fileFormat;
        try {
            in.mark(1 << 16);
            fileFormat = AudioSystem.getAudioFileFormat(in);
            in.reset();
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new SoundException(options.messages().get("sound.convert.notSound", name), e);
        }
        Duration declared = declaredLength(fileFormat);
        if (declared != null && declared.compareTo(options.maxLength()) > 0) {
            throw tooLong(name, options, declared);
        }
        try (AudioInputStream encoded = AudioSystem.getAudioInputStream(in);
             AudioInputStream pcm = toPcm(encoded)) {
            float[] mono = decodeToRate(pcm, name, options);
            float[] shaped = options.trimSilence() ? trim(normalise(mono)) : normalise(mono);
            return Wav.write(shaped, RATE);
        } catch (UnsupportedAudioFileException e) {
            throw new SoundException(options.messages().get("sound.convert.notSound", name), e);
        } catch (IllegalArgumentException e) {
            throw new SoundException(options.messages().get("sound.convert.encoding", name,
                    String.valueOf(fileFormat.getFormat().getEncoding())), e);
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new SoundException(options.messages().get("sound.convert.damaged", name,
                    String.valueOf(e.getMessage())), e);
        }
    }

    private static SoundException tooLong(String name, Options options, Duration length) {
        return new SoundException(options.messages().get("sound.convert.tooLong", name, minutes(length),
                minutes(options.maxLength())));
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }

    /** The length the header declares (frame count, or the decoders' {@code duration} property), if any. */
    private static Duration declaredLength(AudioFileFormat f) {
        Object micros = f.properties().get("duration");
        if (micros instanceof Long us && us > 0) {
            return Duration.ofNanos(us * 1000);
        }
        float rate = f.getFormat().getFrameRate();
        if (f.getFrameLength() > 0 && rate > 0) {
            return Duration.ofMillis((long) (f.getFrameLength() * 1000.0 / rate));
        }
        return null;
    }

    /** PCM as it comes, or decoded to signed 16 bit at the source's rate and channels. */
    private static AudioInputStream toPcm(AudioInputStream in) {
        AudioFormat f = in.getFormat();
        AudioFormat.Encoding e = f.getEncoding();
        if (e.equals(AudioFormat.Encoding.PCM_SIGNED) || e.equals(AudioFormat.Encoding.PCM_UNSIGNED)
                || e.equals(AudioFormat.Encoding.PCM_FLOAT)) {
            return in;
        }
        int channels = f.getChannels() > 0 ? f.getChannels() : 1;
        AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, channels,
                channels * 2, f.getSampleRate(), false);
        return AudioSystem.getAudioInputStream(target, in);
    }

    private static float[] decodeToRate(AudioInputStream pcm, String name, Options options)
            throws IOException, SoundException {
        AudioFormat f = pcm.getFormat();
        int rate = Math.round(f.getSampleRate());
        int channels = f.getChannels();
        int bytesPerSample = (f.getSampleSizeInBits() + 7) / 8;
        if (rate <= 0 || channels <= 0 || bytesPerSample <= 0 || bytesPerSample > 8) {
            throw new SoundException(options.messages().get("sound.convert.format", name, String.valueOf(f)));
        }
        SampleReader reader = SampleReader.of(f, bytesPerSample);
        int frameSize = bytesPerSample * channels;
        long maxFrames = options.maxLength().toMillis() * rate / 1000;
        Resampler resampler = new Resampler(rate, RATE);
        byte[] bytes = new byte[BLOCK_FRAMES * frameSize];
        float[] mono = new float[BLOCK_FRAMES];
        long frames = 0;
        int filled = 0;
        while (true) {
            int n = pcm.read(bytes, filled, bytes.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
            int whole = filled / frameSize;
            if (whole == 0) {
                continue;
            }
            for (int i = 0; i < whole; i++) {
                float sum = 0;
                int at = i * frameSize;
                for (int c = 0; c < channels; c++) {
                    sum += reader.read(bytes, at + c * bytesPerSample);
                }
                mono[i] = sum / channels;
            }
            resampler.push(mono, whole);
            frames += whole;
            if (frames > maxFrames) {
                throw tooLong(name, options, Duration.ofMillis(frames * 1000 / rate));
            }
            int rest = filled - whole * frameSize;
            System.arraycopy(bytes, whole * frameSize, bytes, 0, rest);
            filled = rest;
        }
        if (frames == 0) {
            throw new SoundException(options.messages().get("sound.convert.empty", name));
        }
        return resampler.finish(resampler.outputsFor(frames));
    }

    /** Scales to a peak of -1 dBFS, by at most +30 dB (so near-silence is not blown up into noise). */
    static float[] normalise(float[] s) {
        float peak = 0;
        for (float v : s) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak == 0) {
            return s;
        }
        float gain = (float) Math.min(PEAK / peak, MAX_GAIN);
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] * gain;
        }
        return out;
    }

    /** Drops the quiet start and end (10 ms windows below -45 dBFS), keeping 50 ms around the sound. */
    static float[] trim(float[] s) {
        int windows = s.length / WINDOW;
        int first = -1;
        int last = -1;
        for (int w = 0; w < windows; w++) {
            double sum = 0;
            for (int i = w * WINDOW; i < (w + 1) * WINDOW; i++) {
                sum += s[i] * s[i];
            }
            if (Math.sqrt(sum / WINDOW) >= SILENCE) {
                if (first < 0) {
                    first = w;
                }
                last = w;
            }
        }
        if (first < 0) {
            return s; // all quiet: keep it as it is (a deliberate pause)
        }
        int from = Math.max(0, first * WINDOW - PAD);
        int to = Math.min(s.length, (last + 1) * WINDOW + PAD);
        if (last == windows - 1) {
            to = s.length;
        }
        float[] out = new float[to - from];
        System.arraycopy(s, from, out, 0, out.length);
        return out;
    }

    /** Reads one sample of any PCM layout as a float in -1..1. */
    @FunctionalInterface
    private interface SampleReader {
        float read(byte[] b, int at);

        static SampleReader of(AudioFormat f, int bytes) {
            boolean big = f.isBigEndian();
            if (f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT)) {
                if (bytes == 4) {
                    return (b, at) -> Float.intBitsToFloat((int) integer(b, at, 4, big));
                }
                return (b, at) -> (float) Double.longBitsToDouble(integer(b, at, 8, big));
            }
            boolean unsigned = f.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
            int bits = bytes * 8;
            double scale = 1.0 / (1L << (bits - 1));
            return (b, at) -> {
                long v = integer(b, at, bytes, big);
                if (unsigned) {
                    v -= 1L << (bits - 1);
                } else if (bits < 64) {
                    v = (v << (64 - bits)) >> (64 - bits); // sign-extend
                }
                return (float) (v * scale);
            };
        }

        private static long integer(byte[] b, int at, int bytes, boolean big) {
            long v = 0;
            for (int i = 0; i < bytes; i++) {
                int shift = big ? (bytes - 1 - i) * 8 : i * 8;
                v |= (long) (b[at + i] & 0xff) << shift;
            }
            return v;
        }
    }
}
