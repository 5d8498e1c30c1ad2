package org.memberdesk.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand: expiry, rate limits and Wait steps without sleeping. */
public final class TestClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public TestClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    public TestClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public static TestClock at(String isoInstant) {
        return new TestClock(Instant.parse(isoInstant));
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
