package org.zhiban.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.zhiban.shared.Zones;

/** A clock that tests move forward instead of sleeping. */
public final class MutableClock extends Clock {

    public static final String START_PROPERTY = "zhiban.test.clock";

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /**
     * The suite's clock: from the instant the system property {@value #START_PROPERTY} names (ISO-8601 with offset,
     * e.g. {@code 2026-09-30T23:50:00+08:00}), or else from the real time of the run, so that running on any day (and
     * at chosen awkward instants, as CI does) shows whether a test depends on the day.
     */
    public static MutableClock startingNow() {
        String start = System.getProperty(START_PROPERTY, "").trim();
        Instant instant = start.isEmpty() ? Clock.systemUTC().instant() : OffsetDateTime.parse(start).toInstant();
        return new MutableClock(instant.truncatedTo(ChronoUnit.MICROS), Zones.CHINA);
    }

    /** Moves time forward, in whole microseconds as the databases keep them. */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration).truncatedTo(ChronoUnit.MICROS));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
