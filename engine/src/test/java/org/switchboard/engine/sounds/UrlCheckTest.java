package org.switchboard.engine.sounds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Check and the bounded download behind Listen for a URL, against an HTTP server on 127.0.0.1. */
class UrlCheckTest {

    @TempDir
    Path dir;

    private HttpServer http;
    private String base;
    private byte[] good;

    @BeforeEach
    void serve() throws Exception {
        good = Files.readAllBytes(dir.resolve(TestTones.imported(dir, 8000, 2.0).file()));
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/good.wav", ex -> answer(ex, good));
        http.createContext("/big.wav", ex -> answer(ex, new byte[64 * 1024]));
        http.createContext("/slow.wav", ex -> {
            ex.sendResponseHeaders(200, good.length);
            OutputStream body = ex.getResponseBody();
            body.write(good, 0, 100);
            body.flush();
            try {
                Thread.sleep(3000); // the rest never comes in time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    @Test
    void aGoodSoundIsOkAndTheCheckSaysWhatItHolds() {
        UrlCheck.Result r = new UrlCheck(Duration.ofSeconds(5)).check(base + "/good.wav");
        assertTrue(r.ok(), r.message());
        assertTrue(r.message().startsWith("The address answers with a WAV file in sipgate's format (PCM, 16 bit, "
                + "mono, 8000 Hz, "), r.message());
        double seconds = (good.length - Wav.HEADER) / 16000.0;
        assertTrue(r.message().endsWith(String.format(java.util.Locale.ROOT, "%.1f s).", seconds)), r.message());
    }

    @Test
    void theCheckSpeaksGermanToo() throws Exception {
        Path stereo = dir.resolve("stereo.wav");
        TestAudio.writePcm(stereo, TestAudio.sweep(44100, 0.2, 440, 440), 44100, 16, 2, true, false,
                javax.sound.sampled.AudioFileFormat.Type.WAVE);
        byte[] bytes = Files.readAllBytes(stereo);
        http.createContext("/stereo.wav", ex -> answer(ex, bytes));
        UrlCheck german = new UrlCheck(Duration.ofSeconds(5),
                org.switchboard.engine.i18n.Messages.forLocale(java.util.Locale.GERMAN));
        assertEquals("Die Datei unter " + base + "/stereo.wav hat nicht das Format von sipgate: es ist PCM, 16 Bit, "
                + "2 Kanäle, 44100 Hz; sipgate braucht PCM, 16 Bit, mono, 8000 Hz.", german.check(base + "/stereo.wav")
                .message());
        assertTrue(german.check(base + "/good.wav").message().startsWith("Die Adresse liefert eine WAV-Datei im "
                + "Format von sipgate (PCM, 16 Bit, mono, 8000 Hz, 2,0 s"), german.check(base + "/good.wav").message());
    }

    @Test
    void downloadGetsTheWholeSound() throws Exception {
        assertArrayEquals(good, new UrlCheck(Duration.ofSeconds(5)).download(base + "/good.wav",
                UrlCheck.MAX_DOWNLOAD));
    }

    @Test
    void downloadRefusesTooLargeAndNotSipgateAndTooSlow() {
        UrlCheck check = new UrlCheck(Duration.ofSeconds(1));
        SoundException big = assertThrows(SoundException.class, () -> check.download(base + "/big.wav", 16 * 1024));
        assertEquals("The file at " + base + "/big.wav is 64 KB; sipgate prompts are short (at most 16 KB here).",
                big.getMessage());
        SoundException notWav = assertThrows(SoundException.class, () -> check.download(base + "/big.wav",
                UrlCheck.MAX_DOWNLOAD));
        assertTrue(notWav.getMessage().contains("is not a WAV file"), notWav.getMessage());
        long start = System.nanoTime();
        SoundException slow = assertThrows(SoundException.class, () -> check.download(base + "/slow.wav",
                UrlCheck.MAX_DOWNLOAD));
        assertEquals("The address " + base + "/slow.wav did not send the whole sound within 2 s.",
                slow.getMessage());
        assertTrue(System.nanoTime() - start < 2_900_000_000L, "cut off at the limit, not when the server gives up");
        SoundException gone = assertThrows(SoundException.class, () -> check.download(base + "/gone.wav",
                UrlCheck.MAX_DOWNLOAD));
        assertEquals("The address " + base + "/gone.wav answers with HTTP 404 (not found) instead of the sound.",
                gone.getMessage());
        assertFalse(check.check("not a url").ok());
    }

    private static void answer(HttpExchange ex, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "audio/wav");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
