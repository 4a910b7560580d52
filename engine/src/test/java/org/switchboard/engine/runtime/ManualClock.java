package org.switchboard.engine.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it, so tests about time never sleep. */
public final class ManualClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public ManualClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public ManualClock() {
        this(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ManualClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
