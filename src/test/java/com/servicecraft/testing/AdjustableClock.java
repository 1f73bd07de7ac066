package com.servicecraft.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The test server's clock: the system's UTC clock plus an offset that only moves forward, set
 * through {@link TestServer#advanceClock(Duration)}. The application receives it through
 * {@code ClockProducer.ATTRIBUTE}, so a test can let a quiz's time run out in a moment.
 */
final class AdjustableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** Moves time forward by {@code step}; returns the whole offset. */
    synchronized Duration advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + step);
        }
        offset = offset.plus(step);
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
