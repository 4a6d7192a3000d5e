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

/** Roll calls, the units called, and requests for video images. */
@Repository
public class SupervisionRepository {

    private static final String ROLL_CALL = "id, organiser_unit_id, starts_at, agenda, scheduled_at, scheduled_by, "
            + "ended_at, ended_by, version";
    private static final String CALLED = "roll_call_id, unit_id, position, online_at, online_by, leave_reason, "
            + "leave_requested_at, leave_requested_by, leave_decision, leave_decided_at, leave_decided_by, "
            + "leave_comment, result, marked_at, marked_by, officer_present, leader_present, log_in_order, note, "
            + "reported_at, reported_to, reported_by";
    private static final String VIDEO = "id, requester_unit_id, unit_id, subject, requested_at, requested_by, "
            + "pushed_at, pushed_by, stream";

    private final JdbcClient jdbc;

    SupervisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(RollCallRow r) {
        jdbc.sql("INSERT INTO roll_call (" + ROLL_CALL + ") VALUES (?,?,?,?,?,?,?,?,0)")
                .params(r.id(), r.organiserUnitId(), utc(r.startsAt()), r.agenda(), utc(r.scheduledAt()),
                        r.scheduledBy(), utc(r.endedAt()), r.endedBy())
                .update();
    }

    public void insert(CalledRow c) {
        jdbc.sql("INSERT INTO roll_call_unit (" + CALLED + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(c.rollCallId(), c.unitId(), c.position(), utc(c.onlineAt()), c.onlineBy(), c.leaveReason(),
                        utc(c.leaveRequestedAt()), c.leaveRequestedBy(), c.leaveDecision(), utc(c.leaveDecidedAt()),
                        c.leaveDecidedBy(), c.leaveComment(), c.result(), utc(c.markedAt()), c.markedBy(),
                        c.officerPresent(), c.leaderPresent(), c.logInOrder(), c.note(), utc(c.reportedAt()),
                        c.reportedTo(), c.reportedBy())
                .update();
    }

    public void update(CalledRow c) {
        jdbc.sql("UPDATE roll_call_unit SET online_at = ?, online_by = ?, leave_reason = ?, leave_requested_at = ?, "
                + "leave_requested_by = ?, leave_decision = ?, leave_decided_at = ?, leave_decided_by = ?, "
                + "leave_comment = ?, result = ?, marked_at = ?, marked_by = ?, officer_present = ?, "
                + "leader_present = ?, log_in_order = ?, note = ?, reported_at = ?, reported_to = ?, reported_by = ? "
                + "WHERE roll_call_id = ? AND unit_id = ?")
                .params(utc(c.onlineAt()), c.onlineBy(), c.leaveReason(), utc(c.leaveRequestedAt()),
                        c.leaveRequestedBy(), c.leaveDecision(), utc(c.leaveDecidedAt()), c.leaveDecidedBy(),
                        c.leaveComment(), c.result(), utc(c.markedAt()), c.markedBy(), c.officerPresent(),
                        c.leaderPresent(), c.logInOrder(), c.note(), utc(c.reportedAt()), c.reportedTo(),
                        c.reportedBy(), c.rollCallId(), c.unitId())
                .update();
    }

    /** The roll call, locked until the transaction ends, so that two marks of one call do not cross. */
    public Optional<RollCallRow> lock(UUID id) {
        return jdbc.sql("SELECT " + ROLL_CALL + " FROM roll_call WHERE id = ? FOR UPDATE").param(id)
                .query(SupervisionRepository::rollCall).optional();
    }

    public Optional<RollCallRow> rollCall(UUID id) {
        return jdbc.sql("SELECT " + ROLL_CALL + " FROM roll_call WHERE id = ?").param(id)
                .query(SupervisionRepository::rollCall).optional();
    }

    public void end(UUID id, Instant at, String by) {
        jdbc.sql("UPDATE roll_call SET ended_at = ?, ended_by = ?, version = version + 1 WHERE id = ?")
                .params(utc(at), by, id).update();
    }

    public List<CalledRow> called(UUID rollCallId) {
        return jdbc.sql("SELECT " + CALLED + " FROM roll_call_unit WHERE roll_call_id = ? ORDER BY position")
                .param(rollCallId).query(SupervisionRepository::called).list();
    }

    public List<CalledRow> called(List<UUID> rollCallIds) {
        if (rollCallIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + CALLED + " FROM roll_call_unit WHERE roll_call_id IN (:ids) ORDER BY position")
                .param("ids", rollCallIds).query(SupervisionRepository::called).list();
    }

    /** The roll calls a unit organised or was called to, the newest start first. */
    public List<RollCallRow> rollCallsOf(UUID unitId, int offset, int limit) {
        return jdbc.sql("SELECT " + ROLL_CALL + " FROM roll_call r WHERE r.organiser_unit_id = ? OR EXISTS "
                + "(SELECT 1 FROM roll_call_unit c WHERE c.roll_call_id = r.id AND c.unit_id = ?) "
                + "ORDER BY starts_at DESC, id OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")
                .params(unitId, unitId).query(SupervisionRepository::rollCall).list();
    }

    /** The roll calls a unit is called to, not ended and started after the given time, soonest first. */
    public List<RollCallRow> comingFor(UUID unitId, Instant startedAfter, int limit) {
        return jdbc.sql("SELECT " + ROLL_CALL.replaceAll("(^|, )", "$1r.") + " FROM roll_call r JOIN roll_call_unit c "
                + "ON c.roll_call_id = r.id WHERE c.unit_id = ? AND r.ended_at IS NULL AND r.starts_at > ? "
                + "ORDER BY r.starts_at, r.id FETCH FIRST " + limit + " ROWS ONLY")
                .params(unitId, utc(startedAfter)).query(SupervisionRepository::rollCall).list();
    }

    public void insert(VideoRow v) {
        jdbc.sql("INSERT INTO video_request (" + VIDEO + ") VALUES (?,?,?,?,?,?,?,?,?)")
                .params(v.id(), v.requesterUnitId(), v.unitId(), v.subject(), utc(v.requestedAt()), v.requestedBy(),
                        utc(v.pushedAt()), v.pushedBy(), v.stream())
                .update();
    }

    public Optional<VideoRow> lockVideo(UUID id) {
        return jdbc.sql("SELECT " + VIDEO + " FROM video_request WHERE id = ? FOR UPDATE").param(id)
                .query(SupervisionRepository::video).optional();
    }

    public Optional<VideoRow> video(UUID id) {
        return jdbc.sql("SELECT " + VIDEO + " FROM video_request WHERE id = ?").param(id)
                .query(SupervisionRepository::video).optional();
    }

    public void pushed(UUID id, Instant at, String by, String stream) {
        jdbc.sql("UPDATE video_request SET pushed_at = ?, pushed_by = ?, stream = ? WHERE id = ?")
                .params(utc(at), by, stream, id).update();
    }

    /** The requests a unit made or received, those still to push first, then the newest. */
    public List<VideoRow> videosOf(UUID unitId, int limit) {
        return jdbc.sql("SELECT " + VIDEO + " FROM video_request WHERE requester_unit_id = ? OR unit_id = ? "
                + "ORDER BY CASE WHEN pushed_at IS NULL THEN 0 ELSE 1 END, requested_at DESC, id "
                + "FETCH FIRST " + limit + " ROWS ONLY")
                .params(unitId, unitId).query(SupervisionRepository::video).list();
    }

    /** The requests a unit has still to push, the oldest first. */
    public List<VideoRow> unpushedFor(UUID unitId, int limit) {
        return jdbc.sql("SELECT " + VIDEO + " FROM video_request WHERE unit_id = ? AND pushed_at IS NULL "
                + "ORDER BY requested_at, id FETCH FIRST " + limit + " ROWS ONLY")
                .param(unitId).query(SupervisionRepository::video).list();
    }

    private static RollCallRow rollCall(ResultSet rs, int n) throws SQLException {
        return new RollCallRow(rs.getObject("id", UUID.class), rs.getObject("organiser_unit_id", UUID.class),
                instant(rs, "starts_at"), rs.getString("agenda"), instant(rs, "scheduled_at"),
                rs.getString("scheduled_by"), instant(rs, "ended_at"), rs.getString("ended_by"));
    }

    private static CalledRow called(ResultSet rs, int n) throws SQLException {
        return new CalledRow(rs.getObject("roll_call_id", UUID.class), rs.getObject("unit_id", UUID.class),
                rs.getInt("position"), instant(rs, "online_at"), rs.getString("online_by"),
                rs.getString("leave_reason"), instant(rs, "leave_requested_at"), rs.getString("leave_requested_by"),
                rs.getString("leave_decision"), instant(rs, "leave_decided_at"), rs.getString("leave_decided_by"),
                rs.getString("leave_comment"), rs.getString("result"), instant(rs, "marked_at"),
                rs.getString("marked_by"), rs.getObject("officer_present", Boolean.class),
                rs.getObject("leader_present", Boolean.class), rs.getObject("log_in_order", Boolean.class),
                rs.getString("note"), instant(rs, "reported_at"),
                rs.getString("reported_to"), rs.getString("reported_by"));
    }

    private static VideoRow video(ResultSet rs, int n) throws SQLException {
        return new VideoRow(rs.getObject("id", UUID.class), rs.getObject("requester_unit_id", UUID.class),
                rs.getObject("unit_id", UUID.class), rs.getString("subject"), instant(rs, "requested_at"),
                rs.getString("requested_by"), instant(rs, "pushed_at"), rs.getString("pushed_by"),
                rs.getString("stream"));
    }

    public record RollCallRow(UUID id, UUID organiserUnitId, Instant startsAt, String agenda, Instant scheduledAt,
            String scheduledBy, Instant endedAt, String endedBy) {
    }

    public record CalledRow(UUID rollCallId, UUID unitId, int position, Instant onlineAt, String onlineBy,
            String leaveReason, Instant leaveRequestedAt, String leaveRequestedBy, String leaveDecision,
            Instant leaveDecidedAt, String leaveDecidedBy, String leaveComment, String result, Instant markedAt,
            String markedBy, Boolean officerPresent, Boolean leaderPresent, Boolean logInOrder, String note,
            Instant reportedAt, String reportedTo, String reportedBy) {

        /** A leave request waiting for the organiser's answer. */
        public boolean leavePending() {
            return leaveRequestedAt != null && leaveDecision == null;
        }

        public CalledRow online(Instant at, String by) {
            return new CalledRow(rollCallId, unitId, position, at, by, leaveReason, leaveRequestedAt,
                    leaveRequestedBy, leaveDecision, leaveDecidedAt, leaveDecidedBy, leaveComment, result, markedAt,
                    markedBy, officerPresent, leaderPresent, logInOrder, note, reportedAt, reportedTo, reportedBy);
        }

        public CalledRow leaveRequested(String reason, Instant at, String by) {
            return new CalledRow(rollCallId, unitId, position, onlineAt, onlineBy, reason, at, by, null, null, null,
                    null, result, markedAt, markedBy, officerPresent, leaderPresent, logInOrder, note, reportedAt,
                    reportedTo, reportedBy);
        }

        public CalledRow leaveDecided(String decision, Instant at, String by, String comment) {
            return new CalledRow(rollCallId, unitId, position, onlineAt, onlineBy, leaveReason, leaveRequestedAt,
                    leaveRequestedBy, decision, at, by, comment, result, markedAt, markedBy, officerPresent,
                    leaderPresent, logInOrder, note, reportedAt, reportedTo, reportedBy);
        }

        public CalledRow marked(String mark, Instant at, String by, Boolean officer, Boolean leader, Boolean log,
                String markNote) {
            return new CalledRow(rollCallId, unitId, position, onlineAt, onlineBy, leaveReason, leaveRequestedAt,
                    leaveRequestedBy, leaveDecision, leaveDecidedAt, leaveDecidedBy, leaveComment, mark, at, by,
                    officer, leader, log, markNote, reportedAt, reportedTo, reportedBy);
        }

        public CalledRow reported(Instant at, String to, String by) {
            return new CalledRow(rollCallId, unitId, position, onlineAt, onlineBy, leaveReason, leaveRequestedAt,
                    leaveRequestedBy, leaveDecision, leaveDecidedAt, leaveDecidedBy, leaveComment, result, markedAt,
                    markedBy, officerPresent, leaderPresent, logInOrder, note, at, to, by);
        }
    }

    public record VideoRow(UUID id, UUID requesterUnitId, UUID unitId, String subject, Instant requestedAt,
            String requestedBy, Instant pushedAt, String pushedBy, String stream) {
    }
}
