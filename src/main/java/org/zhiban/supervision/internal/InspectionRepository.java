package org.zhiban.supervision.internal;

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

/**
 * Phone spot checks, inspections (site visits, yearly inspections, talks, letters, reminders), rectification demands,
 * and the yearly inspection coverage read from them and from roll calls.
 */
@Repository
public class InspectionRepository {

    private static final String CHECK = "id, inspector_unit_id, unit_id, check_year, called_at, result, failed, "
            + "off_hours, rings, answered_by, on_roster, knew_leader, standard_greeting, notes, recorded_at, recorded_by";
    private static final String INSPECTION = "id, inspector_unit_id, unit_id, check_year, kind, held_at, findings, "
            + "recorded_at, recorded_by";
    private static final String RECTIFICATION = "id, issuer_unit_id, unit_id, spot_check_id, inspection_id, demand, "
            + "issued_at, issued_by, due_at, citation, report, reported_at, reported_by, status, decided_at, "
            + "decided_by, return_reason";

    /** Unit {@code u} checked by phone in the year by its parent; inspected by it; marked at one of its roll calls. */
    private static final String PHONE = "s.unit_id = u.id AND s.check_year = :year AND s.inspector_unit_id = u.parent_id";
    private static final String SITE = "i.unit_id = u.id AND i.check_year = :year AND i.inspector_unit_id = u.parent_id "
            + "AND i.kind IN (:kinds)";
    private static final String ROLL_CALL = "SELECT 1 FROM roll_call_unit rc JOIN roll_call r ON r.id = rc.roll_call_id "
            + "WHERE rc.unit_id = u.id AND r.organiser_unit_id = u.parent_id AND rc.result IS NOT NULL "
            + "AND r.starts_at >= :start AND r.starts_at < :end";

    private final JdbcClient jdbc;

    InspectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CheckRow c) {
        jdbc.sql("INSERT INTO spot_check (" + CHECK + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(c.id(), c.inspectorUnitId(), c.unitId(), c.year(), utc(c.calledAt()), c.result(), c.failed(),
                        c.offHours(), c.rings(), c.answeredBy(), c.onRoster(), c.knewLeader(), c.standardGreeting(), c.notes(),
                        utc(c.recordedAt()), c.recordedBy())
                .update();
    }

    public Optional<CheckRow> check(UUID id) {
        return jdbc.sql("SELECT " + CHECK + " FROM spot_check WHERE id = ?").param(id)
                .query(InspectionRepository::check).optional();
    }

    /** The checks a unit made or received, newest first. */
    public List<CheckRow> checksOf(UUID unitId, int offset, int limit) {
        return jdbc.sql("SELECT " + CHECK + " FROM spot_check WHERE inspector_unit_id = ? OR unit_id = ? "
                + "ORDER BY called_at DESC, id OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")
                .params(unitId, unitId).query(InspectionRepository::check).list();
    }

    public void insert(InspectionRow i) {
        jdbc.sql("INSERT INTO inspection (" + INSPECTION + ") VALUES (?,?,?,?,?,?,?,?,?)")
                .params(i.id(), i.inspectorUnitId(), i.unitId(), i.year(), i.kind(), utc(i.heldAt()), i.findings(),
                        utc(i.recordedAt()), i.recordedBy())
                .update();
    }

    /** The inspections a unit made or received, newest first. */
    public List<InspectionRow> inspectionsOf(UUID unitId, int offset, int limit) {
        return jdbc.sql("SELECT " + INSPECTION + " FROM inspection WHERE inspector_unit_id = ? OR unit_id = ? "
                + "ORDER BY held_at DESC, id OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")
                .params(unitId, unitId).query(InspectionRepository::inspection).list();
    }

    public Optional<InspectionRow> inspection(UUID id) {
        return jdbc.sql("SELECT " + INSPECTION + " FROM inspection WHERE id = ?").param(id)
                .query(InspectionRepository::inspection).optional();
    }

    public void insert(RectificationRow r) {
        jdbc.sql("INSERT INTO rectification (" + RECTIFICATION + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.id(), r.issuerUnitId(), r.unitId(), r.spotCheckId(), r.inspectionId(), r.demand(),
                        utc(r.issuedAt()), r.issuedBy(), utc(r.dueAt()), r.citation(), r.report(),
                        utc(r.reportedAt()), r.reportedBy(), r.status(), utc(r.decidedAt()), r.decidedBy(),
                        r.returnReason())
                .update();
    }

    public void update(RectificationRow r) {
        jdbc.sql("UPDATE rectification SET report = ?, reported_at = ?, reported_by = ?, status = ?, decided_at = ?, "
                + "decided_by = ?, return_reason = ? WHERE id = ?")
                .params(r.report(), utc(r.reportedAt()), r.reportedBy(), r.status(), utc(r.decidedAt()),
                        r.decidedBy(), r.returnReason(), r.id())
                .update();
    }

    public Optional<RectificationRow> lockRectification(UUID id) {
        return jdbc.sql("SELECT " + RECTIFICATION + " FROM rectification WHERE id = ? FOR UPDATE").param(id)
                .query(InspectionRepository::rectification).optional();
    }

    public Optional<RectificationRow> rectification(UUID id) {
        return jdbc.sql("SELECT " + RECTIFICATION + " FROM rectification WHERE id = ?").param(id)
                .query(InspectionRepository::rectification).optional();
    }

    /** The demands opened by the given spot checks or inspections. */
    public List<RectificationRow> rectificationsFor(List<UUID> sourceIds) {
        if (sourceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + RECTIFICATION + " FROM rectification WHERE spot_check_id IN (:ids) "
                + "OR inspection_id IN (:ids)")
                .param("ids", sourceIds).query(InspectionRepository::rectification).list();
    }

    /** The demands a unit issued or received, those still open first, then the newest. */
    public List<RectificationRow> rectificationsOf(UUID unitId, int limit) {
        return jdbc.sql("SELECT " + RECTIFICATION + " FROM rectification WHERE issuer_unit_id = ? OR unit_id = ? "
                + "ORDER BY CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END, issued_at DESC, id "
                + "FETCH FIRST " + limit + " ROWS ONLY")
                .params(unitId, unitId).query(InspectionRepository::rectification).list();
    }

    /**
     * Each direct subordinate of a superior with how often the superior checked it by phone and inspected it (the
     * covering kinds given) in a year, and whether it marked it at a roll call then, in the order of their names.
     */
    public List<CoverageRow> coverage(UUID superiorId, int year, List<String> coveringKinds, Instant yearStart,
            Instant yearEnd) {
        return jdbc.sql("SELECT u.id, u.name, u.duty_phone, "
                + "(SELECT COUNT(*) FROM spot_check s WHERE " + PHONE + ") AS phone, "
                + "(SELECT COUNT(*) FROM inspection i WHERE " + SITE + ") AS site, "
                + "CASE WHEN EXISTS (" + ROLL_CALL + ") THEN 1 ELSE 0 END AS roll_call "
                + "FROM unit u WHERE u.parent_id = :superior ORDER BY u.name, u.id")
                .param("year", year).param("superior", superiorId).param("kinds", coveringKinds)
                .param("start", utc(yearStart)).param("end", utc(yearEnd))
                .query((rs, n) -> new CoverageRow(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("duty_phone"), rs.getLong("phone"), rs.getLong("site"),
                        rs.getInt("roll_call") == 1))
                .list();
    }

    /**
     * For each direct subordinate of a superior that has units below it, how many of those its own office covered in
     * the year: the superior's summary one level further down, never a list.
     */
    public List<CoverageBelowRow> coverageBelow(UUID superiorId, int year, List<String> coveringKinds,
            Instant yearStart, Instant yearEnd) {
        return jdbc.sql("SELECT c.id, c.name, COUNT(*) AS units, SUM(CASE WHEN EXISTS (SELECT 1 FROM spot_check s "
                + "WHERE " + PHONE + ") OR EXISTS (SELECT 1 FROM inspection i WHERE " + SITE + ") OR EXISTS ("
                + ROLL_CALL + ") THEN 1 ELSE 0 END) AS covered "
                + "FROM unit c JOIN unit u ON u.parent_id = c.id WHERE c.parent_id = :superior "
                + "GROUP BY c.id, c.name ORDER BY c.name, c.id")
                .param("year", year).param("superior", superiorId).param("kinds", coveringKinds)
                .param("start", utc(yearStart)).param("end", utc(yearEnd))
                .query((rs, n) -> new CoverageBelowRow(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getInt("units"), rs.getInt("covered")))
                .list();
    }

    /**
     * A superior's direct subordinates in the order to call them: those it has not checked this year, then those it
     * never checked outside working hours (第二十八条 steps checks up on weeknights, weekends and holidays), then the
     * fewest checks, then the longest since the last.
     */
    public List<SuggestionRow> suggestions(UUID superiorId, int year, int limit) {
        return jdbc.sql("SELECT u.id, u.name, u.duty_phone, COUNT(s.id) AS checks, "
                + "SUM(CASE WHEN s.off_hours THEN 1 ELSE 0 END) AS off_hours_checks, MAX(s.called_at) AS last_called "
                + "FROM unit u LEFT JOIN spot_check s ON s.unit_id = u.id AND s.inspector_unit_id = ? "
                + "AND s.check_year = ? WHERE u.parent_id = ? GROUP BY u.id, u.name, u.duty_phone "
                + "ORDER BY CASE WHEN COUNT(s.id) = 0 THEN 0 ELSE 1 END, "
                + "CASE WHEN SUM(CASE WHEN s.off_hours THEN 1 ELSE 0 END) > 0 THEN 1 ELSE 0 END, COUNT(s.id), "
                + "MAX(s.called_at), u.name FETCH FIRST " + limit + " ROWS ONLY")
                .params(superiorId, year, superiorId)
                .query((rs, n) -> new SuggestionRow(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("duty_phone"), rs.getLong("checks"), rs.getLong("off_hours_checks"),
                        instant(rs, "last_called")))
                .list();
    }

    /** Records the coverage owed for a unit in a year; a second record, here or on another instance, is refused. */
    public void insertCoverageOwed(UUID superiorId, UUID unitId, int year, Instant at) {
        jdbc.sql("INSERT INTO coverage_owed (superior_unit_id, unit_id, check_year, opened_at) VALUES (?, ?, ?, ?)")
                .params(superiorId, unitId, year, utc(at)).update();
    }

    /** The units below a superior whose coverage of a year was recorded as owed. */
    public List<UUID> coverageOwed(UUID superiorId, int year) {
        return jdbc.sql("SELECT unit_id FROM coverage_owed WHERE superior_unit_id = ? AND check_year = ?")
                .params(superiorId, year).query(UUID.class).list();
    }

    private static CheckRow check(ResultSet rs, int n) throws SQLException {
        return new CheckRow(rs.getObject("id", UUID.class), rs.getObject("inspector_unit_id", UUID.class),
                rs.getObject("unit_id", UUID.class), rs.getInt("check_year"), instant(rs, "called_at"),
                rs.getString("result"), rs.getBoolean("failed"), rs.getBoolean("off_hours"),
                rs.getObject("rings", Integer.class),
                rs.getString("answered_by"), rs.getObject("on_roster", Boolean.class),
                rs.getObject("knew_leader", Boolean.class), rs.getObject("standard_greeting", Boolean.class),
                rs.getString("notes"), instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    private static InspectionRow inspection(ResultSet rs, int n) throws SQLException {
        return new InspectionRow(rs.getObject("id", UUID.class), rs.getObject("inspector_unit_id", UUID.class),
                rs.getObject("unit_id", UUID.class), rs.getInt("check_year"), rs.getString("kind"),
                instant(rs, "held_at"), rs.getString("findings"), instant(rs, "recorded_at"),
                rs.getString("recorded_by"));
    }

    private static RectificationRow rectification(ResultSet rs, int n) throws SQLException {
        return new RectificationRow(rs.getObject("id", UUID.class), rs.getObject("issuer_unit_id", UUID.class),
                rs.getObject("unit_id", UUID.class), rs.getObject("spot_check_id", UUID.class),
                rs.getObject("inspection_id", UUID.class), rs.getString("demand"), instant(rs, "issued_at"),
                rs.getString("issued_by"), instant(rs, "due_at"), rs.getString("citation"), rs.getString("report"),
                instant(rs, "reported_at"), rs.getString("reported_by"), rs.getString("status"),
                instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("return_reason"));
    }

    public record CheckRow(UUID id, UUID inspectorUnitId, UUID unitId, int year, Instant calledAt, String result,
            boolean failed, boolean offHours, Integer rings, String answeredBy, Boolean onRoster, Boolean knewLeader,
            Boolean standardGreeting, String notes, Instant recordedAt, String recordedBy) {
    }

    public record InspectionRow(UUID id, UUID inspectorUnitId, UUID unitId, int year, String kind, Instant heldAt,
            String findings, Instant recordedAt, String recordedBy) {
    }

    public record RectificationRow(UUID id, UUID issuerUnitId, UUID unitId, UUID spotCheckId, UUID inspectionId,
            String demand, Instant issuedAt, String issuedBy, Instant dueAt, String citation, String report,
            Instant reportedAt, String reportedBy, String status, Instant decidedAt, String decidedBy,
            String returnReason) {

        public RectificationRow reported(String text, Instant at, String by) {
            return new RectificationRow(id, issuerUnitId, unitId, spotCheckId, inspectionId, demand, issuedAt,
                    issuedBy, dueAt, citation, text, at, by, "REPORTED", null, null, null);
        }

        public RectificationRow decided(boolean accept, Instant at, String by, String reason) {
            return new RectificationRow(id, issuerUnitId, unitId, spotCheckId, inspectionId, demand, issuedAt,
                    issuedBy, dueAt, citation, report, reportedAt, reportedBy, accept ? "ACCEPTED" : "RETURNED", at,
                    by, reason);
        }
    }

    public record CoverageRow(UUID unitId, String unitName, String dutyPhone, long phoneChecks, long inspections,
            boolean rollCall) {

        public boolean covered() {
            return phoneChecks > 0 || inspections > 0 || rollCall;
        }
    }

    public record CoverageBelowRow(UUID unitId, String unitName, int units, int covered) {
    }

    public record SuggestionRow(UUID unitId, String unitName, String dutyPhone, long checks, long offHoursChecks,
            Instant lastCalled) {
    }
}
