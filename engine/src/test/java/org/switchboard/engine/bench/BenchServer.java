package org.switchboard.engine.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.switchboard.engine.server.ServerOptions;

/**
 * The ceiling for the load benchmark: Jetty with the same thread pool, connector and HTTP settings as
 * {@code SwitchboardServer}, whose non-blocking handler answers every request with one fixed XML document (the size
 * of the engine's newCall answer) without reading the body. {@code BenchServer bare PORT} prints {@code READY PORT}.
 */
public final class BenchServer {

    /** About what the engine answers to a newCall on the family menu. */
    static final String FIXED_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response "
            + "onAnswer=\"http://127.0.0.1:8080/cb/AAAAAAAAAAAAAAAAAAAAAA\" "
            + "onHangup=\"http://127.0.0.1:8080/cb/AAAAAAAAAAAAAAAAAAAAAA\"><Gather "
            + "onData=\"http://127.0.0.1:8080/cb/BBBBBBBBBBBBBBBBBBBBBB\" maxDigits=\"1\" timeout=\"5000\"><Play>"
            + "<Url>https://example.com/sounds/family-menu.wav</Url></Play></Gather></Response>";

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        QueuedThreadPool threads = new QueuedThreadPool(ServerOptions.DEFAULT_MAX_THREADS, 2);
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        byte[] xml = FIXED_XML.getBytes(StandardCharsets.UTF_8);
        HttpField type = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/xml; charset=UTF-8");
        jetty.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(type);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, xml.length);
                response.write(true, ByteBuffer.wrap(xml), callback);
                return true;
            }
        });
        jetty.start();
        System.out.println("READY " + connector.getLocalPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
