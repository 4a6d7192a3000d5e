package org.zhiban.roster.internal;

import static org.zhiban.shared.SqlTimes.utc;
import static org.zhiban.shared.SqlTimes.instant;
import static org.zhiban.shared.SqlTimes.localDate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.roster.DutyRole;
import org.zhiban.roster.RosterStatus;
import org.zhiban.roster.SwapStatus;

/** Swaps, the history of position changes, and the positions a person holds, for the swap use cases. */
@Repository
public class SwapRepository {

    private static final String SWAP_COLUMNS = "id, roster_id, unit_id, slot_id, requester_id, counterpart_id, "
            + "counterpart_slot_id, reason, status, requested_at, requested_by, answered_at, decided_at, decided_by, note";

    private static final String POSITION_QUERY = """
            SELECT s.id, s.shift_id, s.duty_role, s.person_id, h.roster_id, h.unit_id, h.name, h.duty_day, h.starts_at,
                   h.ends_at, r.status
            FROM duty_slot s JOIN duty_shift h ON h.id = s.shift_id JOIN duty_roster r ON r.id = h.roster_id
            """;

    private final JdbcClient jdbc;

    SwapRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SwapRow swap) {
        jdbc.sql("INSERT INTO duty_swap (" + SWAP_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(swap.id(), swap.rosterId(), swap.unitId(), swap.slotId(), swap.requesterId(),
                        swap.counterpartId(), swap.counterpartSlotId(), swap.reason(), swap.status().name(),
                        utc(swap.requestedAt()), swap.requestedBy(), utc(swap.answeredAt()), utc(swap.decidedAt()),
                        swap.decidedBy(), swap.note())
                .update();
    }

    public Optional<SwapRow> find(UUID id) {
        return jdbc.sql("SELECT " + SWAP_COLUMNS + " FROM duty_swap WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Locks a swap, so that an approval and a withdrawal arriving together apply one after the other. */
    public Optional<SwapRow> lock(UUID id) {
        return jdbc.sql("SELECT " + SWAP_COLUMNS + " FROM duty_swap WHERE id = ? FOR UPDATE").param(id)
                .query(this::map).optional();
    }

    public void answer(UUID id, SwapStatus status, Instant at) {
        jdbc.sql("UPDATE duty_swap SET status = ?, answered_at = ? WHERE id = ?")
                .params(status.name(), utc(at), id).update();
    }

    public void decide(UUID id, SwapStatus status, Instant at, String by, String note) {
        jdbc.sql("UPDATE duty_swap SET status = ?, decided_at = ?, decided_by = ?, note = ? WHERE id = ?")
                .params(status.name(), utc(at), by, note, id).update();
    }

    public List<SwapRow> ofUnit(UUID unitId, int limit) {
        return jdbc.sql("SELECT " + SWAP_COLUMNS + " FROM duty_swap WHERE unit_id = ? ORDER BY requested_at DESC")
                .param(unitId).query(this::map).stream().limit(limit).toList();
    }

    /** Whether a position is already part of a swap still under way. */
    public boolean openSwapInvolving(UUID slotId) {
        return jdbc.sql("SELECT COUNT(*) FROM duty_swap WHERE status IN ('REQUESTED', 'ACCEPTED') "
                + "AND (slot_id = :slot OR counterpart_slot_id = :slot)").param("slot", slotId)
                .query(Long.class).single() > 0;
    }

    public Optional<PositionRow> position(UUID slotId) {
        return jdbc.sql(POSITION_QUERY + " WHERE s.id = ?").param(slotId).query(this::mapPosition).optional();
    }

    /** The positions a person holds on published rosters in shifts that have not begun. */
    public List<PositionRow> upcomingPositions(UUID personId, Instant after) {
        return jdbc.sql(POSITION_QUERY + " WHERE s.person_id = ? AND r.status = 'PUBLISHED' AND h.starts_at > ? "
                + "ORDER BY h.starts_at").params(personId, utc(after)).query(this::mapPosition).list();
    }

    public void insertChange(ChangeRow change) {
        jdbc.sql("INSERT INTO duty_slot_change (id, roster_id, slot_id, from_person_id, to_person_id, cause, swap_id, "
                + "changed_at, changed_by) VALUES (?,?,?,?,?,?,?,?,?)")
                .params(change.id(), change.rosterId(), change.slotId(), change.fromPersonId(), change.toPersonId(),
                        change.cause(), change.swapId(), utc(change.changedAt()), change.changedBy())
                .update();
    }

    /** Every recorded change of a roster's positions, newest first, with the shift it concerns. */
    public List<ChangeView> changesOf(UUID rosterId) {
        return jdbc.sql("""
                SELECT c.slot_id, h.duty_day, h.name, s.duty_role, c.from_person_id, c.to_person_id, c.cause, c.swap_id,
                       c.changed_at, c.changed_by
                FROM duty_slot_change c JOIN duty_slot s ON s.id = c.slot_id JOIN duty_shift h ON h.id = s.shift_id
                WHERE c.roster_id = ? ORDER BY c.changed_at DESC, h.starts_at""")
                .param(rosterId)
                .query((rs, n) -> new ChangeView(rs.getObject(1, UUID.class), localDate(rs, 2), rs.getString(3),
                        DutyRole.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        rs.getString(7), rs.getObject(8, UUID.class), instant(rs, 9), rs.getString(10)))
                .list();
    }

    private SwapRow map(ResultSet rs, int row) throws SQLException {
        return new SwapRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                rs.getObject(7, UUID.class), rs.getString(8), SwapStatus.valueOf(rs.getString(9)), instant(rs, 10),
                rs.getString(11), instant(rs, 12), instant(rs, 13), rs.getString(14), rs.getString(15));
    }

    private PositionRow mapPosition(ResultSet rs, int row) throws SQLException {
        return new PositionRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                DutyRole.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                rs.getObject(6, UUID.class), rs.getString(7), localDate(rs, 8), instant(rs, 9), instant(rs, 10),
                RosterStatus.valueOf(rs.getString(11)));
    }

    public record SwapRow(UUID id, UUID rosterId, UUID unitId, UUID slotId, UUID requesterId, UUID counterpartId,
            UUID counterpartSlotId, String reason, SwapStatus status, Instant requestedAt, String requestedBy,
            Instant answeredAt, Instant decidedAt, String decidedBy, String note) {
    }

    /** A position with its shift and roster: what a swap moves. */
    public record PositionRow(UUID slotId, UUID shiftId, DutyRole role, UUID personId, UUID rosterId, UUID unitId,
            String shiftName, LocalDate day, Instant start, Instant end, RosterStatus rosterStatus) {
    }

    public record ChangeRow(UUID id, UUID rosterId, UUID slotId, UUID fromPersonId, UUID toPersonId, String cause,
            UUID swapId, Instant changedAt, String changedBy) {
    }

    public record ChangeView(UUID slotId, LocalDate day, String shiftName, DutyRole role, UUID fromPersonId,
            UUID toPersonId, String cause, UUID swapId, Instant changedAt, String changedBy) {
    }
}
