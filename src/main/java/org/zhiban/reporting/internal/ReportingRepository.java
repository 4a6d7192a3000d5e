package org.zhiban.reporting.internal;

import static org.zhiban.shared.SqlTimes.instant;
import static org.zhiban.shared.SqlTimes.localDate;
import static org.zhiban.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.organization.Subtrees;
import org.zhiban.organization.Subtrees.Reach;
import org.zhiban.reporting.IncidentCategory;
import org.zhiban.reporting.ReportChannel;
import org.zhiban.reporting.ReportStage;
import org.zhiban.reporting.Severity;

/** Incidents and their reports, verification requests and their targets, holiday daily reports. */
@Repository
public class ReportingRepository {

    private static final String INCIDENT = "id, unit_id, superior_unit_id, skip_level, category, severity, title, place, "
            + "occurred_at, learned_at, casualties, losses, summary, created_by, created_by_name, created_at, closed_at";
    private static final String REPORT = "id, incident_id, seq, stage, channel, content, casualties, losses, disposal, "
            + "measures, instructions, public_opinion, outcome, cause, assessment, phone_taken_by, signer, filed_by, "
            + "filed_by_name, filed_at, received_by, received_by_name, received_at";
    private static final String REQUEST = "id, from_unit_id, subject, details, sent_by, sent_by_name, sent_at";
    private static final String TARGET = "id, request_id, unit_id, phone_content, phone_taken_by, phone_by_name, "
            + "phone_at, written_content, written_by_name, written_at";
    private static final String DAILY = "id, unit_id, report_day, kind, nil_report, content, filed_by, filed_by_name, "
            + "filed_at";

    private final JdbcClient jdbc;

    ReportingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Incidents and reports

    public void insert(IncidentRow i) {
        jdbc.sql("INSERT INTO incident (" + INCIDENT + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(i.id(), i.unitId(), i.superiorUnitId(), i.skipLevel(), i.category().name(),
                        i.severity().name(), i.title(), i.place(), utc(i.occurredAt()), utc(i.learnedAt()),
                        i.casualties(), i.losses(), i.summary(), i.createdBy(), i.createdByName(), utc(i.createdAt()),
                        null)
                .update();
    }

    public Optional<IncidentRow> incident(UUID id) {
        return jdbc.sql("SELECT " + INCIDENT + " FROM incident WHERE id = ?").param(id).query(this::mapIncident)
                .optional();
    }

    /** Incidents by id, in no particular order. */
    public List<IncidentRow> incidents(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + INCIDENT + " FROM incident WHERE id IN (:ids)").param("ids", ids)
                .query(this::mapIncident).list();
    }

    /** Locks the incident: the reports of one incident are numbered one at a time. */
    public Optional<IncidentRow> lockIncident(UUID id) {
        return jdbc.sql("SELECT " + INCIDENT + " FROM incident WHERE id = ? FOR UPDATE").param(id)
                .query(this::mapIncident).optional();
    }

    public void close(UUID incidentId, Instant at) {
        jdbc.sql("UPDATE incident SET closed_at = ? WHERE id = ?").params(utc(at), incidentId).update();
    }

    /** A unit's incidents learned of since {@code since}, newest first. */
    public List<IncidentRow> incidentsOf(UUID unitId, Instant since, int limit) {
        return jdbc.sql("SELECT " + INCIDENT + " FROM incident WHERE unit_id = ? AND learned_at >= ? "
                + "ORDER BY learned_at DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(unitId, utc(since)).query(this::mapIncident).list();
    }

    /**
     * The incidents a superior receives since {@code since}: those reported to it, and those of levels I/II reported
     * past their own superior from within its subtree (越级直报).
     */
    public List<IncidentRow> incidentsTo(UUID superiorUnitId, Instant since, int limit) {
        return jdbc.sql("SELECT " + INCIDENT + " FROM incident WHERE learned_at >= :since AND (superior_unit_id = :unit "
                + "OR (skip_level AND " + Reach.BELOW.condition("unit_id", ":unit") + ")) "
                + "ORDER BY learned_at DESC FETCH FIRST " + limit + " ROWS ONLY")
                .param("since", utc(since)).param("unit", superiorUnitId)
                .query(this::mapIncident).list();
    }

    /**
     * Incidents learned of since an instant below a unit, counted per direct subordinate over its whole subtree: all,
     * those of levels I and II, and those whose chain is not closed by a final report. One grouped query.
     */
    public List<IncidentCounts> incidentCountsPerChild(UUID unitId, Instant since) {
        return jdbc.sql("SELECT " + Subtrees.CHILD + ", COUNT(*), "
                + "SUM(CASE WHEN i.severity IN ('I', 'II') THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN i.closed_at IS NULL THEN 1 ELSE 0 END) FROM incident i"
                + Subtrees.rollUpToChildren("i.unit_id", ":unit") + "WHERE i.learned_at >= :since GROUP BY "
                + Subtrees.CHILD)
                .param("unit", unitId).param("since", utc(since))
                .query((rs, n) -> new IncidentCounts(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4)))
                .list();
    }

    public record IncidentCounts(UUID unitId, long incidents, long major, long open) {
    }

    public int nextSeq(UUID incidentId) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM incident_report WHERE incident_id = ?")
                .param(incidentId).query(Integer.class).single();
    }

    public void insert(ReportRow r) {
        jdbc.sql("INSERT INTO incident_report (" + REPORT + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.id(), r.incidentId(), r.seq(), r.stage().name(), r.channel().name(), r.content(),
                        r.casualties(), r.losses(), r.disposal(), r.measures(), r.instructions(), r.publicOpinion(),
                        r.outcome(), r.cause(), r.assessment(), r.phoneTakenBy(), r.signer(), r.filedBy(),
                        r.filedByName(), utc(r.filedAt()), null, null, null)
                .update();
    }

    public List<ReportRow> reports(UUID incidentId) {
        return jdbc.sql("SELECT " + REPORT + " FROM incident_report WHERE incident_id = ? ORDER BY seq")
                .param(incidentId).query(this::mapReport).list();
    }

    public List<ReportRow> reportsOf(List<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + REPORT + " FROM incident_report WHERE incident_id IN (:ids) ORDER BY incident_id, seq")
                .param("ids", incidentIds).query(this::mapReport).list();
    }

    /** Signs for a written report once: false when it was signed already or is not written. */
    public boolean sign(UUID reportId, UUID incidentId, String by, String byName, Instant at) {
        return jdbc.sql("UPDATE incident_report SET received_by = ?, received_by_name = ?, received_at = ? "
                + "WHERE id = ? AND incident_id = ? AND channel = 'WRITTEN' AND received_at IS NULL")
                .params(by, byName, utc(at), reportId, incidentId).update() == 1;
    }

    public long countAwaitingSignature(UUID superiorUnitId) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_report r JOIN incident i ON i.id = r.incident_id "
                + "WHERE i.superior_unit_id = ? AND r.channel = 'WRITTEN' AND r.received_at IS NULL")
                .param(superiorUnitId).query(Long.class).single();
    }

    /** Written reports to the superior not yet signed for, oldest first. */
    public List<ReportRow> awaitingSignature(UUID superiorUnitId, int limit) {
        return jdbc.sql("SELECT " + prefixed("r", REPORT) + " FROM incident_report r JOIN incident i ON i.id = r.incident_id "
                + "WHERE i.superior_unit_id = ? AND r.channel = 'WRITTEN' AND r.received_at IS NULL "
                + "ORDER BY r.filed_at FETCH FIRST " + limit + " ROWS ONLY")
                .param(superiorUnitId).query(this::mapReport).list();
    }

    // Verification requests

    public void insert(RequestRow r) {
        jdbc.sql("INSERT INTO verification_request (" + REQUEST + ") VALUES (?,?,?,?,?,?,?)")
                .params(r.id(), r.fromUnitId(), r.subject(), r.details(), r.sentBy(), r.sentByName(), utc(r.sentAt()))
                .update();
    }

    public void insert(TargetRow t) {
        jdbc.sql("INSERT INTO verification_target (" + TARGET + ") VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(t.id(), t.requestId(), t.unitId(), null, null, null, null, null, null, null).update();
    }

    public Optional<RequestRow> request(UUID id) {
        return jdbc.sql("SELECT " + REQUEST + " FROM verification_request WHERE id = ?").param(id)
                .query(this::mapRequest).optional();
    }

    public List<TargetRow> targets(UUID requestId) {
        return targetsOf(List.of(requestId));
    }

    public List<TargetRow> targetsOf(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + TARGET + " FROM verification_target WHERE request_id IN (:requests) ORDER BY id")
                .param("requests", requestIds).query(this::mapTarget).list();
    }

    /** Locks one target's row for its feedback. */
    public Optional<TargetRow> lockTarget(UUID requestId, UUID unitId) {
        return jdbc.sql("SELECT " + TARGET + " FROM verification_target WHERE request_id = ? AND unit_id = ? FOR UPDATE")
                .params(requestId, unitId).query(this::mapTarget).optional();
    }

    public void phoneFeedback(UUID targetId, String content, String takenBy, String byName, Instant at) {
        jdbc.sql("UPDATE verification_target SET phone_content = ?, phone_taken_by = ?, phone_by_name = ?, phone_at = ? "
                + "WHERE id = ?").params(content, takenBy, byName, utc(at), targetId).update();
    }

    public void writtenFeedback(UUID targetId, String content, String byName, Instant at) {
        jdbc.sql("UPDATE verification_target SET written_content = ?, written_by_name = ?, written_at = ? WHERE id = ?")
                .params(content, byName, utc(at), targetId).update();
    }

    public List<RequestRow> requestsFrom(UUID unitId, Instant since, int limit) {
        return jdbc.sql("SELECT " + REQUEST + " FROM verification_request WHERE from_unit_id = ? AND sent_at >= ? "
                + "ORDER BY sent_at DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(unitId, utc(since)).query(this::mapRequest).list();
    }

    public List<RequestRow> requestsTo(UUID unitId, Instant since, int limit) {
        return jdbc.sql("SELECT " + prefixed("q", REQUEST) + " FROM verification_request q JOIN verification_target t "
                + "ON t.request_id = q.id WHERE t.unit_id = ? AND q.sent_at >= ? "
                + "ORDER BY q.sent_at DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(unitId, utc(since)).query(this::mapRequest).list();
    }

    // Holiday daily reports

    /** Marks a day's daily-report obligations as opened; false when another instance did so first. */
    public boolean markDayOpened(LocalDate day, Instant at) {
        return jdbc.sql("INSERT INTO daily_report_day (report_day, opened_at) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM daily_report_day WHERE report_day = ?)").params(day, utc(at), day).update() == 1;
    }

    public void insert(DailyRow d) {
        jdbc.sql("INSERT INTO daily_report (" + DAILY + ") VALUES (?,?,?,?,?,?,?,?,?)")
                .params(d.id(), d.unitId(), d.day(), d.kind(), d.nil(), d.content(), d.filedBy(), d.filedByName(),
                        utc(d.filedAt()))
                .update();
    }

    public List<DailyRow> dailyReports(List<UUID> unitIds, LocalDate day) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + DAILY + " FROM daily_report WHERE unit_id IN (:units) AND report_day = :day "
                + "ORDER BY filed_at").param("units", unitIds).param("day", day).query(this::mapDaily).list();
    }

    private static String prefixed(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }

    private IncidentRow mapIncident(ResultSet rs, int n) throws SQLException {
        return new IncidentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getBoolean(4), IncidentCategory.valueOf(rs.getString(5)), Severity.valueOf(rs.getString(6)),
                rs.getString(7), rs.getString(8), instant(rs, 9), instant(rs, 10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), instant(rs, 16), instant(rs, 17));
    }

    private ReportRow mapReport(ResultSet rs, int n) throws SQLException {
        return new ReportRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                ReportStage.valueOf(rs.getString(4)), ReportChannel.valueOf(rs.getString(5)), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                rs.getString(17), rs.getString(18), rs.getString(19), instant(rs, 20), rs.getString(21),
                rs.getString(22), instant(rs, 23));
    }

    private RequestRow mapRequest(ResultSet rs, int n) throws SQLException {
        return new RequestRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7));
    }

    private TargetRow mapTarget(ResultSet rs, int n) throws SQLException {
        return new TargetRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7), rs.getString(8), rs.getString(9),
                instant(rs, 10));
    }

    private DailyRow mapDaily(ResultSet rs, int n) throws SQLException {
        return new DailyRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), localDate(rs, 3),
                rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9));
    }

    public record IncidentRow(UUID id, UUID unitId, UUID superiorUnitId, boolean skipLevel, IncidentCategory category,
            Severity severity, String title, String place, Instant occurredAt, Instant learnedAt, String casualties,
            String losses, String summary, String createdBy, String createdByName, Instant createdAt,
            Instant closedAt) {

        public IncidentRow closedAt(Instant at) {
            return new IncidentRow(id, unitId, superiorUnitId, skipLevel, category, severity, title, place, occurredAt,
                    learnedAt, casualties, losses, summary, createdBy, createdByName, createdAt, at);
        }
    }

    public record ReportRow(UUID id, UUID incidentId, int seq, ReportStage stage, ReportChannel channel, String content,
            String casualties, String losses, String disposal, String measures, String instructions,
            String publicOpinion, String outcome, String cause, String assessment, String phoneTakenBy, String signer,
            String filedBy, String filedByName, Instant filedAt, String receivedBy, String receivedByName,
            Instant receivedAt) {
    }

    public record RequestRow(UUID id, UUID fromUnitId, String subject, String details, String sentBy,
            String sentByName, Instant sentAt) {
    }

    public record TargetRow(UUID id, UUID requestId, UUID unitId, String phoneContent, String phoneTakenBy,
            String phoneByName, Instant phoneAt, String writtenContent, String writtenByName, Instant writtenAt) {
    }

    public record DailyRow(UUID id, UUID unitId, LocalDate day, String kind, boolean nil, String content,
            String filedBy, String filedByName, Instant filedAt) {
    }
}
