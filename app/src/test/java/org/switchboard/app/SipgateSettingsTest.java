package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.settings.SettingsStore;
import org.switchboard.engine.settings.SecretStore;

/**
 * Settings, sipgate account: the token fields, Check against a stand-in for sipgate's REST API on 127.0.0.1
 * ({@code GET /authorization/userinfo} with Basic auth), and OK writing the secrets file readable only by the user.
 */
class SipgateSettingsTest extends FxThreadRobot {

    private static final String TOKEN_ID = "token-AB12CD";
    private static final String TOKEN = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @TempDir
    Path dir;
    private AppHarness harness;
    private HttpServer api;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        AppHarness.closeDialogs();
        if (harness != null) {
            harness.stop();
        }
        if (api != null) {
            api.stop(0);
        }
    }

    private String startApi() throws Exception {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String auth = "Basic " + Base64.getEncoder().encodeToString((TOKEN_ID + ":" + TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        api.createContext("/v2/authorization/userinfo", exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                if (!auth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                byte[] body = ("{\"sub\":\"w0\",\"domain\":\"sipgate.de\",\"masterSipId\":\"0000000\","
                        + "\"locale\":\"de_DE\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        api.start();
        return "http://127.0.0.1:" + api.getAddress().getPort() + "/v2";
    }

    private void openSettings(MainWindow w) {
        Platform.runLater(w::settings);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(AppHarness.dialog(this, "settings-dialog"));
    }

    private String awaitResult() throws Exception {
        Label result = AppHarness.node(this, "#settings-sipgate-result", Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !result.getText().isEmpty()
                && !result.getText().startsWith("Asking"));
        return result.getText();
    }

    @Test
    void theTokenIsCheckedAgainstSipgateAndKeptInTheSecretsFile() throws Exception {
        String base = startApi();
        harness = new AppHarness(dir.resolve("home"));
        MainWindow w = harness.start();
        openSettings(w);

        clickOn("#settings-sipgate-token-id").write(TOKEN_ID);
        clickOn("#settings-sipgate-token").write("wrong-token");
        clickOn("#settings-sipgate-api").write(base);
        clickOn("#settings-sipgate-check");
        String refused = awaitResult();
        assertTrue(refused.startsWith("sipgate rejected the token id or token"), refused);
        assertFalse(refused.contains("wrong-token"), "the token is never shown in a message");

        TextField token = AppHarness.node(this, "#settings-sipgate-token", TextField.class);
        Platform.runLater(() -> token.setText(TOKEN));
        WaitForAsyncUtils.waitForFxEvents();
        Label result = AppHarness.node(this, "#settings-sipgate-result", Label.class);
        Platform.runLater(() -> result.setText(""));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#settings-sipgate-check");
        assertEquals("Signed in as w0 (sipgate.de)", awaitResult());
        assertEquals(List.of("GET /v2/authorization/userinfo", "GET /v2/authorization/userinfo"), requests);

        @SuppressWarnings("unchecked")
        ComboBox<String> country = AppHarness.node(this, "#settings-home-country", ComboBox.class);
        Platform.runLater(() -> country.setValue("DE"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Germany (+49)", country.getConverter().toString(country.getValue()));
        Path secretsFile = harness.home.resolve("secrets.json");
        assertFalse(Files.exists(secretsFile), "nothing is written before OK");
        clickOn(lookup(".button").match(n -> n instanceof javafx.scene.control.Button b && b.isDefaultButton())
                .queryButton());
        assertNull(AppHarness.dialog(this, "settings-dialog"));

        Map<String, String> stored = new SecretStore(secretsFile).readAll();
        assertEquals(Map.of(SecretStore.SIPGATE_TOKEN_ID, TOKEN_ID, SecretStore.SIPGATE_TOKEN, TOKEN,
                SecretStore.SIPGATE_API_URL, base), stored);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretsFile)));
        }
        assertEquals("DE", new SettingsStore(harness.home).load().homeCountry());
        assertFalse(Files.readString(harness.home.resolve("settings.json")).contains(TOKEN),
                "the token stays out of the ordinary settings");

        openSettings(w);
        assertEquals(TOKEN_ID, AppHarness.node(this, "#settings-sipgate-token-id", TextField.class).getText());
        assertEquals(base, AppHarness.node(this, "#settings-sipgate-api", TextField.class).getText());
    }
}
