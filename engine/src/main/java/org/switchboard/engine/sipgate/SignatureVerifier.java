package org.switchboard.engine.sipgate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the {@value #HEADER} header of a sipgate.io push: an RSA PKCS#1 v1.5 / SHA-256 signature, base64-encoded,
 * over the raw body bytes and nothing else. {@link #bundled()} uses sipgate's public key shipped with the program;
 * {@link #fromPem(String)} and {@link #fromFile(Path)} let the user replace it if sipgate ever rotates it (no
 * rotation scheme is published). {@link #verify(byte[], String)} never throws: anything that is not a valid
 * signature, including a missing header or garbage base64, is simply {@code false}. Instances are immutable and
 * thread-safe; each thread keeps its own {@link Signature}, because those are stateful and creating one per push
 * would cost a provider lookup on the hot path.
 */
public final class SignatureVerifier {

    /** The request header that carries the signature (HTTP header names are case-insensitive). */
    public static final String HEADER = "X-Sipgate-Signature";

    private static final Logger LOG = LoggerFactory.getLogger(SignatureVerifier.class);
    private static final String ALGORITHM = "SHA256withRSA";
    private static final String BUNDLED_RESOURCE = "/org/switchboard/engine/sipgate/sipgate-public-key.pem";
    /** A 16384-bit RSA key is below 4 KB in PEM; anything far bigger is the wrong file. */
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;
    private static final String NOT_A_KEY = "The text is not an RSA public key "
            + "(expected '-----BEGIN PUBLIC KEY-----' with an X.509 SubjectPublicKeyInfo)";

    private final PublicKey key;
    private final String fingerprint;
    /** Bytes of a signature made with this key (the modulus' length); anything else cannot be valid. */
    private final int signatureBytes;
    private final BigInteger modulus;
    private final ThreadLocal<Signature> signatures;

    private SignatureVerifier(PublicKey key) {
        this.key = key;
        this.fingerprint = sha256Hex(key.getEncoded());
        this.modulus = ((RSAPublicKey) key).getModulus();
        this.signatureBytes = (modulus.bitLength() + 7) / 8;
        this.signatures = ThreadLocal.withInitial(this::newSignature);
    }

    /** The verifier for sipgate's own public key, shipped as a resource (loaded once). */
    public static SignatureVerifier bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * A verifier for an RSA public key in PEM form ({@code -----BEGIN PUBLIC KEY-----}, i.e. X.509
     * SubjectPublicKeyInfo). A block labelled {@code CERTIFICATE} is accepted too, whether it holds a real
     * certificate or, like sipgate's Java verifier, a public key under the wrong label. Bare base64 without the
     * BEGIN/END lines is accepted as well.
     *
     * @throws IllegalArgumentException with a one-line message if the text is not such a key
     */
    public static SignatureVerifier fromPem(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("No public key given (expected a PEM block "
                    + "'-----BEGIN PUBLIC KEY-----')");
        }
        String label = pemLabel(pem);
        if (label.contains("PRIVATE")) {
            throw new IllegalArgumentException("This is a private key; give sipgate's public key "
                    + "('-----BEGIN PUBLIC KEY-----')");
        }
        if (label.equals("RSA PUBLIC KEY")) {
            throw new IllegalArgumentException("PKCS#1 'RSA PUBLIC KEY' blocks are not supported; convert it "
                    + "with: openssl rsa -RSAPublicKey_in -pubout");
        }
        String base64 = pemBody(pem);
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label.isEmpty() ? NOT_A_KEY
                    : "The public key is not valid PEM: its body is not base64");
        }
        if (der.length == 0) {
            throw new IllegalArgumentException("The public key is empty");
        }
        return new SignatureVerifier(rsaKey(der));
    }

    /**
     * A verifier for the PEM public key in a file.
     *
     * @throws IllegalArgumentException with a one-line message naming the file if it cannot be read or holds no key
     */
    public static SignatureVerifier fromFile(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("No public key file given");
        }
        String name = Texts.clip(file.toString(), 200);
        String pem;
        try {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw new IllegalArgumentException("Public key file " + name + " is too large to be a key");
            }
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("Cannot read public key file " + name + ": " + describe(e));
        } catch (SecurityException e) {
            throw new IllegalArgumentException("Not allowed to read public key file " + name);
        }
        try {
            return fromPem(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Public key file " + name + ": " + e.getMessage());
        }
    }

    /**
     * Whether {@code headerValue} is a valid signature of {@code rawBody}. Returns {@code false}, never throws, for
     * a null body, a null or blank header, bad base64 or a wrong signature. What cannot be a signature of this key
     * (a header too long or too short for it, a value of the wrong length or not below the key's modulus) is
     * refused before the body is hashed or any RSA arithmetic is done.
     */
    public boolean verify(byte[] rawBody, String headerValue) {
        if (rawBody == null || headerValue == null || headerValue.isBlank()) {
            return false;
        }
        String text = headerValue.trim();
        int base64Chars = (signatureBytes + 2) / 3 * 4;
        if (text.length() < base64Chars - 2 || text.length() > base64Chars) {
            return false;
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            LOG.debug("{} header is not base64", HEADER);
            return false;
        }
        if (value.length != signatureBytes || new BigInteger(1, value).compareTo(modulus) >= 0) {
            return false;
        }
        Signature signature = signatures.get();
        try {
            signature.update(rawBody);
            return signature.verify(value); // also resets it for the next push on this thread
        } catch (GeneralSecurityException | RuntimeException e) {
            // e.g. a signature of the wrong length; the object's state is unknown now, so start afresh next time
            signatures.remove();
            LOG.debug("{} header rejected: {}", HEADER, e.getClass().getSimpleName());
            return false;
        }
    }

    /** Lower-case hex SHA-256 of the key's DER (SubjectPublicKeyInfo) form, for showing which key is in use. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "SignatureVerifier[sha256=" + fingerprint + "]";
    }

    private Signature newSignature() {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", e);
        }
    }

    private static String pemLabel(String pem) {
        int begin = pem.indexOf("-----BEGIN ");
        if (begin < 0) {
            return "";
        }
        int end = pem.indexOf("-----", begin + 11);
        return end < 0 ? "" : pem.substring(begin + 11, end).trim().toUpperCase(Locale.ROOT);
    }

    /** The base64 between the BEGIN and END lines (or the whole text if there are none), without whitespace. */
    private static String pemBody(String pem) {
        String text = pem;
        int begin = text.indexOf("-----BEGIN ");
        if (begin >= 0) {
            int headerEnd = text.indexOf("-----", begin + 11);
            text = headerEnd < 0 ? "" : text.substring(headerEnd + 5);
            int end = text.indexOf("-----END ");
            if (end < 0) {
                throw new IllegalArgumentException("The public key is not valid PEM: the '-----END' line is missing");
            }
            text = text.substring(0, end);
        }
        StringBuilder base64 = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                base64.append(c);
            }
        }
        return base64.toString();
    }

    private static PublicKey rsaKey(byte[] der) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException notSpki) {
            try {
                PublicKey fromCertificate = CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
                if (fromCertificate instanceof RSAPublicKey) {
                    return fromCertificate;
                }
                throw new IllegalArgumentException("The certificate does not hold an RSA key");
            } catch (GeneralSecurityException | RuntimeException notCertificate) {
                if (notCertificate instanceof IllegalArgumentException iae) {
                    throw iae;
                }
                throw new IllegalArgumentException(NOT_A_KEY);
            }
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        String what = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "access denied"
                : e instanceof java.nio.charset.MalformedInputException ? "not a text file"
                : message == null ? e.getClass().getSimpleName() : message;
        return Texts.clip(what, 200);
    }

    /** Loaded on first use, so that a program that never checks signatures never reads the key. */
    private static final class Bundled {
        static final SignatureVerifier INSTANCE = load();

        private static SignatureVerifier load() {
            try (InputStream in = SignatureVerifier.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("sipgate's public key is missing from the program: "
                            + BUNDLED_RESOURCE);
                }
                return fromPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read sipgate's bundled public key", e);
            }
        }
    }
}
