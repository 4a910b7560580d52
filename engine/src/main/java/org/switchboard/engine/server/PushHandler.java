package org.switchboard.engine.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.engine.runtime.FlowEngine;
import org.switchboard.engine.runtime.PushOutcome;
import org.switchboard.engine.sipgate.BadPushException;
import org.switchboard.engine.sipgate.PushEvent;
import org.switchboard.engine.sipgate.PushParser;
import org.switchboard.engine.sipgate.SignatureVerifier;

/**
 * The one Jetty handler of the webhook server. Routes on the webhook listener (the one a tunnel forwards to):
 * {@code POST} on a deployed webhook path and {@code POST /cb/TOKEN} (sounds are {@link SoundHandler}'s); anything
 * else is 404, a known path with the wrong method 405. {@code GET /health} answers only on the local status
 * listener: tunnel traffic arrives from 127.0.0.1 like local traffic, so only the listener tells them apart. A push
 * is read without blocking into one byte array (bounded: a declared length over the limit is refused before reading, a
 * chunked body when it grows past it), its signature checked against those raw bytes when that is on, then parsed
 * and handed to the engine. It never blocks a thread (the engine only computes; RTCM calls run elsewhere), so Jetty
 * may run it on the thread that read the request, which saves a hand-off per push.
 *
 * <p>A non-form content type is answered with 415 before the body is read; a form body that cannot be a push is
 * 400 with the parser's one-line reason. Per source (see {@link Sources}) new calls and failed signature checks are
 * rate-limited (429), and so are push log lines. The status listener's {@code /health} gives details (live calls,
 * uptime, webhook paths, evictions, dropped log lines).
 */
final class PushHandler extends Handler.Abstract.NonBlocking {

    private static final Logger LOG = LoggerFactory.getLogger(PushHandler.class);
    private static final String CALLBACK_PREFIX = "/cb/";
    private static final String HEALTH = "/health";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    private static final HttpField XML_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE,
            "application/xml; charset=UTF-8");
    private static final HttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE,
            "application/json; charset=UTF-8");
    private static final HttpField ALLOW_POST = new PreEncodedHttpField(HttpHeader.ALLOW, "POST");
    private static final HttpField ALLOW_GET = new PreEncodedHttpField(HttpHeader.ALLOW, "GET, HEAD");
    private static final int INITIAL_BODY_CAPACITY = 512;

    private final FlowEngine engine;
    private final int maxBodyBytes;
    private final int maxFormFields;
    /** Checks every push's signature; null when off. Switched while serving (going online turns it on). */
    private volatile SignatureVerifier verifier;
    private static final HttpField TEXT_TYPE = PlainErrors.TEXT_PLAIN;
    private static final int MAX_SOURCES = 10_000;
    private static final long EVICTION_REPORT_NANOS = 1_000_000_000L;

    private final long startedAtNanos = System.nanoTime();
    private final PushLog pushLog = new PushLog(LOG);
    private final Sources.Limiter newCalls;
    private final Sources.Limiter failedSignatures;
    private final Sources.Limiter logLines;
    private final AtomicLong evictionsReported = new AtomicLong();
    private final AtomicLong evictionReportNanos = new AtomicLong(System.nanoTime() - EVICTION_REPORT_NANOS);
    /** The local status listener, the one place that answers {@code /health} with details; null when off. */
    private volatile Connector statusConnector;

    PushHandler(FlowEngine engine, ServerOptions options) {
        this.engine = engine;
        this.maxBodyBytes = options.maxBodyBytes();
        this.maxFormFields = options.maxFormFields();
        this.verifier = options.verifySignatures() ? options.signatureVerifier() : null;
        ServerLimits limits = options.limits();
        this.newCalls = new Sources.Limiter(limits.newCallsPerSecond(), limits.newCallBurst(), MAX_SOURCES);
        this.failedSignatures = new Sources.Limiter(limits.failedSignaturesPerSecond(),
                limits.failedSignatureBurst(), MAX_SOURCES);
        this.logLines = new Sources.Limiter(limits.logLinesPerSecond(), limits.logLineBurst(), MAX_SOURCES);
    }

    /** Turns the signature check on with {@code v}, or off with null; for pushes that arrive from now on. */
    void setVerifier(SignatureVerifier v) {
        this.verifier = v;
    }

    boolean verifiesSignatures() {
        return verifier != null;
    }

    void setStatusConnector(Connector connector) {
        this.statusConnector = connector;
    }

    /** Lines the push log dropped because its output blocked (for the status page and tests). */
    long droppedLogLines() {
        return pushLog.dropped();
    }

    /** Push lines are batched while the server runs (see {@link PushLog}). */
    @Override
    protected void doStart() throws Exception {
        pushLog.start();
        super.doStart();
    }

    /** Writes the last push lines once no push is being answered any more. */
    @Override
    protected void doStop() throws Exception {
        super.doStop();
        pushLog.stop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        try {
            Connector status = statusConnector;
            if (status != null && request.getConnectionMetaData().getConnector() == status) {
                status(request, response, callback, path);
                return true;
            }
            String token = null;
            if (path.startsWith(CALLBACK_PREFIX)) {
                token = path.substring(CALLBACK_PREFIX.length());
            } else if (!engine.isWebhookPath(path)) {
                refuse(request, response, callback, HttpStatus.NOT_FOUND_404, "Not found", path, start, false);
                return true;
            }
            if (!"POST".equals(request.getMethod())) {
                response.getHeaders().put(ALLOW_POST);
                refuse(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method not allowed: use POST",
                        path, start, false);
                return true;
            }
            String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            if (!isForm(contentType)) {
                refuse(request, response, callback, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415,
                        "Expected a form-encoded body (" + FORM_TYPE + "), got "
                        + (contentType == null ? "no content type" : clip(contentType)), path, start, false);
                return true;
            }
            long length = request.getLength();
            if (length > maxBodyBytes) {
                refuse(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(), path, start, true);
                return true;
            }
            String source = Sources.of(request);
            if (token == null && !newCalls.tryTake(source)) {
                refuse(request, response, callback, HttpStatus.TOO_MANY_REQUESTS_429,
                        "Too many new calls from this source; try again later", path, start, true);
                return true;
            }
            new Exchange(request, response, callback, path, token, contentType, length, start, source).read();
        } catch (Throwable e) { // never let Jetty answer (or log the URI with a token) on its own
            internalError(response, callback, path, e);
        }
        return true;
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        if (end < 0) {
            end = contentType.length();
        }
        return contentType.substring(0, end).trim().equalsIgnoreCase(FORM_TYPE);
    }

    private String tooLarge() {
        return "Body too large (limit " + maxBodyBytes + " bytes)";
    }

    /** One push in flight: collects the body chunk by chunk, then answers. */
    private final class Exchange implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final String path;
        private final String token;
        private final String contentType;
        private final long start;
        private final String source;
        private byte[] body;
        private int size;

        Exchange(Request request, Response response, Callback callback, String path, String token,
                 String contentType, long length, long start, String source) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.path = path;
            this.token = token;
            this.contentType = contentType;
            this.start = start;
            this.source = source;
            this.body = new byte[length >= 0 ? (int) length : INITIAL_BODY_CAPACITY];
        }

        /** Demand callback: more of the body may have arrived. */
        @Override
        public void run() {
            try {
                read();
            } catch (Throwable e) {
                internalError(response, callback, path, e);
            }
        }

        void read() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // the client went away or stalled; Jetty answers (or closes) through the error handler
                    Throwable failure = chunk.getFailure();
                    logPush(source, null, null, path, null, 0, start, "body not received: "
                            + failure.getClass().getSimpleName(), null);
                    callback.failed(failure);
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int n = bytes.remaining();
                if (n > 0) {
                    if (n > maxBodyBytes - size) {
                        chunk.release();
                        refuse(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(), path, start,
                                true);
                        return;
                    }
                    if (size + n > body.length) {
                        body = Arrays.copyOf(body, Math.min(maxBodyBytes, Math.max(size + n, body.length * 2)));
                    }
                    bytes.get(body, size, n);
                    size += n;
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    answer(size == body.length ? body : Arrays.copyOf(body, size));
                    return;
                }
            }
        }

        private void answer(byte[] raw) {
            SignatureVerifier verifier = PushHandler.this.verifier;
            if (verifier != null) {
                if (!failedSignatures.hasRoom(source)) { // refused before the costly check
                    refuse(request, response, callback, HttpStatus.TOO_MANY_REQUESTS_429,
                            "Too many failed signature checks from this source; try again later", path, start, true);
                    return;
                }
                if (!verifier.verify(raw, request.getHeaders().get(SignatureVerifier.HEADER))) {
                    failedSignatures.tryTake(source);
                    refuse(request, response, callback, HttpStatus.FORBIDDEN_403,
                            "Invalid or missing " + SignatureVerifier.HEADER, path, start, false);
                    return;
                }
            }
            if (fieldCount(raw) > maxFormFields) {
                refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, "Too many form fields (limit "
                        + maxFormFields + ")", path, start, false);
                return;
            }
            PushEvent push;
            try {
                push = PushParser.parse(raw, contentType);
            } catch (BadPushException e) {
                refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, e.getMessage(), path, start, false);
                return;
            }
            PushOutcome outcome = token == null ? engine.webhook(path, push) : engine.callback(token, push);
            if (outcome.ok()) {
                byte[] xml = outcome.xml().getBytes(StandardCharsets.UTF_8);
                response.setStatus(HttpStatus.OK_200);
                HttpFields.Mutable headers = response.getHeaders();
                headers.put(XML_TYPE);
                headers.put(HttpHeader.CONTENT_LENGTH, xml.length);
                response.write(true, ByteBuffer.wrap(xml), callback);
            } else {
                PlainErrors.write(response, callback, outcome.status(), outcome.reason(), false);
            }
            logPush(source, push.callId(), push.event(), path, outcome.answeringNode(), outcome.status(), start,
                    outcome.ok() ? null : outcome.reason(), outcome.ok() ? outcome.reason() : null);
            if (token == null) {
                reportEvictions();
            }
        }
    }

    /**
     * One line per push: {@code push callId=… event=… path=… node=… status=… micros=…}, then {@code source=…} for a
     * source other than the local machine, {@code reason="…"} for a refusal and {@code notes="…"} for what the walk
     * noted. Every value a client sent is escaped and shortened ({@link LogText}); a source over its log rate cap is
     * counted instead of logged. New fields go at the end, as {@code key=value} or quoted text.
     */
    private void logPush(String source, String callId, String event, String path, String node, int status,
                         long start, String reason, String notes) {
        if (!pushLog.enabled()) {
            return;
        }
        if (!logLines.tryTake(source)) {
            pushLog.capped();
            return;
        }
        long micros = (System.nanoTime() - start) / 1000;
        StringBuilder line = new StringBuilder(160).append("push");
        LogText.field(line, "callId", callId);
        LogText.field(line, "event", event);
        LogText.field(line, "path", redact(path));
        LogText.field(line, "node", node);
        line.append(" status=").append(status).append(" micros=").append(micros);
        if (!Sources.LOCAL.equals(source)) {
            LogText.field(line, "source", source);
        }
        LogText.text(line, "reason", reason);
        LogText.text(line, "notes", notes);
        pushLog.info(line.toString());
    }

    /** Says, at most once a second, that running calls were dropped because the store was full. */
    private void reportEvictions() {
        long evicted = engine.evictedCalls();
        long reported = evictionsReported.get();
        if (evicted == reported) {
            return;
        }
        long now = System.nanoTime();
        long last = evictionReportNanos.get();
        if (now - last < EVICTION_REPORT_NANOS || !evictionReportNanos.compareAndSet(last, now)
                || !evictionsReported.compareAndSet(reported, evicted)) {
            return;
        }
        pushLog.warn("call store full: " + (evicted - reported) + " running calls evicted (idle longest first; "
                + evicted + " since start, " + engine.activeCalls() + " running): their callbacks now answer 404");
    }

    /**
     * Counts the non-empty {@code &}-separated pairs, as the parser does, so that a limit below the parser's own
     * fixed one can be enforced without decoding anything.
     */
    private static int fieldCount(byte[] raw) {
        int count = 0;
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '&') {
                if (i > start) {
                    count++;
                }
                start = i + 1;
            }
        }
        return count;
    }

    private static boolean allowGet(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.getHeaders().put(ALLOW_GET);
            PlainErrors.write(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method not allowed: use GET",
                    false);
            return false;
        }
        return true;
    }

    /** The local status listener: {@code GET /health} with details, nothing else. */
    private void status(Request request, Response response, Callback callback, String path) {
        if (!path.equals(HEALTH)) {
            PlainErrors.write(response, callback, HttpStatus.NOT_FOUND_404, "Not found", false);
            return;
        }
        if (!allowGet(request, response, callback)) {
            return;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", "ok");
        status.put("activeCalls", engine.activeCalls());
        status.put("uptimeSeconds", (System.nanoTime() - startedAtNanos) / 1_000_000_000L);
        status.put("webhookPaths", engine.webhookPaths());
        status.put("evictedCalls", engine.evictedCalls());
        status.put("droppedLogLines", pushLog.dropped());
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the health answer", e);
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(JSON_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    private void refuse(Request request, Response response, Callback callback, int status, String reason,
                        String path, long start, boolean close) {
        PlainErrors.write(response, callback, status, reason, close);
        logPush(Sources.of(request), null, null, path, null, status, start, reason, null);
    }

    /**
     * A failure of this server's own code: answered 500 (or, once the answer has begun, the connection is aborted)
     * and logged through the push log with the path redacted. Never handed to Jetty as a failure while the answer
     * can still be written, because Jetty's own warning would name the whole request URI, callback token included.
     */
    private void internalError(Response response, Callback callback, String path, Throwable e) {
        pushLog.error("Internal error while answering a push on " + LogText.clean(redact(path), 200), e);
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("answer aborted"));
        } else {
            PlainErrors.write(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Internal error", true);
        }
    }

    /** A callback token is a credential: logs keep only its first four characters. */
    static String redact(String path) {
        if (path != null && path.startsWith(CALLBACK_PREFIX) && path.length() > CALLBACK_PREFIX.length() + 4) {
            return path.substring(0, CALLBACK_PREFIX.length() + 4) + "...";
        }
        return path;
    }

    private static String clip(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}]", "?").trim();
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "…";
    }

    /** Created on first use, so that a server that never answers {@code /health} never pays for Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PushHandler[maxBody=%d, signatures=%s]", maxBodyBytes, verifier != null);
    }
}
