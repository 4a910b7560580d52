package org.switchboard.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.runtime.EngineOptions;
import org.switchboard.engine.runtime.FlowEngine;

/** Life cycle of the server: port 0, paused start, deploy swaps routes, close releases the port. */
class SwitchboardServerTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String NEW_CALL = "event=newCall&direction=in&from=4930123456&to=4930654321&callId=c1";

    @Test
    void portZeroBindsAFreeLoopbackPortAndCloseReleasesIt() throws Exception {
        FlowEngine engine = new FlowEngine(EngineOptions.defaults("http://127.0.0.1"));
        int port;
        try (SwitchboardServer server = new SwitchboardServer(ServerOptions.defaults().withPort(0), engine).start()) {
            port = server.port();
            assertTrue(port > 0);
            assertEquals("http://127.0.0.1:" + port, server.url());
            assertTrue(server.isRunning());
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        engine.close();
    }

    @Test
    void aPausedServerHoldsConnectionsUntilResumed() throws Exception {
        try (FlowEngine engine = new FlowEngine(EngineOptions.defaults("http://127.0.0.1"));
             SwitchboardServer server = new SwitchboardServer(ServerOptions.defaults().withPort(0), engine)) {
            server.startPaused();
            CompletableFuture<RawHttp.Answer> early = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.post(server.url(), FamilyMenu.PATH, FORM, NEW_CALL);
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThrows(TimeoutException.class, () -> early.get(300, TimeUnit.MILLISECONDS),
                    "no answer while paused");
            engine.deploy(FamilyMenu.flow());
            engine.setBaseUrl(server.url());
            server.resume();
            RawHttp.Answer answer = early.get(5, TimeUnit.SECONDS);
            assertEquals(200, answer.status(), answer::toString);
            assertTrue(answer.body().contains("<Gather"), "the push waited and then met the deployed flow");
        }
    }

    @Test
    void deployReplacesTheRoutesAtOnce() throws Exception {
        try (RunningServer running = new RunningServer(FamilyMenu.flow())) {
            assertEquals(200, RawHttp.post(running.url(), FamilyMenu.PATH, FORM, NEW_CALL).status());
            Flow moved = Flow.of("moved", List.of(
                    new FlowNode("in", "incomingCall", "", new Position(0, 0), java.util.Map.of("path", "/family")),
                    new FlowNode("bye", "hangup", "", new Position(0, 0), java.util.Map.of())),
                    List.of(new Wire("in", "call", "bye")));
            running.server.deploy(moved);
            RawHttp.Answer old = RawHttp.post(running.url(), FamilyMenu.PATH, FORM, NEW_CALL);
            assertEquals(404, old.status());
            RawHttp.Answer now = RawHttp.post(running.url(), "/family", FORM, NEW_CALL.replace("c1", "c2"));
            assertEquals(200, now.status());
            assertTrue(now.body().contains("<Hangup/>"), now.body());
            assertFalse(running.engine.isWebhookPath(FamilyMenu.PATH));
        }
    }

    @Test
    void logsShortenCallbackTokensToFourCharacters() {
        assertEquals("/cb/AbCd...", PushHandler.redact("/cb/AbCdEfGhIjKlMnOpQrStUv"));
        assertEquals("/sipgate", PushHandler.redact("/sipgate"));
        assertEquals("/cb/ab", PushHandler.redact("/cb/ab"));
    }

    @Test
    void aTakenPortIsAOneLineError() throws Exception {
        try (RunningServer running = new RunningServer(FamilyMenu.flow());
             FlowEngine engine = new FlowEngine(EngineOptions.defaults("http://127.0.0.1"))) {
            SwitchboardServer second = new SwitchboardServer(ServerOptions.defaults()
                    .withPort(running.server.port()), engine);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, second::start);
            assertEquals("Cannot listen on 127.0.0.1:" + running.server.port()
                    + ": the address is in use or not available", e.getMessage());
        }
    }

    @Test
    void everyPushIsLoggedOnStandardErrorWithItsTokenShortened() throws Exception {
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        String token;
        try (RunningServer running = new RunningServer(FamilyMenu.flow())) {
            RawHttp.Answer call = RawHttp.post(running.url(), FamilyMenu.PATH, FORM, NEW_CALL);
            java.util.regex.Matcher onData = java.util.regex.Pattern.compile("onData=\"[^\"]*/cb/([^\"]+)\"")
                    .matcher(call.body());
            assertTrue(onData.find(), call.body());
            token = onData.group(1);
            assertEquals(26, token.length());
            assertEquals(200, RawHttp.post(running.url(), "/cb/" + token, FORM,
                    "event=dtmf&callId=c1&dtmf=1").status());
        } finally {
            System.setErr(realErr);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.contains("INFO org.switchboard.engine.server.PushHandler - push callId=c1 event=newCall "
                + "path=/sipgate node="), log);
        assertTrue(log.contains("push callId=c1 event=dtmf path=/cb/" + token.substring(0, 4) + "... node="), log);
        assertFalse(log.contains(token.substring(4)), "the secret never reaches the log");
    }
}
