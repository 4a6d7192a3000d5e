package org.zhiban.roster.internal;

import static org.zhiban.shared.SqlTimes.utc;
import static org.zhiban.shared.SqlTimes.instant;
import static org.zhiban.shared.SqlTimes.localDate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.roster.DutyRole;
import org.zhiban.roster.RosterStatus;
import org.zhiban.roster.ShiftTemplate;

@Repository
public class RosterRepository {

    /** A day's shifts cover 24 hours between them (ShiftPatterns), so none is longer. */
    static final Duration LONGEST_SHIFT = Duration.ofHours(24);
    private static final String ON_DUTY = """
            SELECT h.unit_id, h.id, h.starts_at, h.ends_at, s.duty_role, s.position, s.person_id, p.name, p.mobile
            FROM duty_shift h
            JOIN duty_roster r ON r.id = h.roster_id AND r.status = 'PUBLISHED'
            JOIN duty_slot s ON s.shift_id = h.id
            LEFT JOIN person p ON p.id = s.person_id
            """;
    private static final String RUNNING_AT = "h.starts_at <= :at AND h.starts_at > :earliest AND h.ends_at > :at ";
    private static final String ORDERED = "ORDER BY h.unit_id, h.starts_at, s.duty_role, s.position";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    RosterRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    // --- who stands duty -------------------------------------------------------------------------------------

    public List<StaffRow> staff(List<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT person_id, unit_id, duty_role, part_time, trained_on FROM duty_staff "
                + "WHERE unit_id IN (:units)")
                .param("units", unitIds)
                .query((rs, n) -> new StaffRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        DutyRole.valueOf(rs.getString(3)), rs.getBoolean(4), localDate(rs, 5)))
                .list();
    }

    /** The units that keep a roster: those with anyone on their duty staff. */
    public List<UUID> staffedUnits() {
        return jdbc.sql("SELECT DISTINCT unit_id FROM duty_staff").query(UUID.class).list();
    }

    /** A unit's shifts whose duty day falls between two days, with the status of the roster each belongs to. */
    public List<DayShiftRow> shiftsBetween(UUID unitId, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.sql("""
                SELECT h.id, h.roster_id, r.status, h.name, h.duty_day, h.starts_at, h.ends_at
                FROM duty_shift h JOIN duty_roster r ON r.id = h.roster_id
                WHERE h.unit_id = ? AND h.duty_day BETWEEN ? AND ? ORDER BY h.starts_at""")
                .params(unitId, Date.valueOf(firstDay), Date.valueOf(lastDay))
                .query((rs, n) -> new DayShiftRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        RosterStatus.valueOf(rs.getString(3)), rs.getString(4), localDate(rs, 5), instant(rs, 6),
                        instant(rs, 7)))
                .list();
    }

    public void putStaff(StaffRow row) {
        jdbc.sql("DELETE FROM duty_staff WHERE person_id = ?").param(row.personId()).update();
        jdbc.sql("INSERT INTO duty_staff (person_id, unit_id, duty_role, part_time, trained_on) VALUES (?,?,?,?,?)")
                .params(row.personId(), row.unitId(), row.role().name(), row.partTime(),
                        row.trainedOn() == null ? null : Date.valueOf(row.trainedOn()))
                .update();
    }

    public boolean removeStaff(UUID personId) {
        return jdbc.sql("DELETE FROM duty_staff WHERE person_id = ?").param(personId).update() > 0;
    }

    /** The days each person is unavailable between two dates. */
    public Map<UUID, Set<LocalDate>> unavailability(List<UUID> personIds, LocalDate from, LocalDate to) {
        Map<UUID, Set<LocalDate>> days = new HashMap<>();
        if (personIds.isEmpty()) {
            return days;
        }
        jdbc.sql("SELECT person_id, first_day, last_day FROM duty_unavailability WHERE person_id IN (:people) "
                + "AND last_day >= :from AND first_day <= :to")
                .param("people", personIds)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> {
                    UUID person = rs.getObject(1, UUID.class);
                    for (LocalDate d = localDate(rs, 2); !d.isAfter(localDate(rs, 3)); d = d.plusDays(1)) {
                        days.computeIfAbsent(person, k -> new HashSet<>()).add(d);
                    }
                    return person;
                })
                .list();
        return days;
    }

    public List<UnavailabilityRow> unavailabilityOf(List<UUID> personIds, LocalDate from) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, person_id, first_day, last_day, reason FROM duty_unavailability "
                + "WHERE person_id IN (:people) AND last_day >= :from ORDER BY first_day")
                .param("people", personIds)
                .param("from", Date.valueOf(from))
                .query((rs, n) -> new UnavailabilityRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        localDate(rs, 3), localDate(rs, 4), rs.getString(5)))
                .list();
    }

    public void addUnavailability(UnavailabilityRow row) {
        jdbc.sql("INSERT INTO duty_unavailability (id, person_id, first_day, last_day, reason) VALUES (?,?,?,?,?)")
                .params(row.id(), row.personId(), Date.valueOf(row.firstDay()), Date.valueOf(row.lastDay()),
                        row.reason())
                .update();
    }

    public Optional<UnavailabilityRow> findUnavailability(UUID id) {
        return jdbc.sql("SELECT id, person_id, first_day, last_day, reason FROM duty_unavailability WHERE id = ?")
                .param(id)
                .query((rs, n) -> new UnavailabilityRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        localDate(rs, 3), localDate(rs, 4), rs.getString(5)))
                .optional();
    }

    public void deleteUnavailability(UUID id) {
        jdbc.sql("DELETE FROM duty_unavailability WHERE id = ?").param(id).update();
    }

    // --- shift patterns ----------------------------------------------------------------------------------------

    public List<ShiftTemplate> templates(UUID unitId) {
        return jdbc.sql("SELECT id, unit_id, name, start_time, duration_minutes, officers, sort_order "
                + "FROM shift_template WHERE unit_id = ? ORDER BY sort_order")
                .param(unitId)
                .query((rs, n) -> new ShiftTemplate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getTime(4).toLocalTime(), Duration.ofMinutes(rs.getInt(5)), rs.getInt(6),
                        rs.getInt(7)))
                .list();
    }

    public void replaceTemplates(UUID unitId, List<ShiftTemplate> templates) {
        jdbc.sql("DELETE FROM shift_template WHERE unit_id = ?").param(unitId).update();
        for (ShiftTemplate t : templates) {
            jdbc.sql("INSERT INTO shift_template (id, unit_id, name, start_time, duration_minutes, officers, sort_order) "
                    + "VALUES (?,?,?,?,?,?,?)")
                    .params(t.id(), unitId, t.name(), Time.valueOf(t.startTime()), (int) t.duration().toMinutes(),
                            t.officers(), t.sortOrder())
                    .update();
        }
    }

    // --- rosters, shifts and positions -----------------------------------------------------------------------

    public Optional<RosterRow> roster(UUID unitId, LocalDate month) {
        return jdbc.sql("SELECT id, unit_id, month_start, status, published_at, version FROM duty_roster "
                + "WHERE unit_id = ? AND month_start = ?")
                .params(unitId, Date.valueOf(month))
                .query(this::mapRoster)
                .optional();
    }

    public Optional<RosterRow> rosterById(UUID id) {
        return jdbc.sql("SELECT id, unit_id, month_start, status, published_at, version FROM duty_roster WHERE id = ?")
                .param(id).query(this::mapRoster).optional();
    }

    /** The username that published the roster; empty while it is a draft. */
    public Optional<String> publishedBy(UUID rosterId) {
        return jdbc.sql("SELECT published_by FROM duty_roster WHERE id = ? AND published_by IS NOT NULL")
                .param(rosterId).query(String.class).optional();
    }

    /** Locks the roster row for a change, so that two editors' changes apply one after the other. */
    public Optional<RosterRow> lockRoster(UUID id) {
        return jdbc.sql("SELECT id, unit_id, month_start, status, published_at, version FROM duty_roster "
                + "WHERE id = ? FOR UPDATE").param(id).query(this::mapRoster).optional();
    }

    public void insertRoster(RosterRow row) {
        jdbc.sql("INSERT INTO duty_roster (id, unit_id, month_start, status, version) VALUES (?,?,?,?,0)")
                .params(row.id(), row.unitId(), Date.valueOf(row.month()), row.status().name())
                .update();
    }

    public void setStatus(UUID rosterId, RosterStatus status, Instant at, String by) {
        jdbc.sql("UPDATE duty_roster SET status = ?, published_at = ?, published_by = ?, version = version + 1 "
                + "WHERE id = ?")
                .params(status.name(), status == RosterStatus.PUBLISHED ? utc(at) : null,
                        status == RosterStatus.PUBLISHED ? by : null, rosterId)
                .update();
    }

    public void touch(UUID rosterId) {
        jdbc.sql("UPDATE duty_roster SET version = version + 1 WHERE id = ?").param(rosterId).update();
    }

    public void insertShifts(List<ShiftRow> shifts) {
        jdbcTemplate.batchUpdate("INSERT INTO duty_shift (id, roster_id, unit_id, name, duty_day, starts_at, ends_at, "
                + "officers_required) VALUES (?,?,?,?,?,?,?,?)", shifts.stream().map(s -> new Object[] { s.id(),
                        s.rosterId(), s.unitId(), s.name(), Date.valueOf(s.day()), utc(s.start()), utc(s.end()),
                        s.officersRequired() }).toList());
    }

    public void insertSlots(List<SlotRow> slots) {
        jdbcTemplate.batchUpdate("INSERT INTO duty_slot (id, shift_id, duty_role, position, person_id, pinned, source) "
                + "VALUES (?,?,?,?,?,?,?)", slots.stream().map(s -> new Object[] { s.id(), s.shiftId(), s.role().name(),
                        s.position(), s.personId(), s.pinned(), s.source() }).toList());
    }

    public List<ShiftRow> shifts(UUID rosterId) {
        return jdbc.sql("SELECT id, roster_id, unit_id, name, duty_day, starts_at, ends_at, officers_required "
                + "FROM duty_shift WHERE roster_id = ? ORDER BY starts_at")
                .param(rosterId).query(this::mapShift).list();
    }

    public List<SlotRow> slots(UUID rosterId) {
        return jdbc.sql("SELECT s.id, s.shift_id, s.duty_role, s.position, s.person_id, s.pinned, s.source "
                + "FROM duty_slot s JOIN duty_shift h ON h.id = s.shift_id WHERE h.roster_id = ? "
                + "ORDER BY h.starts_at, s.duty_role, s.position")
                .param(rosterId).query(this::mapSlot).list();
    }

    public Optional<SlotRow> slot(UUID slotId) {
        return jdbc.sql("SELECT id, shift_id, duty_role, position, person_id, pinned, source FROM duty_slot WHERE id = ?")
                .param(slotId).query(this::mapSlot).optional();
    }

    public Optional<UUID> rosterOfSlot(UUID slotId) {
        return jdbc.sql("SELECT h.roster_id FROM duty_slot s JOIN duty_shift h ON h.id = s.shift_id WHERE s.id = ?")
                .param(slotId).query(UUID.class).optional();
    }

    public void updateSlots(List<SlotRow> slots) {
        jdbcTemplate.batchUpdate("UPDATE duty_slot SET person_id = ?, pinned = ?, source = ? WHERE id = ?",
                slots.stream().map(s -> new Object[] { s.personId(), s.pinned(), s.source(), s.id() }).toList());
    }

    /**
     * Leader positions held by any of the given people in other rosters between two instants: commitments a
     * roster must respect (a leader on duty leads one unit at a time).
     */
    public List<ExternalLeaderShift> leaderShiftsElsewhere(List<UUID> personIds, List<UUID> exceptRosters, Instant from,
            Instant to) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.person_id, h.id, h.unit_id, h.duty_day, h.starts_at, h.ends_at
                FROM duty_slot s JOIN duty_shift h ON h.id = s.shift_id
                WHERE s.duty_role = 'LEADER' AND s.person_id IN (:people) AND h.roster_id NOT IN (:rosters)
                  AND h.ends_at > :from AND h.starts_at < :to""")
                .param("people", personIds)
                .param("rosters", exceptRosters.isEmpty() ? List.of(new UUID(0, 0)) : exceptRosters)
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, n) -> new ExternalLeaderShift(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), localDate(rs, 4), instant(rs, 5), instant(rs, 6)))
                .list();
    }

    /** The positions of the published shift running at an instant in one unit, with the people's names. */
    public List<OnDutyRow> onDuty(UUID unitId, Instant at) {
        return jdbc.sql(ON_DUTY + "WHERE h.unit_id = :unit AND " + RUNNING_AT + ORDERED)
                .param("unit", unitId).param("at", utc(at)).param("earliest", utc(at.minus(LONGEST_SHIFT)))
                .query(this::mapOnDuty).list();
    }

    /**
     * The same for every unit below one, in one query that walks the unit tree's closure table; the lower bound on
     * the start lets each unit's look-up be a short index range however long its roster history.
     */
    public List<OnDutyRow> onDutyBelow(UUID ancestorId, Instant at) {
        return jdbc.sql(ON_DUTY + "JOIN unit_closure c ON c.descendant_id = h.unit_id AND c.ancestor_id = :unit "
                        + "AND c.depth > 0 WHERE " + RUNNING_AT + ORDERED)
                .param("unit", ancestorId).param("at", utc(at)).param("earliest", utc(at.minus(LONGEST_SHIFT)))
                .query(this::mapOnDuty).list();
    }

    /** The positions of every unit's published shifts that overlap a period (a day), for the on-duty board. */
    public List<OnDutyRow> onDutyOverlapping(Instant from, Instant to) {
        return jdbc.sql(ON_DUTY + "WHERE h.starts_at < :to AND h.starts_at > :earliest AND h.ends_at > :from " + ORDERED)
                .param("from", utc(from)).param("to", utc(to)).param("earliest", utc(from.minus(LONGEST_SHIFT)))
                .query(this::mapOnDuty).list();
    }

    private OnDutyRow mapOnDuty(ResultSet rs, int row) throws SQLException {
        return new OnDutyRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), instant(rs, 3), instant(rs, 4),
                DutyRole.valueOf(rs.getString(5)), rs.getInt(6), rs.getObject(7, UUID.class), rs.getString(8),
                rs.getString(9));
    }

    /** Published shifts of one person between two instants, for their calendar feed. */
    public List<PersonShiftRow> shiftsOfPerson(UUID personId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT h.id, h.unit_id, h.name, h.starts_at, h.ends_at, s.duty_role
                FROM duty_slot s JOIN duty_shift h ON h.id = s.shift_id
                JOIN duty_roster r ON r.id = h.roster_id AND r.status = 'PUBLISHED'
                WHERE s.person_id = ? AND h.ends_at > ? AND h.starts_at < ? ORDER BY h.starts_at""")
                .params(personId, utc(from), utc(to))
                .query((rs, n) -> new PersonShiftRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), instant(rs, 4), instant(rs, 5), DutyRole.valueOf(rs.getString(6))))
                .list();
    }

    /** The positions a person holds in published rosters on these days (both included), by time. */
    public List<HeldPositionRow> publishedPositionsOnDays(UUID personId, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.sql("""
                SELECT h.roster_id, s.id, h.duty_day, h.name, h.starts_at, s.duty_role
                FROM duty_slot s JOIN duty_shift h ON h.id = s.shift_id
                JOIN duty_roster r ON r.id = h.roster_id AND r.status = 'PUBLISHED'
                WHERE s.person_id = ? AND h.duty_day BETWEEN ? AND ? ORDER BY h.starts_at, s.duty_role""")
                .params(personId, Date.valueOf(firstDay), Date.valueOf(lastDay))
                .query((rs, n) -> new HeldPositionRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        localDate(rs, 3), rs.getString(4), instant(rs, 5), DutyRole.valueOf(rs.getString(6))))
                .list();
    }

    /** Who stands each of these shifts, leader first, by name only: a calendar entry says who one is on with. */
    public List<CrewRow> crews(List<UUID> shiftIds) {
        if (shiftIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.shift_id, s.person_id, s.duty_role, p.name FROM duty_slot s JOIN person p ON p.id = s.person_id
                WHERE s.shift_id IN (:shifts) ORDER BY s.shift_id, s.duty_role, s.position""")
                .param("shifts", shiftIds)
                .query((rs, n) -> new CrewRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        DutyRole.valueOf(rs.getString(3)), rs.getString(4)))
                .list();
    }

    private RosterRow mapRoster(ResultSet rs, int row) throws SQLException {
        return new RosterRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), localDate(rs, 3),
                RosterStatus.valueOf(rs.getString(4)), instant(rs, 5), rs.getInt(6));
    }

    private ShiftRow mapShift(ResultSet rs, int row) throws SQLException {
        return new ShiftRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), localDate(rs, 5), instant(rs, 6), instant(rs, 7), rs.getInt(8));
    }

    private SlotRow mapSlot(ResultSet rs, int row) throws SQLException {
        return new SlotRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), DutyRole.valueOf(rs.getString(3)),
                rs.getInt(4), rs.getObject(5, UUID.class), rs.getBoolean(6), rs.getString(7));
    }

    public record StaffRow(UUID personId, UUID unitId, DutyRole role, boolean partTime, LocalDate trainedOn) {
    }

    public record UnavailabilityRow(UUID id, UUID personId, LocalDate firstDay, LocalDate lastDay, String reason) {
    }

    public record RosterRow(UUID id, UUID unitId, LocalDate month, RosterStatus status, Instant publishedAt,
            int version) {
    }

    public record ShiftRow(UUID id, UUID rosterId, UUID unitId, String name, LocalDate day, Instant start, Instant end,
            int officersRequired) {
    }

    public record SlotRow(UUID id, UUID shiftId, DutyRole role, int position, UUID personId, boolean pinned,
            String source) {

        public SlotRow with(UUID person, boolean pin, String from) {
            return new SlotRow(id, shiftId, role, position, person, pin, from);
        }
    }

    public record ExternalLeaderShift(UUID personId, UUID shiftId, UUID unitId, LocalDate day, Instant start,
            Instant end) {
    }

    public record OnDutyRow(UUID unitId, UUID shiftId, Instant start, Instant end, DutyRole role, int position,
            UUID personId, String name, String mobile) {
    }

    public record DayShiftRow(UUID id, UUID rosterId, RosterStatus rosterStatus, String name, LocalDate day,
            Instant start, Instant end) {
    }

    public record PersonShiftRow(UUID shiftId, UUID unitId, String name, Instant start, Instant end, DutyRole role) {
    }

    public record HeldPositionRow(UUID rosterId, UUID slotId, LocalDate day, String shiftName, Instant start,
            DutyRole role) {
    }

    public record CrewRow(UUID shiftId, UUID personId, DutyRole role, String name) {
    }
}
