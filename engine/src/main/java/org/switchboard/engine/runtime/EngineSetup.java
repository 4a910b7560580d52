package org.switchboard.engine.runtime;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.sipgate.SipgateCredentials;
import org.switchboard.engine.sipgate.SipgateRestClient;

/**
 * Builds the {@link EngineOptions} of a serving engine from the user's settings: the sipgate personal access token
 * (and the optional REST API address) from the {@link SecretStore}, turned into a {@link RestCallControl} so that
 * Hang up call nodes reach sipgate. The CLI's {@code run} and the desktop app's embedded server both use this one
 * factory, so they behave the same. Without a token the engine still serves; Hang up call nodes then note why they
 * did nothing. {@link #close()} stops the background pool of the REST calls.
 */
public final class EngineSetup implements AutoCloseable {

    private final EngineOptions options;
    private final String description;
    private final RestCallControl control;

    private EngineSetup(EngineOptions options, String description, RestCallControl control) {
        this.options = options;
        this.description = description;
        this.control = control;
    }

    /**
     * Reads the settings and builds the options.
     *
     * @param baseUrl     the public base URL for callback URLs
     * @param secrets     where the token lives
     * @param apiOverride a REST API address that wins over the stored one, or {@code null}
     */
    public static EngineSetup fromSettings(String baseUrl, SecretStore secrets, String apiOverride) {
        return fromSettings(baseUrl, secrets, apiOverride, null);
    }

    /**
     * As {@link #fromSettings(String, SecretStore, String)}, with a token that wins over the stored one (the CLI's
     * environment variables), or {@code null}.
     */
    public static EngineSetup fromSettings(String baseUrl, SecretStore secrets, String apiOverride,
                                           SipgateCredentials preferred) {
        EngineOptions options = EngineOptions.defaults(baseUrl);
        Optional<SipgateCredentials> credentials;
        String stored;
        try {
            credentials = preferred != null ? Optional.of(preferred) : secrets.sipgateCredentials();
            stored = secrets.get(SecretStore.SIPGATE_API_URL).orElse(null);
        } catch (IOException | IllegalArgumentException e) {
            return new EngineSetup(options, "not used (" + oneLine(e)
                    + "); Hang up call nodes will do nothing", null);
        }
        if (credentials.isEmpty()) {
            return new EngineSetup(options, "no personal access token in " + secrets.file()
                    + "; Hang up call nodes will do nothing", null);
        }
        String api = apiOverride != null && !apiOverride.isBlank() ? apiOverride.strip() : stored;
        SipgateRestClient client;
        try {
            client = new SipgateRestClient(api == null ? null : URI.create(api), credentials.get());
        } catch (IllegalArgumentException e) {
            return new EngineSetup(options, "not used (" + oneLine(e)
                    + "); Hang up call nodes will do nothing", null);
        }
        RestCallControl control = new RestCallControl(client);
        String address = api == null ? SipgateRestClient.DEFAULT_BASE.toString() : api;
        return new EngineSetup(options.withCallControl(control), "token " + credentials.get().tokenId()
                + " at " + address, control);
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        m = m.replaceAll("\\s+", " ");
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    public EngineOptions options() {
        return options;
    }

    /** One line for the user, e.g. "token token-AB12CD at https://api.sipgate.com/v2"; never contains the token. */
    public String description() {
        return description;
    }

    /** Whether Hang up call nodes reach sipgate. */
    public boolean configured() {
        return control != null;
    }

    @Override
    public void close() {
        if (control != null) {
            control.close();
        }
    }
}
