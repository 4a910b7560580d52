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
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Checks a sound URL the way sipgate will use it: asks for the first bytes ({@code Range: bytes=0-255}), and says in
 * plain words when the address does not answer, answers with an error, or serves something that is not a WAV file in
 * sipgate's format (PCM, 16 bit, mono, 8 kHz).
 */
public final class UrlCheck {

    private static final int HEAD = 256;
    private final HttpClient client;
    private final Duration timeout;

    public UrlCheck(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** {@code null} when the URL serves a sipgate WAV, otherwise what is wrong, as one sentence. */
    public String problem(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return "The address " + url + " is not a valid web address.";
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).timeout(timeout).header("Range", "bytes=0-" + (HEAD - 1)).GET()
                    .build();
        } catch (IllegalArgumentException e) {
            return "The address " + url + " is not a valid web address.";
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status != 200 && status != 206) {
                    return "The address " + url + " answers with HTTP " + status + (status == 404
                            ? " (not found)" : "") + " instead of the sound.";
                }
                byte[] head = body.readNBytes(HEAD);
                Wav.Info info = Wav.read(head, head.length);
                if (info == null) {
                    String type = response.headers().firstValue("Content-Type").orElse("unknown type");
                    return "The file at " + url + " is not a WAV file (" + type + "); sipgate plays only WAV, PCM "
                            + "16 bit, mono, 8 kHz.";
                }
                String mismatch = info.mismatch();
                return mismatch == null ? null : "The file at " + url + " is not in sipgate's format: " + mismatch
                        + ".";
            }
        } catch (HttpConnectTimeoutException e) {
            return "The address " + url + " does not answer (no connection within " + timeout.toSeconds() + " s).";
        } catch (HttpTimeoutException e) {
            return "The address " + url + " does not answer (no reply within " + timeout.toSeconds() + " s).";
        } catch (ConnectException e) {
            return "The address " + url + " does not answer (connection refused).";
        } catch (IOException | UnresolvedAddressException e) {
            return "The address " + url + " does not answer (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + ").";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The check of " + url + " was interrupted.";
        }
    }
}
