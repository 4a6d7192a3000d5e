package org.zhiban.directory.internal;

import static org.zhiban.shared.SqlTimes.instant;
import static org.zhiban.shared.SqlTimes.utc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each unit's quarterly directory reviews: owed, and when and by whom done. */
@Repository
public class ReviewRepository {

    private static final String COLUMNS = "unit_id, quarter, opens_at, due_at, citation, reviewed_at, reviewed_by, note";

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when another instance was first. */
    public void insert(ReviewRow row) {
        jdbc.sql("INSERT INTO directory_review (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)")
                .params(row.unitId(), row.quarter(), utc(row.opensAt()), utc(row.dueAt()), row.citation(),
                        utc(row.reviewedAt()), row.reviewedBy(), row.note())
                .update();
    }

    /** The units that already owe (or did) the quarter's review. */
    public List<UUID> unitsWith(String quarter) {
        return jdbc.sql("SELECT unit_id FROM directory_review WHERE quarter = ?").param(quarter)
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    /** A unit's reviews not yet done, the oldest first. */
    public List<ReviewRow> pending(UUID unitId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM directory_review WHERE unit_id = ? AND reviewed_at IS NULL "
                + "ORDER BY quarter FOR UPDATE").param(unitId).query(this::map).list();
    }

    /** A unit's reviews, the latest quarter first. */
    public List<ReviewRow> recent(UUID unitId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM directory_review WHERE unit_id = ? ORDER BY quarter DESC "
                + "FETCH FIRST ? ROWS ONLY").params(unitId, limit).query(this::map).list();
    }

    public void markReviewed(UUID unitId, String quarter, Instant at, String by, String note) {
        jdbc.sql("UPDATE directory_review SET reviewed_at = ?, reviewed_by = ?, note = ? WHERE unit_id = ? AND "
                + "quarter = ?").params(utc(at), by, note, unitId, quarter).update();
    }

    /** When each of the units last reviewed its directory; a unit that never did is absent. */
    public Map<UUID, Instant> lastReviewed(List<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT unit_id, MAX(reviewed_at) FROM directory_review WHERE unit_id IN (:units) "
                + "AND reviewed_at IS NOT NULL GROUP BY unit_id").param("units", unitIds)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), instant(rs, 2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private ReviewRow map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ReviewRow(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3), instant(rs, 4),
                rs.getString(5), instant(rs, 6), rs.getString(7), rs.getString(8));
    }

    public record ReviewRow(UUID unitId, String quarter, Instant opensAt, Instant dueAt, String citation,
            Instant reviewedAt, String reviewedBy, String note) {
    }
}
