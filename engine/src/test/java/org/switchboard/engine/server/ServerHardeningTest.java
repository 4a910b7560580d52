package org.switchboard.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.engine.runtime.EngineOptions;
import org.switchboard.engine.sipgate.SignatureVerifier;

/**
 * What a server on the internet must withstand, over the real server on loopback: hostile values in logged fields,
 * repeated call ids, floods of new calls and of forged signatures from one source (a client behind a tunnel, named by
 * {@code X-Forwarded-For}), over-long fields, and clients that drip their request byte by byte.
 */
class ServerHardeningTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private RunningServer running;

    private RunningServer start(ServerOptions options) {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8)); // the push log takes it at start
        running = new RunningServer(FamilyMenu.flow(), options, EngineOptions.DEFAULT_IDLE_TIMEOUT);
        return running;
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        System.setErr(realErr);
    }

    private String log() {
        running.close(); // writes what the push log holds
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    private static String newCall(String callId) {
        return "event=newCall&direction=in&from=4930123456&to=4930654321&callId=" + callId;
    }

    private static HttpResponse<String> post(String url, String body, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void controlCharactersInLoggedFieldsAreEscapedAndEachPushIsOneLine() throws Exception {
        start(ServerOptions.defaults());
        String url = running.url();
        // a callId with CR LF, NUL, a tab, ESC and a Unicode line separator; a forged log line after the CR LF
        String forged = "abc%0D%0A%5Bswitchboard-http-1%5D+INFO+fake+-+push+callId%3Dx%00%09%1B%E2%80%A8";
        assertEquals(200, post(url + FamilyMenu.PATH, newCall(forged), null).statusCode());
        assertEquals(400, post(url + FamilyMenu.PATH, newCall("a%0D%0Ab") + "&from=" + "1".repeat(65), null)
                .statusCode());
        // Jetty itself refuses a path with an encoded CR, LF or NUL (400, not logged); Unicode line breaks get in
        assertEquals(400, RawHttp.post(url, "/no%0D%0Apath%00x", FORM, newCall("c")).status());
        assertEquals(404, RawHttp.post(url, "/no%E2%80%A8path%C2%85x", FORM, newCall("c")).status());
        assertEquals(200, post(url + FamilyMenu.PATH, newCall("d"), "203.0.113.9\r\n".trim() + ", x%0D%0A")
                .statusCode());
        String log = log();
        List<String> pushLines = log.lines().filter(l -> l.contains(" - push ")).toList();
        assertEquals(4, pushLines.size(), log);
        assertTrue(log.lines().noneMatch(l -> l.contains("fake") && !l.contains(" - push callId=abc")), log);
        String first = pushLines.get(0);
        assertTrue(first.contains("callId=abc\\x0D\\x0A[switchboard-http-1]\\x20INFO\\x20fake\\x20-\\x20push"
                + "\\x20callId=x\\x00\\x09\\x1B\\u2028 event=newCall"), first);
        assertTrue(pushLines.stream().anyMatch(l -> l.contains("status=404")
                && l.contains("path=/no\\u2028path\\x85x")),
                log);
        assertTrue(pushLines.stream().anyMatch(l -> l.contains("status=400") && l.contains("Field 'from' is too long")),
                log);
        for (String line : pushLines) {
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7F || c == '…'), "only printable: " + line);
        }
    }

    @Test
    void fieldsLongerThanSipgateSendsAreRefusedAndLongValuesAreShortenedInTheLog() throws Exception {
        start(ServerOptions.defaults());
        String url = running.url() + FamilyMenu.PATH;
        HttpResponse<String> tooLong = post(url, newCall("x".repeat(129)), null);
        assertEquals(400, tooLong.statusCode());
        assertEquals("Field 'callId' is too long (129 characters, limit 128)\n", tooLong.body());
        assertEquals(200, post(url, newCall("y".repeat(128)), null).statusCode());
        assertEquals(400, post(url, newCall("z") + "&to=" + "4".repeat(65), null).statusCode());
        assertEquals(400, post(url, newCall("z") + "&user%5B%5D=" + "u".repeat(257), null).statusCode());
        assertEquals(1, running.engine.activeCalls());
        assertEquals(404, RawHttp.post(running.url(), "/" + "p".repeat(1000), FORM, newCall("q")).status());
        String log = log();
        assertTrue(log.contains("path=/" + "p".repeat(127) + "…(+873)"), log);
    }

    @Test
    void aRepeatedCallIdStartsNoSecondCallAndIsAnsweredEmpty() throws Exception {
        start(ServerOptions.defaults());
        String url = running.url() + FamilyMenu.PATH;
        HttpResponse<String> first = post(url, newCall("same"), null);
        assertTrue(first.body().contains("<Gather"), first.body());
        String callback = first.body().replaceAll("(?s).*onData=\"[^\"]*(/cb/[A-Za-z0-9_-]+)\".*", "$1");
        HttpResponse<String> again = post(url, newCall("same") + "&user%5B%5D=voicemail", null);
        assertEquals(200, again.statusCode());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", again.body().trim());
        assertEquals(1, running.engine.activeCalls(), "no second call");
        assertEquals(2, running.pushesHandled());
        // the running call goes on as before: its Gather callback still works
        HttpResponse<String> digits = post(running.url() + callback, "event=dtmf&dtmf=1&callId=same", null);
        assertEquals(200, digits.statusCode(), digits.body());
        assertTrue(running.notes().stream().anyMatch(n -> n.startsWith("repeated newCall for a running call")),
                running.notes()::toString);
        String log = log();
        assertTrue(log.contains("notes=\"repeated newCall for a running call (e.g. a hand-off to the voicemail): "
                + "answered empty, the flow was not started again\""), log);
    }

    @Test
    void aFloodOfNewCallsFromOneSourceIsRefusedAndEvictsNothing() throws Exception {
        start(ServerOptions.defaults().withLimits(ServerLimits.defaults().withNewCalls(5, 50)));
        String url = running.url() + FamilyMenu.PATH;
        assertEquals(200, post(url, newCall("real"), "198.51.100.7").statusCode());
        int refused = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            int status = post(url, newCall("flood" + i), "203.0.113.66").statusCode();
            if (status == 429) {
                refused++;
            } else {
                assertEquals(200, status);
            }
        }
        // the bucket lets in its burst of 50 plus 5 a second of however long the flood took on this machine
        int allowed = 50 + (int) Math.ceil(5 * (System.nanoTime() - started) / 1e9);
        assertTrue(refused >= 300 - allowed && refused >= 150, "refused " + refused + ", allowed " + allowed);
        assertEquals(200, post(url, newCall("other"), "198.51.100.8").statusCode(), "other sources still get in");
        assertTrue(running.engine.activeCalls() <= 2 + 300 - refused, "calls: " + running.engine.activeCalls());
        assertEquals(0, running.engine.evictedCalls());
        String log = log();
        assertTrue(log.contains("status=429") && log.contains("source=203.0.113.66"), log);
    }

    @Test
    void forgedSignaturesAreRefusedCheaplyAndRateLimitedPerSource() throws Exception {
        start(ServerOptions.defaults().withSignatureCheck(null)
                .withLimits(ServerLimits.defaults().withFailedSignatures(1, 5)));
        String url = running.url() + FamilyMenu.PATH;
        byte[] forged = new byte[512];
        Arrays.fill(forged, (byte) 0x11); // below sipgate's modulus, so it takes the full RSA check
        String signature = java.util.Base64.getEncoder().encodeToString(forged);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", FORM)
                    .header("X-Forwarded-For", "203.0.113.5").header(SignatureVerifier.HEADER, signature)
                    .POST(HttpRequest.BodyPublishers.ofString(newCall("f" + i))).build();
            statuses.add(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertEquals(List.of(403, 403, 403, 403, 403, 429, 429, 429, 429, 429), statuses);
        HttpRequest other = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", FORM)
                .header("X-Forwarded-For", "198.51.100.1").header(SignatureVerifier.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(newCall("g"))).build();
        assertEquals(403, HTTP.send(other, HttpResponse.BodyHandlers.ofString()).statusCode());
        // what cannot be a signature of a 4096-bit key is refused before any RSA arithmetic
        SignatureVerifier bundled = SignatureVerifier.bundled();
        assertFalse(bundled.verify(new byte[1], signature.substring(4)));
        byte[] aboveModulus = new byte[512];
        Arrays.fill(aboveModulus, (byte) 0xFF);
        assertFalse(bundled.verify(new byte[1], java.util.Base64.getEncoder().encodeToString(aboveModulus)));
        assertEquals(0, running.engine.activeCalls());
    }

    @Test
    void aClientThatDripsItsRequestIsDroppedAtTheDeadlineWhileOthersAreAnsweredAtOnce() throws Exception {
        start(ServerOptions.defaults().withLimits(ServerLimits.defaults().withReadDeadline(Duration.ofSeconds(2))));
        URI uri = URI.create(running.url());
        String body = newCall("drip");
        String request = "POST " + FamilyMenu.PATH + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        try (Socket headDrip = new Socket(uri.getHost(), uri.getPort());
             Socket bodyDrip = new Socket(uri.getHost(), uri.getPort())) {
            long start = System.nanoTime();
            OutputStream head = headDrip.getOutputStream();
            OutputStream rest = bodyDrip.getOutputStream();
            int split = request.indexOf("\r\n\r\n") + 4;
            rest.write(request.substring(0, split + 3).getBytes(StandardCharsets.US_ASCII)); // head, then drips
            long slowest = 0;
            boolean headClosed = false;
            boolean bodyClosed = false;
            for (int i = 0; i < 40 && !(headClosed && bodyClosed); i++) {
                headClosed = headClosed || !drip(head, request.charAt(i));
                bodyClosed = bodyClosed || !drip(rest, request.charAt(split + 3 + i));
                long t = System.nanoTime();
                assertEquals(200, post(running.url() + FamilyMenu.PATH, newCall("ok" + i), null).statusCode());
                slowest = Math.max(slowest, System.nanoTime() - t);
                Thread.sleep(150);
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(headClosed && bodyClosed, "both dripping connections were dropped");
            assertTrue(seconds <= 5, "dropped after " + seconds + " s (deadline 2 s)");
            assertTrue(slowest < 500_000_000L, "normal pushes kept their latency: slowest " + slowest / 1000 + " µs");
            assertTrue(closedByServer(headDrip.getInputStream()) && closedByServer(bodyDrip.getInputStream()));
        }
    }

    @Test
    void noLogLineEverHoldsAWholeCallbackTokenNotEvenJettysOwn() throws Exception {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        java.util.concurrent.atomic.AtomicBoolean failDtmf = new java.util.concurrent.atomic.AtomicBoolean(true);
        EngineOptions options = new EngineOptions("http://127.0.0.1", 100, Duration.ofMinutes(5), null, event -> {
            if (event instanceof org.switchboard.engine.runtime.RuntimeEvent.PushHandled handled
                    && "dtmf".equals(handled.event()) && failDtmf.getAndSet(false)) {
                throw new IllegalStateException("listener broke");
            }
        });
        List<String> tokens = new ArrayList<>();
        try (org.switchboard.engine.runtime.FlowEngine engine = new org.switchboard.engine.runtime.FlowEngine(options);
             SwitchboardServer server = new SwitchboardServer(ServerOptions.defaults().withPort(0)
                     .withIdleTimeout(Duration.ofMillis(500)), engine).start()) {
            engine.deploy(FamilyMenu.flow());
            engine.setBaseUrl(server.url());
            for (String id : List.of("t1", "t2")) {
                String answer = post(server.url() + FamilyMenu.PATH, newCall(id), null).body();
                tokens.add(answer.replaceAll("(?s).*onData=\"[^\"]*/cb/([A-Za-z0-9_-]+)\".*", "$1"));
            }
            // a failure in the server's own code: 500, logged with the token shortened
            HttpResponse<String> failed = post(server.url() + "/cb/" + tokens.get(0), "event=dtmf&dtmf=1&callId=t1",
                    null);
            assertEquals(500, failed.statusCode());
            // a body that never completes: Jetty's idle timeout fails the request
            URI uri = URI.create(server.url());
            try (Socket stalled = new Socket(uri.getHost(), uri.getPort())) {
                stalled.setSoTimeout(5_000);
                stalled.getOutputStream().write(("POST /cb/" + tokens.get(1) + " HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: " + FORM + "\r\nContent-Length: 100\r\n\r\nevent=dtmf")
                        .getBytes(StandardCharsets.US_ASCII));
                stalled.getOutputStream().flush();
                try {
                    stalled.getInputStream().readAllBytes();
                } catch (IOException reset) {
                    // closed: fine
                }
            }
        }
        String log;
        synchronized (captured) {
            log = captured.toString(StandardCharsets.UTF_8);
        }
        assertTrue(log.contains("Internal error while answering a push on /cb/" + tokens.get(0).substring(0, 4)
                + "..."), log);
        for (String token : tokens) {
            assertEquals(26, token.length(), token);
            assertFalse(log.contains(token.substring(4)), "a token's secret in the log:\n" + log);
        }
    }

    /** Sends one byte; false once the server has closed the connection. */
    private static boolean drip(OutputStream out, char c) {
        try {
            out.write(c);
            out.flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static boolean closedByServer(InputStream in) throws IOException {
        try {
            byte[] rest = in.readAllBytes(); // nothing, or at most an error answer, then the end
            return rest.length == 0 || new String(rest, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 4");
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
