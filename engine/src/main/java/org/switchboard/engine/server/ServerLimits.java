package org.switchboard.engine.server;

import java.time.Duration;

/**
 * What the webhook server allows before it refuses, for a server reachable from the internet: at most
 * {@code maxConnections} open connections and {@code acceptQueue} waiting ones, a whole request (head and body) read
 * within {@code readDeadline} however slowly it drips in, and per source (see {@link Sources}) at most
 * {@code newCallsPerSecond} new calls (bursts up to {@code newCallBurst}), {@code failedSignaturesPerSecond} pushes
 * with a bad signature, and {@code logLinesPerSecond} push log lines. A stop lets requests in flight finish for up
 * to {@code stopGrace}. The local machine is never limited by source.
 */
public record ServerLimits(int maxConnections, int acceptQueue, Duration readDeadline, double newCallsPerSecond,
                           int newCallBurst, double failedSignaturesPerSecond, int failedSignatureBurst,
                           double logLinesPerSecond, int logLineBurst, Duration stopGrace) {

    public ServerLimits {
        if (maxConnections < 1 || acceptQueue < 1 || newCallBurst < 1 || failedSignatureBurst < 1
                || logLineBurst < 1) {
            throw new IllegalArgumentException("connection, queue and burst limits must be positive");
        }
        if (newCallsPerSecond <= 0 || failedSignaturesPerSecond <= 0 || logLinesPerSecond <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
        if (readDeadline == null || readDeadline.isNegative() || readDeadline.isZero()) {
            throw new IllegalArgumentException("readDeadline must be positive");
        }
        stopGrace = stopGrace == null ? Duration.ZERO : stopGrace;
    }

    /**
     * 1,000 connections, a queue of 1,024, 10 s to read a request; per source 20 new calls a second (bursts of 200:
     * far above what one sipgate account sends), 5 failed signature checks a second (bursts of 20), 200 log lines a
     * second (bursts of 1,000); 5 s for requests in flight at a stop.
     */
    public static ServerLimits defaults() {
        return new ServerLimits(1000, 1024, Duration.ofSeconds(10), 20, 200, 5, 20, 200, 1000,
                Duration.ofSeconds(5));
    }

    public ServerLimits withReadDeadline(Duration deadline) {
        return new ServerLimits(maxConnections, acceptQueue, deadline, newCallsPerSecond, newCallBurst,
                failedSignaturesPerSecond, failedSignatureBurst, logLinesPerSecond, logLineBurst, stopGrace);
    }

    public ServerLimits withNewCalls(double perSecond, int burst) {
        return new ServerLimits(maxConnections, acceptQueue, readDeadline, perSecond, burst,
                failedSignaturesPerSecond, failedSignatureBurst, logLinesPerSecond, logLineBurst, stopGrace);
    }

    public ServerLimits withFailedSignatures(double perSecond, int burst) {
        return new ServerLimits(maxConnections, acceptQueue, readDeadline, newCallsPerSecond, newCallBurst,
                perSecond, burst, logLinesPerSecond, logLineBurst, stopGrace);
    }

    public ServerLimits withLogLines(double perSecond, int burst) {
        return new ServerLimits(maxConnections, acceptQueue, readDeadline, newCallsPerSecond, newCallBurst,
                failedSignaturesPerSecond, failedSignatureBurst, perSecond, burst, stopGrace);
    }

    public ServerLimits withMaxConnections(int connections) {
        return new ServerLimits(connections, acceptQueue, readDeadline, newCallsPerSecond, newCallBurst,
                failedSignaturesPerSecond, failedSignatureBurst, logLinesPerSecond, logLineBurst, stopGrace);
    }
}
