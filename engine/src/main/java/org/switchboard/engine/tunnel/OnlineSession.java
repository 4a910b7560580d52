package org.switchboard.engine.tunnel;

import java.util.function.Consumer;

import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.sipgate.RestResult;
import org.switchboard.engine.sipgate.SipgateRestClient;

/**
 * A running flow made reachable through a {@link Tunnel}: opens the tunnel to the webhook listener's port, makes
 * the public URL the base of every callback URL (unless the caller keeps its own base URL), and follows the tunnel
 * afterwards: a new public URL after the agent was restarted becomes the new base and, if sipgate was told the old
 * one, is set in sipgate again. Every change is reported as one plain line to {@code say}. Used by the headless
 * {@code run --tunnel}; built so that the desktop app can use it the same way.
 */
public final class OnlineSession implements AutoCloseable {

    private final Tunnel tunnel;
    private final FlowEngine engine;
    private final boolean tunnelIsBaseUrl;
    private final Consumer<String> say;
    private volatile String publicUrl;
    private volatile SipgateRestClient sipgate;

    /**
     * @param tunnelIsBaseUrl whether callback URLs use the tunnel's public URL (false when a base URL was given)
     * @param say             receives one line per event, e.g. "Tunnel reconnecting: …"
     */
    public OnlineSession(Tunnel tunnel, FlowEngine engine, boolean tunnelIsBaseUrl, Consumer<String> say) {
        this.tunnel = tunnel;
        this.engine = engine;
        this.tunnelIsBaseUrl = tunnelIsBaseUrl;
        this.say = say;
    }

    /**
     * Opens the tunnel to {@code localPort} and returns the public URL.
     *
     * @throws TunnelException with a plain explanation and the fix when it cannot go online
     */
    public String open(int localPort) throws TunnelException {
        String url = tunnel.open(localPort);
        publicUrl = url;
        if (tunnelIsBaseUrl) {
            engine.setBaseUrl(url);
        }
        tunnel.addListener(this::follow);
        return url;
    }

    /** The current public URL (null before {@link #open}). */
    public String publicUrl() {
        return publicUrl;
    }

    /** Sets the webhook URLs in sipgate now, and again whenever the public URL changes. */
    public RestResult registerWith(SipgateRestClient client) {
        sipgate = client;
        return WebhookRegistration.register(client, engine, publicUrl);
    }

    private void follow(TunnelStatus status) {
        if (status instanceof TunnelStatus.Online online) {
            if (online.url().equals(publicUrl)) {
                say.accept("Tunnel online again: " + online.url());
                return;
            }
            publicUrl = online.url();
            if (tunnelIsBaseUrl) {
                engine.setBaseUrl(publicUrl);
            }
            say.accept("Public URL changed: " + publicUrl);
            WebhookRegistration.incomingUrl(engine, publicUrl)
                    .ifPresent(url -> say.accept("Webhook URL for sipgate: " + url));
            SipgateRestClient client = sipgate;
            if (client != null) {
                RestResult result = WebhookRegistration.register(client, engine, publicUrl);
                say.accept(result.ok() ? "sipgate: " + result.message()
                        : "warning: could not set the new URL in sipgate: " + result.message());
            } else {
                say.accept("warning: put the new webhook URL into sipgate, the old one no longer works");
            }
        } else if (status instanceof TunnelStatus.Reconnecting r) {
            say.accept("Tunnel reconnecting (attempt " + r.attempt() + "): " + r.reason());
        } else if (status instanceof TunnelStatus.Error e) {
            say.accept("error: the tunnel is down: " + e.message());
        }
    }

    /** Takes the tunnel offline and stops its agent. */
    @Override
    public void close() {
        tunnel.close();
    }
}
