package org.zhiban.roster.internal;

import static org.zhiban.shared.SqlTimes.instant;
import static org.zhiban.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Calendar feeds by the hash of their secret token; revoked ones are kept so that the audit trail can name them. */
@Repository
public class CalendarFeedRepository {

    private static final String COLUMNS = "id, person_id, created_at, created_by, last_read_at, revoked_at";

    private final JdbcClient jdbc;

    CalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID personId, String tokenHash, Instant at, String by) {
        jdbc.sql("INSERT INTO duty_calendar_feed (id, person_id, token_hash, created_at, created_by) VALUES (?,?,?,?,?)")
                .params(id, personId, tokenHash, utc(at), by)
                .update();
    }

    public Optional<FeedRow> live(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duty_calendar_feed WHERE token_hash = ? AND revoked_at IS NULL")
                .params(tokenHash).query(this::map).optional();
    }

    public Optional<FeedRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duty_calendar_feed WHERE id = ?").params(id).query(this::map)
                .optional();
    }

    public List<FeedRow> ofPerson(UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duty_calendar_feed WHERE person_id = ? ORDER BY created_at DESC")
                .params(personId).query(this::map).list();
    }

    /** Revokes a live feed; false when it was revoked already, so that a second click changes nothing. */
    public boolean revoke(UUID id, Instant at, String by) {
        return jdbc.sql("UPDATE duty_calendar_feed SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(utc(at), by, id).update() == 1;
    }

    public void read(UUID id, Instant at) {
        jdbc.sql("UPDATE duty_calendar_feed SET last_read_at = ? WHERE id = ?").params(utc(at), id).update();
    }

    private FeedRow map(ResultSet rs, int row) throws SQLException {
        return new FeedRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), instant(rs, 3), rs.getString(4),
                instant(rs, 5), instant(rs, 6));
    }

    public record FeedRow(UUID id, UUID personId, Instant createdAt, String createdBy, Instant lastReadAt,
            Instant revokedAt) {
    }
}
