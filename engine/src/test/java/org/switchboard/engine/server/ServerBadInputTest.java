package org.switchboard.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.engine.runtime.EngineOptions;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.runtime.ManualClock;
import org.switchboard.engine.simulate.PushForm;
import org.switchboard.engine.simulate.SimulatedCall;
import org.switchboard.engine.simulate.SipgateSimulator;
import org.switchboard.engine.simulate.Step;

/**
 * What the server refuses, one case per test: each asserts the status, a one-line plain-text reason without stack
 * traces or class names, and that the server then answers a good push as usual.
 */
class ServerBadInputTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String NEW_CALL = "event=newCall&direction=in&from=4930123456&to=4930654321&callId=abc"
            + "&user%5B%5D=";

    private RunningServer running;

    @BeforeEach
    void start() {
        running = new RunningServer(FamilyMenu.flow());
    }

    @AfterEach
    void stop() {
        running.close();
    }

    /** Status, plain text, one line, nothing that looks like Java internals, no Server header. */
    static void assertRefused(RawHttp.Answer answer, int status, String reasonPart) {
        assertEquals(status, answer.status(), answer::toString);
        assertEquals("text/plain; charset=UTF-8", answer.header("content-type"), answer::toString);
        assertOneLine(answer.body());
        assertTrue(answer.body().contains(reasonPart), () -> "expected '" + reasonPart + "' in " + answer.body());
        assertNull(answer.header("server"), "no Server header");
    }

    static void assertOneLine(String body) {
        assertTrue(body.endsWith("\n"), body);
        String line = body.substring(0, body.length() - 1);
        assertFalse(line.isBlank(), "a reason is given");
        assertFalse(line.contains("\n") || line.contains("\r"), () -> "one line: " + body);
        assertTrue(line.length() < 200, line);
        for (String leak : new String[] {"Exception", "java.", "org.eclipse", "org.switchboard", ".java", "<html",
                "\tat "}) {
            assertFalse(line.contains(leak), () -> "leaks '" + leak + "': " + line);
        }
    }

    private void assertStillServes(RunningServer server) {
        SimulatedCall call = server.simulator().newCall(FamilyMenu.PATH, "+49 30 1234567", "+49 30 7654321", "in");
        Step step = call.transcript().lastStep();
        assertEquals(200, step.status(), step::toString);
        assertTrue(call.awaitingDigits(), step::toString);
    }

    private void assertStillServes() {
        assertStillServes(running);
    }

    @Test
    void jsonBodyIsUnsupported() throws IOException {
        assertRefused(RawHttp.post(running.url(), FamilyMenu.PATH, "application/json", "{\"event\":\"newCall\"}"),
                415, "Expected a form-encoded body (application/x-www-form-urlencoded), got application/json");
        assertEquals(0, running.pushesHandled());
        assertStillServes();
    }

    @Test
    void missingEventIsRefused() throws IOException {
        assertRefused(RawHttp.post(running.url(), FamilyMenu.PATH, FORM, "from=4930123456&to=4930654321"), 400,
                "Missing 'event' field");
        assertStillServes();
    }

    @Test
    void unknownEventIsRefused() throws IOException {
        assertRefused(RawHttp.post(running.url(), FamilyMenu.PATH, FORM, "event=ringing&callId=1"), 400,
                "Unknown event 'ringing'");
        assertStillServes();
    }

    @Test
    void brokenPercentEncodingIsRefused() throws IOException {
        assertRefused(RawHttp.post(running.url(), FamilyMenu.PATH, FORM, "event=newCall&from=%ZZ12"), 400,
                "Broken percent-encoding in field 'from'");
        assertStillServes();
    }

    @Test
    void unknownPathIsNotFound() throws IOException {
        assertRefused(RawHttp.post(running.url(), "/other", FORM, NEW_CALL), 404, "Not found");
        assertRefused(RawHttp.exchange(running.url(), "GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n"), 404,
                "Not found");
        assertStillServes();
    }

    @Test
    void unknownCallbackTokenIsNotFound() throws IOException {
        assertRefused(RawHttp.post(running.url(), "/cb/AAAAAAAAAAAAAAAAAAAAAA", FORM, "event=dtmf&callId=1&dtmf=1"),
                404, "Unknown or expired callback");
        // well-formed: slot 0 holds a running call (the one assertStillServes may have started) or none; the secret
        // of all zero bits is not its
        RawHttp.post(running.url(), FamilyMenu.PATH, FORM, "event=newCall&direction=in&from=1&to=2&callId=slot0");
        assertRefused(RawHttp.post(running.url(), "/cb/" + "A".repeat(26), FORM, "event=dtmf&callId=slot0&dtmf=1"),
                404, "Unknown or expired callback");
        assertRefused(RawHttp.post(running.url(), "/cb/not-a-token", FORM, "event=hangup&callId=1"), 404,
                "Unknown or expired callback");
        assertStillServes();
    }

    @Test
    void expiredCallbackTokenIsNotFound() throws Exception {
        ManualClock clock = new ManualClock();
        try (RunningServer shortLived = new RunningServer(FamilyMenu.flow(), o -> o.withClock(clock))) {
            SimulatedCall call = shortLived.simulator().newCall(FamilyMenu.PATH, "+49 30 1234567",
                    "+49 30 7654321", "in");
            clock.advance(EngineOptions.DEFAULT_IDLE_TIMEOUT.plusSeconds(1));
            Step late = call.pressDigits("1");
            assertEquals(404, late.status(), late::toString);
            assertOneLine(late.responseBody());
            assertEquals("Unknown or expired callback", late.responseBody().strip());
            assertStillServes(shortLived);
        }
    }

    @Test
    void declaredBodyOverTheLimitIsRefusedAtOnce() throws IOException {
        String head = "POST " + FamilyMenu.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + FORM
                + "\r\nContent-Length: " + (ServerOptions.DEFAULT_MAX_BODY_BYTES + 1) + "\r\n\r\n";
        RawHttp.Answer answer = RawHttp.exchange(running.url(), head); // no body sent: the answer must not wait
        assertRefused(answer, 413, "Body too large (limit 65536 bytes)");
        assertEquals("close", answer.header("connection"));
        assertEquals(0, running.pushesHandled());
        assertStillServes();
    }

    @Test
    void chunkedBodyGrowingOverTheLimitIsRefused() throws IOException {
        String head = "POST " + FamilyMenu.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + FORM
                + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        byte[][] chunks = new byte[70][];
        byte[] data = new byte[1024];
        Arrays.fill(data, (byte) 'a');
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = chunk(i == 0 ? ("event=newCall&x=" + "a".repeat(1024 - 16)).getBytes(StandardCharsets.US_ASCII)
                    : data);
        }
        RawHttp.Answer answer = RawHttp.exchange(running.url(), head, chunks);
        assertRefused(answer, 413, "Body too large");
        assertEquals(0, running.pushesHandled());
        assertStillServes();
    }

    @Test
    void chunkedBodyInSmallPiecesIsAssembled() throws IOException {
        String head = "POST " + FamilyMenu.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + FORM
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        byte[] body = (NEW_CALL + "&pad=" + "b".repeat(3000)).getBytes(StandardCharsets.US_ASCII);
        byte[][] parts = new byte[(body.length + 99) / 100 + 1][];
        for (int i = 0; i * 100 < body.length; i++) {
            parts[i] = chunk(Arrays.copyOfRange(body, i * 100, Math.min(body.length, i * 100 + 100)));
        }
        parts[parts.length - 1] = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        RawHttp.Answer answer = RawHttp.exchange(running.url(), head, parts);
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.body().contains("<Gather"), answer.body());
    }

    private static byte[] chunk(byte[] data) {
        byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + data.length + 2);
        System.arraycopy(data, 0, out, head.length, data.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    @Test
    void wrongMethodIsNotAllowed() throws IOException {
        RawHttp.Answer get = RawHttp.exchange(running.url(), "GET " + FamilyMenu.PATH + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertRefused(get, 405, "Method not allowed");
        assertEquals("POST", get.header("allow"));
        RawHttp.Answer put = RawHttp.exchange(running.url(),
                "PUT /cb/AAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        assertRefused(put, 405, "Method not allowed");
        assertEquals("POST", put.header("allow"));
        RawHttp.Answer delete = RawHttp.exchange(running.url(), "DELETE /cb/AAAAAAAAAAAAAAAAAAAAAA HTTP/1.1\r\n"
                + "Host: x\r\n\r\n");
        assertRefused(delete, 405, "Method not allowed");
        assertEquals("POST", delete.header("allow"));
        assertStillServes();
    }

    @Test
    void newCallOnACallbackUrlIsRefused() {
        SipgateSimulator sipgate = running.simulator();
        SimulatedCall call = sipgate.newCall(FamilyMenu.PATH, "+49 30 1234567", "+49 30 7654321", "in");
        String newCall = PushForm.of("newCall", "callId", call.callId(), "from", "4930123456").encode();
        Step onData = sipgate.post(call.onDataUrl(), newCall);
        assertEquals(400, onData.status(), onData::toString);
        assertEquals("Expected a dtmf event at this callback, got newCall", onData.responseBody().strip());
        Step onHangup = sipgate.post(call.onHangupUrl(), newCall);
        assertEquals(400, onHangup.status(), onHangup::toString);
        assertEquals("Expected an answer or hangup event at this callback, got newCall",
                onHangup.responseBody().strip());
        // the refused pushes did not use up the Gather's token
        assertEquals(200, call.pressDigits("1").status());
        assertStillServes();
    }

    @Test
    void dtmfOnAWebhookPathIsRefused() throws IOException {
        assertRefused(RawHttp.post(running.url(), FamilyMenu.PATH, FORM, "event=dtmf&callId=1&dtmf=1"), 400,
                "Expected a newCall event on a webhook path, got dtmf");
        assertEquals(0, running.engine.activeCalls());
        assertStillServes();
    }

    @Test
    void tooManyFormFieldsAreRefused() throws IOException {
        try (RunningServer strict = new RunningServer(FamilyMenu.flow(),
                ServerOptions.defaults().withMaxFormFields(5), EngineOptions.DEFAULT_IDLE_TIMEOUT)) {
            assertRefused(RawHttp.post(strict.url(), FamilyMenu.PATH, FORM, NEW_CALL + "&a=1&b=2"), 400,
                    "Too many form fields (limit 5)");
            assertEquals(0, strict.engine.activeCalls());
        }
    }

    @Test
    void jettysOwnErrorsArePlainOneLiners() throws IOException {
        assertRefused(RawHttp.exchange(running.url(), "GARBAGE\r\n\r\n"), 400, "Bad Request");
        String longUri = "/" + "x".repeat(10_000);
        assertRefused(RawHttp.exchange(running.url(), "GET " + longUri + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414,
                "URI Too Long");
        assertRefused(RawHttp.exchange(running.url(), "GET /sipgate HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "y".repeat(10_000) + "\r\n\r\n"), 431, "Request Header Fields Too Large");
        assertStillServes();
    }

    @Test
    void unexpectedFailureIsAnInternalErrorAndTheServerGoesOn() throws IOException {
        AtomicBoolean failNext = new AtomicBoolean(true);
        EngineOptions options = new EngineOptions("http://127.0.0.1", 100, Duration.ofMinutes(5), null, event -> {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("listener broke at /secret/path/File.java:12");
            }
        });
        try (FlowEngine engine = new FlowEngine(options);
             SwitchboardServer server = new SwitchboardServer(ServerOptions.defaults().withPort(0), engine).start()) {
            engine.deploy(FamilyMenu.flow());
            engine.setBaseUrl(server.url());
            RawHttp.Answer failed = RawHttp.post(server.url(), FamilyMenu.PATH, FORM, NEW_CALL);
            assertRefused(failed, 500, "Internal error");
            assertFalse(failed.body().contains("secret"), failed.body());
            RawHttp.Answer next = RawHttp.post(server.url(), FamilyMenu.PATH, FORM,
                    NEW_CALL.replace("callId=abc", "callId=next"));
            assertEquals(200, next.status(), next::toString);
            assertTrue(next.body().contains("<Gather"), next.body());
        }
    }

    @Test
    void healthIsOnlyOnTheLocalStatusListenerNotOnTheOneATunnelForwardsTo() throws Exception {
        RawHttp.Answer open = RawHttp.exchange(running.url(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        assertRefused(open, 404, "Not found");
        assertNull(running.server.statusUrl(), "no status listener unless asked for");
        try (RunningServer withStatus = new RunningServer(FamilyMenu.flow(),
                ServerOptions.defaults().withStatusPort(0), EngineOptions.DEFAULT_IDLE_TIMEOUT)) {
            withStatus.simulator().newCall(FamilyMenu.PATH, "+49 30 1234567", "+49 30 7654321", "in");
            assertEquals(404, RawHttp.exchange(withStatus.url(), "GET /health HTTP/1.1\r\nHost: x\r\n"
                    + "X-Forwarded-For: 127.0.0.1\r\n\r\n").status(), "no /health on the main listener");
            String status = withStatus.server.statusUrl();
            assertTrue(status.startsWith("http://127.0.0.1:"), status);
            assertNotEquals(withStatus.url(), status);
            RawHttp.Answer answer = RawHttp.exchange(status, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, answer.status());
            assertEquals("application/json; charset=UTF-8", answer.header("content-type"));
            JsonNode json = new ObjectMapper().readTree(answer.body());
            assertEquals("ok", json.get("status").asText());
            assertEquals(1, json.get("activeCalls").asInt());
            assertTrue(json.get("uptimeSeconds").asLong() >= 0);
            assertEquals(FamilyMenu.PATH, json.get("webhookPaths").get(0).asText());
            assertEquals(0, json.get("evictedCalls").asLong());
            assertEquals(0, json.get("droppedLogLines").asLong());
            assertNull(answer.header("server"));
            assertEquals(404, RawHttp.post(status, FamilyMenu.PATH, FORM, NEW_CALL).status(),
                    "the status listener serves no webhooks");
        }
    }

    @Test
    void goodAnswerHasFixedLengthXmlAndNoServerHeader() throws IOException {
        RawHttp.Answer answer = RawHttp.post(running.url(), FamilyMenu.PATH, FORM + "; charset=UTF-8", NEW_CALL);
        assertEquals(200, answer.status());
        assertEquals("application/xml; charset=UTF-8", answer.header("content-type"));
        assertEquals(answer.body().getBytes(StandardCharsets.UTF_8).length,
                Integer.parseInt(answer.header("content-length")));
        assertNull(answer.header("transfer-encoding"));
        assertNull(answer.header("server"));
        assertTrue(answer.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response"), answer.body());
    }
}
