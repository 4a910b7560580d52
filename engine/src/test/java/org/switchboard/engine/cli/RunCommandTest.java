package org.switchboard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.engine.simulate.SimulatedCall;
import org.switchboard.engine.simulate.SipgateSimulator;
import org.switchboard.engine.simulate.Step;
import picocli.CommandLine;

/** {@code run} in-process: serves a real flow file over loopback until stopped. */
class RunCommandTest {

    private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    /** A running {@code run} command with its captured output. */
    static final class Running implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final RunCommand command;
        final CompletableFuture<Integer> exit;
        String url;

        Running(String... args) {
            CommandLine cli = SwitchboardEngineCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            command = (RunCommand) cli.getSubcommands().get("run").getCommand();
            exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
        }

        /** Waits for the whole start-up report (it ends with the Ctrl-C hint) and returns the server's URL. */
        String awaitListening() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String printed = out.toString();
                Matcher m = LISTENING.matcher(printed);
                if (m.find() && printed.contains("Press Ctrl-C to stop.")) {
                    url = m.group(1);
                    return url;
                }
                if (exit.isDone()) {
                    throw new AssertionError("run ended with " + exit.get() + ": " + out + err);
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no 'Listening on' line: " + out + err);
        }

        void awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!out.toString().contains(text) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(out.toString().contains(text), () -> "expected '" + text + "' in " + out);
        }

        @Override
        public void close() throws Exception {
            command.stop();
            assertEquals(0, exit.get(10, TimeUnit.SECONDS), () -> out + "" + err);
        }
    }

    private Path familyMenu() throws IOException {
        Path file = dir.resolve("family.json");
        Files.copy(Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../sample-flows/family-menu.json").normalize(), file);
        return file;
    }

    @Test
    void servesTheFlowUntilStopped() throws Exception {
        Path flow = familyMenu();
        String url;
        try (Running run = new Running("run", "--flow", flow.toString(), "--port", "0")) {
            url = run.awaitListening();
            assertTrue(run.out.toString().contains("Webhook URL for sipgate: " + url + "/sipgate"), run.out::toString);
            assertTrue(run.out.toString().contains(flow + ": no problems"), run.out::toString);
            SimulatedCall call = SipgateSimulator.forServer(url).newCall("/sipgate", "+49 30 1234567",
                    "+49 211 7654321", "in");
            assertEquals(200, call.transcript().lastStep().status());
            assertTrue(call.onDataUrl().startsWith(url + "/cb/"), call.onDataUrl());
            assertEquals(200, call.pressDigits("1").status());
            assertEquals(List.of("4915123456789"), call.transcript().dialedNumbers());
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", Integer.parseInt(url.replaceAll(".*:", "")))
                .close(), "the port is released after stop");
    }

    @Test
    void reloadsTheFlowWhenTheFileChanges() throws Exception {
        Path flow = familyMenu();
        try (Running run = new Running("run", "--flow", flow.toString(), "--port", "0")) {
            String url = run.awaitListening();
            Thread.sleep(1100); // file times may have one-second resolution
            Files.writeString(flow, Files.readString(flow, StandardCharsets.UTF_8)
                    .replace("+49 151 23456789", "+49 151 99999999"), StandardCharsets.UTF_8);
            run.awaitOutput("Reloaded " + flow);
            Step step = SipgateSimulator.forServer(url).newCall("/sipgate", "+49 30 1234567", "+49 211 7654321", "in")
                    .pressDigits("1");
            assertTrue(step.responseBody().contains("<Number>4915199999999</Number>"), step.responseBody());
        }
    }

    @Test
    void baseUrlGoesIntoCallbacksAndSignaturesCanBeRequired() throws Exception {
        Path flow = familyMenu();
        try (Running run = new Running("run", "--flow", flow.toString(), "--port", "0", "--base-url",
                "https://example.ngrok.app/", "--verify-signature")) {
            String url = run.awaitListening();
            assertTrue(run.out.toString().contains("Webhook URL for sipgate: https://example.ngrok.app/sipgate"),
                    run.out::toString);
            assertTrue(run.out.toString().contains("Signature check: on"), run.out::toString);
            Step refused = SipgateSimulator.forServer(url).newCall("/sipgate", "+49 30 1234567", "+49 211 7654321",
                    "in").transcript().lastStep();
            assertEquals(403, refused.status(), refused::toString);
        }
    }

    @Test
    void unreadableFlowIsExitTwoWithOneLine() {
        StringWriter err = new StringWriter();
        CommandLine cli = SwitchboardEngineCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int code = cli.execute("run", "--flow", dir.resolve("nope.json").toString(), "--port", "0");
        assertEquals(2, code);
        assertEquals("error: " + dir.resolve("nope.json") + ": the file does not exist", err.toString().strip());
    }

    @Test
    void portInUseIsExitTwoWithOneLine() throws Exception {
        Path flow = familyMenu();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            CommandLine cli = SwitchboardEngineCli.commandLine();
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));
            int code = cli.execute("run", "--flow", flow.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, code);
            String line = err.toString().strip();
            assertEquals("error: Cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the address is in use or not available", line);
        }
    }
}
