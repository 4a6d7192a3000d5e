package org.zhiban.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * Consecutive wrong passwords lock an account for a while (GB/T 22239-2019 8.1.4.1 b: 限制非法登录次数); while it is
 * locked even the right password is refused, and only the security administrator can unlock it early. A name that
 * matches no account counts and locks the same way, so that the answer tells nobody which usernames exist; failures
 * older than the memory are forgotten for both, so that the counts of unknown names can be pruned.
 */
record LockoutPolicy(int maxFailedAttempts, Duration lockoutDuration, Duration failureMemory) {

    static LockoutPolicy of(IdentityProperties properties) {
        return new LockoutPolicy(properties.maxFailedAttempts(), properties.lockoutDuration(),
                properties.failureMemory());
    }

    /** Whether this many consecutive failures lock the account. */
    boolean locksAfter(int consecutiveFailures) {
        return consecutiveFailures >= maxFailedAttempts;
    }

    Instant lockedUntil(Instant now) {
        return now.plus(lockoutDuration);
    }

    /** The failures counted so far, or none when the last of them lies longer ago than the memory. */
    int remembered(int failedAttempts, Instant lastFailedAt, Instant now) {
        return lastFailedAt != null && now.isBefore(lastFailedAt.plus(failureMemory)) ? failedAttempts : 0;
    }

    /** Before this instant a failure is forgotten. */
    Instant forgottenBefore(Instant now) {
        return now.minus(failureMemory);
    }
}
