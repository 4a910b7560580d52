package org.switchboard.engine.runtime;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable callback tokens: 128 random bits, URL-safe base64 (22 characters). */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
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
