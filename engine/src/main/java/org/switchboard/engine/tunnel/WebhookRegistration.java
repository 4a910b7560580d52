package org.switchboard.engine.tunnel;

import java.util.Optional;

import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.sipgate.RestResult;
import org.switchboard.engine.sipgate.SipgateRestClient;

/**
 * Puts a running flow's webhook URLs into the sipgate account: the incoming URL is the public address plus the
 * path of the Incoming call node that takes incoming calls; the outgoing URL is set too when a node takes outgoing
 * calls, and otherwise left as it was. Everything else in the account's sipgate.io settings stays.
 */
public final class WebhookRegistration {

    private WebhookRegistration() {
    }

    /** The incoming webhook URL under {@code publicUrl}, if the flow takes incoming calls. */
    public static Optional<String> incomingUrl(FlowEngine engine, String publicUrl) {
        return engine.webhookPathFor("in").map(path -> trimSlash(publicUrl) + path);
    }

    /** The outgoing webhook URL under {@code publicUrl}, if the flow takes outgoing calls. */
    public static Optional<String> outgoingUrl(FlowEngine engine, String publicUrl) {
        return engine.webhookPathFor("out").map(path -> trimSlash(publicUrl) + path);
    }

    /** Sets the URLs in sipgate; the result's message says what changed, or why it did not. */
    public static RestResult register(SipgateRestClient client, FlowEngine engine, String publicUrl) {
        Optional<String> incoming = incomingUrl(engine, publicUrl);
        Optional<String> outgoing = outgoingUrl(engine, publicUrl);
        if (incoming.isEmpty() && outgoing.isEmpty()) {
            return RestResult.failure(0, "The flow has no Incoming call node, so there is no URL to set");
        }
        if (incoming.isEmpty()) {
            return client.setOutgoingUrl(outgoing.get());
        }
        return client.setWebhookUrls(incoming.get(), outgoing.orElse(null));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
