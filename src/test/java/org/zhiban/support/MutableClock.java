package org.zhiban.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.zhiban.shared.Zones;

/** A clock that tests move forward instead of sleeping. Starts at the real time of the test run. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    public static MutableClock startingNow() {
        return new MutableClock(Clock.systemUTC().instant().truncatedTo(ChronoUnit.MICROS), Zones.CHINA);
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
