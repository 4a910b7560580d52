package org.switchboard.engine.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * A total deadline for reading one request. Jetty's idle timeout restarts with every byte, so a client that sends
 * one byte of its head or body every few seconds would hold a connection for ever. Several times per deadline this
 * looks at every open connection of the connector: one whose parser has been in the middle of a request (its head
 * or its body, not between requests) since longer than the deadline is closed. A keep-alive connection between
 * requests is left to the idle timeout.
 */
final class ReadDeadline extends AbstractLifeCycle {

    private final ServerConnector connector;
    private final long deadlineNanos;
    private final long periodMillis;
    /** When each connection was first seen in the middle of its current request. */
    private final Map<EndPoint, Reading> reading = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    ReadDeadline(ServerConnector connector, Duration deadline) {
        this.connector = connector;
        this.deadlineNanos = deadline.toNanos();
        this.periodMillis = Math.max(50, Math.min(1000, deadline.toMillis() / 4));
    }

    @Override
    protected void doStart() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-read-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sweep, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        timer.shutdownNow();
        reading.clear();
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            reading.keySet().removeIf(endPoint -> !endPoint.isOpen());
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (!(endPoint.getConnection() instanceof HttpConnection http) || !midRequest(http.getParser())) {
                    reading.remove(endPoint);
                    continue;
                }
                long requests = http.getMessagesIn();
                Reading seen = reading.get(endPoint);
                if (seen == null || seen.requests() != requests) { // a request this sweep has not seen yet
                    reading.put(endPoint, new Reading(requests, now));
                    continue;
                }
                if (now - seen.sinceNanos() > deadlineNanos) {
                    reading.remove(endPoint);
                    endPoint.close(new TimeoutException("request not read within the deadline"));
                }
            }
        } catch (RuntimeException e) {
            // a connection that changed under the sweep; the next sweep looks again
        }
    }

    /**
     * Closes the connector's connections that are between requests (nothing of a next request read yet), so that a
     * stop waits only for requests in flight, not for idle keep-alive connections.
     */
    static void closeIdle(ServerConnector connector) {
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (endPoint.getConnection() instanceof HttpConnection http && http.getParser().isStart()) {
                endPoint.close();
            }
        }
    }

    private record Reading(long requests, long sinceNanos) {
    }

    private static boolean midRequest(HttpParser parser) {
        return !parser.isStart() && !parser.isClosed() && (parser.inHeaderState() || parser.inContentState());
    }
}
