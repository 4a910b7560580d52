package org.switchboard.engine.sipgate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for sipgate's REST API on 127.0.0.1, behaving as the spec (sections 5 and 6) describes: Basic auth
 * with a personal access token, {@code /authorization/userinfo}, {@code GET/PUT /settings/sipgateio} and
 * {@code DELETE /calls/{callId}} (204, or 404 for an unknown call). Switches make it answer 403 (not booked / scope
 * missing), fail the PUT alone, or answer with a fixed status.
 */
public final class FakeSipgateApi implements AutoCloseable {

    public static final String TOKEN_ID = "token-AB12CD";
    public static final String TOKEN = "0f8fad5b-d9cb-469f-a165-70867728950e";

    public record Call(String method, String rawPath, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    final Set<String> runningCalls = ConcurrentHashMap.newKeySet();
    public volatile ObjectNode settings;
    public volatile boolean forbidden;
    volatile boolean forbidWrites;
    volatile int fixedStatus;
    volatile String fixedBody = "";
    volatile long delayMillis;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    public FakeSipgateApi() throws IOException {
        settings = (ObjectNode) JSON.readTree("{\"incomingUrl\":\"https://old.example/in\","
                + "\"outgoingUrl\":\"https://keep.example/out\",\"log\":true,\"whitelist\":[\"p0\",\"g1\"],"
                + "\"futureField\":{\"x\":1}}");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2");
    }

    public List<String> requestLines() {
        return calls.stream().map(c -> c.method() + " " + c.rawPath()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            calls.add(new Call(method, path, body));
            if (delayMillis > 0) {
                sleep(delayMillis);
            }
            String expectedAuth = "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((TOKEN_ID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"errors\":[{\"status\":401,\"title\":\"Unauthorized\"}]}");
                return;
            }
            if (fixedStatus != 0) {
                send(exchange, fixedStatus, fixedBody);
                return;
            }
            if (forbidden) {
                send(exchange, 403, "");
                return;
            }
            route(exchange, method, path.substring("/v2".length()), body);
        }
    }

    private void route(HttpExchange exchange, String method, String path, String body) throws IOException {
        if (path.equals("/authorization/userinfo")) {
            if (!method.equals("GET")) {
                send(exchange, 405, "");
                return;
            }
            send(exchange, 200, "{\"sub\":\"w0\",\"domain\":\"sipgate.de\",\"masterSipId\":\"0000000\","
                    + "\"locale\":\"de_DE\"}");
        } else if (path.equals("/settings/sipgateio")) {
            switch (method) {
                case "GET" -> send(exchange, 200, settings.toString());
                case "PUT" -> {
                    if (forbidWrites) {
                        send(exchange, 403, "");
                        return;
                    }
                    if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                        send(exchange, 415, "");
                        return;
                    }
                    settings = (ObjectNode) JSON.readTree(body);
                    send(exchange, 204, null);
                }
                default -> send(exchange, 405, "");
            }
        } else if (path.startsWith("/calls/")) {
            if (!method.equals("DELETE")) {
                send(exchange, 405, "");
                return;
            }
            String callId = java.net.URLDecoder.decode(path.substring("/calls/".length()).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            send(exchange, runningCalls.remove(callId) ? 204 : 404, null);
        } else {
            send(exchange, 404, "");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null || body.isEmpty()) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
