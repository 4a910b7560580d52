package org.switchboard.engine.sounds;

import java.util.Arrays;

/**
 * Streaming sample-rate conversion by a rational factor with a polyphase windowed-sinc (Kaiser) low-pass: the input
 * is conceptually upsampled by {@code L}, filtered and decimated by {@code M}, computing only the outputs. The filter
 * passes up to 3.4 kHz at an 8 kHz output (the telephone band) and stops above the output's Nyquist frequency (4 kHz)
 * by at least 70 dB, so nothing above it folds back into the result. Feed mono samples with {@link #push}, then
 * {@link #finish}.
 */
final class Resampler {

    private static final double STOPBAND_DB = 70;
    /** Pass band edge as a share of the output's Nyquist frequency (3.4 of 4 kHz). */
    private static final double PASS_SHARE = 0.85;

    private final int up;
    private final int down;
    private final int taps;
    private final float[][] phases;
    private final long delay;
    private final boolean passThrough;

    private float[] in = new float[8192];
    /** Input index of {@code in[0]}; starts negative because the buffer begins with {@code taps - 1} zeros. */
    private long base;
    private int size;
    private long received;
    private long nextOut;
    private float[] out = new float[8192];
    private int outSize;

    Resampler(int inRate, int outRate) {
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        this.passThrough = inRate == outRate;
        double nyquist = Math.min(inRate, outRate) / 2.0;
        double pass = nyquist * PASS_SHARE;
        double cutoff = (pass + nyquist) / 2;
        double rateUp = (double) inRate * up;
        double transition = (nyquist - pass) / rateUp;
        int n = (int) Math.ceil((STOPBAND_DB - 7.95) / (14.36 * transition));
        this.taps = passThrough ? 1 : Math.max(1, (n + up - 1) / up);
        int length = taps * up;
        double beta = 0.1102 * (STOPBAND_DB - 8.7);
        double i0Beta = bessel0(beta);
        double centre = (length - 1) / 2.0;
        this.phases = new float[up][taps];
        for (int k = 0; k < length; k++) {
            double t = k - centre;
            double x = 2 * cutoff / rateUp * t;
            double sinc = t == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = t / centre;
            double window = centre == 0 ? 1 : bessel0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            double h = 2 * cutoff / rateUp * sinc * window * up;
            // stored reversed, so that an output is a forward dot product over the input window
            phases[k % up][taps - 1 - k / up] = (float) h;
        }
        this.delay = Math.round(centre);
        this.base = -(taps - 1);
        this.size = taps - 1;
    }

    /** Adds {@code count} input samples and computes every output that they complete. */
    void push(float[] samples, int count) {
        if (passThrough) {
            ensureOut(count);
            System.arraycopy(samples, 0, out, outSize, count);
            outSize += count;
            return;
        }
        if (size + count > in.length) {
            compact();
            if (size + count > in.length) {
                in = Arrays.copyOf(in, Math.max(in.length * 2, size + count));
            }
        }
        System.arraycopy(samples, 0, in, size, count);
        size += count;
        received += count;
        produce(received);
    }

    /** The whole output: flushes the filter's tail with zeros. */
    float[] finish(long expectedOutputs) {
        if (!passThrough) {
            float[] zeros = new float[taps + 1];
            long limit = received;
            while (nextOut < expectedOutputs) {
                if (size + zeros.length > in.length) {
                    compact();
                    if (size + zeros.length > in.length) {
                        in = Arrays.copyOf(in, in.length * 2);
                    }
                }
                size += zeros.length; // the array tail is zero after compact; clear it to be sure
                Arrays.fill(in, size - zeros.length, size, 0f);
                limit += zeros.length;
                produce(limit, expectedOutputs);
            }
        }
        return Arrays.copyOf(out, (int) Math.min(outSize, expectedOutputs));
    }

    /** Outputs for {@code inputs} input samples at this factor. */
    long outputsFor(long inputs) {
        return passThrough ? inputs : (inputs * up + down - 1) / down;
    }

    private void produce(long available) {
        produce(available, Long.MAX_VALUE);
    }

    private void produce(long available, long maxOut) {
        while (nextOut < maxOut) {
            long u = nextOut * down + delay;
            long n = u / up;
            if (n >= available) {
                return;
            }
            float[] h = phases[(int) (u % up)];
            int from = (int) (n - base) - (taps - 1);
            ensureOut(1);
            out[outSize++] = dot(h, in, from, taps);
            nextOut++;
        }
    }

    /** {@code h . x[from, from + n)} with four partial sums, which lets the JIT overlap the multiplications. */
    private static float dot(float[] h, float[] x, int from, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += h[k] * x[from + k];
            s1 += h[k + 1] * x[from + k + 1];
            s2 += h[k + 2] * x[from + k + 2];
            s3 += h[k + 3] * x[from + k + 3];
        }
        for (; k < n; k++) {
            s0 += h[k] * x[from + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Drops input that no later output needs. */
    private void compact() {
        long u = nextOut * down + delay;
        long firstNeeded = u / up - (taps - 1);
        int drop = (int) Math.max(0, Math.min(size, firstNeeded - base));
        if (drop > 0) {
            System.arraycopy(in, drop, in, 0, size - drop);
            size -= drop;
            base += drop;
        }
    }

    private void ensureOut(int more) {
        if (outSize + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outSize + more));
        }
    }

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 50; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
