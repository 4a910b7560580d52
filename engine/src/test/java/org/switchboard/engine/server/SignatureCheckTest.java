package org.switchboard.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.runtime.EngineOptions;
import org.switchboard.engine.sipgate.SignatureVerifier;
import org.switchboard.engine.simulate.SimulatedCall;
import org.switchboard.engine.simulate.SipgateSimulator;
import org.switchboard.engine.simulate.Step;
import org.switchboard.engine.simulate.Transcript;
import org.switchboard.engine.simulate.Scenario;

/** X-Sipgate-Signature checking through the real server, with sipgate's real signed pushes and with our own key. */
class SignatureCheckTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SignatureCheckTest.class.getResourceAsStream("/sipgate/" + name)) {
            return in.readAllBytes();
        }
    }

    private static HttpResponse<String> post(String url, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "sipgate.io")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(SignatureVerifier.HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The menu, also on /push (any path works: the signature covers only the body). */
    private static Flow menuAlsoOnRoot() {
        Flow menu = FamilyMenu.flow();
        return menu.withNode(new FlowNode("root", "incomingCall", "Root", new Position(0, 0),
                java.util.Map.of("path", "/push", "direction", "any"))).withWire(new Wire("root", "call", "menu"));
    }

    private static RunningServer checkingServer(SignatureVerifier verifier) {
        return new RunningServer(menuAlsoOnRoot(), ServerOptions.defaults().withSignatureCheck(verifier),
                EngineOptions.DEFAULT_IDLE_TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"signed-newcall", "signed-newcall-2"})
    void realSignedPushVerifiesAndIsAnswered(String vector) throws Exception {
        byte[] body = resource(vector + "/body.txt");
        String signature = new String(resource(vector + "/x-sipgate-signature.txt"), StandardCharsets.US_ASCII).trim();
        try (RunningServer running = checkingServer(null)) {
            HttpResponse<String> answer = post(running.url() + "/push", body, signature);
            assertEquals(200, answer.statusCode(), answer::body);
            assertEquals("application/xml; charset=UTF-8", answer.headers().firstValue("content-type").orElse(""));
            assertTrue(answer.body().contains("<Gather onData=\"" + running.url() + "/cb/"), answer.body());
            assertEquals(1, running.engine.activeCalls());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"signed-newcall", "signed-newcall-2"})
    void everySingleChangedByteIsForbiddenAndNothingRuns(String vector) throws Exception {
        byte[] body = resource(vector + "/body.txt");
        String signature = new String(resource(vector + "/x-sipgate-signature.txt"), StandardCharsets.US_ASCII).trim();
        try (RunningServer running = checkingServer(null)) {
            for (int i = 0; i < body.length; i++) {
                byte[] changed = body.clone();
                changed[i] ^= 0x01;
                HttpResponse<String> answer = post(running.url() + "/push", changed, signature);
                int position = i;
                assertEquals(403, answer.statusCode(), () -> "byte " + position + ": " + answer.body());
                assertEquals("Invalid or missing X-Sipgate-Signature", answer.body().strip());
            }
            assertEquals(0, running.engine.activeCalls(), "no session was created");
            assertEquals(0, running.pushesHandled(), "no flow ran");
            // a missing header and a signature of another body are refused just the same
            assertEquals(403, post(running.url() + "/push", body, null).statusCode());
            assertEquals(403, post(running.url() + "/push", body, Base64.getEncoder().encodeToString(new byte[512]))
                    .statusCode());
            assertEquals(0, running.engine.activeCalls());
            assertEquals(200, post(running.url() + "/push", body, signature).statusCode(), "then a good push works");
        }
    }

    @Test
    void simulatorSignsWithItsOwnKeyAndWholeCallsPassTheCheck() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        try (RunningServer running = checkingServer(SignatureVerifier.fromPem(pem))) {
            SipgateSimulator signed = running.simulator().withSigningKey(keys.getPrivate());
            Transcript t = signed.run(Scenario.call(FamilyMenu.PATH, "+49 30 1234567", "+49 30 7654321")
                    .pressing("1").answeredBy("Anna", FamilyMenu.ANNA));
            assertEquals(List.of(200, 200, 200, 200), t.steps().stream().map(Step::status).toList(), t::toString);
            assertEquals(List.of(FamilyMenu.ANNA), t.dialedNumbers());

            SimulatedCall unsigned = running.simulator().newCall(FamilyMenu.PATH, "+49 30 1234567", "+49 30 7654321",
                    "in");
            Step refused = unsigned.transcript().lastStep();
            assertEquals(403, refused.status());
            assertEquals("Invalid or missing X-Sipgate-Signature", refused.responseBody().strip());
            assertTrue(refused.outcome().contains("routes the call normally"), refused.outcome());
        }
    }
}
