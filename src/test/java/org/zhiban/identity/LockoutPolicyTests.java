package org.zhiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LockoutPolicyTests {

    private final LockoutPolicy policy = LockoutPolicy.of(new IdentityProperties(5, Duration.ofMinutes(30),
            Duration.ofHours(8), Duration.ofMinutes(30), Duration.ofHours(24)));

    private final Instant now = Instant.parse("2026-11-25T01:00:00Z");

    @Test
    void locksAfter_theFifthConsecutiveFailure() {
        assertThat(policy.locksAfter(4)).isFalse();
        assertThat(policy.locksAfter(5)).isTrue();
    }

    @Test
    void lockedUntil_thirtyMinutesLater() {
        assertThat(policy.lockedUntil(now)).isEqualTo(Instant.parse("2026-11-25T01:30:00Z"));
    }

    @Test
    void remembered_forgetsFailuresOlderThanADay() {
        assertThat(policy.remembered(4, now.minus(Duration.ofHours(23)), now)).isEqualTo(4);
        assertThat(policy.remembered(4, now.minus(Duration.ofHours(24)), now)).isZero();
        assertThat(policy.remembered(0, null, now)).isZero();
        assertThat(policy.forgottenBefore(now)).isEqualTo(now.minus(Duration.ofHours(24)));
    }
}
