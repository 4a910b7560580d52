package org.switchboard.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Option;

import org.switchboard.engine.host.FlowHost;
import org.switchboard.engine.host.HostException;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.settings.ConfigDirs;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.sipgate.RestResult;
import org.switchboard.engine.sipgate.SipgateCredentials;
import org.switchboard.engine.sipgate.SipgateRestClient;
import org.switchboard.engine.tunnel.NgrokOptions;
import org.switchboard.engine.tunnel.NgrokTunnel;
import org.switchboard.engine.tunnel.OnlineSession;
import org.switchboard.engine.tunnel.TunnelException;
import org.switchboard.engine.tunnel.WebhookRegistration;

/**
 * The going-online options of {@code run}: {@code --tunnel} (ngrok, with {@code --ngrok-path}, {@code --region},
 * {@code --domain}), {@code --sipgate-register} and the switch that turns the signature check off while online.
 * The work itself is done by {@link OnlineSession} and {@link NgrokTunnel}, which the app uses too.
 */
final class TunnelOptions {

    static final String SIPGATE_TOKEN_ID_ENV = "SIPGATE_TOKEN_ID";
    static final String SIPGATE_TOKEN_ENV = "SIPGATE_TOKEN";

    @Option(names = "--tunnel", description = "go online through an ngrok tunnel (authtoken from NGROK_AUTHTOKEN or "
            + "the stored settings) and use its public URL for sipgate")
    boolean tunnel;

    @Option(names = "--ngrok-path", paramLabel = "PATH",
            description = "the ngrok program to run (default: ngrok on the PATH, else downloaded once)")
    Path ngrokPath;

    @Option(names = "--region", paramLabel = "R", description = "ngrok region, e.g. eu or us (default: ngrok's)")
    String region;

    @Option(names = "--domain", paramLabel = "D",
            description = "your reserved ngrok domain, e.g. name.ngrok-free.app, so the URL never changes")
    String domain;

    @Option(names = "--no-verify-signature",
            description = "with --tunnel: accept pushes without a valid sipgate signature (not recommended)")
    boolean noVerifySignature;

    @Option(names = "--sipgate-register", description = "set the webhook URL(s) in your sipgate account (token from "
            + "SIPGATE_TOKEN_ID and SIPGATE_TOKEN or the stored settings; scopes settings:sipgateio:read and :write)")
    boolean sipgateRegister;

    @Option(names = "--sipgate-api", paramLabel = "URL",
            description = "sipgate REST API base URL, for --sipgate-register and Hang up call nodes (default: "
                    + "https://api.sipgate.com/v2; Hang up call also takes the one stored by the app)")
    URI sipgateApi;

    /** Whether pushes must carry a valid signature because of these options. */
    boolean requireSignature() {
        return tunnel && !noVerifySignature;
    }

    /** Checks the combination before anything starts; returns the problem, or null. */
    String problem(String baseUrl) {
        if (!tunnel && (ngrokPath != null || region != null || domain != null || noVerifySignature)) {
            return "--ngrok-path, --region, --domain and --no-verify-signature need --tunnel";
        }
        if (sipgateRegister && !tunnel && baseUrl == null) {
            return "--sipgate-register needs --tunnel or --base-url: sipgate cannot reach this computer's own "
                    + "address";
        }
        try {
            ngrokOptions(null);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /**
     * Opens the tunnel to the host's webhook listener through {@link FlowHost#goOnline}; its public URL becomes the
     * base URL unless {@code --base-url} was given. Every tunnel event is printed as one line.
     *
     * @throws TunnelException when it cannot go online (the message says why and what to do)
     */
    void goOnline(FlowHost host, PrintWriter out) throws TunnelException, HostException, IOException {
        String token = NgrokOptions.authtokenFrom(System.getenv(NgrokOptions.AUTHTOKEN_ENV), SecretStore.standard())
                .orElse(null);
        host.goOnline(new NgrokTunnel(ngrokOptions(token)), line -> {
            out.println(line);
            out.flush();
        });
    }

    private NgrokOptions ngrokOptions(String token) {
        return NgrokOptions.defaults(ConfigDirs.stateDir()).withAgentPath(ngrokPath).withAuthtoken(token)
                .withRegion(region).withDomain(domain);
    }

    /**
     * Sets the webhook URL(s) in sipgate and prints what happened; a failure is a warning, the flow keeps running.
     * With a tunnel, the session sets them again whenever its public URL changes.
     */
    void registerInSipgate(OnlineSession session, FlowEngine engine, String base, PrintWriter out,
            PrintWriter err) {
        Optional<SipgateCredentials> credentials;
        try {
            credentials = sipgateCredentials();
        } catch (IOException | IllegalArgumentException e) {
            warn(err, e.getMessage());
            return;
        }
        if (credentials.isEmpty()) {
            warn(err, "no sipgate token: set SIPGATE_TOKEN_ID and SIPGATE_TOKEN, or store one in the app");
            return;
        }
        SipgateRestClient client;
        try {
            client = new SipgateRestClient(sipgateApi, credentials.get());
        } catch (IllegalArgumentException e) {
            warn(err, e.getMessage());
            return;
        }
        RestResult result = session != null ? session.registerWith(client)
                : WebhookRegistration.register(client, engine, base);
        if (result.ok()) {
            out.println("sipgate: " + result.message());
            out.flush();
        } else {
            warn(err, result.message());
        }
    }

    private static void warn(PrintWriter err, String message) {
        err.println("warning: could not set the URL in sipgate: " + message + "; paste the webhook URL by hand");
        err.flush();
    }

    private static Optional<SipgateCredentials> sipgateCredentials() throws IOException {
        SipgateCredentials fromEnvironment = environmentCredentials();
        return fromEnvironment != null ? Optional.of(fromEnvironment) : SecretStore.standard().sipgateCredentials();
    }

    /** The token in SIPGATE_TOKEN_ID and SIPGATE_TOKEN, or null when either is unset; it wins over the settings. */
    static SipgateCredentials environmentCredentials() {
        String id = System.getenv(SIPGATE_TOKEN_ID_ENV);
        String token = System.getenv(SIPGATE_TOKEN_ENV);
        return id != null && !id.isBlank() && token != null && !token.isBlank() ? new SipgateCredentials(id, token)
                : null;
    }
}
