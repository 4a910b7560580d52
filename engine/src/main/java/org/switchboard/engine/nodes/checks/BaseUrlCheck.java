package org.switchboard.engine.nodes.checks;

import java.net.URI;
import java.util.Locale;

import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.i18n.Messages;

/**
 * The public base URL sipgate posts to (not part of the flow: {@code run --base-url}, the tunnel): plain
 * {@code http://} works on classic accounts but sipgate neo accepts only {@code https://}. Loopback addresses are
 * for local tests and pass.
 */
public final class BaseUrlCheck {

    private BaseUrlCheck() {
    }

    /** The warning for the base URL, or {@code null} when it is fine. */
    public static Problem problem(String baseUrl, Messages m) {
        if (baseUrl == null || !baseUrl.toLowerCase(Locale.ROOT).startsWith("http://")) {
            return null;
        }
        String host;
        try {
            host = URI.create(baseUrl.strip()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            return null;
        }
        return Problem.warning(null, null, m.get("problem.baseUrl.http", baseUrl.strip()));
    }
}
