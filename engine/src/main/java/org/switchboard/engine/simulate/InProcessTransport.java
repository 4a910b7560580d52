package org.switchboard.engine.simulate;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpTester;
import org.switchboard.engine.server.SwitchboardServer;

/**
 * Hands each push to a server inside this process ({@link SwitchboardServer#answerInProcess}) as the raw HTTP/1.1
 * request a client would send ({@code Connection: close}, the URL's host in {@code Host}), and reads the raw answer:
 * the server parses, routes and answers it exactly as one from a socket, without a socket or an HTTP client.
 */
final class InProcessTransport implements Transport {

    private final SwitchboardServer server;

    InProcessTransport(SwitchboardServer server) {
        this.server = server;
    }

    @Override
    public Answer post(URI url, Map<String, String> headers, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpTester.Request request = HttpTester.newRequest();
        request.setMethod(HttpMethod.POST.asString());
        request.setURI(url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery());
        request.put(HttpHeader.HOST, url.getRawAuthority());
        headers.forEach(request::put);
        request.put(HttpHeader.CONNECTION, "close");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        HttpTester.Response response = HttpTester.parseResponse(server.answerInProcess(request.generate(), timeout));
        if (response == null || !response.isComplete()) {
            throw new IOException("The server's answer was cut off");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (HttpField field : response) {
            fields.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(field.getValue());
        }
        byte[] content = response.getContentBytes();
        return new Answer(response.getStatus(), fields,
                content == null ? "" : new String(content, StandardCharsets.UTF_8));
    }
}
