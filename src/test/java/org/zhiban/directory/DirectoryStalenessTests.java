package org.zhiban.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DirectoryStalenessTests {

    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    @Test
    void anEntryNeitherReviewedNorChangedForMoreThanAQuarterIsStale() {
        assertThat(DutyDirectory.isStale(NOW.minus(Duration.ofDays(92)), NOW)).isFalse();
        assertThat(DutyDirectory.isStale(NOW.minus(Duration.ofDays(93)), NOW)).isTrue();
        assertThat(DutyDirectory.isStale(null, NOW)).as("never confirmed").isTrue();
    }
}
