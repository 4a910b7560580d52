package org.switchboard.engine.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.sounds.TestTones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code validate} with local sounds and {@code --check-sounds} against a real HTTP server on 127.0.0.1. */
class SoundCommandsTest extends EnglishCliTest {

    @TempDir
    Path dir;

    @Test
    void checkSoundsSaysInPlainWordsWhatIsWrongWithEachUrl() throws Exception {
        byte[] good = Files.readAllBytes(dir.resolve(TestTones.imported(dir, 8000, 0.5).file()));
        Path stereo = dir.resolve("stereo.wav");
        TestTones.write(stereo, 44100, 0.5);
        byte[] wrong = Files.readAllBytes(stereo);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/good.wav", ex -> answer(ex, 200, "audio/wav", good));
        http.createContext("/wrong.wav", ex -> answer(ex, 200, "audio/wav", wrong));
        http.createContext("/page.wav", ex -> answer(ex, 200, "text/html", "<html>hi</html>".getBytes()));
        http.start();
        try {
            String base = "http://127.0.0.1:" + http.getAddress().getPort();
            Flow flow = Flow.of("Urls", java.util.List.of(
                    play("good", base + "/good.wav"), play("wrong", base + "/wrong.wav"),
                    play("page", base + "/page.wav"), play("gone", base + "/gone.wav"),
                    play("closed", "http://127.0.0.1:" + closedPort + "/x.wav")), java.util.List.of());
            Path file = dir.resolve("urls.json");
            FlowFiles.save(file, flow);

            assertEquals(0, run("validate", file.toString()), out.toString());
            assertEquals(1, run("validate", "--check-sounds", file.toString()));
            String text = out.toString();
            assertFalse(text.contains("(good)"), text);
            assertTrue(text.contains("(wrong): Sound: The file at " + base + "/wrong.wav is not in sipgate's format: "
                    + "it is PCM, 16 bit, mono, 44100 Hz; sipgate needs PCM, 16 bit, mono, 8000 Hz."), text);
            assertTrue(text.contains("(page): Sound: The file at " + base + "/page.wav is not a WAV file (text/html)"),
                    text);
            assertTrue(text.contains("(gone): Sound: The address " + base + "/gone.wav answers with HTTP 404 "
                    + "(not found) instead of the sound."), text);
            assertTrue(text.contains("(closed): Sound: The address http://127.0.0.1:" + closedPort
                    + "/x.wav does not answer"), text);
            assertFalse(err.toString().contains("Exception"), err.toString());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aMissingLocalSoundIsAnErrorBeforeGoingLive() throws Exception {
        SoundRef sound = TestTones.imported(dir, 16000, 0.5);
        Path file = dir.resolve("local.json");
        FlowFiles.save(file, Flow.of("Local", java.util.List.of(play("hello", sound.toValue())),
                java.util.List.of()));
        assertEquals(0, run("validate", file.toString()), out.toString());
        // the path stays relative in the file
        assertTrue(Files.readString(file).contains("\"file\": \"" + sound.file() + "\""));
        Files.delete(dir.resolve(sound.file()));
        assertEquals(1, run("validate", file.toString()));
        assertTrue(out.toString().contains("the sound file " + sound.file() + " is missing beside the flow"),
                out.toString());
    }

    private static FlowNode play(String id, Object sound) {
        return new FlowNode(id, "play", "", new Position(0, 0), java.util.Map.of("url", sound));
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String type, byte[] body)
            throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
