package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.settings.SettingsStore;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.sounds.Speech;

/**
 * Run in the app, driven like a user: Run serves the open flow on the embedded server (a real newCall over loopback
 * gets its XML), a taken port is said and a free one offered and remembered, edits show as "N changes not live"
 * with their list, Deploy while a call is in progress (that call keeps its version, the next one gets the new one),
 * a flow with errors is not deployed, automatic deploy, Stop, and closing the window frees the port.
 */
class RunAppTest extends AppWindowTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ON_DATA = Pattern.compile("onData=\"([^\"]+)\"");
    private static final String BEN_OLD = "491609876543";
    private static final String BEN_NEW = "4917712345678";

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The family menu sample in a folder of its own, opened by an app whose settings name Run's port. */
    private MainWindow open(int port, boolean autoDeploy) throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("settings.json"), "{\"language\": \"en\", \"theme\": \"light\", "
                + "\"showWelcome\": false, \"runPort\": " + port + ", \"autoDeploy\": " + autoDeploy + "}");
        Path flow = dir.resolve("flows").resolve("family-menu.json");
        Files.createDirectories(flow.getParent());
        Files.copy(Path.of("../sample-flows/family-menu.json"), flow);
        harness = new AppHarness(home);
        return harness.start(flow.toString());
    }

    private String pill() {
        return lookup("#run-pill").queryAs(Label.class).getText();
    }

    private void awaitPill(String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pill().equals(text));
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a call and returns the Gather's callback URL. */
    private static String newCall(int port, String callId) throws Exception {
        HttpResponse<String> answer = post("http://127.0.0.1:" + port + "/sipgate",
                "event=newCall&direction=in&from=4930123456&to=4930654321&callId=" + callId);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("<Gather"), answer.body());
        Matcher m = ON_DATA.matcher(answer.body());
        assertTrue(m.find(), answer.body());
        return m.group(1);
    }

    private static String press(String callback, String callId, String digit) throws Exception {
        HttpResponse<String> answer = post(callback, "event=dtmf&callId=" + callId + "&dtmf=" + digit);
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private void editBen(MainWindow w, List<String> numbers) {
        interact(() -> w.document().apply("Set number", f -> f.updateNode("ben",
                n -> n.withProperty("numbers", numbers))));
    }

    @Test
    void runServesTheFlowEditsShowAsNotLiveAndDeployKeepsCallsInProgressOnTheirVersion() throws Exception {
        int port = freePort();
        MainWindow w = open(port, false);
        assertEquals("Stopped", pill());
        assertEquals("Run", lookup("#run-button").queryAs(Button.class).getText());
        clickOn("#run-button");
        awaitPill("Running on port " + port);
        assertEquals("Stop", lookup("#run-button").queryAs(Button.class).getText());
        clickOn("#run-pill");
        DialogPane details = AppHarness.dialog(this, "run-status-dialog");
        assertNotNull(details);
        assertEquals("Serving the flow at http://127.0.0.1:" + port + ". Only this computer can reach it.\n"
                + "Webhook URL: http://127.0.0.1:" + port + "/sipgate", details.getContentText());
        AppHarness.closeDialogs();
        assertFalse(lookup("#run-changes").query().isVisible(), "nothing differs yet");

        String callback = newCall(port, "before");
        editBen(w, List.of("+49 177 12345678"));
        interact(() -> w.document().apply("Rename", f -> f.updateNode("menu", n -> n.withName("Family menu"))));
        MenuButton changes = lookup("#run-changes").queryAs(MenuButton.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(changes.isVisible());
        assertEquals("2 changes not live", changes.getText());
        List<String> lines = changes.getItems().stream().filter(i -> i.getStyleClass().contains("change-item"))
                .map(i -> ((Label) ((CustomMenuItem) i).getContent()).getText()).toList();
        assertEquals(List.of("Changed: Gather \u201cFamily menu\u201d (name)",
                "Changed: Dial \u201cBen\u201d (Numbers)"), lines);
        assertTrue(press(newCall(port, "draft"), "draft", "2").contains(BEN_OLD), "not live before Deploy");

        clickOn("#run-deploy");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(changes.isVisible(), "all live after Deploy");
        assertTrue(press(callback, "before", "2").contains(BEN_OLD),
                "the call in progress finishes on the version it started with");
        assertTrue(press(newCall(port, "after"), "after", "2").contains(BEN_NEW), "a new call gets the new one");

        clickOn("#run-button");
        awaitPill("Stopped");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> portFree(port));
    }

    @Test
    void aTakenPortIsSaidPlainlyAndTheFreeOneOfferedIsRemembered() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            MainWindow w = open(port, false);
            clickOn("#run-button");
            DialogPane offer = AppHarness.dialog(this, "port-taken-dialog");
            assertNotNull(offer, "the offer of a free port");
            assertEquals("Port " + port + " is taken", offer.getHeaderText());
            clickOn(offer.getButtonTypes().stream().map(offer::lookupButton)
                    .filter(b -> ((Button) b).getText().equals("Cancel")).findFirst().orElseThrow());
            awaitPill("Error");
            clickOn("#run-pill");
            DialogPane details = AppHarness.dialog(this, "run-status-dialog");
            assertNotNull(details, "the reason on click");
            assertEquals("The flow could not be served: Cannot listen on 127.0.0.1:" + port
                    + ": the address is in use or not available", details.getContentText());
            AppHarness.closeDialogs();

            clickOn("#run-button");
            offer = AppHarness.dialog(this, "port-taken-dialog");
            assertNotNull(offer, "offered again");
            Button use = (Button) offer.getButtonTypes().stream().map(offer::lookupButton)
                    .filter(b -> ((Button) b).getText().startsWith("Use port")).findFirst().orElseThrow();
            int offered = Integer.parseInt(use.getText().replace("Use port ", ""));
            assertTrue(offer.getContentText().contains("Port " + offered + " is free"), offer.getContentText());
            clickOn(use);
            awaitPill("Running on port " + offered);
            assertEquals(offered, new SettingsStore(harness.home).load().runPort(), "remembered");
            assertEquals(200, post("http://127.0.0.1:" + offered + "/sipgate",
                    "event=newCall&direction=in&from=1&to=2&callId=x").statusCode());
            interact(w.liveRun()::close);
        }
    }

    @Test
    void aFlowWithErrorsIsNotDeployedAndItsProblemsAreShown() throws Exception {
        int port = freePort();
        MainWindow w = open(port, false);
        clickOn("#run-button");
        awaitPill("Running on port " + port);
        editBen(w, List.of());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1 change not live", lookup("#run-changes").queryAs(MenuButton.class).getText());
        clickOn("#run-deploy");
        WaitForAsyncUtils.waitForFxEvents();
        Label notice = lookup("#run-notice").queryAs(Label.class);
        assertTrue(notice.isVisible());
        assertEquals("Not deployed: the flow has 1 error. See Problems.", notice.getText());
        assertTrue(lookup("#dock-tab-problems").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("selected")), "the Problems tab is shown");
        assertTrue(lookup("#run-changes").query().isVisible(), "still not live");
        assertTrue(press(newCall(port, "c"), "c", "2").contains(BEN_OLD), "the live version is unchanged");

        editBen(w, List.of("+49 177 12345678"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(notice.isVisible(), "the notice goes once the errors are fixed");
    }

    @Test
    void withAutomaticDeployEveryValidEditIsLiveAtOnceAndClosingTheWindowFreesThePort() throws Exception {
        int port = freePort();
        MainWindow w = open(port, true);
        interact(() -> w.actions().get("run").fire());
        awaitPill("Running on port " + port);
        editBen(w, List.of("+49 177 12345678"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lookup("#run-changes").query().isVisible());
        assertTrue(press(newCall(port, "auto"), "auto", "2").contains(BEN_NEW));
        editBen(w, List.of());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#run-changes").query().isVisible(), "an edit with errors waits");
        assertTrue(press(newCall(port, "auto2"), "auto2", "2").contains(BEN_NEW));

        interact(() -> w.document().markSaved(w.document().file(), w.document().flow())); // no save question
        interact(w::quit);
        assertTrue(portFree(port), "closing the window stops the server");
    }

    @Test
    void runSpeaksTextsNotSpokenYetIntoTheSoundsFolderAndServesThem() throws Exception {
        assumeTrue(Speech.find() != null,
                "needs a speech engine (the set-up script installs espeak-ng)");
        int port = freePort();
        MainWindow w = open(port, false);
        interact(() -> w.document().apply("Prompt as text", f -> f.updateNode("menu", n -> n.withProperty("prompt",
                SoundRef.speech("Press one for Anna, two for Ben.", "en")
                        .toEditedValue()))));
        interact(() -> w.actions().get("run").fire());
        awaitPill("Running on port " + port);
        SoundRef prompt = SoundRef.of(
                w.document().flow().node("menu").orElseThrow().property("prompt"));
        assertTrue(prompt.isWellFormedFile(), "the spoken file is named in the document: " + prompt);
        Path wav = w.document().file().toAbsolutePath().getParent().resolve(prompt.file());
        assertTrue(Files.size(wav) > 1000, "spoken into the sounds folder: " + wav);
        HttpResponse<String> answer = post("http://127.0.0.1:" + port + "/sipgate",
                "event=newCall&direction=in&from=4930123456&to=4930654321&callId=spoken");
        Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:" + port + "/sounds/[0-9a-f]+\\.wav)")
                .matcher(answer.body());
        assertTrue(m.find(), answer.body());
        HttpResponse<byte[]> sound = HTTP.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, sound.statusCode());
        assertTrue(Arrays.equals(Files.readAllBytes(wav), sound.body()), "serves the spoken bytes");
    }
}
