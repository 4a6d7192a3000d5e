package org.zhiban.supervision.internal;

import static org.zhiban.shared.SqlTimes.instant;
import static org.zhiban.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Duty consultations, the work reminders they sent and their acknowledgements, and the consultations owed. */
@Repository
public class ConsultationRepository {

    private static final String CONSULTATION = "id, organiser_unit_id, held_at, subject, period_key, period_name, "
            + "participants, risks, reminder, citation, recorded_at, recorded_by";
    private static final String REMINDER = "consultation_id, unit_id, position, acknowledged_at, acknowledged_by";

    private final JdbcClient jdbc;

    ConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ConsultationRow c) {
        jdbc.sql("INSERT INTO consultation (" + CONSULTATION + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(c.id(), c.organiserUnitId(), utc(c.heldAt()), c.subject(), c.periodKey(), c.periodName(),
                        c.participants(), c.risks(), c.reminder(), c.citation(), utc(c.recordedAt()), c.recordedBy())
                .update();
    }

    public void insert(ReminderRow r) {
        jdbc.sql("INSERT INTO consultation_reminder (" + REMINDER + ") VALUES (?,?,?,?,?)")
                .params(r.consultationId(), r.unitId(), r.position(), utc(r.acknowledgedAt()), r.acknowledgedBy())
                .update();
    }

    public Optional<ConsultationRow> find(UUID id) {
        return jdbc.sql("SELECT " + CONSULTATION + " FROM consultation WHERE id = ?").param(id)
                .query(ConsultationRepository::consultation).optional();
    }

    /** The consultations a unit held or was reminded by, newest first. */
    public List<ConsultationRow> of(UUID unitId, int offset, int limit) {
        return jdbc.sql("SELECT " + CONSULTATION + " FROM consultation c WHERE c.organiser_unit_id = ? OR EXISTS "
                + "(SELECT 1 FROM consultation_reminder r WHERE r.consultation_id = c.id AND r.unit_id = ?) "
                + "ORDER BY c.held_at DESC, c.id OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")
                .params(unitId, unitId).query(ConsultationRepository::consultation).list();
    }

    public List<ReminderRow> reminders(Collection<UUID> consultationIds) {
        if (consultationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + REMINDER + " FROM consultation_reminder WHERE consultation_id IN (:ids) "
                + "ORDER BY consultation_id, position").param("ids", consultationIds)
                .query(ConsultationRepository::reminder).list();
    }

    /** Acknowledges a reminder once; answers whether this call did it. */
    public boolean acknowledge(UUID consultationId, UUID unitId, Instant at, String by) {
        return jdbc.sql("UPDATE consultation_reminder SET acknowledged_at = ?, acknowledged_by = ? "
                + "WHERE consultation_id = ? AND unit_id = ? AND acknowledged_at IS NULL")
                .params(utc(at), by, consultationId, unitId).update() == 1;
    }

    /** Records the consultation owed before a period; a second record, here or on another instance, is refused. */
    public void insertOwed(UUID unitId, String periodKey, Instant at) {
        jdbc.sql("INSERT INTO consultation_owed (unit_id, period_key, opened_at) VALUES (?, ?, ?)")
                .params(unitId, periodKey, utc(at)).update();
    }

    public boolean owed(UUID unitId, String periodKey) {
        return jdbc.sql("SELECT COUNT(*) FROM consultation_owed WHERE unit_id = ? AND period_key = ?")
                .params(unitId, periodKey).query(Long.class).single() > 0;
    }

    /** Whether a unit already held the consultation for a period. */
    public boolean consulted(UUID unitId, String periodKey) {
        return jdbc.sql("SELECT COUNT(*) FROM consultation WHERE organiser_unit_id = ? AND period_key = ?")
                .params(unitId, periodKey).query(Long.class).single() > 0;
    }

    private static ConsultationRow consultation(ResultSet rs, int n) throws SQLException {
        return new ConsultationRow(rs.getObject("id", UUID.class), rs.getObject("organiser_unit_id", UUID.class),
                instant(rs, "held_at"), rs.getString("subject"), rs.getString("period_key"),
                rs.getString("period_name"), rs.getString("participants"), rs.getString("risks"),
                rs.getString("reminder"), rs.getString("citation"), instant(rs, "recorded_at"),
                rs.getString("recorded_by"));
    }

    private static ReminderRow reminder(ResultSet rs, int n) throws SQLException {
        return new ReminderRow(rs.getObject("consultation_id", UUID.class), rs.getObject("unit_id", UUID.class),
                rs.getInt("position"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"));
    }

    public record ConsultationRow(UUID id, UUID organiserUnitId, Instant heldAt, String subject, String periodKey,
            String periodName, String participants, String risks, String reminder, String citation,
            Instant recordedAt, String recordedBy) {
    }

    public record ReminderRow(UUID consultationId, UUID unitId, int position, Instant acknowledgedAt,
            String acknowledgedBy) {
    }
}
