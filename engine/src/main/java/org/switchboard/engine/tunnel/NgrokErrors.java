package org.switchboard.engine.tunnel;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the ngrok agent reports (its {@code err=} log text, or the body of a refused API call) and says which
 * {@link TunnelProblem} it is. ngrok's messages carry an error code such as {@code ERR_NGROK_108}; the code is
 * trusted first, the wording second.
 */
final class NgrokErrors {

    private static final Pattern CODE = Pattern.compile("ERR_NGROK_(\\d+)");

    private NgrokErrors() {
    }

    static TunnelProblem classify(String text) {
        if (text == null || text.isBlank()) {
            return TunnelProblem.FAILED;
        }
        Matcher code = CODE.matcher(text);
        if (code.find()) {
            switch (code.group(1)) {
                case "105", "107" -> {
                    return TunnelProblem.AUTHTOKEN_INVALID;
                }
                case "4018" -> {
                    return TunnelProblem.AUTHTOKEN_MISSING;
                }
                case "108" -> {
                    return TunnelProblem.SESSION_LIMIT;
                }
                case "319", "320", "313" -> {
                    return TunnelProblem.DOMAIN_NOT_RESERVED;
                }
                default -> {
                    // fall through to the wording
                }
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("authtoken")) {
            return TunnelProblem.AUTHTOKEN_INVALID;
        }
        if (lower.contains("simultaneous")) {
            return TunnelProblem.SESSION_LIMIT;
        }
        if (lower.contains("domain") && lower.contains("reserv")) {
            return TunnelProblem.DOMAIN_NOT_RESERVED;
        }
        if (lower.contains("dial tcp") || lower.contains("failed to dial") || lower.contains("no such host")
                || lower.contains("i/o timeout") || lower.contains("network is unreachable")
                || lower.contains("connection refused") || lower.contains("tls handshake")) {
            return TunnelProblem.NO_INTERNET;
        }
        return TunnelProblem.FAILED;
    }

    /**
     * A short detail for the message: "ngrok error ERR_NGROK_108" when there is a code, else the first line of the
     * text, clipped. {@code secret} (the authtoken, may be null) is masked, since ngrok quotes it back.
     */
    static String detail(String text, String secret) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher code = CODE.matcher(text);
        if (code.find()) {
            return "ngrok error " + code.group();
        }
        String line = text.strip().split("\\\\n|\\R", 2)[0].strip();
        return clip(mask(line, secret), 160);
    }

    static String mask(String text, String secret) {
        return secret == null || secret.isBlank() || text == null ? text : text.replace(secret, "****");
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
