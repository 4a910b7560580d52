package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.switchboard.app.live.LiveRun;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.sipgate.FakeSipgateApi;
import org.switchboard.engine.tunnel.AgentMirror;
import org.switchboard.engine.tunnel.FakeAgent;

/**
 * Going online through the real app, against the engine's stand-in ngrok agent and stand-in sipgate REST API on
 * 127.0.0.1: the URL shown and copied, every problem box, the guided dialog's first-time sequence, Use in sipgate
 * (GET and PUT bodies, the auth header, 401 and 403), Go offline putting the old URLs back, the agent downloaded
 * with progress, no agent left after closing, and no token in any log line or stored file.
 */
class OnlineTest extends FxThreadRobot {

    static final String AUTHTOKEN = "2onlineFAKEauthtoken_0123456789abcdefXYZ";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private AppHarness harness;
    private FakeSipgateApi sipgate;

    @AfterEach
    void tearDown() throws Exception {
        AppHarness.closeDialogs();
        if (harness != null) {
            harness.stop();
        }
        if (sipgate != null) {
            sipgate.close();
        }
        assertEquals(List.of(), fakeAgents(), "no ngrok agent is left running");
    }

    /** The stand-in agents running as children of this test, by pid. */
    static List<Long> fakeAgents() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("FakeNgrok")).map(ProcessHandle::pid)
                .toList();
    }

    /** Settings with the agent at {@code agent} (null: none, so it is downloaded from {@code downloadUrl}). */
    private Path home(Path agent, String downloadUrl, String domain) throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        String online = "{" + (agent == null ? "" : "\"ngrokPath\": \"" + agent + "\"")
                + (downloadUrl == null ? "" : "\"downloadUrl\": \"" + downloadUrl + "\"")
                + (domain == null ? "" : ", \"domain\": \"" + domain + "\"") + "}";
        Files.writeString(home.resolve("settings.json"), "{\"language\": \"en\", \"theme\": \"light\", "
                + "\"showWelcome\": false, \"online\": " + online + "}", StandardCharsets.UTF_8);
        return home;
    }

    /** Starts the app on a flow with an Incoming call node and runs it on a free port. */
    static MainWindow startRunning(AppHarness harness, Path dir) throws Exception {
        Path flow = AppHarness.write(dir, "online.json", AppHarness.callToDial());
        MainWindow w = harness.start(flow.toString());
        WaitForAsyncUtils.asyncFx(() -> w.liveRun().start(0, w.document().flow(), dir)).get(10, TimeUnit.SECONDS)
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.liveRun().getState() == LiveRun.State.RUNNING);
        return w;
    }

    private static void storeAuthtoken(Path home) throws Exception {
        new SecretStore(home.resolve("secrets.json")).put(SecretStore.NGROK_AUTHTOKEN, AUTHTOKEN);
    }

    private String awaitUrl(MainWindow w) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> w.liveRun().getState() == LiveRun.State.ONLINE);
        WaitForAsyncUtils.waitForFxEvents();
        return AppHarness.node(this, "#online-url", Label.class).getText();
    }

    @Test
    void goOnlineShowsTheWebhookUrlCopiesItAndClosingStopsTheAgent() throws Exception {
        Path home = home(FakeAgent.script(dir.resolve("bin")), null, null);
        storeAuthtoken(home);
        harness = new AppHarness(home);
        MainWindow w = startRunning(harness, dir);

        clickOn("#go-online");
        String url = awaitUrl(w);
        String publicUrl = w.liveRun().getStatus().publicUrl();
        assertTrue(publicUrl.matches("https://fake-\\d+\\.ngrok-free\\.app"), publicUrl);
        assertEquals(publicUrl + "/sipgate", url, "the Incoming call node's path on the tunnel address");
        assertEquals(publicUrl, w.liveRun().baseUrlProperty().get(), "callback URLs use the public address");

        clickOn("#online-copy");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertEquals(url, copied);
        assertEquals(1, fakeAgents().size());

        harness.stop(); // closing the app
        harness = null;
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fakeAgents().isEmpty());
    }

    @Test
    void goOfflineClosesTheTunnelAndTheFlowKeepsRunning() throws Exception {
        Path home = home(FakeAgent.script(dir.resolve("bin")), null, null);
        storeAuthtoken(home);
        harness = new AppHarness(home);
        MainWindow w = startRunning(harness, dir);
        clickOn("#go-online");
        awaitUrl(w);
        assertTrue(WaitForAsyncUtils.asyncFx(() -> new org.switchboard.app.live.LiveOnline(w.liveRun())
                .checksSignatures()).get(), "signatures are checked while online");

        clickOn("#go-offline");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.liveRun().getState() == LiveRun.State.RUNNING);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fakeAgents().isEmpty());
        assertTrue(lookup("#go-online").tryQuery().isPresent());
        assertFalse(WaitForAsyncUtils.asyncFx(() -> new org.switchboard.app.live.LiveOnline(w.liveRun())
                .checksSignatures()).get(), "local test calls need no signature");
    }

    @Test
    void everyFailureIsExplainedWithItsFix() throws Exception {
        Path home = home(FakeAgent.script(dir.resolve("bin")), null, null);
        storeAuthtoken(home);
        harness = new AppHarness(home);
        MainWindow w = startRunning(harness, dir);

        assertProblem(w, home, "authtoken-invalid", null, "ngrok did not accept the authtoken. Copy it again from "
                + "https://dashboard.ngrok.com/get-started/your-authtoken (the whole token, no spaces) and enter it "
                + "again. ngrok reported ERR_NGROK_105.");
        assertProblem(w, home, "session-limit", null, "Another ngrok agent is already online with this account, "
                + "and the free plan allows only one. Stop the other agent, then go online again. If Switchboard "
                + "started it (another window, or the command line), it can stop it for you. ngrok reported "
                + "ERR_NGROK_108.");
        clickOn("#online-problem-fix");
        DialogPane stopped = AppHarness.dialog(this, "online-agents-stopped-dialog");
        assertNotNull(stopped);
        assertTrue(stopped.getContentText().startsWith("No ngrok agent started by Switchboard is running"),
                stopped.getContentText());
        AppHarness.closeDialogs();
        assertProblem(w, home, "no-internet", null, "The ngrok agent cannot reach ngrok’s servers. Check the "
                + "internet connection (and any proxy or firewall), then go online again.");
        assertProblem(w, home, "ok", "mine.ngrok-free.app", "This domain is not reserved for your ngrok account. "
                + "Use the domain shown at https://dashboard.ngrok.com/domains (free accounts get one), or leave the "
                + "domain empty for a random address. ngrok reported ERR_NGROK_320.");
        assertTrue(fakeAgents().isEmpty());
        assertEquals(LiveRun.State.RUNNING, w.liveRun().getState(), "the flow keeps running locally");
    }

    private void assertProblem(MainWindow w, Path home, String mode, String domain, String expected)
            throws Exception {
        Path agent = FakeAgent.script(dir.resolve("bin-" + mode), "--fake-mode=" + mode,
                "--fake-reserved=other.ngrok-free.app");
        Platform.runLater(() -> w.appSettings().setOnline(new org.switchboard.app.settings.OnlineSettings(
                null, domain, agent.toString(), null, null)));
        clickOn("#go-online");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> AppHarness.dialog(this, "online-problem-dialog")
                != null);
        DialogPane problem = AppHarness.dialog(this, "online-problem-dialog");
        assertEquals(expected, problem.getContentText());
        assertFalse(problem.getContentText().contains(AUTHTOKEN));
        if (!mode.equals("session-limit")) {
            clickOn("#online-problem-close");
        }
    }

    @Test
    void theGuidedDialogTakesAFirstTimeUserOnlineAndIntoSipgateAndGoOfflinePutsTheOldUrlBack() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(new TeeStream(err, log), true, StandardCharsets.UTF_8));
        try {
            firstTimeSequence();
        } finally {
            System.setErr(err);
        }
        String lines = log.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains("Webhook server listening"), "the log was captured: " + lines.length());
        for (String secret : List.of(AUTHTOKEN, FakeSipgateApi.TOKEN)) {
            assertFalse(lines.contains(secret), "a token in the log");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (f.getFileName().toString().equals("secrets.json")) {
                        continue;
                    }
                    assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret),
                            "a token in " + f);
                }
            }
        }
    }

    private void firstTimeSequence() throws Exception {
        sipgate = new FakeSipgateApi();
        Path home = home(FakeAgent.script(dir.resolve("bin")), null, null);
        harness = new AppHarness(home);
        MainWindow w = startRunning(harness, dir);

        clickOn("#go-online");
        assertNotNull(AppHarness.dialog(this, "online-wizard"));
        assertEquals("1  ngrok account", AppHarness.node(this, "#online-step-title", Label.class).getText());
        assertTrue(lookup("#online-authtoken-link").tryQuery().isPresent());
        assertTrue(lookup("#online-domain-link").tryQuery().isPresent());
        clickOn("#online-next");
        assertEquals("Paste your ngrok authtoken first.",
                AppHarness.node(this, "#online-ngrok-error", Label.class).getText());
        clickOn("#online-authtoken").write(AUTHTOKEN);
        clickOn("#online-next");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> lookup("#online-wizard-url").tryQuery().isPresent());
        AppHarness.settle();
        String url = AppHarness.node(this, "#online-wizard-url", Label.class).getText();
        assertEquals(w.liveRun().getStatus().publicUrl() + "/sipgate", url);
        Path secrets = home.resolve("secrets.json");
        assertEquals(AUTHTOKEN, new SecretStore(secrets).get(SecretStore.NGROK_AUTHTOKEN).orElseThrow(),
                "kept once ngrok accepted it");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)));

        // step 3: the sipgate token, with a wrong token first: 401 is explained
        clickOn("#settings-sipgate-token-id").write(FakeSipgateApi.TOKEN_ID);
        clickOn("#settings-sipgate-token").write("not-the-token");
        clickOn("#settings-sipgate-api").write(sipgate.base().toString());
        clickOn("#online-next");
        assertEquals("sipgate did not accept the token id or the token. Check both in Settings, sipgate account.",
                awaitUseResult());
        clickOn("#online-back");
        TextField token = AppHarness.node(this, "#settings-sipgate-token", TextField.class);
        Platform.runLater(() -> token.setText(FakeSipgateApi.TOKEN));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#online-next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#online-use-incoming-new").tryQuery()
                .isPresent());
        assertEquals("https://old.example/in", AppHarness.node(this, "#online-use-incoming-old", Label.class)
                .getText());
        assertEquals(url, AppHarness.node(this, "#online-use-incoming-new", Label.class).getText());
        // the flow's Incoming call node takes outgoing calls too, so that URL changes as well
        assertEquals("https://keep.example/out", AppHarness.node(this, "#online-use-outgoing-old", Label.class)
                .getText());
        assertEquals(url, AppHarness.node(this, "#online-use-outgoing-new", Label.class).getText());
        clickOn("#online-next"); // Set in sipgate
        assertEquals("Done: sipgate now sends your calls to this flow.", awaitUseResult());

        String auth = "Basic " + Base64.getEncoder().encodeToString((FakeSipgateApi.TOKEN_ID + ":"
                + FakeSipgateApi.TOKEN).getBytes(StandardCharsets.UTF_8));
        FakeSipgateApi.Call put = sipgate.calls.get(sipgate.calls.size() - 1);
        assertEquals("PUT /v2/settings/sipgateio", put.method() + " " + put.rawPath());
        assertEquals(auth, put.authorization());
        JsonNode body = JSON.readTree(put.body());
        assertEquals(url, body.get("incomingUrl").asText());
        assertEquals(url, body.get("outgoingUrl").asText());
        assertEquals("[\"p0\",\"g1\"]", body.get("whitelist").toString(), "the other fields stay");
        assertTrue(body.get("log").asBoolean());
        assertEquals(1, body.get("futureField").get("x").asInt());
        clickOn("#online-next"); // Done
        assertEquals(null, AppHarness.dialog(this, "online-wizard"));

        // 403: sipgate.io not booked or the scope missing
        sipgate.forbidden = true;
        clickOn("#use-in-sipgate");
        assertEquals("sipgate refused: either sipgate.io is not booked for this account, or the token lacks the "
                + "scope settings:sipgateio:read. Book sipgate.io or create a token with that scope.",
                awaitUseResult());
        AppHarness.closeDialogs();
        sipgate.forbidden = false;

        clickOn("#go-offline");
        DialogPane restore = AppHarness.dialog(this, "online-restore-dialog");
        assertNotNull(restore);
        clickOn(AppHarness.node(this, "#online-restore-dialog", DialogPane.class)
                .lookupButton(restore.getButtonTypes().get(0)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.liveRun().getState() == LiveRun.State.RUNNING);
        assertEquals("https://old.example/in", sipgate.settings.get("incomingUrl").asText(), "the old URL is back");
        assertEquals("https://keep.example/out", sipgate.settings.get("outgoingUrl").asText());
    }

    private String awaitUseResult() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#online-use-result").tryQuery().isPresent()
                && !AppHarness.node(this, "#online-use-result", Label.class).getText().isEmpty());
        return AppHarness.node(this, "#online-use-result", Label.class).getText();
    }

    @Test
    void aDroppedConnectionShowsReconnectingUntilItIsBack() throws Exception {
        Path home = home(FakeAgent.script(dir.resolve("bin"), "--fake-drop-after=1500"), null, null);
        storeAuthtoken(home);
        harness = new AppHarness(home);
        MainWindow w = startRunning(harness, dir);
        clickOn("#go-online");
        awaitUrl(w);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> w.liveRun().getState() == LiveRun.State.RECONNECTING);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Reconnecting …", AppHarness.node(this, "#online-state", Label.class).getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.liveRun().getState() == LiveRun.State.ONLINE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", AppHarness.node(this, "#online-state", Label.class).getText());
    }

    @Test
    void afterACrashTheNextStartStopsTheAgentItHadStartedAndNothingElse() throws Exception {
        Path home = home(FakeAgent.script(dir.resolve("bin")), null, null);
        Path script = FakeAgent.script(dir.resolve("agents"));
        Process left = agent(script, "left.log");
        Process foreign = agent(script, "foreign.log"); // an ngrok agent that Switchboard did not start
        try {
            // what a Switchboard process that crashed leaves in its state directory: its agent's pid file
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            ProcessHandle agent = left.toHandle();
            Files.createDirectories(home.resolve("state"));
            Files.writeString(home.resolve("state/ngrok-agent-" + gone.pid() + ".pid"), agent.pid() + "\n"
                    + agent.info().startInstant().orElseThrow() + "\n" + agent.info().command().orElseThrow()
                    + "\n2026-01-01T00:00:00Z\n");

            harness = new AppHarness(home);
            harness.start();
            assertTrue(left.waitFor(10, TimeUnit.SECONDS), "the agent left behind is stopped");
            assertTrue(foreign.isAlive(), "an agent Switchboard did not start is left alone");
            Path pidFile = home.resolve("state/ngrok-agent-" + gone.pid() + ".pid");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !Files.exists(pidFile)); // forgotten after the stop
        } finally {
            for (Process p : List.of(left, foreign)) {
                p.destroy();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private Process agent(Path script, String log) throws Exception {
        Process p = new ProcessBuilder(script.toString(), "start", "--none").redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile()).start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(dir.resolve(log))
                .contains("tunnel session started"));
        return p;
    }

    @Test
    void throughTheTunnelOnlyWebhooksAnswerAndTheyMustBeSignedUnlessSwitchedOff() throws Exception {
        Path forward = dir.resolve("forward-port.txt");
        Path home = home(FakeAgent.script(dir.resolve("bin"), "--fake-forward-file=" + forward), null, null);
        storeAuthtoken(home);
        harness = new AppHarness(home);
        MainWindow w = startRunning(harness, dir);
        clickOn("#go-online");
        awaitUrl(w);
        String publicSide = "http://127.0.0.1:" + Files.readString(forward).strip();
        assertEquals(403, post(publicSide + "/sipgate"), "an unsigned push is refused while online");
        assertEquals(404, get(publicSide + "/health"), "the status stays on the local listener");
        assertEquals(404, get(publicSide + "/"));

        clickOn("#go-offline");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.liveRun().getState() == LiveRun.State.RUNNING);
        Files.deleteIfExists(forward);
        Platform.runLater(() -> w.appSettings().setOnline(w.appSettings().online().withSignatureCheck(false)));
        clickOn("#go-online");
        awaitUrl(w);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(forward));
        assertEquals(200, post("http://127.0.0.1:" + Files.readString(forward).strip() + "/sipgate"),
                "switched off in the settings, unsigned pushes are taken");
    }

    private static int post(String url) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("event=newCall&direction=in&from=4930123"
                        + "&to=4921155&callId=c1&user%5B%5D=Anna"))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int get(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theAgentIsDownloadedOnFirstUseWithProgress() throws Exception {
        try (AgentMirror mirror = new AgentMirror(FakeAgent.script(dir.resolve("src")))) {
            mirror.slowDown(60);
            Path home = home(null, mirror.url(), null);
            storeAuthtoken(home);
            harness = new AppHarness(home);
            MainWindow w = startRunning(harness, dir);
            clickOn("#go-online");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> AppHarness.dialog(this, "online-download-dialog") != null);
            String progress = AppHarness.node(this, "#online-download-text", Label.class).getText();
            assertTrue(progress.startsWith("Downloading the ngrok agent: "), progress);
            awaitUrl(w);
            assertEquals(1, mirror.requests());
            assertTrue(Files.isExecutable(home.resolve("state/ngrok-agent/ngrok")));
        }
    }

    @Test
    void aBlockedDownloadIsExplainedAndACancelledOneLeavesNothingBehind() throws Exception {
        try (AgentMirror mirror = new AgentMirror(FakeAgent.script(dir.resolve("src")))) {
            mirror.refuseWith(403);
            Path home = home(null, mirror.url(), null);
            storeAuthtoken(home);
            harness = new AppHarness(home);
            MainWindow w = startRunning(harness, dir);
            clickOn("#go-online");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> AppHarness.dialog(this, "online-problem-dialog")
                    != null);
            assertEquals("The ngrok agent could not be downloaded. Check the internet connection, or install ngrok "
                    + "yourself from https://ngrok.com/download so that it is on the PATH.",
                    AppHarness.dialog(this, "online-problem-dialog").getContentText());
            clickOn("#online-problem-close");

            mirror.refuseWith(0);
            mirror.slowDown(200);
            clickOn("#go-online");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> AppHarness.dialog(this, "online-download-dialog") != null);
            clickOn("#online-download-cancel");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#go-online").tryQuery()
                    .map(b -> !b.isDisabled()).orElse(false));
            assertEquals(null, AppHarness.dialog(this, "online-problem-dialog"), "a cancel is no failure");
            assertEquals(LiveRun.State.RUNNING, w.liveRun().getState());
            assertFalse(Files.exists(home.resolve("state/ngrok-agent/ngrok")));
        }
    }

    /** Writes to two streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
