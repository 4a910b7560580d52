package org.switchboard.engine.sipgate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The two real signed sipgate pushes, read from the test class path (copied from the project's shared reference
 * data, so that the tests work from a clean clone).
 */
final class TestVectors {

    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private TestVectors() {
    }

    /** sipgate's Node library test vector: qs-style {@code user%5B%5D%5B0%5D}, empty callId. */
    static byte[] body1() {
        return bytes("/sipgate/signed-newcall/body.txt");
    }

    static String signature1() {
        return new String(bytes("/sipgate/signed-newcall/x-sipgate-signature.txt"), StandardCharsets.US_ASCII);
    }

    /** A real capture through ngrok: 76-character hex callId, empty {@code user%5B%5D=}. */
    static byte[] body2() {
        return bytes("/sipgate/signed-newcall-2/body.txt");
    }

    static String signature2() {
        return new String(bytes("/sipgate/signed-newcall-2/x-sipgate-signature.txt"), StandardCharsets.US_ASCII);
    }

    static byte[] bytes(String resource) {
        try (InputStream in = TestVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
