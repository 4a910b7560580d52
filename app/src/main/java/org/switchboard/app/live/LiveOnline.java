package org.switchboard.app.live;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.switchboard.engine.host.FlowHost;
import org.switchboard.engine.host.HostException;
import org.switchboard.engine.sipgate.SignatureVerifier;
import org.switchboard.engine.tunnel.Tunnel;
import org.switchboard.engine.tunnel.WebhookRegistration;

/**
 * The running server's side of going online, for the app's online controls: opens a tunnel through
 * {@link LiveRun#goOnline} with the sipgate signature check switched on first (unless the user switched it off),
 * switches it off again when the tunnel closes, and names the webhook URLs sipgate needs on the public address.
 * Call on the JavaFX thread.
 */
public final class LiveOnline {

    private final LiveRun run;

    public LiveOnline(LiveRun run) {
        this.run = run;
    }

    public LiveRun run() {
        return run;
    }

    /**
     * Goes online through {@code tunnel}; with {@code checkSignatures} every push must carry sipgate's signature
     * from before the first one can arrive through the tunnel. Completes on the JavaFX thread with the public URL,
     * or fails with the tunnel's plain explanation (the check is then off again).
     */
    public CompletableFuture<String> goOnline(Tunnel tunnel, boolean checkSignatures, Consumer<String> say) {
        FlowHost host = run.host();
        if (host == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("The server is not running"));
        }
        try {
            host.setSignatureCheck(checkSignatures ? SignatureVerifier.bundled() : null);
        } catch (HostException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<String> online = run.goOnline(tunnel, say);
        online.whenComplete((url, failure) -> {
            if (failure != null) {
                switchCheckOff(host);
            }
        });
        return online;
    }

    /** Closes the tunnel (the agent stops) and switches the signature check off; the server keeps running. */
    public CompletableFuture<Void> goOffline() {
        FlowHost host = run.host();
        return run.goOffline().whenComplete((done, failure) -> switchCheckOff(host));
    }

    private static void switchCheckOff(FlowHost host) {
        if (host != null && !host.isClosed()) {
            try {
                host.setSignatureCheck(null);
            } catch (HostException e) {
                // the port was never bound: nothing is served, nothing to switch
            }
        }
    }

    /** Whether pushes must carry a valid signature right now. */
    public boolean checksSignatures() {
        FlowHost host = run.host();
        return host != null && host.verifiesSignatures();
    }

    /** The URL sipgate sends incoming calls to, on the public address while online (empty: none). */
    public Optional<String> incomingUrl() {
        return url("in");
    }

    /** The URL sipgate sends outgoing calls to, when the flow takes them (empty: none). */
    public Optional<String> outgoingUrl() {
        return url("out");
    }

    private Optional<String> url(String direction) {
        FlowHost host = run.host();
        String base = run.getStatus().publicUrl();
        if (host == null || base == null) {
            return Optional.empty();
        }
        return direction.equals("in") ? WebhookRegistration.incomingUrl(host.engine(), base)
                : WebhookRegistration.outgoingUrl(host.engine(), base);
    }
}
