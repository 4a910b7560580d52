package org.switchboard.engine.sipgate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureVerifierTest {

    private static final String SIPGATE_FINGERPRINT =
            "893cfd6caad92efc277a5977daec63dee1597223b1df5b2bf69ef56cd92305b3";
    private static final SignatureVerifier SIPGATE = SignatureVerifier.bundled();

    private static KeyPair ownKeys;

    @BeforeAll
    static void makeKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        ownKeys = generator.generateKeyPair();
    }

    @Test
    void bundledKeyIsSipgates() {
        assertEquals(SIPGATE_FINGERPRINT, SIPGATE.fingerprint());
        assertSame(SIPGATE, SignatureVerifier.bundled(), "loaded once");
        assertTrue(SIPGATE.toString().contains(SIPGATE_FINGERPRINT));
        assertEquals("X-Sipgate-Signature", SignatureVerifier.HEADER);
    }

    @Test
    void bothRealPushesVerify() {
        assertTrue(SIPGATE.verify(TestVectors.body1(), TestVectors.signature1()));
        assertTrue(SIPGATE.verify(TestVectors.body2(), TestVectors.signature2()));
    }

    @Test
    void headerWhitespaceIsIgnored() {
        assertTrue(SIPGATE.verify(TestVectors.body2(), "  " + TestVectors.signature2() + "\r\n"));
    }

    @Test
    void signaturesDoNotFitOtherBodies() {
        assertFalse(SIPGATE.verify(TestVectors.body1(), TestVectors.signature2()));
        assertFalse(SIPGATE.verify(TestVectors.body2(), TestVectors.signature1()));
    }

    @Test
    void changingAnyByteOfEitherBodyFails() {
        for (byte[] body : List.of(TestVectors.body1(), TestVectors.body2())) {
            String signature = Arrays.equals(body, TestVectors.body1()) ? TestVectors.signature1()
                    : TestVectors.signature2();
            for (int i = 0; i < body.length; i++) {
                byte[] changed = body.clone();
                changed[i] ^= (byte) (i % 2 == 0 ? 0x01 : 0x80);
                assertFalse(SIPGATE.verify(changed, signature), "byte " + i + " changed");
            }
            assertFalse(SIPGATE.verify(Arrays.copyOf(body, body.length - 1), signature), "one byte shorter");
            assertFalse(SIPGATE.verify(Arrays.copyOf(body, body.length + 1), signature), "one byte longer");
            assertFalse(SIPGATE.verify(new byte[0], signature), "empty body");
            assertTrue(SIPGATE.verify(body, signature), "the verifier still works after all those failures");
        }
    }

    @Test
    void changingAnyByteOfTheSignatureFails() {
        byte[] signature = Base64.getDecoder().decode(TestVectors.signature2());
        for (int i = 0; i < signature.length; i += 7) {
            byte[] changed = signature.clone();
            changed[i] ^= 0x01;
            assertFalse(SIPGATE.verify(TestVectors.body2(), Base64.getEncoder().encodeToString(changed)));
        }
    }

    @Test
    void missingOrBlankHeaderFails() {
        assertFalse(SIPGATE.verify(TestVectors.body2(), null));
        assertFalse(SIPGATE.verify(TestVectors.body2(), ""));
        assertFalse(SIPGATE.verify(TestVectors.body2(), " \t\r\n"));
        assertFalse(SIPGATE.verify(null, TestVectors.signature2()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!not base64!!!", "AAAA", "AA==", "=", "YWJj ZGVm", "%%%%", "AAAAAAAAAAAAAAAAAAAAAAAA",
        "ß", "\u0000"})
    void garbageHeaderIsFalseNotAnException(String header) {
        assertFalse(assertDoesNotThrow(() -> SIPGATE.verify(TestVectors.body2(), header)));
        assertTrue(SIPGATE.verify(TestVectors.body2(), TestVectors.signature2()), "and the next push still works");
    }

    @Test
    void fullLengthRandomSignatureIsFalse() {
        byte[] random = new byte[512];
        new java.util.Random(1).nextBytes(random);
        assertFalse(SIPGATE.verify(TestVectors.body2(), Base64.getEncoder().encodeToString(random)));
        random[0] = 0; // below the modulus, so it reaches the actual RSA check
        assertFalse(SIPGATE.verify(TestVectors.body2(), Base64.getEncoder().encodeToString(random)));
    }

    @Test
    void anotherKeyFromPemWorks() throws Exception {
        byte[] body = "event=newCall&callId=1&user%5B%5D=Alice".getBytes(StandardCharsets.US_ASCII);
        String signature = sign(body, ownKeys);
        SignatureVerifier own = SignatureVerifier.fromPem(pem("PUBLIC KEY", ownKeys.getPublic().getEncoded()));
        assertTrue(own.verify(body, signature));
        assertFalse(own.verify(TestVectors.body2(), TestVectors.signature2()), "sipgate's push, wrong key");
        assertFalse(SIPGATE.verify(body, signature), "own push, sipgate's key");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(ownKeys.getPublic().getEncoded()));
        assertEquals(expected, own.fingerprint());
    }

    @Test
    void keyMislabelledAsCertificateOrBareBase64IsAccepted() {
        byte[] der = ownKeys.getPublic().getEncoded();
        String expected = SignatureVerifier.fromPem(pem("PUBLIC KEY", der)).fingerprint();
        assertEquals(expected, SignatureVerifier.fromPem(pem("CERTIFICATE", der)).fingerprint(),
                "sipgate's own Java verifier ships its key like this");
        assertEquals(expected, SignatureVerifier.fromPem(Base64.getEncoder().encodeToString(der)).fingerprint());
        assertEquals(expected, SignatureVerifier.fromPem("some text before\r\n" + pem("PUBLIC KEY", der)
                .replace("\n", "\r\n") + "trailing text\n").fingerprint());
    }

    @Test
    void sipgatePemFromTheSpecMatchesTheBundledKey() {
        String pem = new String(TestVectors.bytes("/org/switchboard/engine/sipgate/sipgate-public-key.pem"),
                StandardCharsets.US_ASCII);
        assertEquals(SIPGATE_FINGERPRINT, SignatureVerifier.fromPem(pem).fingerprint());
    }

    @Test
    void badPemGivesAClearOneLineMessage() throws Exception {
        assertBadKey(null, "No public key given");
        assertBadKey("", "No public key given");
        assertBadKey("garbage", "not an RSA public key");
        assertBadKey("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n", "not base64");
        assertBadKey("-----BEGIN PUBLIC KEY-----\nAAAA\n", "END");
        assertBadKey("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n", "empty");
        assertBadKey("-----BEGIN PUBLIC KEY-----\nAAAAAAAA\n-----END PUBLIC KEY-----\n", "not an RSA public key");
        assertBadKey(pem("PRIVATE KEY", ownKeys.getPrivate().getEncoded()), "private key");
        assertBadKey(pem("RSA PUBLIC KEY", new byte[] {1, 2, 3}), "openssl rsa");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        assertBadKey(pem("PUBLIC KEY", ec.generateKeyPair().getPublic().getEncoded()), "not an RSA public key");
    }

    @Test
    void fromFileReadsAKeyAndNamesTheFileInErrors(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("own.pem"), pem("PUBLIC KEY", ownKeys.getPublic().getEncoded()));
        byte[] body = "event=hangup&callId=1&cause=busy".getBytes(StandardCharsets.US_ASCII);
        assertTrue(SignatureVerifier.fromFile(key).verify(body, sign(body, ownKeys)));

        String missing = badFile(dir.resolve("missing.pem"));
        assertTrue(missing.contains("missing.pem") && missing.contains("no such file"), missing);
        String garbage = badFile(Files.writeString(dir.resolve("garbage.pem"), "hello"));
        assertTrue(garbage.contains("garbage.pem") && garbage.contains("not an RSA public key"), garbage);
        String directory = badFile(dir);
        assertTrue(directory.contains("Cannot read public key file"), directory);
        String binary = badFile(Files.write(dir.resolve("binary.der"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0}));
        assertTrue(binary.contains("binary.der"), binary);
        String huge = badFile(Files.write(dir.resolve("huge.pem"), new byte[200_000]));
        assertTrue(huge.contains("too large"), huge);
        assertThrows(IllegalArgumentException.class, () -> SignatureVerifier.fromFile(null));
    }

    @Test
    void verifiesFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        boolean good = SIPGATE.verify(TestVectors.body1(), TestVectors.signature1())
                                && SIPGATE.verify(TestVectors.body2(), TestVectors.signature2());
                        boolean bad = SIPGATE.verify(TestVectors.body1(), TestVectors.signature2())
                                || SIPGATE.verify(TestVectors.body2(), (i + thread) % 3 == 0 ? "AAAA" : "x");
                        if (!good || bad) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertBadKey(String pem, String expectedPart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignatureVerifier.fromPem(pem));
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static String badFile(Path file) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignatureVerifier.fromFile(file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static String sign(byte[] body, KeyPair keys) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(body);
        return Base64.getEncoder().encodeToString(rsa.sign());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
