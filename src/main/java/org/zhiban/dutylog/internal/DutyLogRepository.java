package org.zhiban.dutylog.internal;

import static org.zhiban.shared.SqlTimes.instant;
import static org.zhiban.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.FollowUp;

/** The log book's rows and the per unit-year counter that numbers and chains them. */
@Repository
public class DutyLogRepository {

    private static final String COLUMNS = "id, entry_id, unit_id, log_year, entry_number, entry_version, chain_seq, "
            + "kind, occurred_at, place, summary, caller_name, caller_unit, caller_phone, responsible_unit, handling, "
            + "outcome, follow_up, correction_note, recorded_at, recorded_by, prev_hash, hash";

    private final JdbcClient jdbc;

    DutyLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the year's counter if missing; false when another writer created it first. */
    public boolean createCounter(UUID unitId, int year, String genesis) {
        return jdbc.sql("INSERT INTO duty_log_counter (unit_id, log_year, last_number, last_seq, last_hash) "
                + "SELECT ?, ?, 0, 0, ? FROM (VALUES (1)) one WHERE NOT EXISTS (SELECT 1 FROM duty_log_counter "
                + "WHERE unit_id = ? AND log_year = ?)").params(unitId, year, genesis, unitId, year).update() == 1;
    }

    /** Locks the year's counter until the writer's transaction ends: numbers and the chain advance one at a time. */
    public Optional<Counter> lockCounter(UUID unitId, int year) {
        return jdbc.sql("SELECT last_number, last_seq, last_hash FROM duty_log_counter WHERE unit_id = ? AND log_year = ? "
                + "FOR UPDATE").params(unitId, year)
                .query((rs, n) -> new Counter(rs.getInt(1), rs.getInt(2), rs.getString(3))).optional();
    }

    public Optional<Counter> counter(UUID unitId, int year) {
        return jdbc.sql("SELECT last_number, last_seq, last_hash FROM duty_log_counter WHERE unit_id = ? AND log_year = ?")
                .params(unitId, year).query((rs, n) -> new Counter(rs.getInt(1), rs.getInt(2), rs.getString(3)))
                .optional();
    }

    public void advance(UUID unitId, int year, Counter counter) {
        jdbc.sql("UPDATE duty_log_counter SET last_number = ?, last_seq = ?, last_hash = ? WHERE unit_id = ? AND log_year = ?")
                .params(counter.lastNumber(), counter.lastSeq(), counter.lastHash(), unitId, year).update();
    }

    public void insert(EntryRow row) {
        jdbc.sql("INSERT INTO duty_log_entry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(row.id(), row.entryId(), row.unitId(), row.year(), row.number(), row.version(), row.chainSeq(),
                        row.kind().name(), utc(row.occurredAt()), row.place(), row.summary(), row.callerName(),
                        row.callerUnit(), row.callerPhone(), row.responsibleUnit(), row.handling(), row.outcome(),
                        row.followUp().name(), row.correctionNote(), utc(row.recordedAt()), row.recordedBy(),
                        row.prevHash(), row.hash())
                .update();
    }

    /** Every version of an entry, oldest first. */
    public List<EntryRow> versions(UUID entryId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duty_log_entry WHERE entry_id = ? ORDER BY entry_version")
                .params(entryId).query(this::map).list();
    }

    /** The latest version of each entry of a unit's year, by number. */
    public List<EntryRow> latest(UUID unitId, int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duty_log_entry e WHERE unit_id = ? AND log_year = ? AND "
                + "entry_version = (SELECT MAX(v.entry_version) FROM duty_log_entry v WHERE v.entry_id = e.entry_id) "
                + "ORDER BY entry_number").params(unitId, year).query(this::map).list();
    }

    /** A unit's year in the order it was written, for the chain check. */
    public void forEachInChainOrder(UUID unitId, int year, Consumer<EntryRow> consumer) {
        jdbc.sql("SELECT " + COLUMNS + " FROM duty_log_entry WHERE unit_id = ? AND log_year = ? ORDER BY chain_seq")
                .params(unitId, year).query(this::map).stream().forEach(consumer);
    }

    private EntryRow map(ResultSet rs, int row) throws SQLException {
        return new EntryRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), EntryKind.valueOf(rs.getString(8)),
                instant(rs, 9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                FollowUp.valueOf(rs.getString(18)), rs.getString(19), instant(rs, 20), rs.getString(21),
                rs.getString(22), rs.getString(23));
    }

    public record Counter(int lastNumber, int lastSeq, String lastHash) {
    }

    public record EntryRow(UUID id, UUID entryId, UUID unitId, int year, int number, int version, int chainSeq,
            EntryKind kind, Instant occurredAt, String place, String summary, String callerName, String callerUnit,
            String callerPhone, String responsibleUnit, String handling, String outcome, FollowUp followUp,
            String correctionNote, Instant recordedAt, String recordedBy, String prevHash, String hash) {
    }
}
