package org.zhiban.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The production clock: another clock's time truncated to the microsecond, the precision PostgreSQL and H2 keep, so
 * that a time written and read back compares equal with the clock's own. Not {@code Clock.tick(…, 1 µs)}: on Java 17
 * a tick clock finer than a millisecond divides by zero in {@code millis()}.
 */
public final class MicrosecondClock extends Clock {

    private final Clock source;

    public MicrosecondClock(Clock source) {
        this.source = source;
    }

    @Override
    public ZoneId getZone() {
        return source.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(source.withZone(zone));
    }

    @Override
    public Instant instant() {
        return source.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return source.millis();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MicrosecondClock clock && source.equals(clock.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode() ^ 1;
    }
}
