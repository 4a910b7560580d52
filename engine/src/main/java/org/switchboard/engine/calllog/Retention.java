package org.switchboard.engine.calllog;

import java.time.Duration;

/** How much of the call log is kept: calls newer than {@code maxAge}, and at most {@code maxCalls} of them. */
public record Retention(Duration maxAge, int maxCalls) {

    public static final Retention DEFAULT = new Retention(Duration.ofDays(90), 10_000);

    public Retention {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the call log's retention must be a positive time, got " + maxAge);
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("the call log must keep at least one call, got " + maxCalls);
        }
    }
}
