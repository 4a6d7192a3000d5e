package org.zhiban.identity.internal;

import static org.zhiban.shared.SqlTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, UUID accountId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO api_token (token_hash, account_id, issued_at, expires_at, last_used_at, revoked) "
                + "VALUES (?,?,?,?,?,FALSE)")
                .params(tokenHash, accountId, utc(issuedAt), utc(expiresAt), utc(issuedAt))
                .update();
    }

    public Optional<StoredToken> find(String tokenHash) {
        return jdbc.sql("SELECT account_id, expires_at, last_used_at, revoked FROM api_token WHERE token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> new StoredToken(rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getBoolean(4)))
                .optional();
    }

    public void touch(String tokenHash, Instant at) {
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?").params(utc(at), tokenHash).update();
    }

    public void revoke(String tokenHash) {
        jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE token_hash = ?").param(tokenHash).update();
    }

    public void revokeAll(UUID accountId) {
        jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE account_id = ?").param(accountId).update();
    }

    /** Removes tokens that can no longer be used, so the table stays small. */
    public int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM api_token WHERE expires_at < ? OR revoked = TRUE").param(utc(now)).update();
    }

    public record StoredToken(UUID accountId, Instant expiresAt, Instant lastUsedAt, boolean revoked) {
    }
}
