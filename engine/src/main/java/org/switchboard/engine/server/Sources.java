package org.switchboard.engine.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;

/**
 * Who sent a request, for per-source limits: the client's address; for a connection from this machine that carries
 * {@code X-Forwarded-For} (a tunnel such as ngrok or a reverse proxy on this machine) the last address in that header,
 * the one the proxy added. A connection from this machine without it, or a request handed over inside this process,
 * is the local machine itself ({@link #LOCAL}),
 * which is trusted and never limited (local tests, benchmarks, the app). A proxy must therefore set
 * {@code X-Forwarded-For} for the limits to apply to the internet behind it; ngrok does by default.
 */
final class Sources {

    /** The local machine: not limited. */
    static final String LOCAL = "local";
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int MAX_SOURCE_CHARS = 45; // the longest IPv6 text form

    private Sources() {
    }

    static String of(Request request) {
        if (request.getConnectionMetaData().getConnector() instanceof LocalConnector) {
            return LOCAL; // handed over inside this process (SwitchboardServer.answerInProcess), no socket at all
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        InetAddress address = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
        if (address == null) {
            return LOCAL;
        }
        if (!address.isLoopbackAddress()) {
            return address.getHostAddress();
        }
        String forwarded = request.getHeaders().get(FORWARDED_FOR);
        if (forwarded == null || forwarded.isBlank()) {
            return LOCAL;
        }
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        return clean(last);
    }

    /** Keeps what an address may hold, so that a forged header cannot put anything else into a log line or a key. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_SOURCE_CHARS));
        for (int i = 0; i < text.length() && b.length() < MAX_SOURCE_CHARS; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':') {
                b.append(c);
            }
        }
        return b.length() == 0 ? "unknown" : b.toString();
    }

    /**
     * Token buckets by source: each source may take {@code perSecond} on average and {@code burst} at once. The table
     * is bounded: beyond {@code maxSources} it drops the buckets that are full again (idle sources), and while it is
     * still full, new sources share one bucket, so a flood of forged sources cannot grow memory.
     */
    static final class Limiter {
        private final double perNano;
        private final int burst;
        private final int maxSources;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final Bucket overflow;

        Limiter(double perSecond, int burst, int maxSources) {
            this.perNano = perSecond / 1e9;
            this.burst = burst;
            this.maxSources = maxSources;
            this.overflow = new Bucket(burst, System.nanoTime());
        }

        /** Takes one from the source's bucket; false when it is empty. The local machine always may. */
        boolean tryTake(String source) {
            if (LOCAL.equals(source)) {
                return true;
            }
            long now = System.nanoTime();
            Bucket bucket = buckets.get(source);
            if (bucket == null) {
                if (buckets.size() >= maxSources) {
                    prune(now);
                }
                bucket = buckets.size() >= maxSources ? overflow
                        : buckets.computeIfAbsent(source, s -> new Bucket(burst, now));
            }
            return bucket.tryTake(now, perNano, burst);
        }

        /** Whether the source's bucket holds at least one, without taking it. */
        boolean hasRoom(String source) {
            if (LOCAL.equals(source)) {
                return true;
            }
            Bucket bucket = buckets.get(source);
            if (bucket == null) {
                return buckets.size() < maxSources || overflow.hasRoom(System.nanoTime(), perNano, burst);
            }
            return bucket.hasRoom(System.nanoTime(), perNano, burst);
        }

        private void prune(long now) {
            for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
                if (it.next().isFull(now, perNano, burst)) {
                    it.remove();
                }
            }
        }

        int sourcesForTest() {
            return buckets.size();
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized boolean tryTake(long now, double perNano, int burst) {
            refill(now, perNano, burst);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean hasRoom(long now, double perNano, int burst) {
            refill(now, perNano, burst);
            return tokens >= 1;
        }

        synchronized boolean isFull(long now, double perNano, int burst) {
            refill(now, perNano, burst);
            return tokens >= burst;
        }

        private void refill(long now, double perNano, int burst) {
            if (now > updated) {
                tokens = Math.min(burst, tokens + (now - updated) * perNano);
                updated = now;
            }
        }
    }
}
