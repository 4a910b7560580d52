package org.switchboard.engine.sipgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.engine.sipgate.FakeSipgateApi.TOKEN;
import static org.switchboard.engine.sipgate.FakeSipgateApi.TOKEN_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SipgateRestClientTest {

    private static final SipgateCredentials GOOD = new SipgateCredentials(TOKEN_ID, TOKEN);
    private static final SipgateCredentials WRONG = new SipgateCredentials(TOKEN_ID, "not-the-token");

    private FakeSipgateApi sipgate;
    private SipgateRestClient client;

    @BeforeEach
    void start() throws IOException {
        sipgate = new FakeSipgateApi();
        client = new SipgateRestClient(sipgate.base(), GOOD);
    }

    @AfterEach
    void stop() {
        sipgate.close();
    }

    // --- credentials -----------------------------------------------------------------------------------------------

    @Test
    void basicHeaderMatchesTheSpecExample() {
        assertEquals("Basic dG9rZW4tQUIxMkNEOjBmOGZhZDViLWQ5Y2ItNDY5Zi1hMTY1LTcwODY3NzI4OTUwZQ==",
                GOOD.basicAuthHeader());
    }

    @Test
    void credentialsNeverShowTheToken() {
        assertEquals("SipgateCredentials[tokenId=token-AB12CD, token=****]", GOOD.toString());
        assertFalse(client.toString().contains(TOKEN), client.toString());
        assertEquals(TOKEN, new SipgateCredentials(" " + TOKEN_ID + "\n", TOKEN + " ").token(), "pasted with spaces");
        assertThrows(IllegalArgumentException.class, () -> new SipgateCredentials("", TOKEN));
        assertThrows(IllegalArgumentException.class, () -> new SipgateCredentials(TOKEN_ID, null));
    }

    @Test
    void userInfoChecksTheToken() {
        assertEquals(new RestResult(true, 200, "Signed in as w0 (sipgate.de)"), client.userInfo());
        assertEquals(List.of("GET /v2/authorization/userinfo"), sipgate.requestLines());
        assertEquals(new RestResult(false, 401, "sipgate rejected the token id or token"),
                new SipgateRestClient(sipgate.base(), WRONG).userInfo());
    }

    // --- RTCM hang-up ----------------------------------------------------------------------------------------------

    @Test
    void hangUpEndsARunningCall() {
        String hexId = "54566B150B0C0D3A5D534D5F565D7C5F54535A5C5B53525A7E5B5D5745504457444C425D5057";
        sipgate.runningCalls.add(hexId);
        assertEquals(new RestResult(true, 204, "Call ended"), client.hangUp(hexId));
        assertEquals(List.of("DELETE /v2/calls/" + hexId), sipgate.requestLines());
        assertTrue(sipgate.runningCalls.isEmpty());
    }

    @Test
    void hangUpOfAFinishedCallIsNotAFailure() {
        assertEquals(new RestResult(true, 404, "Call already over"), client.hangUp("123456"));
    }

    @Test
    void hangUpEncodesTheCallIdAsOnePathSegment() {
        sipgate.runningCalls.add("a/b c?d#e+ü");
        assertEquals(204, client.hangUp("a/b c?d#e+ü").status());
        assertEquals(List.of("DELETE /v2/calls/a%2Fb%20c%3Fd%23e%2B%C3%BC"), sipgate.requestLines());
        client.hangUp("..");
        assertEquals("DELETE /v2/calls/%2E%2E", sipgate.requestLines().get(1));
    }

    @Test
    void hangUpNeedsACallId() {
        assertFalse(client.hangUp(null).ok());
        assertFalse(client.hangUp(" ").ok());
        assertTrue(sipgate.calls.isEmpty(), "nothing was sent");
    }

    @Test
    void hangUpWithoutTheScopeSaysWhichScope() {
        sipgate.forbidden = true;
        assertEquals(new RestResult(false, 403, "sipgate.io is not booked or the token lacks the scope rtcm:write"),
                client.hangUp("1"));
    }

    @Test
    void hangUpWithAWrongToken() {
        assertEquals(new RestResult(false, 401, "sipgate rejected the token id or token"),
                new SipgateRestClient(sipgate.base(), WRONG).hangUp("1"));
    }

    // --- settings --------------------------------------------------------------------------------------------------

    @Test
    void readsTheWebhookSettings() {
        assertEquals(new WebhookSettings("https://old.example/in", "https://keep.example/out", true,
                List.of("p0", "g1")), client.getWebhookSettings());
    }

    @Test
    void aNullWhitelistStaysNull() throws Exception {
        sipgate.settings = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper()
                .readTree("{\"incomingUrl\":\"\",\"outgoingUrl\":null,\"log\":false,\"whitelist\":null}");
        WebhookSettings settings = client.getWebhookSettings();
        assertEquals(new WebhookSettings("", "", false, null), settings);
        assertNull(settings.whitelist());
    }

    @Test
    void readingSettingsWithoutScopeThrowsWithTheResult() {
        sipgate.forbidden = true;
        SipgateApiException e = assertThrows(SipgateApiException.class, () -> client.getWebhookSettings());
        assertEquals(403, e.result().status());
        assertEquals("sipgate.io is not booked or the token lacks the scope settings:sipgateio:read", e.getMessage());
    }

    @Test
    void setIncomingUrlKeepsEverythingElse() {
        RestResult result = client.setIncomingUrl("https://flows.example.net/sg/in?a=1&b=2");
        assertEquals(new RestResult(true, 204, "Incoming webhook URL set"), result);
        assertEquals(List.of("GET /v2/settings/sipgateio", "PUT /v2/settings/sipgateio"), sipgate.requestLines());
        JsonNode saved = sipgate.settings;
        assertEquals("https://flows.example.net/sg/in?a=1&b=2", saved.get("incomingUrl").asText());
        assertEquals("https://keep.example/out", saved.get("outgoingUrl").asText());
        assertTrue(saved.get("log").asBoolean());
        assertEquals("[\"p0\",\"g1\"]", saved.get("whitelist").toString());
        assertEquals(1, saved.get("futureField").get("x").asInt(), "fields this program does not know survive");
        assertEquals(new WebhookSettings("https://flows.example.net/sg/in?a=1&b=2", "https://keep.example/out", true,
                List.of("p0", "g1")), client.getWebhookSettings());
    }

    @Test
    void setWebhookUrlsSetsBothInOneWriteAndShowsOldAndNew() throws Exception {
        RestResult result = client.setWebhookUrls("https://t.ngrok-free.app/sipgate", "https://t.ngrok-free.app/out");
        assertEquals(new RestResult(true, 204, "Incoming webhook URL set: https://old.example/in → "
                + "https://t.ngrok-free.app/sipgate; Outgoing webhook URL set: https://keep.example/out → "
                + "https://t.ngrok-free.app/out"), result);
        assertEquals(List.of("GET /v2/settings/sipgateio", "PUT /v2/settings/sipgateio"), sipgate.requestLines());
        JsonNode put = new ObjectMapper().readTree(sipgate.calls.get(1).body());
        assertEquals(new ObjectMapper().readTree("{\"incomingUrl\":\"https://t.ngrok-free.app/sipgate\","
                + "\"outgoingUrl\":\"https://t.ngrok-free.app/out\",\"log\":true,\"whitelist\":[\"p0\",\"g1\"],"
                + "\"futureField\":{\"x\":1}}"), put);
    }

    @Test
    void setWebhookUrlsWithoutOutgoingKeepsTheOutgoingUrl() {
        RestResult result = client.setWebhookUrls("https://t.ngrok-free.app/sipgate", null);
        assertEquals("Incoming webhook URL set: https://old.example/in → https://t.ngrok-free.app/sipgate",
                result.message());
        assertEquals("https://keep.example/out", sipgate.settings.get("outgoingUrl").asText());
    }

    @Test
    void setWebhookUrlsExplainsAWrongTokenAndAMissingBooking() {
        RestResult wrong = new SipgateRestClient(sipgate.base(), WRONG).setWebhookUrls("https://a.example/in", null);
        assertEquals(new RestResult(false, 401, "sipgate rejected the token id or token"), wrong);
        sipgate.forbidden = true;
        RestResult forbidden = client.setWebhookUrls("https://a.example/in", null);
        assertEquals(new RestResult(false, 403,
                "sipgate.io is not booked or the token lacks the scope settings:sipgateio:read"), forbidden);
        assertEquals("https://old.example/in", sipgate.settings.get("incomingUrl").asText());
    }

    @Test
    void setOutgoingUrlAndClearing() {
        assertEquals(new RestResult(true, 204, "Outgoing webhook URL set"),
                client.setOutgoingUrl("http://x.example/o"));
        assertEquals("http://x.example/o", sipgate.settings.get("outgoingUrl").asText());
        assertEquals("https://old.example/in", sipgate.settings.get("incomingUrl").asText());
        assertEquals(new RestResult(true, 204, "Incoming webhook URL cleared"), client.setIncomingUrl(null));
        assertEquals("", sipgate.settings.get("incomingUrl").asText());
        assertEquals("http://x.example/o", sipgate.settings.get("outgoingUrl").asText());
    }

    @Test
    void setIncomingUrlKeepsANullWhitelistAndAddsMissingRequiredFields() throws Exception {
        sipgate.settings = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper()
                .readTree("{\"log\":false,\"whitelist\":null}");
        assertTrue(client.setIncomingUrl("https://a.example/in").ok());
        assertTrue(sipgate.settings.get("whitelist").isNull(), "null (no restriction) must not become []");
        assertEquals("", sipgate.settings.get("outgoingUrl").asText());
    }

    @Test
    void setIncomingUrlRefusesNonHttpUrlsWithoutAsking() {
        RestResult result = client.setIncomingUrl("ftp://a.example/in");
        assertFalse(result.ok());
        assertEquals("The webhook URL must start with https:// or http://", result.message());
        assertTrue(sipgate.calls.isEmpty());
    }

    @Test
    void setIncomingUrlWithReadButNotWriteScope() {
        sipgate.forbidWrites = true;
        assertEquals(new RestResult(false, 403,
                "sipgate.io is not booked or the token lacks the scope settings:sipgateio:write"),
                client.setIncomingUrl("https://a.example/in"));
        assertEquals("https://old.example/in", sipgate.settings.get("incomingUrl").asText());
    }

    @Test
    void setIncomingUrlWhenReadingFailsDoesNotWrite() {
        sipgate.forbidden = true;
        RestResult result = client.setIncomingUrl("https://a.example/in");
        assertEquals(403, result.status());
        assertTrue(result.message().endsWith("settings:sipgateio:read"), result.message());
        assertEquals(List.of("GET /v2/settings/sipgateio"), sipgate.requestLines());
    }

    @Test
    void unreadableSettingsAreReportedNotThrown() {
        sipgate.fixedStatus = 200;
        sipgate.fixedBody = "<html>proxy login</html>";
        RestResult result = client.setIncomingUrl("https://a.example/in");
        assertFalse(result.ok());
        assertEquals("sipgate sent an unreadable answer", result.message());
        sipgate.fixedBody = "[1,2]";
        assertEquals("sipgate sent the webhook settings in an unexpected form",
                client.setIncomingUrl("https://a.example/in").message());
    }

    // --- other statuses and the network ---------------------------------------------------------------------------

    @Test
    void otherStatusesGetClearMessages() {
        sipgate.fixedStatus = 500;
        assertEquals(new RestResult(false, 500, "sipgate had a problem (HTTP 500); try again later"),
                client.hangUp("1"));
        sipgate.fixedStatus = 400;
        sipgate.fixedBody = "{\"errors\":[{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"bad\\nthing\"}]}";
        assertEquals(new RestResult(false, 400, "sipgate answered HTTP 400: badthing"), client.userInfo());
        sipgate.fixedBody = "";
        assertEquals(new RestResult(false, 400, "sipgate answered HTTP 400"), client.userInfo());
        sipgate.fixedStatus = 429;
        assertTrue(client.userInfo().message().contains("429"));
    }

    @Test
    void unreachableServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SipgateRestClient offline = new SipgateRestClient(URI.create("http://127.0.0.1:" + port + "/v2/"), GOOD,
                Duration.ofSeconds(2));
        RestResult result = offline.hangUp("1");
        assertEquals(0, result.status());
        assertFalse(result.ok());
        assertEquals("Could not reach sipgate: connection refused by 127.0.0.1", result.message());
        assertEquals(0, offline.userInfo().status());
        assertTrue(offline.setIncomingUrl("https://a.example/in").message().startsWith("Could not reach sipgate: "));
        SipgateApiException e = assertThrows(SipgateApiException.class, offline::getWebhookSettings);
        assertEquals(0, e.result().status());
    }

    @Test
    void slowServerTimesOut() {
        sipgate.delayMillis = 1500;
        SipgateRestClient impatient = new SipgateRestClient(sipgate.base(), GOOD, Duration.ofMillis(200));
        long start = System.nanoTime();
        RestResult result = impatient.userInfo();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(new RestResult(false, 0, "Could not reach sipgate: no answer within 200 ms"), result);
        assertTrue(millis < 1400, "gave up after " + millis + " ms");
    }

    @Test
    void trailingSlashInTheBaseUrlIsFine() {
        SipgateRestClient slash = new SipgateRestClient(URI.create(sipgate.base() + "/"), GOOD);
        assertTrue(slash.userInfo().ok());
        assertEquals(List.of("GET /v2/authorization/userinfo"), sipgate.requestLines());
    }

    @Test
    void badBaseUrlsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SipgateRestClient(URI.create("ftp://x/v2"), GOOD));
        assertThrows(IllegalArgumentException.class, () -> new SipgateRestClient(URI.create("/v2"), GOOD));
        assertThrows(NullPointerException.class, () -> new SipgateRestClient(sipgate.base(), null));
        assertEquals(URI.create("https://api.sipgate.com/v2"), SipgateRestClient.DEFAULT_BASE);
    }

    @Test
    void noMessageEverContainsTheToken() {
        SipgateRestClient wrong = new SipgateRestClient(sipgate.base(), WRONG);
        for (RestResult result : List.of(client.userInfo(), client.hangUp("x"), wrong.userInfo(),
                wrong.setIncomingUrl("https://a.example/in"), client.setIncomingUrl("https://a.example/in"))) {
            assertFalse(result.message().contains(TOKEN), result.message());
            assertFalse(result.message().contains("not-the-token"), result.message());
            assertFalse(result.message().contains(GOOD.basicAuthHeader().substring(6)), result.message());
        }
    }
}
