package org.switchboard.engine.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.engine.runtime.FlowEngine;

/**
 * Serves the deployed flow's local sounds to sipgate at {@code /sounds/<sha-256>.wav} and hands every other request
 * to the next handler. The name is the content hash, so only a name of exactly that form that the deployed flow uses
 * (and that was there at deploy time) is answered; everything else under {@code /sounds/} is 404: no listing, no
 * other files, no way out of the folder. {@code GET} and {@code HEAD}, single byte ranges ({@code Range: bytes=...},
 * 206/416), {@code ETag}/{@code If-None-Match}; a name never changes its content, so answers may be cached for a
 * year. Files are kept in memory once read (up to {@value #CACHE_BYTES} bytes in all).
 */
final class SoundHandler extends Handler.Wrapper {

    static final String PREFIX = "/sounds/";
    private static final Logger LOG = LoggerFactory.getLogger(SoundHandler.class);
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.wav");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final long CACHE_BYTES = 64L * 1024 * 1024;
    private static final HttpField WAV_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "audio/wav");
    private static final HttpField CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
            "public, max-age=31536000, immutable");
    private static final HttpField RANGES = new PreEncodedHttpField(HttpHeader.ACCEPT_RANGES, "bytes");
    private static final HttpField ALLOW = new PreEncodedHttpField(HttpHeader.ALLOW, "GET, HEAD");

    private final FlowEngine engine;
    private final ConcurrentHashMap<Path, byte[]> cache = new ConcurrentHashMap<>();
    private final AtomicLong cached = new AtomicLong();

    SoundHandler(FlowEngine engine, Handler next) {
        super(next);
        this.engine = engine;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String raw = request.getHttpURI().getPath();
        if (raw == null || !raw.startsWith(PREFIX)) {
            return super.handle(request, response, callback);
        }
        try {
            serve(request, response, callback, raw.substring(PREFIX.length()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not serve sound {}: {}", raw, e.toString());
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                PlainErrors.write(response, callback, HttpStatus.NOT_FOUND_404, "Not found", false);
            }
        }
        return true;
    }

    private void serve(Request request, Response response, Callback callback, String name) throws IOException {
        Path file = NAME.matcher(name).matches() ? engine.localSounds().resolve(name) : null;
        if (file == null || !Files.isRegularFile(file)) {
            PlainErrors.write(response, callback, HttpStatus.NOT_FOUND_404, "Not found", false);
            return;
        }
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.getHeaders().put(ALLOW);
            PlainErrors.write(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method not allowed: use GET",
                    false);
            return;
        }
        byte[] bytes = bytes(file);
        String etag = "\"" + name.substring(0, name.length() - ".wav".length()) + "\"";
        var headers = response.getHeaders();
        headers.put(WAV_TYPE);
        headers.put(CACHE);
        headers.put(RANGES);
        headers.put(HttpHeader.ETAG, etag);
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return;
        }
        int from = 0;
        int to = bytes.length; // exclusive
        String range = request.getHeaders().get(HttpHeader.RANGE);
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                long[] r = range(m.group(1), m.group(2), bytes.length);
                if (r == null) {
                    headers.put(HttpHeader.CONTENT_RANGE, "bytes */" + bytes.length);
                    PlainErrors.write(response, callback, HttpStatus.RANGE_NOT_SATISFIABLE_416,
                            "Range not satisfiable", false);
                    return;
                }
                from = (int) r[0];
                to = (int) r[1];
                response.setStatus(HttpStatus.PARTIAL_CONTENT_206);
                headers.put(HttpHeader.CONTENT_RANGE, "bytes " + from + "-" + (to - 1) + "/" + bytes.length);
            } // several ranges or another unit: the whole file, as HTTP allows
        }
        if (response.getStatus() == 0) {
            response.setStatus(HttpStatus.OK_200);
        }
        headers.put(HttpHeader.CONTENT_LENGTH, to - from);
        response.write(true, head ? null : ByteBuffer.wrap(bytes, from, to - from), callback);
    }

    /** {@code [from, to)} of a single range, or {@code null} when it is not satisfiable. */
    private static long[] range(String first, String last, int length) {
        try {
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                return suffix == 0 || length == 0 ? null : new long[] {Math.max(0, length - suffix), length};
            }
            long from = Long.parseLong(first);
            long to = last.isEmpty() ? length - 1 : Math.min(Long.parseLong(last), length - 1);
            return from >= length || to < from ? null : new long[] {from, to + 1};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private byte[] bytes(Path file) throws IOException {
        byte[] known = cache.get(file);
        if (known != null) {
            return known;
        }
        byte[] read = Files.readAllBytes(file);
        if (cached.addAndGet(read.length) <= CACHE_BYTES) {
            cache.putIfAbsent(file, read);
        } else {
            cached.addAndGet(-read.length);
        }
        return read;
    }
}
