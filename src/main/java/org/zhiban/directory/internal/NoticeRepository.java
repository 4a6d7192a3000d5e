package org.zhiban.directory.internal;

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
import org.zhiban.organization.SealedColumn;
import org.zhiban.shared.PersonalData;

/**
 * Absence and obituary notices. The contact a notice gives (a phone, as a rule) is personal information: sealed under
 * its row like every number (ADR 0024), and sealed again by a key rotation through the two {@link SealedColumn}s.
 */
@Repository
public class NoticeRepository {

    private static final String ABSENCE_COLUMNS = "id, unit_id, superior_id, person_id, reason, destination, "
            + "depart_at, return_at, acting_person_id, contact, urgent, phoned_at, filed_at, counted_at, filed_by, "
            + "due_at, late, citation, approval_citation, status, decided_at, decided_by, decision_comment, "
            + "returned_at, return_recorded_by, version";
    private static final String OBITUARY_COLUMNS = "id, unit_id, superior_id, name, former_post, category, died_at, "
            + "place, farewell_at, farewell_place, contact, contact_phone, filed_at, filed_by, due_at, late, citation";

    private final JdbcClient jdbc;
    private final SealedColumn absenceContacts;
    private final SealedColumn obituaryPhones;

    NoticeRepository(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.absenceContacts = new SealedColumn("外出报备联系方式", jdbc, personal, "absence_notice", "contact",
                "absence_notice.contact:");
        this.obituaryPhones = new SealedColumn("讣告联系电话", jdbc, personal, "obituary_notice", "contact_phone",
                "obituary_notice.contact_phone:");
    }

    /** The sealed columns, for the rotation (see {@link NoticeSeals}). */
    List<SealedColumn> sealedColumns() {
        return List.of(absenceContacts, obituaryPhones);
    }

    public void insert(AbsenceRow r) {
        jdbc.sql("INSERT INTO absence_notice (" + ABSENCE_COLUMNS + ") VALUES "
                + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.id(), r.unitId(), r.superiorId(), r.personId(), r.reason(), r.destination(),
                        utc(r.departAt()), utc(r.returnAt()), r.actingPersonId(), absenceContacts.seal(r.id(),
                                r.contact()), r.urgent(), utc(r.phonedAt()), utc(r.filedAt()), utc(r.countedAt()),
                        r.filedBy(), utc(r.dueAt()), r.late(), r.citation(), r.approvalCitation(), r.status(),
                        utc(r.decidedAt()), r.decidedBy(), r.decisionComment(), utc(r.returnedAt()),
                        r.returnRecordedBy(), r.version())
                .update();
    }

    public Optional<AbsenceRow> absence(UUID id) {
        return jdbc.sql("SELECT " + ABSENCE_COLUMNS + " FROM absence_notice WHERE id = ?").param(id)
                .query(this::mapAbsence).optional();
    }

    public Optional<AbsenceRow> lockAbsence(UUID id) {
        return jdbc.sql("SELECT " + ABSENCE_COLUMNS + " FROM absence_notice WHERE id = ? FOR UPDATE").param(id)
                .query(this::mapAbsence).optional();
    }

    /** A decision, a return or an extension: the whole row written back, if no one changed it meanwhile. */
    public boolean update(AbsenceRow r) {
        return jdbc.sql("UPDATE absence_notice SET return_at = ?, status = ?, decided_at = ?, decided_by = ?, "
                + "decision_comment = ?, returned_at = ?, return_recorded_by = ?, version = version + 1 "
                + "WHERE id = ? AND version = ?")
                .params(utc(r.returnAt()), r.status(), utc(r.decidedAt()), r.decidedBy(), r.decisionComment(),
                        utc(r.returnedAt()), r.returnRecordedBy(), r.id(), r.version())
                .update() == 1;
    }

    /**
     * The notices of the units below {@code scopeRoot} (itself included) whose absence ends on or after
     * {@code since}, the latest departure first.
     */
    public List<AbsenceRow> absencesWithin(UUID scopeRoot, Instant since, int limit) {
        return jdbc.sql("SELECT " + prefixed(ABSENCE_COLUMNS, "a") + " FROM absence_notice a JOIN unit_closure c "
                + "ON c.descendant_id = a.unit_id WHERE c.ancestor_id = ? AND a.return_at >= ? "
                + "ORDER BY a.depart_at DESC, a.id FETCH FIRST ? ROWS ONLY")
                .params(scopeRoot, utc(since), limit).query(this::mapAbsence).list();
    }

    /** The other notices of a unit's principals away at some time in [from, to): two away at once is warned of. */
    public List<AbsenceRow> overlapping(UUID unitId, UUID exceptPersonId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + ABSENCE_COLUMNS + " FROM absence_notice WHERE unit_id = ? AND person_id <> ? "
                + "AND depart_at < ? AND return_at > ? AND status IN ('NOTIFIED', 'AWAITING_APPROVAL', 'APPROVED') "
                + "ORDER BY depart_at")
                .params(unitId, exceptPersonId, utc(to), utc(from)).query(this::mapAbsence).list();
    }

    /** Notices whose return was due before {@code now} and is not recorded: each opens an overdue obligation once. */
    public List<AbsenceRow> returnsOverdue(Instant now, int limit) {
        return jdbc.sql("SELECT " + ABSENCE_COLUMNS + " FROM absence_notice WHERE status IN ('NOTIFIED', 'APPROVED') "
                + "AND return_at < ? AND return_chased_at IS NULL ORDER BY return_at, id FETCH FIRST ? ROWS ONLY")
                .params(utc(now), limit).query(this::mapAbsence).list();
    }

    /** Claims the chase of an overdue return for this transaction; false if another pass has claimed it. */
    public boolean claimReturnChase(UUID id, Instant now) {
        return jdbc.sql("UPDATE absence_notice SET return_chased_at = ? WHERE id = ? AND return_chased_at IS NULL")
                .params(utc(now), id).update() == 1;
    }

    public void insert(ObituaryRow r) {
        jdbc.sql("INSERT INTO obituary_notice (" + OBITUARY_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.id(), r.unitId(), r.superiorId(), r.name(), r.formerPost(), r.category(),
                        utc(r.diedAt()), r.place(), utc(r.farewellAt()), r.farewellPlace(), r.contact(),
                        obituaryPhones.seal(r.id(), r.contactPhone()), utc(r.filedAt()), r.filedBy(), utc(r.dueAt()),
                        r.late(), r.citation())
                .update();
    }

    public Optional<ObituaryRow> obituary(UUID id) {
        return jdbc.sql("SELECT " + OBITUARY_COLUMNS + " FROM obituary_notice WHERE id = ?").param(id)
                .query(this::mapObituary).optional();
    }

    /** Obituary notices of the units below {@code scopeRoot} (itself included) filed since, the latest first. */
    public List<ObituaryRow> obituariesWithin(UUID scopeRoot, Instant since, int limit) {
        return jdbc.sql("SELECT " + prefixed(OBITUARY_COLUMNS, "o") + " FROM obituary_notice o JOIN unit_closure c "
                + "ON c.descendant_id = o.unit_id WHERE c.ancestor_id = ? AND o.filed_at >= ? "
                + "ORDER BY o.filed_at DESC, o.id FETCH FIRST ? ROWS ONLY")
                .params(scopeRoot, utc(since), limit).query(this::mapObituary).list();
    }

    private static String prefixed(String columns, String alias) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }

    private AbsenceRow mapAbsence(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        return new AbsenceRow(id, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8),
                rs.getObject(9, UUID.class), absenceContacts.open(id, rs.getString(10)), rs.getBoolean(11),
                instant(rs, 12), instant(rs, 13), instant(rs, 14), rs.getString(15), instant(rs, 16),
                rs.getBoolean(17), rs.getString(18), rs.getString(19), rs.getString(20), instant(rs, 21),
                rs.getString(22), rs.getString(23), instant(rs, 24), rs.getString(25), rs.getInt(26));
    }

    private ObituaryRow mapObituary(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        return new ObituaryRow(id, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6), instant(rs, 7), rs.getString(8), instant(rs, 9), rs.getString(10),
                rs.getString(11), obituaryPhones.open(id, rs.getString(12)), instant(rs, 13), rs.getString(14),
                instant(rs, 15), rs.getBoolean(16), rs.getString(17));
    }

    /**
     * A notice as stored, the contact in clear.
     *
     * @param countedAt when it counts as filed: the phone call for an urgent trip notified by phone first, else
     *                  the written filing
     */
    public record AbsenceRow(UUID id, UUID unitId, UUID superiorId, UUID personId, String reason, String destination,
            Instant departAt, Instant returnAt, UUID actingPersonId, String contact, boolean urgent, Instant phonedAt,
            Instant filedAt, Instant countedAt, String filedBy, Instant dueAt, boolean late, String citation,
            String approvalCitation, String status, Instant decidedAt, String decidedBy, String decisionComment,
            Instant returnedAt, String returnRecordedBy, int version) {

        public AbsenceRow decided(String newStatus, Instant at, String by, String comment) {
            return new AbsenceRow(id, unitId, superiorId, personId, reason, destination, departAt, returnAt,
                    actingPersonId, contact, urgent, phonedAt, filedAt, countedAt, filedBy, dueAt, late, citation,
                    approvalCitation, newStatus, at, by, comment, returnedAt, returnRecordedBy, version);
        }

        public AbsenceRow returned(Instant at, String by) {
            return new AbsenceRow(id, unitId, superiorId, personId, reason, destination, departAt, returnAt,
                    actingPersonId, contact, urgent, phonedAt, filedAt, countedAt, filedBy, dueAt, late, citation,
                    approvalCitation, "RETURNED", decidedAt, decidedBy, decisionComment, at, by, version);
        }

        public AbsenceRow extended(Instant newReturnAt) {
            return new AbsenceRow(id, unitId, superiorId, personId, reason, destination, departAt, newReturnAt,
                    actingPersonId, contact, urgent, phonedAt, filedAt, countedAt, filedBy, dueAt, late, citation,
                    approvalCitation, status, decidedAt, decidedBy, decisionComment, returnedAt, returnRecordedBy,
                    version);
        }
    }

    public record ObituaryRow(UUID id, UUID unitId, UUID superiorId, String name, String formerPost, String category,
            Instant diedAt, String place, Instant farewellAt, String farewellPlace, String contact,
            String contactPhone, Instant filedAt, String filedBy, Instant dueAt, boolean late, String citation) {
    }
}
