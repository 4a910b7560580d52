package org.switchboard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.sounds.TestTones;

/** Headless {@code run} serves the sounds in its flow file's folder at the URLs its answers name. */
class RunSoundsTest {

    private static final Pattern URL = Pattern.compile("<Url>([^<]+)</Url>");

    @TempDir
    Path dir;

    @Test
    void runServesTheSoundsBesideItsFlowFile() throws Exception {
        SoundRef sound = TestTones.imported(dir, 44100, 0.5);
        Path flowFile = dir.resolve("hello.json");
        FlowFiles.save(flowFile, Flow.of("Hello", List.of(
                new FlowNode("in", "incomingCall", "", new Position(0, 0), Map.of("path", "/sipgate",
                        "direction", "any")),
                new FlowNode("hello", "play", "", new Position(0, 0), Map.of("url", sound.toValue())),
                new FlowNode("bye", "hangup", "", new Position(0, 0), Map.of())),
                List.of(new Wire("in", "call", "hello"), new Wire("hello", "next", "bye"))));
        try (RunCommandTest.Running run = new RunCommandTest.Running("run", "--flow", flowFile.toString(), "--port",
                "0", "--no-reload")) {
            String url = run.awaitListening();
            assertTrue(run.out.toString().contains(flowFile + ": no problems"), run.out::toString);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + "/sipgate"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("event=newCall&direction=in&from=4930123456"
                            + "&to=4930654321&callId=r1")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = URL.matcher(answer.body());
            assertTrue(m.find(), answer.body());
            assertEquals(url + "/" + sound.file(), m.group(1));
            HttpResponse<byte[]> wav = client.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, wav.statusCode());
            assertArrayEquals(Files.readAllBytes(dir.resolve(sound.file())), wav.body());
        }
    }
}
