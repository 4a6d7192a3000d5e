package org.zhiban.identity.internal;

import static org.zhiban.shared.SqlTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failure counts of names that match no account, by the SHA-256 of the name. */
@Repository
public class LoginFailureRepository {

    private final JdbcClient jdbc;

    LoginFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The name's row, created if absent and locked until the transaction ends, so that concurrent attempts count
     * exactly as they do on an account's row.
     */
    public Failures lock(String nameHash, Instant now) {
        jdbc.sql("INSERT INTO login_failure (name_hash, failed_attempts, locked_until, last_failed_at) "
                + "VALUES (?, 0, NULL, ?) ON CONFLICT DO NOTHING")
                .params(nameHash, utc(now))
                .update();
        return jdbc.sql("SELECT failed_attempts, locked_until, last_failed_at FROM login_failure WHERE name_hash = ? "
                + "FOR UPDATE")
                .param(nameHash)
                .query((rs, n) -> {
                    OffsetDateTime lockedUntil = rs.getObject(2, OffsetDateTime.class);
                    return new Failures(rs.getInt(1), lockedUntil == null ? null : lockedUntil.toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant());
                })
                .single();
    }

    public void record(String nameHash, int failedAttempts, Instant lockedUntil, Instant at) {
        jdbc.sql("UPDATE login_failure SET failed_attempts = ?, locked_until = ?, last_failed_at = ? WHERE name_hash = ?")
                .params(failedAttempts, lockedUntil == null ? null : utc(lockedUntil), utc(at), nameHash)
                .update();
    }

    /** Removes rows whose failures are forgotten and whose lock has ended; returns how many. */
    public int prune(Instant forgottenBefore, Instant now) {
        return jdbc.sql("DELETE FROM login_failure WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until <= ?)")
                .params(utc(forgottenBefore), utc(now))
                .update();
    }

    public record Failures(int failedAttempts, Instant lockedUntil, Instant lastFailedAt) {

        public boolean isLockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }
}
