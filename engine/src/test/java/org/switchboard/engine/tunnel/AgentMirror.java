package org.switchboard.engine.tunnel;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A stand-in for ngrok's download server on 127.0.0.1: serves a zip holding one {@code ngrok} program (the
 * stand-in agent script), in slices with a pause between them ({@code sliceDelayMillis}) so that progress and Cancel
 * can be seen, or a fixed error status ({@link #refuseWith}).
 */
public final class AgentMirror implements AutoCloseable {

    private final HttpServer server;
    private final byte[] zip;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int refuseStatus;
    private volatile long sliceDelayMillis;

    public AgentMirror(Path agentScript) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("ngrok"));
            out.write(Files.readAllBytes(agentScript));
            out.closeEntry();
            // padding that does not compress, so that the download takes several slices
            byte[] padding = new byte[256 * 1024];
            new java.util.Random(11).nextBytes(padding);
            out.putNextEntry(new ZipEntry("LICENSE.txt"));
            out.write(padding);
            out.closeEntry();
        }
        zip = bytes.toByteArray();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ngrok.zip", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                if (refuseStatus != 0) {
                    exchange.sendResponseHeaders(refuseStatus, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/zip");
                exchange.sendResponseHeaders(200, zip.length);
                OutputStream out = exchange.getResponseBody();
                int slice = 16 * 1024;
                for (int i = 0; i < zip.length; i += slice) {
                    out.write(zip, i, Math.min(slice, zip.length - i));
                    out.flush();
                    if (sliceDelayMillis > 0) {
                        Thread.sleep(sliceDelayMillis);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away (cancelled)
            }
        });
        server.start();
    }

    /** The zip's address. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ngrok.zip";
    }

    public int size() {
        return zip.length;
    }

    public int requests() {
        return requests.get();
    }

    public void refuseWith(int status) {
        refuseStatus = status;
    }

    public void slowDown(long millisPerSlice) {
        sliceDelayMillis = millisPerSlice;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
