package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Sends pushes as sipgate would, over loopback (java.net.http to 127.0.0.1): a new call to the flow's webhook path,
 * then dtmf, answer and hangup to the callback URLs the answers gave.
 */
final class LoopbackSipgate {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ATTR = Pattern.compile("(onData|onAnswer|onHangup)=\"([^\"]+)\"");

    private final String base;

    /** @param base {@code http://127.0.0.1:PORT} of the running server */
    LoopbackSipgate(String base) {
        this.base = base;
    }

    /** {@code http://127.0.0.1:PORT} of the server it drives. */
    String base() {
        return base;
    }

    /** One call as sipgate drives it: its id, the last answer and the callback URLs sipgate got. */
    static final class Call {
        final String id;
        final String from;
        final Map<String, String> urls = new HashMap<>();
        String xml;
        /** The last answer's body, byte for byte as it came over the wire. */
        byte[] answered;

        Call(String id, String from) {
            this.id = id;
            this.from = from;
        }

        private void remember(byte[] body) {
            answered = body;
            String answer = new String(body, StandardCharsets.UTF_8);
            xml = answer;
            Matcher m = ATTR.matcher(answer);
            while (m.find()) {
                urls.put(m.group(1), m.group(2).replace("&amp;", "&"));
            }
        }
    }

    /** Runs the window's open flow through LiveRun's public API on a free port; pushes then go to it. */
    static LoopbackSipgate run(MainWindow window) throws Exception {
        var started = WaitForAsyncUtils.asyncFx(() -> window.liveRun().start(0, window.document().flow(), null));
        started.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return new LoopbackSipgate("http://127.0.0.1:" + window.liveRun().getStatus().port());
    }

    /** Waits (up to 10 s) until {@code ok} holds on the JavaFX thread. */
    static void waitFor(String what, BooleanSupplier ok) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            WaitForAsyncUtils.waitForFxEvents();
            if (WaitForAsyncUtils.asyncFx(ok::getAsBoolean).get()) {
                return;
            }
            Thread.sleep(30);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    Call newCall(String path, String id, String from) throws IOException, InterruptedException {
        Call c = new Call(id, from);
        c.remember(postBytes(base + path, "event", "newCall", "callId", id, "from", from, "to", "492115550100",
                "direction", "in"));
        return c;
    }

    void dtmf(Call c, String digits) throws IOException, InterruptedException {
        c.remember(postBytes(c.urls.get("onData"), "event", "dtmf", "callId", c.id, "dtmf", digits));
    }

    void answer(Call c) throws IOException, InterruptedException {
        post(c.urls.get("onAnswer"), "event", "answer", "callId", c.id, "from", c.from, "to", "492115550100",
                "direction", "in", "answeringNumber", "4916098765");
    }

    void hangup(Call c, String cause) throws IOException, InterruptedException {
        post(c.urls.get("onHangup"), "event", "hangup", "callId", c.id, "cause", cause, "from", c.from,
                "to", "492115550100", "direction", "in");
    }

    static String post(String url, String... kv) throws IOException, InterruptedException {
        return new String(postBytes(url, kv), StandardCharsets.UTF_8);
    }

    static byte[] postBytes(String url, String... kv) throws IOException, InterruptedException {
        assertTrue(url.startsWith("http://127.0.0.1:"), "tests only talk to 127.0.0.1: " + url);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(kv[i]).append('=')
                    .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return r.body();
    }
}
