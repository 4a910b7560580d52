package org.switchboard.engine.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Error answers of the webhook server: a short {@code text/plain} body holding one line. Also Jetty's error handler,
 * so that what Jetty refuses on its own (a broken request line, a URI or headers that are too long, a handler that
 * failed) gets the same kind of answer with the standard reason phrase, never an HTML page, a stack trace or an
 * exception message.
 */
final class PlainErrors extends ErrorHandler {

    static final HttpField TEXT_PLAIN = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE,
            "text/plain; charset=UTF-8");
    static final HttpField CLOSE = new PreEncodedHttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

    PlainErrors() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
        setShowMessageInTitle(false);
    }

    /** Writes {@code reason} as a one-line plain-text answer with the given status. */
    static void write(Response response, Callback callback, int status, String reason, boolean close) {
        byte[] body = bodyOf(reason);
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(TEXT_PLAIN);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        if (close) {
            headers.put(CLOSE);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** One line, whatever the reason holds; a reason never spans lines, so a log or a terminal stays readable. */
    static byte[] bodyOf(String reason) {
        String line = reason == null || reason.isBlank() ? "Error" : reason;
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            line = line.replaceAll("[\\r\\n]+", " ");
        }
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The standard phrase for a status that Jetty answers by itself (e.g. "URI Too Long"). */
    static String phrase(int status) {
        if (status == HttpStatus.INTERNAL_SERVER_ERROR_500) {
            return "Internal error";
        }
        if (status == HttpStatus.NOT_FOUND_404) {
            return "Not found";
        }
        String phrase = HttpStatus.getMessage(status);
        return phrase == null || phrase.isBlank() ? "Error " + status : phrase;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_STATUS) instanceof Integer code) {
            status = code;
        }
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        response.getHeaders().put(NO_STORE);
        write(response, callback, status, phrase(status), false);
        return true;
    }

    /** Used when Jetty cannot even build a request (bad request line, 414, 431). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(TEXT_PLAIN);
        return ByteBuffer.wrap(bodyOf(phrase(status)));
    }
}
