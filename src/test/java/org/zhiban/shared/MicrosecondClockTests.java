package org.zhiban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class MicrosecondClockTests {

    private final Clock source = Clock.fixed(Instant.parse("2026-12-01T20:15:30.123456789Z"), Zones.CHINA);

    @Test
    void theInstantIsTruncatedToTheMicrosecondTheDatabasesKeep() {
        assertThat(new MicrosecondClock(source).instant()).isEqualTo(Instant.parse("2026-12-01T20:15:30.123456Z"));
    }

    /** The production clock once was {@code Clock.tick(…, 1 µs)}, whose millis() divides by zero on Java 17. */
    @Test
    void millisecondsAreReadWithoutFailing() {
        assertThat(new MicrosecondClock(source).millis()).isEqualTo(source.millis());
        assertThat(new RuntimeConfiguration().clock().millis()).isPositive();
    }

    @Test
    void anotherZoneKeepsTheTruncation() {
        Clock utc = new MicrosecondClock(source).withZone(ZoneOffset.UTC);
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(utc.instant()).isEqualTo(Instant.parse("2026-12-01T20:15:30.123456Z"));
    }
}
