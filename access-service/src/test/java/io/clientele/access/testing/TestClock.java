package io.clientele.access.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, moved forward by as much as a test asks, or stopped where a test wants it. */
public class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;
    private volatile Instant frozenAt;

    /** Stops the clock: it shows this instant (plus what it is advanced by) until reset. */
    public void freeze() {
        frozenAt = Instant.now();
    }

    public void advance(Duration duration) {
        ahead = ahead.plus(duration);
    }

    public void reset() {
        ahead = Duration.ZERO;
        frozenAt = null;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return (frozen != null ? frozen : Instant.now()).plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock is in UTC");
    }
}
