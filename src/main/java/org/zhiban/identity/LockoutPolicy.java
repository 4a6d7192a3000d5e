package org.zhiban.identity;

import java.time.Instant;

/**
 * Consecutive wrong passwords lock an account for a while; while it is locked even the right password
 * is refused, and only the security administrator can unlock it early.
 */
record LockoutPolicy(int maxFailedAttempts, java.time.Duration lockoutDuration) {

    static LockoutPolicy of(IdentityProperties properties) {
        return new LockoutPolicy(properties.maxFailedAttempts(), properties.lockoutDuration());
    }

    /** Whether this many consecutive failures lock the account. */
    boolean locksAfter(int consecutiveFailures) {
        return consecutiveFailures >= maxFailedAttempts;
    }

    Instant lockedUntil(Instant now) {
        return now.plus(lockoutDuration);
    }
}
