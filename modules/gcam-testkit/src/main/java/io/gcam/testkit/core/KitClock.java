package io.gcam.testkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the kits move by hand. Thread-safe. */
final class KitClock extends Clock {

    private volatile Instant now;

    KitClock(Instant start) {
        this.now = start;
    }

    void advance(Duration duration) {
        synchronized (this) {
            now = now.plus(duration);
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the kit clock is always UTC");
    }
}
