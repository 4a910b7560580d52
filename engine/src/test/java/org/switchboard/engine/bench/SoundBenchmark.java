package org.switchboard.engine.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.runtime.EngineOptions;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.server.ServerOptions;
import org.switchboard.engine.server.SwitchboardServer;
import org.switchboard.engine.sounds.SoundConverter;
import org.switchboard.engine.sounds.SoundStore;

/**
 * Sound conversion and serving figures for docs/benchmarks.md. Not a test; needs {@code lame}, {@code oggenc} and
 * {@code flac} (scripts/setup.sh --test). Run from {@code engine/} as
 * <pre>
 * java -Xmx256m -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
 *      org.switchboard.engine.bench.SoundBenchmark
 * </pre>
 * Conversion: a 3-minute stereo 44.1 kHz piece (a tone sweep under noise) as WAV, MP3 (128 kbit/s), OGG (q5) and
 * FLAC, each converted 5 times after one warm-up; CPU time of the converting thread (all decoding runs on it), median
 * and fastest, and the median wall time (which other load on the machine stretches). {@code conversion} or
 * {@code serving} as the argument runs only that part. Serving: a real server on loopback with
 * a flow that plays a local sound; pushes (newCall) on one keep-alive connection for 10 s alone, then 10 s while 4
 * more connections send HEAD and range requests for the sound at 2,000 requests/s in all; bursts of 200 sound
 * requests (half HEAD, half a 4 KB range) on 4 connections, timed.
 */
public final class SoundBenchmark {

    private static final int ROUNDS = 5;
    /** Each of the 4 sound clients sends 500 requests a second: 2,000/s in all, far more than calls ever need. */
    private static final long SOUND_INTERVAL_NANOS = 2_000_000;
    private static final String NEW_CALL = "event=newCall&direction=in&from=4930123456&to=4930654321&callId=b";

    private SoundBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("switchboard-sound-bench");
        String what = args.length > 0 ? args[0] : "all";
        if (!what.equals("serving")) {
            conversion(dir);
        }
        if (!what.equals("conversion")) {
            serving(dir);
        }
    }

    private static void conversion(Path dir) throws Exception {
        Path wav = dir.resolve("piece.wav");
        writePiece(wav, 44100, 180);
        Path mp3 = dir.resolve("piece.mp3");
        Path ogg = dir.resolve("piece.ogg");
        Path flac = dir.resolve("piece.flac");
        exec("lame", "--quiet", "-b", "128", wav.toString(), mp3.toString());
        exec("oggenc", "--quiet", "-q", "5", "-o", ogg.toString(), wav.toString());
        exec("flac", "--silent", "-f", "-o", flac.toString(), wav.toString());
        System.out.println("| input (3 min, stereo, 44.1 kHz) | file size | CPU median | CPU fastest | wall median |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Path p : List.of(wav, mp3, ogg, flac)) {
            SoundConverter.convert(p, SoundConverter.Options.DEFAULTS); // warm-up
            long[] ms = new long[ROUNDS];
            long[] cpu = new long[ROUNDS];
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < ROUNDS; i++) {
                long t = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                SoundConverter.convert(p, SoundConverter.Options.DEFAULTS);
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1_000_000;
                ms[i] = (System.nanoTime() - t) / 1_000_000;
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "| %s | %,d KB | %,d ms | %,d ms | %,d ms |%n", p.getFileName(),
                    Files.size(p) / 1024, cpu[ROUNDS / 2], cpu[0], ms[ROUNDS / 2]);
        }
    }

    private static void serving(Path dir) throws Exception {
        Path tone = dir.resolve("prompt.wav");
        writePiece(tone, 44100, 10);
        SoundRef sound = SoundStore.importFile(dir, tone, SoundConverter.Options.DEFAULTS);
        Flow flow = Flow.of("bench", List.of(
                new FlowNode("in", "incomingCall", "", new Position(0, 0), Map.of("path", "/sipgate")),
                new FlowNode("p", "play", "", new Position(0, 0), Map.of("url", sound.toValue())),
                new FlowNode("h", "hangup", "", new Position(0, 0), Map.of())),
                List.of(new Wire("in", "call", "p"), new Wire("p", "next", "h")));
        try (FlowEngine engine = new FlowEngine(EngineOptions.defaults("http://127.0.0.1"));
             SwitchboardServer server = new SwitchboardServer(ServerOptions.defaults().withPort(0), engine)) {
            engine.deploy(flow, dir);
            server.start();
            String url = server.url();
            String soundPath = "/" + sound.file();
            pushes(url, 3, null, soundPath); // warm-up
            double alone = pushes(url, 10, null, soundPath);
            AtomicLong served = new AtomicLong();
            double together = pushes(url, 10, served, soundPath);
            System.out.printf(Locale.ROOT, "pushes alone: %,.0f/s; with sound requests alongside: %,.0f/s "
                    + "(%.0f %%), sound requests answered meanwhile: %,.0f/s%n", alone, together,
                    100 * together / alone, served.get() / 10.0);
            List<Long> bursts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                bursts.add(burst(url, soundPath, 200, 4));
            }
            bursts.sort(null);
            System.out.printf(Locale.ROOT, "200 sound requests (100 HEAD, 100 ranges) on 4 connections: median "
                    + "%.1f ms (%,.0f requests/s), fastest %.1f ms, slowest %.1f ms%n", bursts.get(10) / 1e6,
                    200 / (bursts.get(10) / 1e9), bursts.get(0) / 1e6, bursts.get(19) / 1e6);
        }
    }

    /** Pushes per second on one connection for {@code seconds}; with {@code served} set, 4 sound clients run too. */
    private static double pushes(String url, int seconds, AtomicLong served, String soundPath) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        if (served != null) {
            for (int i = 0; i < 4; i++) {
                int n = i;
                Thread t = new Thread(() -> {
                    try (Client c = new Client(url)) {
                        long next = System.nanoTime();
                        for (long k = n; !stop.get(); k++) {
                            c.exchange(soundRequest(soundPath, k));
                            served.incrementAndGet();
                            next += SOUND_INTERVAL_NANOS;
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.start();
                clients.add(t);
            }
        }
        long count = 0;
        byte[] body = NEW_CALL.getBytes(StandardCharsets.US_ASCII);
        byte[] push = ("POST /sipgate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n" + NEW_CALL)
                .getBytes(StandardCharsets.US_ASCII);
        try (Client c = new Client(url)) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                int status = c.exchange(push);
                if (status != 200) {
                    throw new IllegalStateException("push answered " + status);
                }
                count++;
            }
        }
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        return count / (double) seconds;
    }

    private static long burst(String url, String soundPath, int requests, int connections) throws Exception {
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try (Client c = new Client(url)) {
                    for (int k = n; k < requests; k += connections) {
                        int status = c.exchange(soundRequest(soundPath, k));
                        if (status != 200 && status != 206) {
                            throw new IllegalStateException("sound answered " + status);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return System.nanoTime() - start;
    }

    private static byte[] soundRequest(String path, long k) {
        String head = k % 2 == 0 ? "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                : "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=" + (k * 512 % 60000) + "-"
                        + (k * 512 % 60000 + 4095) + "\r\n\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }

    /** A keep-alive HTTP/1.1 connection that reads each answer's head and its Content-Length body (none for HEAD). */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Client(String url) throws IOException {
            URI uri = URI.create(url);
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            boolean head = request[0] == 'H';
            StringBuilder line = new StringBuilder();
            int status = -1;
            long length = 0;
            while (true) {
                line.setLength(0);
                int b;
                while ((b = in.read()) != '\n') {
                    if (b < 0) {
                        throw new IOException("connection closed");
                    }
                    if (b != '\r') {
                        line.append((char) b);
                    }
                }
                if (line.length() == 0) {
                    break;
                }
                String l = line.toString();
                if (status < 0) {
                    status = Integer.parseInt(l.substring(9, 12));
                } else if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Long.parseLong(l.substring(15).trim());
                }
            }
            if (!head) {
                in.skipNBytes(length);
            }
            return status;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A stereo piece: a slow sweep under noise, the right channel a little quieter. */
    private static void writePiece(Path file, int rate, int seconds) throws IOException {
        int n = rate * seconds;
        byte[] data = new byte[n * 4];
        Random r = new Random(1);
        double phase = 0;
        for (int i = 0; i < n; i++) {
            phase += 2 * Math.PI * (200 + 3000.0 * (i % (rate * 10)) / (rate * 10)) / rate;
            double v = 0.4 * Math.sin(phase) + 0.1 * (r.nextDouble() * 2 - 1);
            short left = (short) Math.round(v * 32767);
            short right = (short) Math.round(v * 0.8 * 32767);
            data[4 * i] = (byte) left;
            data[4 * i + 1] = (byte) (left >> 8);
            data[4 * i + 2] = (byte) right;
            data[4 * i + 3] = (byte) (right >> 8);
        }
        AudioFormat f = new AudioFormat(rate, 16, 2, true, false);
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(data), f, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    private static void exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IOException(cmd[0] + " failed");
        }
    }
}
