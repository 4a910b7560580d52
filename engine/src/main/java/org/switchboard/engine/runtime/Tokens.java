package org.switchboard.engine.runtime;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Unguessable callback tokens that also say where their call is: 26 URL-safe characters, the session's slot in the
 * store (4 characters, 24 bits) followed by a 128-bit secret (two 64-bit halves of 11 characters each). The slot is
 * not secret; it only lets the store find the call without a token map, so that issuing and dropping tokens costs
 * no map updates. The secret is compared in constant time, so a caller learns nothing from timing.
 *
 * <p>The random bits come from the system's {@link SecureRandom}, fetched 32 tokens' worth at a time into a
 * per-thread buffer: the default generator is one instance behind a global lock, and taking that lock for every
 * token cost several percent of a push under load.
 */
final class Tokens {

    /** How many slots a token can name. */
    static final int MAX_SLOTS = 1 << 24;
    static final int LENGTH = 26;

    private static final int SLOT_CHARS = 4;
    private static final int HALF_CHARS = 11;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final byte[] VALUES = new byte[128];
    private static final int BATCH = 64; // longs, two per token
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Batch> BATCHES = ThreadLocal.withInitial(Batch::new);

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = (byte) i;
        }
    }

    private Tokens() {
    }

    /** The next 64 random bits of the calling thread; each value is handed out once and then wiped. */
    static long nextRandom() {
        return BATCHES.get().take();
    }

    /** Appends the token for a slot and secret: 4 + 11 + 11 characters. */
    static void append(StringBuilder out, int slot, long hi, long lo) {
        if (slot < 0 || slot >= MAX_SLOTS) {
            throw new IllegalArgumentException("slot out of range: " + slot);
        }
        for (int shift = 18; shift >= 0; shift -= 6) {
            out.append(ALPHABET[(slot >>> shift) & 63]);
        }
        appendHalf(out, hi);
        appendHalf(out, lo);
    }

    static String format(int slot, long hi, long lo) {
        StringBuilder b = new StringBuilder(LENGTH);
        append(b, slot, hi, lo);
        return b.toString();
    }

    private static void appendHalf(StringBuilder out, long v) {
        out.append(ALPHABET[(int) (v >>> 60)]); // the first character carries the top 4 bits, the other ten 6 each
        for (int shift = 54; shift >= 0; shift -= 6) {
            out.append(ALPHABET[(int) (v >>> shift) & 63]);
        }
    }

    /**
     * The slot a token names, or -1 when the text is not a token at all (wrong length, a character outside the
     * alphabet, a half that does not fit 64 bits); anything else is refused before any lookup.
     */
    static int slot(String token) {
        if (token == null || token.length() != LENGTH) {
            return -1;
        }
        int slot = 0;
        for (int i = 0; i < LENGTH; i++) {
            int v = value(token.charAt(i));
            if (v < 0 || (i == SLOT_CHARS || i == SLOT_CHARS + HALF_CHARS) && v > 15) {
                return -1;
            }
            if (i < SLOT_CHARS) {
                slot = slot << 6 | v;
            }
        }
        return slot;
    }

    /** The secret's upper half of a token that {@link #slot} accepted. */
    static long hi(String token) {
        return half(token, SLOT_CHARS);
    }

    /** The secret's lower half of a token that {@link #slot} accepted. */
    static long lo(String token) {
        return half(token, SLOT_CHARS + HALF_CHARS);
    }

    private static long half(String token, int from) {
        long v = 0;
        for (int i = from; i < from + HALF_CHARS; i++) {
            v = v << 6 | value(token.charAt(i));
        }
        return v;
    }

    private static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }

    /** Whether two secrets are equal, in time that does not depend on where they differ. */
    static boolean same(long hi1, long lo1, long hi2, long lo2) {
        return ((hi1 ^ hi2) | (lo1 ^ lo2)) == 0;
    }

    /** Random longs for the next tokens of one thread. */
    private static final class Batch {
        private final long[] pool = new long[BATCH];
        private final byte[] bytes = new byte[BATCH * Long.BYTES];
        private int next = BATCH;

        long take() {
            if (next == BATCH) {
                RANDOM.nextBytes(bytes);
                ByteBuffer.wrap(bytes).asLongBuffer().get(pool);
                Arrays.fill(bytes, (byte) 0);
                next = 0;
            }
            long v = pool[next];
            pool[next++] = 0;
            return v;
        }
    }
}
