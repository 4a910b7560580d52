package org.switchboard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.engine.settings.ConfigDirs;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.simulate.SimulatedCall;
import org.switchboard.engine.simulate.SipgateSimulator;
import org.switchboard.engine.simulate.Step;
import org.switchboard.engine.sipgate.FakeSipgateApi;
import org.switchboard.engine.tunnel.FakeAgent;
import picocli.CommandLine;

/** {@code run --tunnel} through the real CLI against the stand-in ngrok agent (and a stand-in sipgate API). */
class RunTunnelTest {

    private static final String AUTHTOKEN = "2xyzFAKEngrokToken_abcdef0123456789";
    private static final String DOMAIN = "family-menu.ngrok-free.app";

    @TempDir
    Path dir;

    private Path home;
    private Path flow;

    @BeforeEach
    void setUp() throws Exception {
        home = dir.resolve("home");
        System.setProperty(ConfigDirs.OVERRIDE_PROPERTY, home.toString());
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.NGROK_AUTHTOKEN, AUTHTOKEN);
        flow = dir.resolve("family.json");
        Files.copy(Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../sample-flows/family-menu.json").normalize(), flow);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(ConfigDirs.OVERRIDE_PROPERTY);
    }

    private Path agent(String... switches) throws Exception {
        List<String> all = new ArrayList<>(List.of(switches));
        all.add("--fake-reserved=" + DOMAIN);
        all.add("--fake-record=" + dir.resolve("record.txt"));
        all.add("--fake-forward-file=" + dir.resolve("forward-port.txt"));
        return FakeAgent.script(dir.resolve("bin"), all.toArray(String[]::new));
    }

    private String forwarder() throws Exception {
        return "http://127.0.0.1:" + Files.readString(dir.resolve("forward-port.txt")).strip();
    }

    @Test
    void goesOnlineAndTheTunnelForwardsToThePortWithPublicCallbackUrls() throws Exception {
        Path ngrok = agent();
        try (RunCommandTest.Running run = new RunCommandTest.Running("run", "--flow", flow.toString(), "--port", "0",
                "--tunnel", "--ngrok-path", ngrok.toString(), "--domain", DOMAIN, "--region", "eu",
                "--no-verify-signature")) {
            String local = run.awaitListening();
            String out = run.out.toString();
            assertTrue(out.contains("Public URL: https://" + DOMAIN + "\n"), out);
            assertTrue(out.contains("Webhook URL for sipgate: https://" + DOMAIN + "/sipgate"), out);
            assertTrue(out.indexOf("Public URL:") < out.indexOf("Listening on"), out);
            assertTrue(out.contains("warning: the signature check is off while the tunnel is open"), out);
            String record = Files.readString(dir.resolve("record.txt"));
            assertTrue(record.contains("start authtoken=present region=eu"), record);
            assertTrue(record.contains("tunnel addr=" + local.replaceAll(".*:", "") + " domain=" + DOMAIN), record);

            SimulatedCall call = SipgateSimulator.forServer(forwarder()).newCall("/sipgate", "+49 30 1234567",
                    "+49 211 7654321", "in");
            assertEquals(200, call.transcript().lastStep().status());
            assertTrue(call.onDataUrl().startsWith("https://" + DOMAIN + "/cb/"), call.onDataUrl());
        }
        assertNoAgentLeft();
        assertFalse(Files.exists(home.resolve("state/ngrok-agent-" + ProcessHandle.current().pid() + ".pid")));
    }

    @Test
    void signaturesAreCheckedByDefaultWithATunnelAndBaseUrlWins() throws Exception {
        Path ngrok = agent();
        try (RunCommandTest.Running run = new RunCommandTest.Running("run", "--flow", flow.toString(), "--port", "0",
                "--tunnel", "--ngrok-path", ngrok.toString(), "--base-url", "https://proxy.example.org")) {
            run.awaitListening();
            String out = run.out.toString();
            assertTrue(out.contains("Signature check: on"), out);
            assertTrue(out.contains("Public URL: https://fake-"), out);
            assertTrue(out.contains("Webhook URL for sipgate: https://proxy.example.org/sipgate"), out);
            Step refused = SipgateSimulator.forServer(forwarder()).newCall("/sipgate", "+49 30 1234567",
                    "+49 211 7654321", "in").transcript().lastStep();
            assertEquals(403, refused.status(), refused::toString);
        }
    }

    @Test
    void aTunnelFailureIsExitTwoWithTheExplanationAndNoAgentLeft() throws Exception {
        Path ngrok = agent("--fake-mode=session-limit");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SwitchboardEngineCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("run", "--flow", flow.toString(), "--port", "0", "--tunnel", "--ngrok-path",
                ngrok.toString());
        assertEquals(2, code, out::toString);
        assertTrue(err.toString().startsWith("error: Another ngrok agent is already online with this account"),
                err::toString);
        assertFalse(out.toString().contains("Listening on"), out::toString);
        assertNoAgentLeft();
    }

    @Test
    void aMissingAuthtokenIsExplained() throws Exception {
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.NGROK_AUTHTOKEN, "");
        Path ngrok = agent();
        StringWriter err = new StringWriter();
        CommandLine cli = SwitchboardEngineCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("run", "--flow", flow.toString(), "--port", "0", "--tunnel", "--ngrok-path",
                ngrok.toString());
        if (System.getenv("NGROK_AUTHTOKEN") == null) { // a developer's own token would be used instead
            assertEquals(2, code);
            assertTrue(err.toString().contains("No ngrok authtoken is set"), err::toString);
        }
    }

    @Test
    void tunnelOptionsWithoutTunnelAreRefused() {
        StringWriter err = new StringWriter();
        CommandLine cli = SwitchboardEngineCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("run", "--flow", flow.toString(), "--domain", DOMAIN));
        assertTrue(err.toString().contains("need --tunnel"), err::toString);
        StringWriter err2 = new StringWriter();
        cli.setErr(new PrintWriter(err2, true));
        assertEquals(2, cli.execute("run", "--flow", flow.toString(), "--tunnel", "--region", "mars"));
        assertTrue(err2.toString().contains("Unknown ngrok region 'mars'"), err2::toString);
    }

    @Test
    void sipgateRegisterPutsThePublicWebhookUrlIntoTheAccount() throws Exception {
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.SIPGATE_TOKEN_ID, FakeSipgateApi.TOKEN_ID);
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.SIPGATE_TOKEN, FakeSipgateApi.TOKEN);
        Path ngrok = agent();
        try (FakeSipgateApi sipgate = new FakeSipgateApi();
             RunCommandTest.Running run = new RunCommandTest.Running("run", "--flow", flow.toString(), "--port", "0",
                     "--tunnel", "--ngrok-path", ngrok.toString(), "--domain", DOMAIN, "--sipgate-register",
                     "--sipgate-api", sipgate.base().toString())) {
            run.awaitListening();
            String out = run.out.toString();
            assertTrue(out.contains("sipgate: Incoming webhook URL set: https://old.example/in → https://" + DOMAIN
                    + "/sipgate"), out + run.err);
            assertEquals(List.of("GET /v2/settings/sipgateio", "PUT /v2/settings/sipgateio"), sipgate.requestLines());
            JsonNode put = new ObjectMapper().readTree(sipgate.calls.get(1).body());
            assertEquals("https://" + DOMAIN + "/sipgate", put.get("incomingUrl").asText());
            assertTrue(put.get("log").asBoolean(), "other fields stay as they were");
            assertNoSecretsIn(run.out + "\n" + run.err);
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.equals(home.resolve("secrets.json"))) {
                    assertNoSecretsIn(file + ": " + Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    @Test
    void aRestartedAgentsNewUrlIsUsedAndSetInSipgateAgain() throws Exception {
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.SIPGATE_TOKEN_ID, FakeSipgateApi.TOKEN_ID);
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.SIPGATE_TOKEN, FakeSipgateApi.TOKEN);
        Path ngrok = agent("--fake-exit-after=700", "--fake-once=" + dir.resolve("crashed"));
        try (FakeSipgateApi sipgate = new FakeSipgateApi();
             RunCommandTest.Running run = new RunCommandTest.Running("run", "--flow", flow.toString(), "--port", "0",
                     "--tunnel", "--ngrok-path", ngrok.toString(), "--sipgate-register",
                     "--sipgate-api", sipgate.base().toString())) {
            run.awaitListening();
            Matcher first = Pattern.compile("Public URL: (https://\\S+)").matcher(run.out.toString());
            assertTrue(first.find(), run.out::toString);
            run.awaitOutput("Tunnel reconnecting (attempt 1): The ngrok agent stopped unexpectedly.");
            run.awaitOutput("Public URL changed: ");
            Matcher changed = Pattern.compile("Public URL changed: (https://\\S+)").matcher(run.out.toString());
            assertTrue(changed.find());
            assertFalse(changed.group(1).equals(first.group(1)));
            run.awaitOutput("Webhook URL for sipgate: " + changed.group(1) + "/sipgate");
            run.awaitOutput("sipgate: Incoming webhook URL set: " + first.group(1) + "/sipgate → "
                    + changed.group(1) + "/sipgate");
            assertEquals(changed.group(1) + "/sipgate", sipgate.settings.get("incomingUrl").asText());
            SimulatedCall call = SipgateSimulator.forServer(forwarder()).newCall("/sipgate", "+49 30 1234567",
                    "+49 211 7654321", "in");
            assertEquals(403, call.transcript().lastStep().status(), "still checking signatures");
        }
        assertNoAgentLeft();
    }

    @Test
    void withABaseUrlAndAFlowThatTakesOutgoingCallsBothUrlsAreSet() throws Exception {
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.SIPGATE_TOKEN_ID, FakeSipgateApi.TOKEN_ID);
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.SIPGATE_TOKEN, FakeSipgateApi.TOKEN);
        Files.writeString(flow, Files.readString(flow).replace("\"direction\": \"in\"", "\"direction\": \"any\""));
        try (FakeSipgateApi sipgate = new FakeSipgateApi();
             RunCommandTest.Running run = new RunCommandTest.Running("run", "--flow", flow.toString(), "--port", "0",
                     "--base-url", "https://proxy.example.org/", "--sipgate-register",
                     "--sipgate-api", sipgate.base().toString())) {
            run.awaitListening();
            assertTrue(run.out.toString().contains("sipgate: Incoming webhook URL set: https://old.example/in → "
                    + "https://proxy.example.org/sipgate; Outgoing webhook URL set: https://keep.example/out → "
                    + "https://proxy.example.org/sipgate"), run.out + "" + run.err);
            assertEquals("https://proxy.example.org/sipgate", sipgate.settings.get("outgoingUrl").asText());
        }
        StringWriter err = new StringWriter();
        CommandLine cli = SwitchboardEngineCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("run", "--flow", flow.toString(), "--sipgate-register"));
        assertTrue(err.toString().contains("--sipgate-register needs --tunnel or --base-url"), err::toString);
    }

    @Test
    void sipgateRefusingIsAWarningAndTheFlowKeepsRunning() throws Exception {
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.SIPGATE_TOKEN_ID, FakeSipgateApi.TOKEN_ID);
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.SIPGATE_TOKEN, "wrong-token");
        Path ngrok = agent();
        try (FakeSipgateApi sipgate = new FakeSipgateApi();
             RunCommandTest.Running run = new RunCommandTest.Running("run", "--flow", flow.toString(), "--port", "0",
                     "--tunnel", "--ngrok-path", ngrok.toString(), "--sipgate-register",
                     "--sipgate-api", sipgate.base().toString())) {
            run.awaitListening();
            assertTrue(run.err.toString().contains("warning: could not set the URL in sipgate: sipgate rejected the "
                    + "token id or token; paste the webhook URL by hand"), run.err::toString);
            assertFalse(run.out.toString().contains("wrong-token") || run.err.toString().contains("wrong-token"));
        }
    }

    /** SIGTERM to the headless engine stops the tunnel and the ngrok process it started. */
    @Test
    void sigtermStopsTheAgentToo() throws Exception {
        Path ngrok = agent();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + ConfigDirs.OVERRIDE_PROPERTY + "=" + home, "-cp", System.getProperty("java.class.path"),
                SwitchboardEngineCli.class.getName(), "run", "--flow", flow.toString(), "--port", "0", "--tunnel",
                "--ngrok-path", ngrok.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("NGROK_AUTHTOKEN");
        Process engine = builder.start();
        StringBuilder printed = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(engine.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("Press Ctrl-C")) {
                printed.append(line).append('\n');
            }
            assertTrue(printed.toString().contains("Public URL: https://fake-"), printed::toString);
            Matcher pid = Pattern.compile("^(\\d+)$", Pattern.MULTILINE)
                    .matcher(Files.readString(home.resolve("state/ngrok-agent-" + engine.pid() + ".pid")));
            assertTrue(pid.find());
            ProcessHandle agentProcess = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
            engine.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            while ((line = lines.readLine()) != null) {
                printed.append(line).append('\n');
            }
            assertTrue(engine.waitFor(15, TimeUnit.SECONDS), "the engine did not stop");
            assertNoSecretsIn(printed.toString()); // every log line of the run, stdout and stderr
            assertTrue(agentProcess.onExit().isDone() || !agentProcess.isAlive(), "the ngrok agent is still running");
            assertFalse(Files.exists(home.resolve("state/ngrok-agent-" + engine.pid() + ".pid")));
        } finally {
            engine.destroyForcibly();
        }
    }

    private static void assertNoSecretsIn(String text) {
        for (String secret : List.of(AUTHTOKEN, FakeSipgateApi.TOKEN)) {
            assertFalse(text.contains(secret), () -> "a token was written: " + text);
        }
    }

    private static void assertNoAgentLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(),
                "an ngrok agent is still running");
    }
}
