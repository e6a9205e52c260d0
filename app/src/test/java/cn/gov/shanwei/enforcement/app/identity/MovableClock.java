package cn.gov.shanwei.enforcement.app.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand. */
public final class MovableClock extends Clock {

    Instant now = Instant.parse("2026-11-27T08:00:00Z");

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves the clock on by {@code time}. */
    public void advance(Duration time) {
        now = now.plus(time);
    }
}
