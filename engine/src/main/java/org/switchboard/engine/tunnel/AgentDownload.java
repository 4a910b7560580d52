package org.switchboard.engine.tunnel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.alexdlaird.http.DefaultHttpClient;
import com.github.alexdlaird.http.HttpClient;
import com.github.alexdlaird.http.HttpClientException;
import com.github.alexdlaird.http.Parameter;
import com.github.alexdlaird.http.Response;
import com.github.alexdlaird.ngrok.installer.NgrokCDNUrl;
import com.github.alexdlaird.ngrok.installer.NgrokInstaller;
import com.github.alexdlaird.ngrok.installer.NgrokVersion;

/**
 * Downloads the ngrok agent with java-ngrok's installer (it picks the zip for this system, unpacks it and makes the
 * program executable), reporting progress and able to be cancelled. The address of the zip is java-ngrok's CDN
 * address for this system unless {@code url} is given (a mirror, or a stand-in on 127.0.0.1 in tests); everything
 * else is the same code either way. One instance per download; {@link #cancel} may be called from any thread.
 */
public final class AgentDownload implements AgentLocator.Downloader {

    /** Bytes so far and in all ({@code -1} when the server did not say), called on the downloading thread. */
    @FunctionalInterface
    public interface Progress {
        void bytes(long done, long total);
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String url;
    private final Progress progress;
    private volatile boolean cancelled;

    /**
     * @param url      where to fetch the agent's zip; {@code null} or blank for java-ngrok's CDN address
     * @param progress told about the bytes as they arrive; may be {@code null}
     */
    public AgentDownload(String url, Progress progress) {
        this.url = url == null || url.isBlank() ? null : url.strip();
        this.progress = progress == null ? (done, total) -> { } : progress;
    }

    /** Stops a running download; it then fails with "cancelled". */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void download(Path target) {
        NgrokInstaller installer = new NgrokInstaller(new Fetcher()) {
            @Override
            public NgrokCDNUrl getNgrokCDNUrl(NgrokVersion version) {
                return url == null ? super.getNgrokCDNUrl(version) : () -> url;
            }
        };
        installer.installNgrok(target);
        if (cancelled) {
            throw new IllegalStateException("cancelled");
        }
    }

    /** java-ngrok's HTTP client, except that a file download streams with progress and stops when cancelled. */
    private final class Fetcher implements HttpClient {

        private final HttpClient json = new DefaultHttpClient.Builder().build();

        @Override
        public <B> Response<B> get(String address, List<Parameter> parameters, Map<String, String> headers,
                                   Class<B> type) {
            return json.get(address, parameters, headers, type);
        }

        @Override
        public void get(String address, List<Parameter> parameters, Map<String, String> headers, Path dest,
                        int retries) throws InterruptedException {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(TIMEOUT)
                    .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(TIMEOUT).GET().build();
            Path part = dest.resolveSibling(dest.getFileName() + ".part");
            try {
                HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                if (answer.statusCode() != 200) {
                    answer.body().close();
                    throw new HttpClientException("the server answered HTTP " + answer.statusCode(), null, address,
                            answer.statusCode(), null);
                }
                long total = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
                copy(answer.body(), part, total);
                Files.move(part, dest, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new HttpClientException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                        e);
            } finally {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a left-over part file is overwritten next time
                }
            }
        }

        private void copy(InputStream body, Path part, long total) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long done = 0;
            progress.bytes(0, total);
            try (InputStream in = body; OutputStream out = Files.newOutputStream(part)) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (cancelled) {
                        throw new IOException("cancelled");
                    }
                    out.write(buffer, 0, n);
                    done += n;
                    progress.bytes(done, total);
                }
            }
        }

        @Override
        public <R, B> Response<B> post(String address, R request, List<Parameter> parameters,
                                       Map<String, String> headers, Class<B> type) {
            return json.post(address, request, parameters, headers, type);
        }

        @Override
        public <R, B> Response<B> put(String address, R request, List<Parameter> parameters,
                                      Map<String, String> headers, Class<B> type) {
            return json.put(address, request, parameters, headers, type);
        }

        @Override
        public <B> Response<B> delete(String address, List<Parameter> parameters, Map<String, String> headers,
                                      Class<B> type) {
            return json.delete(address, parameters, headers, type);
        }
    }
}
