package org.zhiban.instruction.internal;

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

/** Instructions, the units asked to act on them, their feedback and extensions. */
@Repository
public class InstructionRepository {

    private static final String INSTRUCTION = "id, unit_id, reg_year, seq, number, source, leader_name, leader_post, "
            + "given_at, received_at, registered_at, registered_by, registered_late, body, kind, incident_id, "
            + "previous_id, complex, due_at, citation, provisional, due_by_policy, version";
    private static final String ASSIGNMENT = "id, instruction_id, unit_id, assigner_unit_id, parent_id, lead, status, "
            + "forwarded_at, forwarded_by, feedback_due_at, feedback_citation, signed_at, signed_by, reported_at, "
            + "reported_to, reported_by, version";
    private static final String FEEDBACK = "id, assignment_id, stage, done, problems, next_steps, final_due_at, "
            + "filed_at, filed_by, late, decision, decided_at, decided_by, return_reason";
    private static final String ATTACHMENT = "id, instruction_id, assignment_id, unit_id, file_name, content_type, "
            + "size_bytes, sha256, uploaded_at, uploaded_by";
    private static final String EXTENSION = "id, assignment_id, requested_at, requested_by, reason, new_due_at, "
            + "decision, decided_at, decided_by, comment";

    /** Whether some unit asked to act still owes its feedback: the ledger's 未办结. */
    private static final String STILL_OPEN = "CASE WHEN EXISTS (SELECT 1 FROM instruction_assignment o "
            + "WHERE o.instruction_id = ? AND o.status NOT IN ('ACCEPTED', 'READ')) THEN TRUE ELSE FALSE END";

    private final JdbcClient jdbc;

    InstructionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next running number of a unit's year, the counter row locked until the transaction ends. */
    public int nextSeq(UUID unitId, int year) {
        jdbc.sql("INSERT INTO instruction_counter (unit_id, reg_year, last_seq) SELECT ?, ?, 0 FROM (VALUES (1)) one "
                + "WHERE NOT EXISTS (SELECT 1 FROM instruction_counter WHERE unit_id = ? AND reg_year = ?)")
                .params(unitId, year, unitId, year).update();
        int last = jdbc.sql("SELECT last_seq FROM instruction_counter WHERE unit_id = ? AND reg_year = ? FOR UPDATE")
                .params(unitId, year).query(Integer.class).single();
        jdbc.sql("UPDATE instruction_counter SET last_seq = ? WHERE unit_id = ? AND reg_year = ?")
                .params(last + 1, unitId, year).update();
        return last + 1;
    }

    public void insert(InstructionRow r) {
        jdbc.sql("INSERT INTO instruction (" + INSTRUCTION + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(r.id(), r.unitId(), r.year(), r.seq(), r.number(), r.source(), r.leaderName(), r.leaderPost(),
                        utc(r.givenAt()), utc(r.receivedAt()), utc(r.registeredAt()), r.registeredBy(),
                        r.registeredLate(), r.text(), r.kind(), r.incidentId(), r.previousId(), r.complex(),
                        utc(r.dueAt()), r.citation(), r.provisional(), r.dueByPolicy())
                .update();
    }

    /**
     * The instructions a unit must still act on (not yet fed back, or returned): those still to sign for first, then
     * the rest, each newest first.
     */
    public List<InstructionRow> awaiting(UUID unitId, int limit) {
        return jdbc.sql("SELECT " + INSTRUCTION.replaceAll("(^|, )", "$1i.") + " FROM instruction i JOIN "
                + "instruction_assignment a ON a.instruction_id = i.id WHERE a.unit_id = ? AND a.status IN "
                + "('FORWARDED', 'SIGNED', 'IN_PROGRESS', 'RETURNED') ORDER BY CASE WHEN a.status = 'FORWARDED' "
                + "THEN 0 ELSE 1 END, a.forwarded_at DESC, a.id "
                + "FETCH FIRST " + limit + " ROWS ONLY").params(unitId)
                .query(InstructionRepository::instructionRow).list();
    }

    /** Instructions whose deadline was counted from the policy on a provisional calendar. */
    public List<InstructionRow> provisionalByPolicy() {
        return jdbc.sql("SELECT " + INSTRUCTION + " FROM instruction WHERE provisional = TRUE AND due_by_policy = TRUE")
                .query(InstructionRepository::instructionRow).list();
    }

    /** The registering office's deadline, counted again. */
    public void recount(UUID id, Instant dueAt, boolean provisional) {
        jdbc.sql("UPDATE instruction SET due_at = ?, provisional = ?, version = version + 1 WHERE id = ?")
                .params(utc(dueAt), provisional, id).update();
    }

    public Optional<InstructionRow> instruction(UUID id) {
        return jdbc.sql("SELECT " + INSTRUCTION + " FROM instruction WHERE id = ?").param(id)
                .query(InstructionRepository::instructionRow).optional();
    }

    public void insert(AssignmentRow r) {
        jdbc.sql("INSERT INTO instruction_assignment (" + ASSIGNMENT + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(r.id(), r.instructionId(), r.unitId(), r.assignerUnitId(), r.parentId(), r.lead(), r.status(),
                        utc(r.forwardedAt()), r.forwardedBy(), utc(r.feedbackDueAt()), r.feedbackCitation(),
                        utc(r.signedAt()), r.signedBy(), utc(r.reportedAt()), r.reportedTo(), r.reportedBy())
                .update();
    }

    public List<AssignmentRow> assignments(UUID instructionId) {
        return assignments(List.of(instructionId));
    }

    /** The assignments of several instructions at once (a page of the ledger), in the order they were made. */
    public List<AssignmentRow> assignments(List<UUID> instructionIds) {
        if (instructionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ASSIGNMENT + " FROM instruction_assignment WHERE instruction_id IN (:ids) "
                + "ORDER BY forwarded_at, lead DESC, id").param("ids", instructionIds)
                .query(InstructionRepository::assignmentRow).list();
    }

    /** A unit's assignment on an instruction, locked for a change. */
    public Optional<AssignmentRow> lockAssignment(UUID instructionId, UUID unitId) {
        return jdbc.sql("SELECT " + ASSIGNMENT + " FROM instruction_assignment WHERE instruction_id = ? "
                + "AND unit_id = ? FOR UPDATE").params(instructionId, unitId)
                .query(InstructionRepository::assignmentRow).optional();
    }

    public void update(AssignmentRow r) {
        jdbc.sql("UPDATE instruction_assignment SET status = ?, feedback_due_at = ?, signed_at = ?, signed_by = ?, "
                + "reported_at = ?, reported_to = ?, reported_by = ?, version = version + 1 WHERE id = ?")
                .params(r.status(), utc(r.feedbackDueAt()), utc(r.signedAt()), r.signedBy(), utc(r.reportedAt()),
                        r.reportedTo(), r.reportedBy(), r.id())
                .update();
        jdbc.sql("UPDATE instruction_ledger SET still_open = " + STILL_OPEN + " WHERE instruction_id = ?")
                .params(r.instructionId(), r.instructionId()).update();
    }

    /**
     * Enters an instruction in the ledger of the registering office, of each unit asked to act, and of every unit
     * above either, where it is not yet; once the assignments are in (again after it is passed further down).
     */
    public void enterInLedger(InstructionRow r) {
        jdbc.sql("INSERT INTO instruction_ledger (unit_id, instruction_id, registered_at, still_open) "
                + "SELECT DISTINCT c.ancestor_id, ?, ?, " + STILL_OPEN + " FROM unit_closure c "
                + "WHERE (c.descendant_id = ? OR c.descendant_id IN "
                + "(SELECT unit_id FROM instruction_assignment WHERE instruction_id = ?)) AND NOT EXISTS "
                + "(SELECT 1 FROM instruction_ledger l WHERE l.unit_id = c.ancestor_id AND l.instruction_id = ?)")
                .params(r.id(), utc(r.registeredAt()), r.id(), r.unitId(), r.id(), r.id()).update();
    }

    public void insert(FeedbackRow r) {
        jdbc.sql("INSERT INTO instruction_feedback (" + FEEDBACK + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.id(), r.assignmentId(), r.stage(), r.done(), r.problems(), r.nextSteps(),
                        utc(r.finalDueAt()), utc(r.filedAt()), r.filedBy(), r.late(), r.decision(),
                        utc(r.decidedAt()), r.decidedBy(), r.returnReason())
                .update();
    }

    public List<FeedbackRow> feedback(List<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + FEEDBACK + " FROM instruction_feedback WHERE assignment_id IN (:ids) "
                + "ORDER BY filed_at, id").param("ids", assignmentIds).query(InstructionRepository::feedbackRow).list();
    }

    public void decide(UUID feedbackId, String decision, Instant at, String by, String reason) {
        jdbc.sql("UPDATE instruction_feedback SET decision = ?, decided_at = ?, decided_by = ?, return_reason = ? "
                + "WHERE id = ?").params(decision, utc(at), by, reason, feedbackId).update();
    }

    public void insert(ExtensionRow r) {
        jdbc.sql("INSERT INTO instruction_extension (" + EXTENSION + ") VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(r.id(), r.assignmentId(), utc(r.requestedAt()), r.requestedBy(), r.reason(),
                        utc(r.newDueAt()), r.decision(), utc(r.decidedAt()), r.decidedBy(), r.comment())
                .update();
    }

    public List<ExtensionRow> extensions(List<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + EXTENSION + " FROM instruction_extension WHERE assignment_id IN (:ids) "
                + "ORDER BY requested_at, id").param("ids", assignmentIds).query(InstructionRepository::extensionRow)
                .list();
    }

    /** Closes a unit's extension request still waiting for a decision: its feedback came, so it is moot. */
    public void lapseExtensions(UUID assignmentId, Instant at, String by) {
        jdbc.sql("UPDATE instruction_extension SET decision = 'LAPSED', decided_at = ?, decided_by = ? "
                + "WHERE assignment_id = ? AND decision IS NULL").params(utc(at), by, assignmentId).update();
    }

    public void decideExtension(UUID id, String decision, Instant at, String by, String comment) {
        jdbc.sql("UPDATE instruction_extension SET decision = ?, decided_at = ?, decided_by = ?, comment = ? "
                + "WHERE id = ?").params(decision, utc(at), by, comment, id).update();
    }

    /**
     * The instructions a unit registered or was asked to act on, or — for the ledger — that any unit of its subtree
     * registered or must act on (read from the ledger's rows, an index range however large the subtree); newest
     * first.
     */
    public List<InstructionRow> page(UUID unitId, boolean subtree, boolean openOnly, int offset, int limit) {
        String columns = INSTRUCTION.replaceAll("(^|, )", "$1i.");
        String paging = " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY";
        if (subtree) {
            return jdbc.sql("SELECT " + columns + " FROM instruction_ledger l JOIN instruction i ON i.id = "
                    + "l.instruction_id WHERE l.unit_id = :unit" + (openOnly ? " AND l.still_open = TRUE" : "")
                    + " ORDER BY l.registered_at DESC, l.instruction_id DESC" + paging)
                    .param("unit", unitId).param("offset", offset).param("limit", limit)
                    .query(InstructionRepository::instructionRow).list();
        }
        String open = openOnly ? " AND EXISTS (SELECT 1 FROM instruction_assignment o WHERE o.instruction_id = i.id "
                + "AND o.status NOT IN ('ACCEPTED', 'READ'))" : "";
        return jdbc.sql("SELECT " + columns + " FROM instruction i WHERE (i.unit_id = :unit OR EXISTS (SELECT 1 "
                + "FROM instruction_assignment a WHERE a.instruction_id = i.id AND a.unit_id = :unit))" + open
                + " ORDER BY i.registered_at DESC, i.id DESC" + paging)
                .param("unit", unitId).param("offset", offset).param("limit", limit)
                .query(InstructionRepository::instructionRow).list();
    }

    public void insert(AttachmentRow a, byte[] content) {
        jdbc.sql("INSERT INTO instruction_attachment (" + ATTACHMENT + ", content) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(a.id(), a.instructionId(), a.assignmentId(), a.unitId(), a.fileName(), a.contentType(),
                        a.size(), a.sha256(), utc(a.uploadedAt()), a.uploadedBy(), content)
                .update();
    }

    /** The files of several instructions, without their content, in the order they came. */
    public List<AttachmentRow> attachments(List<UUID> instructionIds) {
        if (instructionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ATTACHMENT + " FROM instruction_attachment WHERE instruction_id IN (:ids) "
                + "ORDER BY uploaded_at, id").param("ids", instructionIds)
                .query((rs, n) -> attachmentRow(rs)).list();
    }

    /** A file of an instruction with its content. */
    public Optional<StoredFile> attachment(UUID instructionId, UUID id) {
        return jdbc.sql("SELECT " + ATTACHMENT + ", content FROM instruction_attachment WHERE instruction_id = ? "
                + "AND id = ?").params(instructionId, id)
                .query((rs, n) -> new StoredFile(attachmentRow(rs), rs.getBytes("content"))).optional();
    }

    private static AttachmentRow attachmentRow(ResultSet rs) throws SQLException {
        return new AttachmentRow(rs.getObject("id", UUID.class), rs.getObject("instruction_id", UUID.class),
                rs.getObject("assignment_id", UUID.class), rs.getObject("unit_id", UUID.class),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), instant(rs, "uploaded_at"), rs.getString("uploaded_by"));
    }

    private static InstructionRow instructionRow(ResultSet rs, int n) throws SQLException {
        return new InstructionRow(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
                rs.getInt("reg_year"), rs.getInt("seq"), rs.getString("number"), rs.getString("source"),
                rs.getString("leader_name"), rs.getString("leader_post"), instant(rs, "given_at"),
                instant(rs, "received_at"), instant(rs, "registered_at"), rs.getString("registered_by"),
                rs.getBoolean("registered_late"), rs.getString("body"), rs.getString("kind"),
                rs.getObject("incident_id", UUID.class), rs.getObject("previous_id", UUID.class),
                rs.getBoolean("complex"), instant(rs, "due_at"), rs.getString("citation"),
                rs.getBoolean("provisional"), rs.getBoolean("due_by_policy"), rs.getInt("version"));
    }

    private static AssignmentRow assignmentRow(ResultSet rs, int n) throws SQLException {
        return new AssignmentRow(rs.getObject("id", UUID.class), rs.getObject("instruction_id", UUID.class),
                rs.getObject("unit_id", UUID.class), rs.getObject("assigner_unit_id", UUID.class),
                rs.getObject("parent_id", UUID.class), rs.getBoolean("lead"), rs.getString("status"),
                instant(rs, "forwarded_at"), rs.getString("forwarded_by"), instant(rs, "feedback_due_at"),
                rs.getString("feedback_citation"), instant(rs, "signed_at"), rs.getString("signed_by"),
                instant(rs, "reported_at"), rs.getString("reported_to"), rs.getString("reported_by"),
                rs.getInt("version"));
    }

    private static FeedbackRow feedbackRow(ResultSet rs, int n) throws SQLException {
        return new FeedbackRow(rs.getObject("id", UUID.class), rs.getObject("assignment_id", UUID.class),
                rs.getString("stage"), rs.getString("done"), rs.getString("problems"), rs.getString("next_steps"),
                instant(rs, "final_due_at"), instant(rs, "filed_at"), rs.getString("filed_by"), rs.getBoolean("late"),
                rs.getString("decision"), instant(rs, "decided_at"), rs.getString("decided_by"),
                rs.getString("return_reason"));
    }

    private static ExtensionRow extensionRow(ResultSet rs, int n) throws SQLException {
        return new ExtensionRow(rs.getObject("id", UUID.class), rs.getObject("assignment_id", UUID.class),
                instant(rs, "requested_at"), rs.getString("requested_by"), rs.getString("reason"),
                instant(rs, "new_due_at"), rs.getString("decision"), instant(rs, "decided_at"),
                rs.getString("decided_by"), rs.getString("comment"));
    }

    public record InstructionRow(UUID id, UUID unitId, int year, int seq, String number, String source,
            String leaderName, String leaderPost, Instant givenAt, Instant receivedAt, Instant registeredAt,
            String registeredBy, boolean registeredLate, String text, String kind, UUID incidentId, UUID previousId,
            boolean complex, Instant dueAt, String citation, boolean provisional, boolean dueByPolicy, int version) {
    }

    public record AssignmentRow(UUID id, UUID instructionId, UUID unitId, UUID assignerUnitId, UUID parentId,
            boolean lead, String status, Instant forwardedAt, String forwardedBy, Instant feedbackDueAt,
            String feedbackCitation, Instant signedAt, String signedBy, Instant reportedAt, String reportedTo,
            String reportedBy, int version) {

        public AssignmentRow with(String newStatus) {
            return new AssignmentRow(id, instructionId, unitId, assignerUnitId, parentId, lead, newStatus,
                    forwardedAt, forwardedBy, feedbackDueAt, feedbackCitation, signedAt, signedBy, reportedAt,
                    reportedTo, reportedBy, version);
        }

        public AssignmentRow signed(Instant at, String by) {
            return new AssignmentRow(id, instructionId, unitId, assignerUnitId, parentId, lead, status, forwardedAt,
                    forwardedBy, feedbackDueAt, feedbackCitation, at, by, reportedAt, reportedTo, reportedBy, version);
        }

        public AssignmentRow reported(Instant at, String to, String by) {
            return new AssignmentRow(id, instructionId, unitId, assignerUnitId, parentId, lead, status, forwardedAt,
                    forwardedBy, feedbackDueAt, feedbackCitation, signedAt, signedBy, at, to, by, version);
        }

        public AssignmentRow due(Instant at) {
            return new AssignmentRow(id, instructionId, unitId, assignerUnitId, parentId, lead, status, forwardedAt,
                    forwardedBy, at, feedbackCitation, signedAt, signedBy, reportedAt, reportedTo, reportedBy, version);
        }
    }

    public record AttachmentRow(UUID id, UUID instructionId, UUID assignmentId, UUID unitId, String fileName,
            String contentType, long size, String sha256, Instant uploadedAt, String uploadedBy) {
    }

    public record StoredFile(AttachmentRow attachment, byte[] content) {
    }

    public record FeedbackRow(UUID id, UUID assignmentId, String stage, String done, String problems,
            String nextSteps, Instant finalDueAt, Instant filedAt, String filedBy, boolean late, String decision,
            Instant decidedAt, String decidedBy, String returnReason) {
    }

    public record ExtensionRow(UUID id, UUID assignmentId, Instant requestedAt, String requestedBy, String reason,
            Instant newDueAt, String decision, Instant decidedAt, String decidedBy, String comment) {
    }
}
