package org.switchboard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.engine.settings.ConfigDirs;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.simulate.SipgateSimulator;
import org.switchboard.engine.simulate.Step;
import org.switchboard.engine.sipgate.FakeSipgateApi;
import picocli.CommandLine;

/**
 * Hang up call end to end: the real {@code run} command reads the token from the settings directory, a call over
 * loopback (on the bare tunnel path {@code /}) reaches a Hang up call node, and the stand-in for sipgate's REST API
 * receives {@code DELETE /calls/{id}} with the token as Basic auth. The token appears in no line of output or log,
 * and the push line carries the walk's notes.
 */
class RunHangUpCallTest {

    private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void hangUpCallReachesSipgateWithTheStoredToken() throws Exception {
        Path config = dir.resolve("config");
        SecretStore secrets = new SecretStore(config.resolve("secrets.json"));
        Path flow = dir.resolve("hang-up.json");
        Files.writeString(flow, """
                {"formatVersion": 1, "name": "Hang up",
                 "nodes": [
                  {"id": "in", "type": "incomingCall", "x": 0, "y": 0,
                   "properties": {"path": "/", "direction": "in"}},
                  {"id": "bye", "type": "hangupCall", "x": 200, "y": 0, "properties": {}}],
                 "wires": [{"from": "in", "port": "call", "to": "bye"}]}
                """, StandardCharsets.UTF_8);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        String originalHome = System.getProperty(ConfigDirs.OVERRIDE_PROPERTY);
        try (FakeSipgateApi api = new FakeSipgateApi()) {
            secrets.put(SecretStore.SIPGATE_TOKEN_ID, FakeSipgateApi.TOKEN_ID);
            secrets.put(SecretStore.SIPGATE_TOKEN, FakeSipgateApi.TOKEN);
            secrets.put(SecretStore.SIPGATE_API_URL, api.base().toString());
            api.runningCalls.add("call-4711");
            System.setProperty(ConfigDirs.OVERRIDE_PROPERTY, config.toString());
            System.setErr(new PrintStream(new TeeStream(log, originalErr), true, StandardCharsets.UTF_8));

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = SwitchboardEngineCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            RunCommand command = (RunCommand) cli.getSubcommands().get("run").getCommand();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> cli.execute("run", "--flow", flow.toString(), "--port", "0"));
            String url = awaitListening(out, err, exit);
            assertTrue(out.toString().contains("sipgate API: token " + FakeSipgateApi.TOKEN_ID + " at " + api.base()),
                    out::toString);

            Step answer = SipgateSimulator.forServer(url).post("/", "event=newCall&direction=in"
                    + "&from=493012345678&to=492117654321&callId=call-4711&origCallId=call-4711&user%5B%5D=Anna");
            assertEquals(200, answer.status(), answer::toString);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!log.toString(StandardCharsets.UTF_8).contains("hang up call call-4711")
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            command.stop();
            assertEquals(0, exit.get(10, TimeUnit.SECONDS), () -> out + "" + err);

            assertEquals(1, api.calls.size(), api.calls::toString);
            FakeSipgateApi.Call delete = api.calls.get(0);
            assertEquals("DELETE /v2/calls/" + "call-4711", delete.method() + " " + delete.rawPath());
            assertEquals("Basic " + Base64.getEncoder().encodeToString((FakeSipgateApi.TOKEN_ID + ":"
                    + FakeSipgateApi.TOKEN).getBytes(StandardCharsets.UTF_8)), delete.authorization());

            System.err.flush();
            String logged = log.toString(StandardCharsets.UTF_8);
            assertTrue(logged.contains("hang up call call-4711: 204 Call ended"), logged);
            assertTrue(logged.contains("push callId=call-4711 event=newCall path=/ node=- status=200 micros="),
                    "the bare tunnel path / serves calls: " + logged);
            assertTrue(logged.contains("notes=\"no node answered; the call goes on as if sipgate.io were off\""),
                    "the push line says why nothing answered: " + logged);
            String everything = logged + out + err;
            assertFalse(everything.contains(FakeSipgateApi.TOKEN), "the token must never be logged");
            assertFalse(everything.contains(delete.authorization().substring(6)), "nor the Basic auth value");
        } finally {
            System.setErr(originalErr);
            if (originalHome == null) {
                System.clearProperty(ConfigDirs.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(ConfigDirs.OVERRIDE_PROPERTY, originalHome);
            }
        }
    }

    /** Waits for the running command's "Listening on" and "Press Ctrl-C" lines; returns the server's URL. */
    static String awaitListening(StringWriter out, StringWriter err, CompletableFuture<Integer> exit)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find() && out.toString().contains("Press Ctrl-C to stop.")) {
                return m.group(1);
            }
            if (exit.isDone()) {
                throw new AssertionError("run ended with " + exit.get() + ": " + out + err);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no 'Listening on' line: " + out + err);
    }

    /** Writes to the captured log and on to the real standard error. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
