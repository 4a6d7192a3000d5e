package org.zhiban.handover.internal;

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
import org.zhiban.dutylog.FollowUp;
import org.zhiban.handover.EquipmentCheck;
import org.zhiban.handover.HandoverItem;
import org.zhiban.handover.HandoverStatus;

/** Handovers with their items and equipment checks. */
@Repository
public class HandoverRepository {

    private static final String COLUMNS = "id, unit_id, shift_start, shift_end, status, notes, prepared_by, "
            + "prepared_by_name, prepared_at, accepted_by, accepted_by_name, accepted_at, acceptance_remark, "
            + "prepared_for_name, accepted_for_name";

    private final JdbcClient jdbc;

    HandoverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<HandoverRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM handover WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Locks the row: acceptance and revision of one handover go one at a time. */
    public Optional<HandoverRow> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM handover WHERE id = ? FOR UPDATE").param(id).query(this::map)
                .optional();
    }

    public Optional<HandoverRow> ofShift(UUID unitId, Instant shiftStart) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM handover WHERE unit_id = ? AND shift_start = ?")
                .params(unitId, utc(shiftStart)).query(this::map).optional();
    }

    /** Whether the unit's shift that ended at {@code shiftEnd} was handed over and accepted. */
    public boolean acceptedEndingAt(UUID unitId, Instant shiftEnd) {
        return jdbc.sql("SELECT COUNT(*) FROM handover WHERE unit_id = ? AND shift_end = ? AND status = 'ACCEPTED'")
                .params(unitId, utc(shiftEnd)).query(Long.class).single() > 0;
    }

    /** The unit's latest accepted handover of a shift that began before {@code before}. */
    public Optional<HandoverRow> lastAccepted(UUID unitId, Instant before) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM handover WHERE unit_id = ? AND status = 'ACCEPTED' "
                + "AND shift_start < ? ORDER BY shift_start DESC FETCH FIRST 1 ROWS ONLY")
                .params(unitId, utc(before)).query(this::map).optional();
    }

    /** A unit's handovers of shifts beginning in [from, to), newest first. */
    public List<HandoverRow> between(UUID unitId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM handover WHERE unit_id = ? AND shift_start >= ? AND shift_start < ? "
                + "ORDER BY shift_start DESC").params(unitId, utc(from), utc(to)).query(this::map).list();
    }

    public void insert(HandoverRow row) {
        jdbc.sql("INSERT INTO handover (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(row.id(), row.unitId(), utc(row.shiftStart()), utc(row.shiftEnd()), row.status().name(),
                        row.notes(), row.preparedBy(), row.preparedByName(), utc(row.preparedAt()), null, null, null,
                        null, row.preparedForName(), null)
                .update();
    }

    /** A revision by the outgoing officer before acceptance: new notes, items and equipment, signed anew. */
    public void revise(HandoverRow row) {
        jdbc.sql("UPDATE handover SET notes = ?, prepared_by = ?, prepared_by_name = ?, prepared_at = ?, "
                + "prepared_for_name = ? WHERE id = ?")
                .params(row.notes(), row.preparedBy(), row.preparedByName(), utc(row.preparedAt()),
                        row.preparedForName(), row.id()).update();
        jdbc.sql("DELETE FROM handover_item WHERE handover_id = ?").param(row.id()).update();
        jdbc.sql("DELETE FROM handover_equipment WHERE handover_id = ?").param(row.id()).update();
    }

    /** {@code forName} is the incoming officer the office head accepted for, or null when they accepted themselves. */
    public void accept(UUID id, String by, String byName, String forName, Instant at, String remark) {
        jdbc.sql("UPDATE handover SET status = 'ACCEPTED', accepted_by = ?, accepted_by_name = ?, accepted_at = ?, "
                + "acceptance_remark = ?, accepted_for_name = ? WHERE id = ?")
                .params(by, byName, utc(at), remark, forName, id).update();
    }

    public void insertItems(UUID handoverId, List<HandoverItem> items) {
        for (int i = 0; i < items.size(); i++) {
            HandoverItem item = items.get(i);
            jdbc.sql("INSERT INTO handover_item (handover_id, position, kind, content, entry_id, obligation_id) "
                    + "VALUES (?,?,?,?,?,?)")
                    .params(handoverId, i, item.kind().name(), item.content(), item.entryId(), item.obligationId())
                    .update();
        }
    }

    public void insertEquipment(UUID handoverId, List<EquipmentCheck> equipment) {
        for (int i = 0; i < equipment.size(); i++) {
            EquipmentCheck check = equipment.get(i);
            jdbc.sql("INSERT INTO handover_equipment (handover_id, position, name, in_order, remark) VALUES (?,?,?,?,?)")
                    .params(handoverId, i, check.name(), check.inOrder(), check.remark()).update();
        }
    }

    public List<HandoverItem> items(UUID handoverId) {
        return jdbc.sql("SELECT kind, content, entry_id, obligation_id FROM handover_item WHERE handover_id = ? "
                + "ORDER BY position").param(handoverId)
                .query((rs, n) -> new HandoverItem(FollowUp.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)))
                .list();
    }

    public List<EquipmentCheck> equipment(UUID handoverId) {
        return jdbc.sql("SELECT name, in_order, remark FROM handover_equipment WHERE handover_id = ? ORDER BY position")
                .param(handoverId)
                .query((rs, n) -> new EquipmentCheck(rs.getString(1), rs.getBoolean(2), rs.getString(3))).list();
    }

    private HandoverRow map(ResultSet rs, int n) throws SQLException {
        return new HandoverRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), instant(rs, 3),
                instant(rs, 4), HandoverStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                rs.getString(8), instant(rs, 9), rs.getString(10), rs.getString(11), instant(rs, 12),
                rs.getString(13), rs.getString(14), rs.getString(15));
    }

    public record HandoverRow(UUID id, UUID unitId, Instant shiftStart, Instant shiftEnd, HandoverStatus status,
            String notes, String preparedBy, String preparedByName, Instant preparedAt, String acceptedBy,
            String acceptedByName, Instant acceptedAt, String acceptanceRemark, String preparedForName,
            String acceptedForName) {
    }
}
