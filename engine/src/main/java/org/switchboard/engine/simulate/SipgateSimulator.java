package org.switchboard.engine.simulate;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.switchboard.engine.nodes.PhoneNumbers;
import org.switchboard.engine.server.SwitchboardServer;
import org.switchboard.engine.sipgate.SignatureVerifier;
import org.switchboard.engine.sipgate.xml.Response;
import org.switchboard.engine.sipgate.xml.SipgateXml;

/**
 * A stand-in for sipgate.io that drives a running webhook server over real HTTP, the way sipgate would (or hands
 * the same HTTP requests to a server in this process, {@link #inProcess}): form bodies
 * with sipgate's headers ({@code User-Agent: sipgate.io}, {@code user%5B%5D=} keys), a {@code newCall} to a webhook
 * path, then {@code dtmf}, {@code answer} and {@code hangup} pushes to the callback URLs the answers named, posted
 * exactly as given (so tests set the engine's base URL to the server's own loopback URL; the app may map its public
 * tunnel URL back to the local server with {@link #withCallbackBase}). Optionally signs every body with a private
 * key, for tests of signature checking. Each call is a {@link SimulatedCall}; {@link #run(Scenario)} plays a scripted
 * call to the end. The simulator is immutable and thread-safe; calls are meant for one thread at a time.
 */
public final class SipgateSimulator {

    static final String FORM_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Duration TIMEOUT = Duration.ofSeconds(10); // sipgate gives up after about 10 s

    private final URI server;
    private final Transport transport;
    private final PrivateKey signingKey;
    private final String publicBase;

    private SipgateSimulator(URI server, Transport transport, PrivateKey signingKey, String publicBase) {
        this.server = server;
        this.transport = transport;
        this.signingKey = signingKey;
        this.publicBase = publicBase;
    }

    /** A simulator posting newCalls to the server at {@code serverUrl} (e.g. {@code http://127.0.0.1:8080}). */
    public static SipgateSimulator forServer(String serverUrl) {
        return new SipgateSimulator(root(serverUrl), new HttpTransport(), null, null);
    }

    /**
     * A simulator that hands every push to this server inside the process instead of sending it over a socket
     * (the server must {@link SwitchboardServer#acceptInProcess}): the server parses, routes and answers each push
     * as one from sipgate, and the simulator needs no HTTP client. Callback URLs keep the server's own address.
     */
    public static SipgateSimulator inProcess(SwitchboardServer server) {
        return new SipgateSimulator(root(server.url()), new InProcessTransport(server), null, null);
    }

    private static URI root(String serverUrl) {
        String base = Objects.requireNonNull(serverUrl, "serverUrl");
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** Signs every body with this key (RSA, SHA-256), in the {@code X-Sipgate-Signature} header. */
    public SipgateSimulator withSigningKey(PrivateKey key) {
        return new SipgateSimulator(server, transport, key, publicBase);
    }

    /**
     * Callback URLs that start with {@code publicBaseUrl} (e.g. the tunnel URL the engine writes into its answers)
     * are posted to this simulator's server instead; {@code null} posts every URL as given (the default).
     */
    public SipgateSimulator withCallbackBase(String publicBaseUrl) {
        String base = publicBaseUrl == null || !publicBaseUrl.endsWith("/") ? publicBaseUrl
                : publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        return new SipgateSimulator(server, transport, signingKey, base);
    }

    public URI server() {
        return server;
    }

    /**
     * Starts a call: posts {@code newCall} to {@code path} and returns the call, whose transcript holds the answer.
     * Numbers may be typed as people do ("+49 30 1234567"); they are sent as sipgate does (E.164 digits).
     */
    public SimulatedCall newCall(String path, String from, String to, String direction, String... users) {
        SimulatedCall call = new SimulatedCall(this, randomCallId(), number(from), number(to),
                direction == null ? "in" : direction);
        call.start(path, List.of(users));
        return call;
    }

    /** Plays a scripted call to its end and returns what happened. */
    public Transcript run(Scenario scenario) {
        SimulatedCall call = newCall(scenario.path(), scenario.from(), scenario.to(), scenario.direction(),
                scenario.users().toArray(new String[0]));
        for (String keys : scenario.presses()) {
            if (!call.awaitingDigits()) {
                break;
            }
            if (keys == null || keys.isEmpty()) {
                call.noDigits();
            } else {
                call.pressDigits(keys);
            }
        }
        if (scenario.answeredBy() != null && call.forwarded() && !call.ended()) {
            call.answer(scenario.answeredBy(), scenario.answeringNumber());
        }
        if (scenario.hangupCause() != null && !call.ended()) {
            call.hangup(scenario.hangupCause());
        }
        return call.transcript();
    }

    /**
     * Posts one form body to a path of the server ({@code /...}) or to an absolute URL, exactly as sipgate would,
     * and reports the answer. Low-level: for tests of what the server refuses.
     */
    public Step post(String pathOrUrl, String body) {
        return post("raw", "Posted a raw body", target(pathOrUrl), body);
    }

    Step post(String event, String action, String url, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", FORM_TYPE);
        headers.put("User-Agent", "sipgate.io");
        headers.put("Accept", "application/xml, text/plain, text/html");
        headers.put("Accept-Charset", "utf-8");
        headers.put("X-Sipgate-Jobs", "http://www.sipgate.de/jobs");
        if (signingKey != null) {
            headers.put(SignatureVerifier.HEADER, sign(body.getBytes(StandardCharsets.UTF_8)));
        }
        long start = System.nanoTime();
        Transport.Answer answer;
        try {
            answer = transport.post(URI.create(url), headers, body, TIMEOUT);
        } catch (IOException e) {
            return new Step(event, action, url, body, Map.of(), 0, "", null,
                    "Server unreachable (" + e.getClass().getSimpleName() + "): sipgate gives up and routes the "
                            + "call normally", (System.nanoTime() - start) / 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the server", e);
        }
        long micros = (System.nanoTime() - start) / 1000;
        String text = answer.body();
        Response parsed = null;
        String outcome;
        if (answer.status() == 200) {
            try {
                parsed = SipgateXml.read(text);
                outcome = Narrator.describe(parsed);
            } catch (IllegalArgumentException e) {
                outcome = "Answer is not sipgate XML (" + e.getMessage() + "): sipgate routes the call normally";
            }
        } else {
            String reason = text == null ? "" : text.strip();
            outcome = "Server answered " + answer.status() + (reason.isEmpty() ? "" : " (" + reason + ")")
                    + ": sipgate gives up and routes the call normally";
        }
        return new Step(event, action, url, body, answer.headers(), answer.status(), text, parsed, outcome, micros);
    }

    /** Where a URL from an answer is posted: as given, unless it starts with the configured public base. */
    String callbackTarget(String url) {
        if (publicBase != null && url.startsWith(publicBase + "/")) {
            return server + url.substring(publicBase.length());
        }
        return url;
    }

    private String target(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return callbackTarget(pathOrUrl);
        }
        return server + (pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl);
    }

    String webhookUrl(String path) {
        return target(path);
    }

    private String sign(byte[] body) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey);
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the push: " + e.getMessage(), e);
        }
    }

    /** sipgate's recent call ids are long upper-case hex strings. */
    private static String randomCallId() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** Numbers go out as sipgate sends them: E.164 digits without "+", or "anonymous". */
    static String number(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = PhoneNumbers.toE164Digits(typed);
        return digits != null ? digits : typed.trim();
    }
}
