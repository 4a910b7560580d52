package org.switchboard.engine.runtime;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable callback tokens: 128 random bits, URL-safe base64 (22 characters). The bits come from the system's
 * {@link SecureRandom}, fetched 32 tokens' worth at a time into a per-thread buffer: the default generator is one
 * instance behind a global lock, and taking that lock for every token cost several percent of a push under load.
 */
final class Tokens {

    private static final int TOKEN_BYTES = 16;
    private static final int BATCH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final ThreadLocal<Batch> BATCHES = ThreadLocal.withInitial(Batch::new);

    private Tokens() {
    }

    /**
     * Seeds the shared generator (its first draw opens and reads the system's entropy source) ahead of the first
     * call, without filling a batch for the calling thread, which never issues a token.
     */
    static void preload() {
        RANDOM.nextBytes(new byte[1]);
    }

    static String next() {
        byte[] bytes = new byte[TOKEN_BYTES];
        BATCHES.get().take(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Random bytes for the next tokens of one thread; each byte is handed out once and then overwritten. */
    private static final class Batch {
        private final byte[] pool = new byte[TOKEN_BYTES * BATCH];
        private int next = pool.length;

        void take(byte[] out) {
            if (next == pool.length) {
                RANDOM.nextBytes(pool);
                next = 0;
            }
            System.arraycopy(pool, next, out, 0, out.length);
            java.util.Arrays.fill(pool, next, next + out.length, (byte) 0);
            next += out.length;
        }
    }

    /** Whether the text could be a token at all; anything else is refused before any lookup. */
    static boolean wellFormed(String token) {
        if (token == null || token.length() != 22) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
