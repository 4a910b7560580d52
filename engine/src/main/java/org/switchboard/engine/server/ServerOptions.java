package org.switchboard.engine.server;

import java.time.Duration;
import java.util.Objects;

import org.switchboard.engine.sipgate.PushParser;
import org.switchboard.engine.sipgate.SignatureVerifier;

/**
 * How the embedded webhook server listens and what it accepts: bind address (loopback by default, because a tunnel
 * or reverse proxy is the normal way in), port ({@code 0} picks a free one), the largest body and the most form
 * fields one push may have, whether the {@code X-Sipgate-Signature} of every push is checked and with which key,
 * the size of the thread pool (small: the handler never blocks, two cores are the target machine), the limits of
 * {@link ServerLimits}, and the port of the local status listener ({@code -1}: none; {@code 0}: any free port), which
 * is bound to the loopback address only and is the one place that answers {@code GET /health} with details. It is a
 * listener of its own, not a rule on the client's address, because a tunnel on this machine delivers internet
 * traffic to the main listener from 127.0.0.1 too. Immutable; change a copy with the {@code with...} methods.
 */
public record ServerOptions(String bindAddress, int port, int maxBodyBytes, int maxFormFields,
                            boolean verifySignatures, SignatureVerifier signatureVerifier, int maxThreads,
                            Duration idleTimeout, ServerLimits limits, int statusPort) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_FORM_FIELDS = PushParser.MAX_FIELDS;
    /** Enough for two cores: one selector, one acceptor, and workers that never wait on I/O. */
    public static final int DEFAULT_MAX_THREADS = 16;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public ServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (maxFormFields < 1) {
            throw new IllegalArgumentException("maxFormFields must be positive");
        }
        if (maxThreads < 8) {
            throw new IllegalArgumentException("maxThreads must be at least 8 (Jetty needs a few for itself)");
        }
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
        limits = limits == null ? ServerLimits.defaults() : limits;
        if (statusPort < -1 || statusPort > 65_535) {
            throw new IllegalArgumentException("Status port must be between 0 and 65535, got " + statusPort);
        }
        if (verifySignatures && signatureVerifier == null) {
            signatureVerifier = SignatureVerifier.bundled();
        }
    }

    /** Loopback, port 8080, 64 KiB bodies, 100 fields, signatures not checked. */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_FORM_FIELDS,
                false, null, DEFAULT_MAX_THREADS, DEFAULT_IDLE_TIMEOUT, ServerLimits.defaults(), -1);
    }

    public ServerOptions withBindAddress(String address) {
        return new ServerOptions(address, port, maxBodyBytes, maxFormFields, verifySignatures, signatureVerifier,
                maxThreads, idleTimeout, limits, statusPort);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(bindAddress, newPort, maxBodyBytes, maxFormFields, verifySignatures,
                signatureVerifier, maxThreads, idleTimeout, limits, statusPort);
    }

    public ServerOptions withMaxBodyBytes(int bytes) {
        return new ServerOptions(bindAddress, port, bytes, maxFormFields, verifySignatures, signatureVerifier,
                maxThreads, idleTimeout, limits, statusPort);
    }

    public ServerOptions withMaxFormFields(int fields) {
        return new ServerOptions(bindAddress, port, maxBodyBytes, fields, verifySignatures, signatureVerifier,
                maxThreads, idleTimeout, limits, statusPort);
    }

    /** Checks every push against the given key ({@code null}: sipgate's bundled key). */
    public ServerOptions withSignatureCheck(SignatureVerifier verifier) {
        return new ServerOptions(bindAddress, port, maxBodyBytes, maxFormFields, true, verifier, maxThreads,
                idleTimeout, limits, statusPort);
    }

    public ServerOptions withoutSignatureCheck() {
        return new ServerOptions(bindAddress, port, maxBodyBytes, maxFormFields, false, null, maxThreads,
                idleTimeout, limits, statusPort);
    }

    public ServerOptions withMaxThreads(int threads) {
        return new ServerOptions(bindAddress, port, maxBodyBytes, maxFormFields, verifySignatures, signatureVerifier,
                threads, idleTimeout, limits, statusPort);
    }

    public ServerOptions withIdleTimeout(Duration timeout) {
        return new ServerOptions(bindAddress, port, maxBodyBytes, maxFormFields, verifySignatures, signatureVerifier,
                maxThreads, timeout, limits, statusPort);
    }

    public ServerOptions withLimits(ServerLimits newLimits) {
        return new ServerOptions(bindAddress, port, maxBodyBytes, maxFormFields, verifySignatures, signatureVerifier,
                maxThreads, idleTimeout, newLimits, statusPort);
    }

    /** Adds the local status listener on the loopback address ({@code 0}: any free port, {@code -1}: none). */
    public ServerOptions withStatusPort(int newStatusPort) {
        return new ServerOptions(bindAddress, port, maxBodyBytes, maxFormFields, verifySignatures, signatureVerifier,
                maxThreads, idleTimeout, limits, newStatusPort);
    }
}
