package org.switchboard.engine.sipgate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small client for the parts of sipgate's REST API (JSON, {@link #DEFAULT_BASE}) that Switchboard needs: check a
 * personal access token ({@link #userInfo()}), read and set the account's webhook URLs
 * ({@link #getWebhookSettings()}, {@link #setIncomingUrl(String)}, {@link #setOutgoingUrl(String)}) and end a
 * running call ({@link #hangUp(String)}, RTCM). Every request carries {@code Authorization: Basic
 * base64(tokenId:token)}, which is never logged; redirects are not followed, so the header cannot leak to another
 * host. Failures come back as a {@link RestResult} whose message can be shown to the user as it is (or, for
 * {@link #getWebhookSettings()}, as a {@link SipgateApiException}); nothing here throws for a network error. Calls
 * block for at most the timeout (5 s by default), so run them off the webhook threads. The base URL is configurable
 * so that tests can point the client at a stand-in on 127.0.0.1. Instances are thread-safe; create one per set of
 * credentials and reuse it, since each owns an {@link HttpClient} with its own connection pool and selector thread.
 */
public final class SipgateRestClient {

    /** sipgate's REST API. */
    public static final URI DEFAULT_BASE = URI.create("https://api.sipgate.com/v2");
    /** How long to wait for a connection, and then again for the answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SipgateRestClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETTINGS = "/settings/sipgateio";
    private static final String SCOPE_READ = "settings:sipgateio:read";
    private static final String SCOPE_WRITE = "settings:sipgateio:write";

    private final String base;
    private final SipgateCredentials credentials;
    private final Duration timeout;
    private final HttpClient http;

    /** A client with {@link #DEFAULT_TIMEOUT}. {@code baseUrl} null means {@link #DEFAULT_BASE}. */
    public SipgateRestClient(URI baseUrl, SipgateCredentials credentials) {
        this(baseUrl, credentials, DEFAULT_TIMEOUT);
    }

    /**
     * A client with its own timeout, used both for connecting and for waiting for the answer.
     *
     * @throws IllegalArgumentException if the base URL is not an absolute http(s) URL
     */
    public SipgateRestClient(URI baseUrl, SipgateCredentials credentials, Duration timeout) {
        URI url = baseUrl == null ? DEFAULT_BASE : baseUrl;
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            throw new IllegalArgumentException("The sipgate API address must be an http(s) URL, not "
                    + Texts.clip(url.toString(), 100));
        }
        String text = url.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Ends a running call ({@code DELETE /calls/{callId}}, scope {@code rtcm:write}). A {@code 404} counts as
     * success with the message "Call already over", because a caller who hung up first is the normal case.
     */
    public RestResult hangUp(String callId) {
        if (callId == null || callId.isBlank()) {
            return RestResult.failure(0, "No call id given");
        }
        try {
            Answer answer = exchange("DELETE", "/calls/" + encodePathSegment(callId), null);
            if (answer.isSuccess()) {
                return RestResult.success(answer.status(), "Call ended");
            }
            if (answer.status() == 404) {
                return RestResult.success(404, "Call already over");
            }
            return failure(answer, "rtcm:write");
        } catch (SipgateApiException e) {
            return e.result();
        }
    }

    /**
     * Checks the credentials ({@code GET /authorization/userinfo}). On success the message names the web user, e.g.
     * "Signed in as w0 (sipgate.de)".
     */
    public RestResult userInfo() {
        try {
            Answer answer = exchange("GET", "/authorization/userinfo", null);
            if (!answer.isSuccess()) {
                return failure(answer, null);
            }
            JsonNode info = parseJson(answer);
            String user = Texts.clip(info.path("sub").asText(""), 60);
            String domain = Texts.clip(info.path("domain").asText(""), 60);
            String who = user.isEmpty() ? "" : " as " + user + (domain.isEmpty() ? "" : " (" + domain + ")");
            return RestResult.success(answer.status(), "Signed in" + who);
        } catch (SipgateApiException e) {
            return e.result();
        }
    }

    /**
     * Reads the account's sipgate.io settings ({@code GET /settings/sipgateio}).
     *
     * @throws SipgateApiException if sipgate refuses, cannot be reached or sends something unreadable
     */
    public WebhookSettings getWebhookSettings() {
        JsonNode settings = readSettings();
        List<String> whitelist = null;
        JsonNode list = settings.get("whitelist");
        if (list != null && list.isArray()) {
            whitelist = new ArrayList<>(list.size());
            for (JsonNode entry : list) {
                whitelist.add(entry.asText());
            }
        }
        return new WebhookSettings(text(settings, "incomingUrl"), text(settings, "outgoingUrl"),
                settings.path("log").asBoolean(false), whitelist);
    }

    /**
     * Sets the URL that receives {@code newCall} for incoming calls; {@code ""} or null clears it. Reads the
     * settings first and writes them back whole, so the outgoing URL, the log switch, the whitelist and any field
     * this program does not know survive.
     */
    public RestResult setIncomingUrl(String url) {
        return updateSetting("incomingUrl", url, "Incoming");
    }

    /** Like {@link #setIncomingUrl(String)}, for the URL that receives {@code newCall} for outgoing calls. */
    public RestResult setOutgoingUrl(String url) {
        return updateSetting("outgoingUrl", url, "Outgoing");
    }

    @Override
    public String toString() {
        return "SipgateRestClient[" + base + ", " + credentials + "]";
    }

    private RestResult updateSetting(String field, String url, String label) {
        Map<String, String> change = new LinkedHashMap<>();
        change.put(field, url);
        return updateSettings(change, Map.of(field, label), false);
    }

    /**
     * Points sipgate at a flow in one read and one write: sets the incoming URL and, when {@code outgoingUrl} is not
     * null, the outgoing URL too (null leaves it as it is); everything else stays. On success the message shows old
     * and new, e.g. "Incoming webhook URL set: https://old → https://new".
     */
    public RestResult setWebhookUrls(String incomingUrl, String outgoingUrl) {
        Map<String, String> change = new LinkedHashMap<>();
        change.put("incomingUrl", incomingUrl);
        if (outgoingUrl != null) {
            change.put("outgoingUrl", outgoingUrl);
        }
        return updateSettings(change, Map.of("incomingUrl", "Incoming", "outgoingUrl", "Outgoing"), true);
    }

    private RestResult updateSettings(Map<String, String> change, Map<String, String> labels,
            boolean showOldAndNew) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : change.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().strip();
            String lower = value.toLowerCase(Locale.ROOT);
            if (!value.isEmpty() && !lower.startsWith("https://") && !lower.startsWith("http://")) {
                return RestResult.failure(0, "The webhook URL must start with https:// or http://");
            }
            values.put(e.getKey(), value);
        }
        try {
            ObjectNode settings = readSettings();
            List<String> said = new ArrayList<>();
            for (Map.Entry<String, String> e : values.entrySet()) {
                String before = text(settings, e.getKey());
                settings.put(e.getKey(), e.getValue());
                String label = labels.get(e.getKey());
                String done = label + " webhook URL " + (e.getValue().isEmpty() ? "cleared" : "set");
                said.add(!showOldAndNew ? done : done + ": " + (before.isEmpty() ? "(none)" : before) + " → "
                        + (e.getValue().isEmpty() ? "(none)" : e.getValue()));
            }
            for (String required : List.of("incomingUrl", "outgoingUrl")) { // required by sipgate's API spec
                if (!settings.hasNonNull(required)) {
                    settings.put(required, "");
                }
            }
            Answer answer = exchange("PUT", SETTINGS, JSON.writeValueAsString(settings));
            if (!answer.isSuccess()) {
                return failure(answer, SCOPE_WRITE);
            }
            return RestResult.success(answer.status(), String.join("; ", said));
        } catch (SipgateApiException e) {
            return e.result();
        } catch (JsonProcessingException e) {
            return RestResult.failure(0, "Could not write the settings as JSON");
        }
    }

    private ObjectNode readSettings() {
        Answer answer = exchange("GET", SETTINGS, null);
        if (!answer.isSuccess()) {
            throw new SipgateApiException(failure(answer, SCOPE_READ));
        }
        if (parseJson(answer) instanceof ObjectNode settings) {
            return settings;
        }
        throw new SipgateApiException(RestResult.failure(answer.status(),
                "sipgate sent the webhook settings in an unexpected form"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static JsonNode parseJson(Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new SipgateApiException(RestResult.failure(answer.status(), "sipgate sent an unreadable answer"));
        }
    }

    /** Sends one request; a transport failure becomes a {@link SipgateApiException} with status 0. */
    private Answer exchange(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", credentials.basicAuthHeader())
                .header("Accept", "application/json")
                .header("User-Agent", "Switchboard");
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            LOG.debug("sipgate {} {} -> HTTP {}", method, path, response.statusCode());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            LOG.debug("sipgate {} {} failed: {}", method, path, e.getClass().getSimpleName());
            throw new SipgateApiException(RestResult.failure(0, "Could not reach sipgate: " + describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SipgateApiException(RestResult.failure(0, "Could not reach sipgate: interrupted"));
        }
    }

    private String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + seconds(timeout);
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + seconds(timeout);
        }
        if (e instanceof ConnectException) {
            return "connection refused by " + hostOf(base);
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + hostOf(base);
        }
        if (e instanceof SSLException) {
            return "secure connection failed (" + Texts.clip(String.valueOf(e.getMessage()), 80) + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : Texts.clip(e.getMessage(), 120);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host == null ? url : host;
    }

    /** The user-facing message for a non-success status; {@code scope} is the one the operation needs, if any. */
    private static RestResult failure(Answer answer, String scope) {
        int status = answer.status();
        String message = switch (status) {
            case 401 -> "sipgate rejected the token id or token";
            case 403 -> scope == null ? "sipgate refused the request (HTTP 403)"
                    : "sipgate.io is not booked or the token lacks the scope " + scope;
            case 402 -> "The sipgate account has too little credit (HTTP 402)";
            case 404 -> "sipgate does not know this address (HTTP 404); check the API base URL";
            case 429 -> "sipgate is limiting requests (HTTP 429); try again in a moment";
            default -> status >= 500 ? "sipgate had a problem (HTTP " + status + "); try again later"
                    : "sipgate answered HTTP " + status + errorDetail(answer.body());
        };
        return RestResult.failure(status, message);
    }

    /** The title or detail of sipgate's {@code {"errors":[…]}} body, if there is one, as ": …". */
    private static String errorDetail(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("errors").path(0);
            String detail = error.path("detail").asText(error.path("title").asText(""));
            return detail.isBlank() ? "" : ": " + Texts.clip(detail, 120);
        } catch (JsonProcessingException | RuntimeException e) {
            return "";
        }
    }

    /** Percent-encodes one path segment (RFC 3986 unreserved characters stay), so a call id cannot change the path. */
    static String encodePathSegment(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            return segment.replace(".", "%2E");
        }
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private record Answer(int status, String body) {
        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }
}
