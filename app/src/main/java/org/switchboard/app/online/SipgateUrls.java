package org.switchboard.app.online;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.sipgate.RestResult;
import org.switchboard.engine.sipgate.SipgateApiException;
import org.switchboard.engine.sipgate.SipgateRestClient;
import org.switchboard.engine.sipgate.WebhookSettings;

/**
 * The webhook URLs in the user's sipgate account, through sipgate's REST API with the personal access token from
 * the secrets file (and the API address stored beside it, so tests use a stand-in): reads them
 * ({@code GET /settings/sipgateio}), sets new ones keeping every other field, and remembers what was there before
 * the first change of this session so that Go offline can put it back. The REST calls block: call them off the
 * JavaFX thread. Failures come back as plain sentences in the app's language.
 */
final class SipgateUrls {

    /** What sipgate has, and what the flow needs ({@code newOutgoing} null: the flow takes no outgoing calls). */
    record Change(String oldIncoming, String newIncoming, String oldOutgoing, String newOutgoing) {

        boolean nothingToDo() {
            return oldIncoming.equals(newIncoming) && (newOutgoing == null || oldOutgoing.equals(newOutgoing));
        }
    }

    /** The result of a REST call: ok, or the sentence to show. */
    record Outcome(boolean ok, String message) {
    }

    private final SecretStore secrets;
    private volatile Change applied;

    SipgateUrls(SecretStore secrets) {
        this.secrets = secrets;
    }

    /** Whether a token id and token are stored. */
    boolean hasToken() {
        try {
            return secrets.sipgateCredentials().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads sipgate's current URLs and pairs them with the new ones. */
    Change read(String newIncoming, String newOutgoing) throws SipgateFailure {
        WebhookSettings now;
        try {
            now = client().getWebhookSettings();
        } catch (SipgateApiException e) {
            throw new SipgateFailure(explain(e.result(), "settings:sipgateio:read"));
        }
        return new Change(now.incomingUrl(), newIncoming, now.outgoingUrl(), newOutgoing);
    }

    /** Sets the new URLs; remembers the old ones (of the first change this session) for {@link #restore}. */
    Outcome apply(Change change) {
        RestResult r;
        try {
            r = client().setWebhookUrls(change.newIncoming(), change.newOutgoing());
        } catch (SipgateFailure e) {
            return new Outcome(false, e.getMessage());
        }
        if (!r.ok()) {
            return new Outcome(false, explain(r, "settings:sipgateio:write"));
        }
        if (applied == null) {
            applied = change;
        }
        return new Outcome(true, AppTexts.get("online.use.done"));
    }

    /** The URLs this session replaced, if it set any. */
    Optional<Change> applied() {
        return Optional.ofNullable(applied);
    }

    /** Puts back the URLs that were there before this session's first change. */
    Outcome restore() {
        Change c = applied;
        if (c == null) {
            return new Outcome(true, "");
        }
        RestResult r;
        try {
            r = client().setWebhookUrls(c.oldIncoming(), c.newOutgoing() == null ? null : c.oldOutgoing());
        } catch (SipgateFailure e) {
            return new Outcome(false, e.getMessage());
        }
        if (!r.ok()) {
            return new Outcome(false, explain(r, "settings:sipgateio:write"));
        }
        applied = null;
        return new Outcome(true, AppTexts.get("online.offline.restored"));
    }

    private SipgateRestClient client() throws SipgateFailure {
        try {
            var credentials = secrets.sipgateCredentials();
            if (credentials.isEmpty()) {
                throw new SipgateFailure(AppTexts.get("online.sipgate.noToken"));
            }
            String api = secrets.get(SecretStore.SIPGATE_API_URL).orElse("");
            return new SipgateRestClient(api.isBlank() ? null : URI.create(api.strip()), credentials.get());
        } catch (IOException | IllegalArgumentException e) {
            throw new SipgateFailure(e.getMessage());
        }
    }

    /** sipgate's answer in the app's language: 401, 403 (with the scope), no connection; else its own words. */
    static String explain(RestResult r, String scope) {
        return switch (r.status()) {
            case 401 -> AppTexts.get("online.sipgate.error.401");
            case 403 -> AppTexts.get("online.sipgate.error.403", scope);
            case 0 -> AppTexts.get("online.sipgate.error.network",
                    r.message().replaceFirst("^Could not reach sipgate: ", ""));
            default -> r.message();
        };
    }

    /** A REST call failed; the message says why in plain words. */
    static final class SipgateFailure extends Exception {
        private static final long serialVersionUID = 1L;

        SipgateFailure(String message) {
            super(message, null, false, false);
        }
    }
}
