package org.switchboard.engine.sounds;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.switchboard.engine.i18n.Messages;

/**
 * Checks a sound URL the way sipgate will use it: asks for the first bytes ({@code Range: bytes=0-255}), and says in
 * plain words when the address does not answer, answers with an error, or serves something that is not a WAV file in
 * sipgate's format (PCM, 16 bit, mono, 8 kHz), or that it is fine and what it holds. {@link #download} fetches the
 * whole sound (up to a size limit, within the time limit) so that it can be played as sipgate would play it.
 */
public final class UrlCheck {

    /** The largest sound {@link #download} takes: 10 minutes in sipgate's format is 9.6 MB. */
    public static final int MAX_DOWNLOAD = 10 * 1024 * 1024;

    private static final int HEAD = 256;
    private final HttpClient client;
    private final Duration timeout;
    private final Messages m;

    /** What a check found: {@code ok} and a sentence either way. */
    public record Result(boolean ok, String message) {
    }

    /** A check that answers in English. */
    public UrlCheck(Duration timeout) {
        this(timeout, Messages.ENGLISH);
    }

    /** A check that answers in the language of {@code m}. */
    public UrlCheck(Duration timeout, Messages m) {
        this.timeout = timeout;
        this.m = m;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** {@code null} when the URL serves a sipgate WAV, otherwise what is wrong, as one sentence. */
    public String problem(String url) {
        Result r = check(url);
        return r.ok() ? null : r.message();
    }

    /** Downloads the header and says what it found, in one sentence. */
    public Result check(String url) {
        try {
            Body head = fetch(url, "bytes=0-" + (HEAD - 1), HEAD);
            Wav.Info info = Wav.read(head.bytes(), head.bytes().length);
            String verdict = verdict(url, info, head.type());
            return verdict != null ? new Result(false, verdict) : new Result(true, m.get("sound.check.ok",
                    length(info)));
        } catch (SoundException e) {
            return new Result(false, e.getMessage());
        }
    }

    /**
     * The whole sound at the URL, when it is a WAV file in sipgate's format of at most {@code maxBytes}; otherwise a
     * {@link SoundException} that says in plain words why not.
     */
    public byte[] download(String url, int maxBytes) throws SoundException {
        Body all = fetch(url, null, maxBytes);
        String verdict = verdict(url, Wav.read(all.bytes(), Math.min(all.bytes().length, HEAD)), all.type());
        if (verdict != null) {
            throw new SoundException(verdict);
        }
        return all.bytes();
    }

    private record Body(byte[] bytes, String type) {
    }

    /** The body (at most {@code limit} bytes, else refused) of a GET, or the reason it failed, in plain words. */
    private Body fetch(String url, String range, int limit) throws SoundException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url.trim())).timeout(timeout).GET();
        } catch (IllegalArgumentException e) {
            throw new SoundException(m.get("sound.check.invalid", url));
        }
        if (range != null) {
            request.header("Range", range);
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean cutOff = new AtomicBoolean();
        try {
            HttpResponse<InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            // the request's timeout ends at the headers; a body that trickles is cut off at twice that
            CompletableFuture.delayedExecutor(timeout.toMillis() * 2, TimeUnit.MILLISECONDS).execute(() -> {
                if (done.compareAndSet(false, true)) {
                    cutOff.set(true);
                    closeQuietly(response.body());
                }
            });
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status != 200 && status != 206) {
                    throw new SoundException(status == 404 ? m.get("sound.check.notFound", url)
                            : m.get("sound.check.status", url, String.valueOf(status)));
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (range == null && declared > limit) {
                    throw tooLarge(url, declared, limit);
                }
                byte[] bytes = body.readNBytes(range == null ? limit + 1 : limit);
                if (range == null && bytes.length > limit) {
                    throw tooLarge(url, -1, limit);
                }
                return new Body(bytes, response.headers().firstValue("Content-Type").orElse("unknown type"));
            } finally {
                done.set(true);
            }
        } catch (HttpConnectTimeoutException e) {
            throw new SoundException(m.get("sound.check.noConnection", url, String.valueOf(timeout.toSeconds())));
        } catch (HttpTimeoutException e) {
            throw new SoundException(m.get("sound.check.noReply", url, String.valueOf(timeout.toSeconds())));
        } catch (ConnectException e) {
            throw new SoundException(m.get("sound.check.refused", url));
        } catch (IOException e) {
            throw new SoundException(cutOff.get() ? m.get("sound.check.cutOff", url,
                    String.valueOf(timeout.toSeconds() * 2)) : m.get("sound.check.failed", url, reason(e)));
        } catch (IllegalArgumentException e) {
            throw new SoundException(m.get("sound.check.failed", url, reason(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoundException(m.get("sound.check.interrupted", url));
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the download is given up either way
        }
    }

    private SoundException tooLarge(String url, long size, int limit) {
        String shown = size > 0 ? megabytes(size) : m.get("sound.check.moreThan", megabytes(limit));
        return new SoundException(m.get("sound.check.tooLarge", url, shown, megabytes(limit)));
    }

    private String megabytes(long bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB"
                : String.format(m.locale(), "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** {@code null} when the header is a sipgate WAV, else what is wrong with the file at the URL. */
    private String verdict(String url, Wav.Info info, String type) {
        if (info == null) {
            return m.get("sound.check.notWav", url, type);
        }
        String mismatch = info.mismatch(m);
        return mismatch == null ? null : m.get("sound.check.format", url, mismatch);
    }

    private String length(Wav.Info info) {
        long bytes = info.dataBytes();
        if (bytes <= 0 || bytes >= 0xffffffffL) {
            return "";
        }
        return String.format(m.locale(), ", %.1f s", bytes / 2.0 / SoundConverter.RATE);
    }
}
