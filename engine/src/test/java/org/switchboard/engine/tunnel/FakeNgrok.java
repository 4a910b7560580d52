package org.switchboard.engine.tunnel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the ngrok agent (v3) that speaks what java-ngrok expects (logfmt on stdout, the local API on
 * {@code /api/tunnels}) and never goes near the internet. Switches in front of java-ngrok's own arguments choose a
 * behaviour:
 * <ul>
 *   <li>{@code --fake-mode=ok|authtoken-invalid|session-limit|no-internet}: how the start goes; the failures print
 *       the agent's real error text (with its ERR_NGROK code) and exit 1, or keep failing to dial</li>
 *   <li>{@code --fake-reserved=DOMAIN}: the only domain this "account" has; a tunnel on another is refused</li>
 *   <li>{@code --fake-exit-after=MS} (with {@code --fake-once=FILE}: only while FILE does not exist): exits
 *       MS after the first tunnel was opened</li>
 *   <li>{@code --fake-drop-after=MS}: MS after the first tunnel opened, the session drops for 600 ms, then comes
 *       back</li>
 *   <li>{@code --fake-record=FILE}: appends what it was asked (never the authtoken itself)</li>
 *   <li>{@code --fake-forward-file=FILE}: opens a plain HTTP "public side" on 127.0.0.1 that forwards to the tunnel's
 *       local address, and writes its port to FILE</li>
 * </ul>
 * The public URL is {@code https://fake-<pid>.ngrok-free.app}, so a restarted agent has a new one.
 */
public final class FakeNgrok {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Map<String, String> TUNNELS = new ConcurrentHashMap<>();
    private static volatile String forwardTo;

    private FakeNgrok() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> fake = new ConcurrentHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--fake-")) {
                String[] kv = arg.substring(7).split("=", 2);
                fake.put(kv[0], kv.length > 1 ? kv[1] : "");
            } else {
                rest.add(arg);
            }
        }
        if (rest.contains("--version")) {
            System.out.println("ngrok version 3.99.0-fake");
            return;
        }
        if (rest.size() >= 2 && rest.get(0).equals("config") && rest.get(1).equals("add-authtoken")) {
            System.out.println("Authtoken saved to configuration file: fake.yml");
            return;
        }
        if (rest.isEmpty() || !rest.get(0).equals("start")) {
            System.err.println("fake ngrok: unknown command " + rest);
            System.exit(2);
        }
        String token = valueAfter(rest, "--authtoken");
        record(fake, "start authtoken=" + (token == null ? "absent" : "present") + " region="
                + valueAfter(rest, "--region"));
        String mode = fake.getOrDefault("mode", "ok");

        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/api/tunnels", exchange -> handle(exchange, fake));
        api.start();
        log("info", "starting web service", "obj=web addr=127.0.0.1:" + api.getAddress().getPort() + " allow_hosts=[]");
        switch (mode) {
            case "authtoken-invalid" -> fail("authentication failed: The authtoken you specified does not look like a "
                    + "proper ngrok tunnel authtoken.\\nYour authtoken: " + token + "\\nInstructions to install your "
                    + "authtoken are on your ngrok dashboard:\\nhttps://dashboard.ngrok.com/get-started/"
                    + "your-authtoken\\r\\n\\r\\nERR_NGROK_105\\r\\n");
            case "session-limit" -> fail("authentication failed: Your account is limited to 1 simultaneous ngrok "
                    + "agent sessions.\\nYou can run multiple simultaneous tunnels from a single agent session.\\r\\n"
                    + "\\r\\nERR_NGROK_108\\r\\n");
            case "no-internet" -> {
                while (true) {
                    log("eror", "failed to reconnect session", "obj=tunnels.session err=\"failed to dial ngrok "
                            + "server with address connect.ngrok-agent.com:443: dial tcp: lookup "
                            + "connect.ngrok-agent.com: no such host\"");
                    Thread.sleep(300);
                }
            }
            default -> {
                // ok
            }
        }
        if (fake.containsKey("forward-file")) { // ready before java-ngrok can see the agent as started
            startForwarder(Path.of(fake.get("forward-file")));
        }
        log("info", "client session established", "obj=tunnels.session");
        log("info", "tunnel session started", "obj=tunnels.session");
        String once = fake.get("once");
        boolean exitThisTime = fake.containsKey("exit-after")
                && (once == null || !Files.exists(Path.of(once)));
        if (exitThisTime && once != null) {
            Files.writeString(Path.of(once), "exited once");
        }
        if (exitThisTime) {
            fake.put("exiting", fake.get("exit-after"));
        }
        Thread.currentThread().join(); // stays alive with stdout open until killed
    }

    private static void handle(HttpExchange exchange, Map<String, String> fake) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            if (method.equals("GET")) {
                send(exchange, 200, "{\"tunnels\":[" + String.join(",", TUNNELS.values())
                        + "],\"uri\":\"/api/tunnels\"}");
            } else if (method.equals("POST")) {
                Map<String, String> fields = new ConcurrentHashMap<>();
                Matcher m = FIELD.matcher(body);
                while (m.find()) {
                    fields.put(m.group(1), m.group(2));
                }
                String name = fields.getOrDefault("name", "t");
                String addr = fields.getOrDefault("addr", "80");
                String domain = fields.get("domain");
                record(fake, "tunnel addr=" + addr + " domain=" + domain + " proto=" + fields.get("proto")
                        + " schemes=" + (body.contains("\"https\"") ? "https" : "?"));
                String reserved = fake.get("reserved");
                if (domain != null && !domain.equals(reserved)) {
                    send(exchange, 400, "{\"error_code\":102,\"status_code\":400,\"msg\":\"invalid tunnel "
                            + "configuration\",\"details\":{\"err\":\"failed to start tunnel: The domain '" + domain
                            + "' is not reserved for your account.\\r\\n\\r\\nERR_NGROK_320\\r\\n\"}}");
                    return;
                }
                forwardTo = addr.matches("\\d+") ? "http://localhost:" + addr : addr;
                String host = domain != null ? domain : "fake-" + ProcessHandle.current().pid() + ".ngrok-free.app";
                String json = "{\"ID\":\"fake-1\",\"name\":\"" + name + "\",\"uri\":\"/api/tunnels/" + name
                        + "\",\"public_url\":\"https://" + host + "\",\"proto\":\"https\",\"config\":{\"addr\":\""
                        + forwardTo + "\",\"inspect\":true},\"metrics\":{}}";
                TUNNELS.put(name, json);
                send(exchange, 201, json);
                if (fake.containsKey("exiting") && fake.putIfAbsent("exit-scheduled", "") == null) {
                    Thread exit = new Thread(() -> crash(Long.parseLong(fake.get("exiting"))));
                    exit.setDaemon(true);
                    exit.start();
                }
                if (fake.containsKey("drop-after") && fake.putIfAbsent("dropping", "") == null) {
                    Thread drop = new Thread(() -> dropSession(Long.parseLong(fake.get("drop-after"))));
                    drop.setDaemon(true);
                    drop.start();
                }
            } else if (method.equals("DELETE")) {
                String path = exchange.getRequestURI().getPath();
                TUNNELS.remove(path.substring(path.lastIndexOf('/') + 1));
                send(exchange, 204, null);
            } else {
                send(exchange, 405, "{}");
            }
        }
    }

    /** Exits {@code afterMillis} after the first tunnel was opened, as a crashed agent. */
    private static void crash(long afterMillis) {
        try {
            Thread.sleep(afterMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log("crit", "agent crashed", "err=\"fake crash\"");
        System.exit(1);
    }

    /** The session drops {@code afterMillis} after the first tunnel was opened, and is back 600 ms later. */
    private static void dropSession(long afterMillis) {
        try {
            Thread.sleep(afterMillis);
            log("eror", "failed to reconnect session", "obj=tunnels.session err=\"read tcp: i/o timeout\"");
            Thread.sleep(600);
            log("info", "client session established", "obj=tunnels.session");
            log("info", "tunnel session started", "obj=tunnels.session");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A plain HTTP listener standing for the public side: relays each request to the tunnel's local address. */
    private static void startForwarder(Path portFile) throws IOException {
        HttpServer front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        front.createContext("/", exchange -> {
            try (exchange) {
                URI target = URI.create(forwardTo.replace("localhost", "127.0.0.1")
                        + exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? ""
                                : "?" + exchange.getRequestURI().getRawQuery()));
                HttpURLConnection c = (HttpURLConnection) target.toURL().openConnection();
                c.setRequestMethod(exchange.getRequestMethod());
                exchange.getRequestHeaders().forEach((k, v) -> {
                    if (!k.equalsIgnoreCase("Host") && !k.equalsIgnoreCase("Content-length")) {
                        v.forEach(value -> c.addRequestProperty(k, value));
                    }
                });
                byte[] in = exchange.getRequestBody().readAllBytes();
                if (in.length > 0) {
                    c.setDoOutput(true);
                    c.getOutputStream().write(in);
                }
                int status = c.getResponseCode();
                InputStream answer = status >= 400 ? c.getErrorStream() : c.getInputStream();
                byte[] out = answer == null ? new byte[0] : answer.readAllBytes();
                String type = c.getContentType();
                if (type != null) {
                    exchange.getResponseHeaders().set("Content-Type", type);
                }
                exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    exchange.getResponseBody().write(out);
                }
            }
        });
        front.start();
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, String.valueOf(front.getAddress().getPort()));
        Files.move(tmp, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void fail(String err) throws InterruptedException {
        log("eror", "failed to reconnect session", "obj=tunnels.session err=\"" + err + "\"");
        log("crit", "command failed", "err=\"" + err + "\"");
        Thread.sleep(50);
        System.exit(1);
    }

    private static void log(String level, String msg, String rest) {
        System.out.println("t=" + Instant.now() + " lvl=" + level + " msg=\"" + msg + "\" " + rest);
        System.out.flush();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String valueAfter(List<String> args, String flag) {
        int i = args.indexOf(flag);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    private static void record(Map<String, String> fake, String line) {
        String file = fake.get("record");
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("fake ngrok: cannot record: " + e);
        }
    }
}
