package org.switchboard.engine.host;

import java.nio.file.Path;
import java.time.Clock;

import org.switchboard.engine.calllog.Retention;
import org.switchboard.engine.server.ServerOptions;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.sipgate.SignatureVerifier;
import org.switchboard.engine.sipgate.SipgateCredentials;

/**
 * How a {@link FlowHost} serves: the address and port of the webhook listener (the one a tunnel forwards to), the
 * local-only status listener's port ({@code -1}: none, {@code 0}: any free one), the public base URL for callback
 * URLs ({@code null}: the tunnel's URL when online, else the listener's own), the signature check ({@code null}:
 * off), the call log file ({@code null}: none), where the sipgate token is stored, a REST API address that wins over
 * the stored one and a token that wins over the stored one (both may be {@code null}), the clock of the call
 * log and how much of it is kept ({@code null}: {@link Retention#DEFAULT}).
 */
public record HostOptions(String bindAddress, int port, int statusPort, String baseUrl, SignatureVerifier verifier,
                          Path callLogFile, SecretStore secrets, String sipgateApi,
                          SipgateCredentials preferredCredentials, Clock clock,
                          Retention callLogRetention) {

    public HostOptions {
        bindAddress = bindAddress == null ? ServerOptions.DEFAULT_BIND_ADDRESS : bindAddress;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, got " + port);
        }
        if (statusPort < -1 || statusPort > 65_535) {
            throw new IllegalArgumentException("The status port must be between 0 and 65535, got " + statusPort);
        }
        if (baseUrl != null && !baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("The base URL must start with http:// or https://, got " + baseUrl);
        }
        baseUrl = baseUrl != null && baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        secrets = secrets == null ? SecretStore.standard() : secrets;
        clock = clock == null ? Clock.systemUTC() : clock;
        callLogRetention = callLogRetention == null ? Retention.DEFAULT : callLogRetention;
    }

    /** 127.0.0.1:{@code port}, no status listener, no signature check, no call log, the user's stored token. */
    public static HostOptions onPort(int port) {
        return new HostOptions(null, port, -1, null, null, null, null, null, null, null, null);
    }

    public HostOptions withBindAddress(String address) {
        return new HostOptions(address, port, statusPort, baseUrl, verifier, callLogFile, secrets, sipgateApi,
                preferredCredentials, clock, callLogRetention);
    }

    public HostOptions withPort(int newPort) {
        return new HostOptions(bindAddress, newPort, statusPort, baseUrl, verifier, callLogFile, secrets, sipgateApi,
                preferredCredentials, clock, callLogRetention);
    }

    public HostOptions withStatusPort(int newStatusPort) {
        return new HostOptions(bindAddress, port, newStatusPort, baseUrl, verifier, callLogFile, secrets, sipgateApi,
                preferredCredentials, clock, callLogRetention);
    }

    public HostOptions withBaseUrl(String url) {
        return new HostOptions(bindAddress, port, statusPort, url, verifier, callLogFile, secrets, sipgateApi,
                preferredCredentials, clock, callLogRetention);
    }

    public HostOptions withSignatureCheck(SignatureVerifier v) {
        return new HostOptions(bindAddress, port, statusPort, baseUrl, v, callLogFile, secrets, sipgateApi,
                preferredCredentials, clock, callLogRetention);
    }

    public HostOptions withCallLog(Path file) {
        return new HostOptions(bindAddress, port, statusPort, baseUrl, verifier, file, secrets, sipgateApi,
                preferredCredentials, clock, callLogRetention);
    }

    /** The call log at {@code file}, keeping what {@code retention} says (applied when the host opens it). */
    public HostOptions withCallLog(Path file, Retention retention) {
        return new HostOptions(bindAddress, port, statusPort, baseUrl, verifier, file, secrets, sipgateApi,
                preferredCredentials, clock, retention);
    }

    public HostOptions withSecrets(SecretStore store) {
        return new HostOptions(bindAddress, port, statusPort, baseUrl, verifier, callLogFile, store, sipgateApi,
                preferredCredentials, clock, callLogRetention);
    }

    /** A sipgate REST API address and a token that win over the stored ones (either may be {@code null}). */
    public HostOptions withSipgate(String api, SipgateCredentials credentials) {
        return new HostOptions(bindAddress, port, statusPort, baseUrl, verifier, callLogFile, secrets, api,
                credentials, clock, callLogRetention);
    }

    public HostOptions withClock(Clock c) {
        return new HostOptions(bindAddress, port, statusPort, baseUrl, verifier, callLogFile, secrets, sipgateApi,
                preferredCredentials, c, callLogRetention);
    }
}
