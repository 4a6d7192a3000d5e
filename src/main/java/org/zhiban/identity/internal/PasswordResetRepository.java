package org.zhiban.identity.internal;

import static org.zhiban.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Resets of platform administrators' passwords and their decisions. */
@Repository
public class PasswordResetRepository {

    private static final String COLUMNS = "r.id, r.account_id, t.username AS target, r.password_hash, r.requested_by, "
            + "q.username AS requester, r.requested_at, r.expires_at, r.status, d.username AS decider, r.decided_at";

    private static final String FROM = " FROM password_reset r JOIN account t ON t.id = r.account_id "
            + "JOIN account q ON q.id = r.requested_by LEFT JOIN account d ON d.id = r.decided_by";

    private final JdbcClient jdbc;

    PasswordResetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID accountId, String passwordHash, UUID requestedBy, Instant requestedAt,
            Instant expiresAt) {
        jdbc.sql("INSERT INTO password_reset (id, account_id, password_hash, requested_by, requested_at, expires_at, "
                + "status) VALUES (?,?,?,?,?,?,'PENDING')")
                .params(id, accountId, passwordHash, requestedBy, utc(requestedAt), utc(expiresAt))
                .update();
    }

    /** Marks the account's earlier pending resets as replaced and forgets their passwords; returns how many. */
    public int replacePending(UUID accountId) {
        return jdbc.sql("UPDATE password_reset SET status = 'REPLACED', password_hash = NULL "
                + "WHERE account_id = ? AND status = 'PENDING'")
                .param(accountId)
                .update();
    }

    /** Locks the reset until the transaction ends, so that two decisions cannot both take effect. */
    public Optional<ResetRow> lock(UUID id) {
        jdbc.sql("SELECT id FROM password_reset WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional();
        return find(id);
    }

    public Optional<ResetRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.id = ?").param(id).query(this::map).optional();
    }

    /** Records the decision and forgets the pending password: once applied it lives on the account only. */
    public void decide(UUID id, String status, UUID decidedBy, Instant at) {
        jdbc.sql("UPDATE password_reset SET status = ?, decided_by = ?, decided_at = ?, password_hash = NULL WHERE id = ?")
                .params(status, decidedBy, utc(at), id)
                .update();
    }

    /** Pending resets not yet expired, oldest first. */
    public List<ResetRow> pending(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.status = 'PENDING' AND r.expires_at > ? "
                + "ORDER BY r.requested_at")
                .param(utc(now)).query(this::map).list();
    }

    /** The account's latest reset, whatever became of it. */
    public Optional<ResetRow> latestOf(UUID accountId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.account_id = ? ORDER BY r.requested_at DESC "
                + "FETCH FIRST 1 ROWS ONLY")
                .param(accountId).query(this::map).optional();
    }

    private ResetRow map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new ResetRow(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("target"), rs.getString("password_hash"), rs.getObject("requested_by", UUID.class),
                rs.getString("requester"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getString("status"),
                rs.getString("decider"), decidedAt == null ? null : decidedAt.toInstant());
    }

    public record ResetRow(UUID id, UUID accountId, String username, String passwordHash, UUID requestedById,
            String requestedBy, Instant requestedAt, Instant expiresAt, String status, String decidedBy,
            Instant decidedAt) {
    }
}
