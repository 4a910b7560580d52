package org.switchboard.engine.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.sounds.TestTones;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flow with a converted local sound, served over loopback at the URL its answer names, and nothing else. */
class SoundServingTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String NEW_CALL = "event=newCall&direction=in&from=4930123456&to=4930654321&callId=c1";
    private static final Pattern PLAY_URL = Pattern.compile("<Url>([^<]+)</Url>");

    @TempDir
    Path dir;

    @Test
    void answerPointsAtTheSoundAndItDownloadsTheExactConvertedBytes() throws Exception {
        SoundRef sound = importTone();
        try (RunningServer running = new RunningServer(Flow.empty())) {
            running.engine.deploy(playFlow(sound.toValue()), dir);
            RawHttp.Answer answer = RawHttp.post(running.url(), "/sipgate", FORM, NEW_CALL);
            Matcher m = PLAY_URL.matcher(answer.body());
            assertTrue(m.find(), answer.body());
            String url = m.group(1);
            assertEquals(running.url() + "/" + sound.file(), url);

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<byte[]> got = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] expected = Files.readAllBytes(dir.resolve(sound.file()));
            assertEquals(200, got.statusCode());
            assertArrayEquals(expected, got.body());
            assertEquals("audio/wav", got.headers().firstValue("Content-Type").orElse(""));
            assertEquals(String.valueOf(expected.length), got.headers().firstValue("Content-Length").orElse(""));
            assertTrue(got.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
            assertEquals("bytes", got.headers().firstValue("Accept-Ranges").orElse(""));

            HttpResponse<Void> head = client.send(HttpRequest.newBuilder(URI.create(url))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, head.statusCode());
            assertEquals(String.valueOf(expected.length), head.headers().firstValue("Content-Length").orElse(""));

            HttpResponse<byte[]> part = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Range", "bytes=10-99").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, part.statusCode());
            assertEquals("bytes 10-99/" + expected.length, part.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, 10, 100), part.body());

            HttpResponse<byte[]> tail = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Range", "bytes=-44").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, expected.length - 44, expected.length),
                    tail.body());

            HttpResponse<byte[]> beyond = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Range", "bytes=" + expected.length + "-").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(416, beyond.statusCode());

            String etag = got.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> again = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, again.statusCode());
        }
    }

    @Test
    void onlyTheFlowsOwnSoundsAreServed() throws Exception {
        SoundRef sound = importTone();
        String hash = sound.file().substring("sounds/".length(), sound.file().length() - 4);
        Files.writeString(dir.resolve("flow.json"), "{\"secret\": true}");
        // a well-formed name that the flow does not use
        String other = "0".repeat(64);
        Files.write(dir.resolve("sounds/" + other + ".wav"), Files.readAllBytes(dir.resolve(sound.file())));
        try (RunningServer running = new RunningServer(Flow.empty())) {
            running.engine.deploy(playFlow(sound.toValue()), dir);
            assertEquals(200, get(running, "/sounds/" + hash + ".wav").status());
            for (String path : List.of("/sounds/", "/sounds", "/sounds/../flow.json", "/sounds/%2e%2e/flow.json",
                    "/sounds/%2E%2E%2Fflow.json", "/sounds/..%2fflow.json", "/sounds/..%5cflow.json",
                    "/sounds/" + hash + ".WAV", "/sounds/" + hash, "/sounds/" + hash + ".wav/",
                    "/sounds/" + hash + ".wav%00", "/sounds/./" + hash + ".wav", "/sounds//" + hash + ".wav",
                    "/sounds/" + other + ".wav", "/sounds/" + hash.toUpperCase() + ".wav")) {
                RawHttp.Answer a = get(running, path);
                // Jetty itself refuses encoded dot segments, separators and empty segments as ambiguous (400)
                boolean ambiguous = path.toLowerCase(java.util.Locale.ROOT).matches(".*(%(2e|2f|5c|00)|//[0-9a-f]).*");
                assertTrue(a.status() == 404 || (ambiguous && a.status() == 400), path + " -> " + a.status());
                assertFalse(a.body().contains("secret"), path);
            }
        }
    }

    @Test
    void aMissingSoundLeavesTheCallGoingWithoutIt() throws Exception {
        SoundRef sound = importTone();
        Files.delete(dir.resolve(sound.file()));
        try (RunningServer running = new RunningServer(Flow.empty())) {
            running.engine.deploy(playFlow(sound.toValue()), dir);
            RawHttp.Answer answer = RawHttp.post(running.url(), "/sipgate", FORM, NEW_CALL);
            assertEquals(200, answer.status());
            assertFalse(answer.body().contains("<Play>"), answer.body());
            assertTrue(answer.body().contains("<Hangup"), answer.body());
        }
    }

    private static RawHttp.Answer get(RunningServer running, String path) throws IOException {
        return RawHttp.exchange(running.url(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n");
    }

    private SoundRef importTone() throws Exception {
        return TestTones.imported(dir, 22050, 0.5);
    }

    /** Incoming call, then a Play of the sound, then Hang up. */
    static Flow playFlow(Object sound) {
        return Flow.of("Sound", List.of(
                new FlowNode("in", "incomingCall", "", new Position(0, 0), Map.of("path", "/sipgate")),
                new FlowNode("hello", "play", "", new Position(0, 0), Map.of("url", sound)),
                new FlowNode("bye", "hangup", "", new Position(0, 0), Map.of())),
                List.of(new Wire("in", "call", "hello"), new Wire("hello", "next", "bye")));
    }
}
