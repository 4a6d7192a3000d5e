package org.zhiban.dutylog.internal;

import static org.zhiban.shared.SqlTimes.instant;
import static org.zhiban.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import org.zhiban.organization.PhoneNumbers;
import org.zhiban.organization.SealedPersonalData;
import org.zhiban.organization.Subtrees.Reach;
import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.dutylog.SearchText;
import org.zhiban.shared.ChainHash;
import org.zhiban.shared.PersonalData;

/**
 * The log book's rows and the per unit-year counter that numbers and chains them. A caller's number is personal
 * information: kept sealed with SM4 under its row and found by its keyed index (ADR 0024); the chain covers the
 * number itself, so sealing it again under a new key leaves the chain as it was.
 */
@Repository
public class DutyLogRepository implements SealedPersonalData {

    private static final String COLUMNS = "id, entry_id, unit_id, log_year, entry_number, entry_version, chain_seq, "
            + "kind, occurred_at, place, summary, caller_name, caller_unit, caller_phone, responsible_unit, handling, "
            + "outcome, follow_up, correction_note, recorded_at, recorded_by, prev_hash, hash, written_by_name, "
            + "written_for_name";
    private static final String COUNTER_COLUMNS = "last_number, last_seq, last_hash, algorithm, genesis";

    /** How many of the newest entries in scope a search reads before it turns to the whole scope. */
    static final int RECENT_WINDOW = 20_000;
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;
    /** The place a caller's number is sealed under, with the row's id. */
    public static final String CALLER_PHONE = "duty_log_entry.caller_phone:";
    private static final String CALLER_PHONE_INDEX = "caller-phone";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    /** PostgreSQL indexes the grams (db/vendor/postgresql); H2 has no such index and scans. */
    private final boolean gramIndex;

    private final PersonalData personal;

    DutyLogRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DataSource dataSource, PersonalData personal)
            throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.personal = personal;
        this.gramIndex = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                metaData -> metaData.getDatabaseProductName()));
    }

    /** Creates the year's counter if missing, its chain sealed with HMAC-SM3; false when another writer was first. */
    public boolean createCounter(UUID unitId, int year, String genesis) {
        return jdbc.sql("INSERT INTO duty_log_counter (unit_id, log_year, last_number, last_seq, last_hash, algorithm, "
                + "genesis) SELECT ?, ?, 0, 0, ?, ?, ? FROM (VALUES (1)) one WHERE NOT EXISTS (SELECT 1 FROM "
                + "duty_log_counter WHERE unit_id = ? AND log_year = ?)")
                .params(unitId, year, genesis, ChainHash.HMAC_SM3, genesis, unitId, year).update() == 1;
    }

    /** Locks the year's counter until the writer's transaction ends: numbers and the chain advance one at a time. */
    public Optional<Counter> lockCounter(UUID unitId, int year) {
        return jdbc.sql("SELECT " + COUNTER_COLUMNS + " FROM duty_log_counter WHERE unit_id = ? AND log_year = ? "
                + "FOR UPDATE").params(unitId, year).query(DutyLogRepository::counter).optional();
    }

    public Optional<Counter> counter(UUID unitId, int year) {
        return jdbc.sql("SELECT " + COUNTER_COLUMNS + " FROM duty_log_counter WHERE unit_id = ? AND log_year = ?")
                .params(unitId, year).query(DutyLogRepository::counter).optional();
    }

    public void advance(UUID unitId, int year, Counter counter) {
        jdbc.sql("UPDATE duty_log_counter SET last_number = ?, last_seq = ?, last_hash = ? WHERE unit_id = ? AND log_year = ?")
                .params(counter.lastNumber(), counter.lastSeq(), counter.lastHash(), unitId, year).update();
    }

    /** The units' years whose chains are still sealed with an algorithm other than the one given. */
    public List<UnitYear> chainsNotSealedWith(String algorithm) {
        return jdbc.sql("SELECT unit_id, log_year FROM duty_log_counter WHERE algorithm <> ? ORDER BY unit_id, log_year")
                .param(algorithm).query((rs, n) -> new UnitYear(rs.getObject(1, UUID.class), rs.getInt(2))).list();
    }

    /** Gives a year's rows their new links and hashes, and the counter its algorithm, genesis and last hash. */
    public void reseal(UUID unitId, int year, List<EntryRow> rows, String algorithm, String genesis, String lastHash) {
        jdbcTemplate.batchUpdate("UPDATE duty_log_entry SET prev_hash = ?, hash = ? WHERE id = ?",
                rows.stream().map(r -> new Object[] { r.prevHash(), r.hash(), r.id() }).toList());
        jdbc.sql("UPDATE duty_log_counter SET algorithm = ?, genesis = ?, last_hash = ? WHERE unit_id = ? AND log_year = ?")
                .params(algorithm, genesis, lastHash, unitId, year).update();
    }

    private static Counter counter(ResultSet rs, int row) throws SQLException {
        return new Counter(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    public void insert(EntryRow row) {
        jdbc.sql("INSERT INTO duty_log_entry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(row.id(), row.entryId(), row.unitId(), row.year(), row.number(), row.version(), row.chainSeq(),
                        row.kind().name(), utc(row.occurredAt()), row.place(), row.summary(), row.callerName(),
                        row.callerUnit(), personal.seal(CALLER_PHONE + row.id(), row.callerPhone()),
                        row.responsibleUnit(), row.handling(), row.outcome(),
                        row.followUp().name(), row.correctionNote(), utc(row.recordedAt()), row.recordedBy(),
                        row.prevHash(), row.hash(), row.writtenByName(), row.writtenForName())
                .update();
    }

    /** Points the entry's search row at this version: its time, kind, caller, text, grams and the number's index. */
    public void index(EntryRow row) {
        String content = SearchText.entry(row.summary(), row.place(), row.responsibleUnit(), row.handling(),
                row.outcome(), row.callerName(), row.callerUnit());
        String caller = SearchText.caller(row.callerName(), row.callerUnit());
        String grams = SearchText.grams(content);
        String phoneIndex = phoneIndex(row.callerPhone());
        int updated = jdbc.sql("UPDATE duty_log_search SET row_id = ?, occurred_at = ?, kind = ?, caller = ?, content = ?, "
                + "grams = ?, caller_phone_index = ? WHERE entry_id = ?").params(row.id(), utc(row.occurredAt()),
                row.kind().name(), caller, content, grams, phoneIndex, row.entryId()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO duty_log_search (entry_id, row_id, unit_id, occurred_at, kind, caller, content, grams, "
                    + "caller_phone_index) VALUES (?,?,?,?,?,?,?,?,?)").params(row.entryId(), row.id(), row.unitId(),
                    utc(row.occurredAt()), row.kind().name(), caller, content, grams, phoneIndex).update();
        }
    }

    /** The keyed index of a whole number in any written form; null for anything that is not one. */
    private String phoneIndex(String number) {
        return PhoneNumbers.normalizeAny(number).map(n -> personal.index(CALLER_PHONE_INDEX, n)).orElse(null);
    }

    /**
     * The newest entries (latest versions) of the units matching every given condition, in the caller's transaction.
     * First the newest {@link #RECENT_WINDOW} entries in scope are read and filtered: a word in common use is found
     * there. When that leaves the page short and there is more, the whole scope is searched — through the grams'
     * index where there is one, so that a rare word costs only the entries holding its grams.
     */
    public List<EntryRow> search(UUID unitId, Reach reach, String text, EntryKind kind, Instant from, Instant to,
            String caller, int limit) {
        if (gramIndex) {
            // A generic plan, made once for any pattern, reads every row; each search is planned for its own words.
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        }
        Where scope = new Where(reach.condition("s.unit_id", "?"), unitId)
                .andIf(kind != null, "s.kind = ?", kind == null ? null : kind.name())
                .andIf(from != null, "s.occurred_at >= ?", utc(from))
                .andIf(to != null, "s.occurred_at < ?", utc(to));
        String textNumber = text == null ? null : phoneIndex(text);
        String callerNumber = caller == null ? null : phoneIndex(caller);
        Where words = new Where("1 = 1")
                .andIf(text != null && textNumber == null, "s.content LIKE ? ESCAPE '\\'", contains(text))
                // A number is the caller's (sealed, found by its index) or written in the entry's text.
                .andIf(textNumber != null, "(s.caller_phone_index = ? OR s.content LIKE ? ESCAPE '\\')", textNumber,
                        text == null ? null : contains(text))
                .andIf(caller != null && callerNumber == null, "s.caller LIKE ? ESCAPE '\\'", contains(caller))
                .andIf(callerNumber != null, "s.caller_phone_index = ?", callerNumber);
        List<Object> params = new ArrayList<>(scope.params);
        params.add(RECENT_WINDOW);
        params.addAll(words.params);
        params.add(limit);
        List<Object[]> recent = jdbc.sql("WITH recent AS (SELECT s.row_id, s.occurred_at, s.content, s.caller, "
                + "s.caller_phone_index FROM duty_log_search s WHERE " + scope.sql + " ORDER BY s.occurred_at DESC FETCH FIRST ? ROWS ONLY) "
                + "SELECT " + prefixed("e.") + ", (SELECT COUNT(*) FROM recent) FROM recent s JOIN duty_log_entry e "
                + "ON e.id = s.row_id WHERE " + words.sql + " ORDER BY s.occurred_at DESC, e.entry_number DESC "
                + "FETCH FIRST ? ROWS ONLY").params(params)
                .query((rs, n) -> new Object[] { map(rs, n), rs.getLong(COLUMN_COUNT + 1) }).list();
        boolean wholeScopeRead = recent.isEmpty() ? fewerThan(scope, RECENT_WINDOW)
                : (long) recent.get(0)[1] < RECENT_WINDOW;
        if (recent.size() == limit || wholeScopeRead) {
            return recent.stream().map(row -> (EntryRow) row[0]).toList();
        }
        // The caller is part of the indexed text too, so its grams narrow the search as well as the text's; a whole
        // number has no grams (it is found by its index alone).
        String grams = SearchText.grams((text == null || textNumber != null ? "" : text) + "\n"
                + (caller == null || callerNumber != null ? "" : caller));
        Where all = scope.andIf(gramIndex && !grams.isEmpty(),
                "string_to_array(s.grams, ' ') @> string_to_array(?, ' ')", grams);
        params = new ArrayList<>(all.params);
        params.addAll(words.params);
        params.add(limit);
        return jdbc.sql("SELECT " + prefixed("e.") + " FROM duty_log_search s JOIN duty_log_entry e ON e.id = s.row_id "
                + "WHERE " + all.sql + " AND " + words.sql + " ORDER BY s.occurred_at DESC, e.entry_number DESC "
                + "FETCH FIRST ? ROWS ONLY").params(params).query(this::map).list();
    }

    /** Whether fewer than {@code limit} entries meet the conditions (counting stops there). */
    private boolean fewerThan(Where where, int limit) {
        List<Object> params = new ArrayList<>(where.params);
        params.add(limit);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM duty_log_search s WHERE " + where.sql
                + " FETCH FIRST ? ROWS ONLY) held").params(params).query(Long.class).single() < limit;
    }

    private static String contains(String text) {
        return "%" + SearchText.normalize(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    /** Every version of an entry, oldest first. */
    public List<EntryRow> versions(UUID entryId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duty_log_entry WHERE entry_id = ? ORDER BY entry_version")
                .params(entryId).query(this::map).list();
    }

    /** The latest version of each entry of a unit's year, by number. */
    public List<EntryRow> latest(UUID unitId, int year) {
        return latestWhere("e.log_year = ? ORDER BY e.entry_number", unitId, year);
    }

    /** The latest version of each entry of a unit that happened since an instant, newest number first. */
    public List<EntryRow> latestSince(UUID unitId, Instant since) {
        return latestWhere("s.occurred_at >= ? ORDER BY e.log_year DESC, e.entry_number DESC", unitId, utc(since));
    }

    /** The latest version of each entry of a unit still pending, tracked or watched, by year and number. */
    public List<EntryRow> open(UUID unitId) {
        return latestWhere("e.follow_up <> 'DONE' ORDER BY e.log_year, e.entry_number", unitId);
    }

    /** The latest version of each entry of a unit settled (written as done) since an instant, by year and number. */
    public List<EntryRow> settledSince(UUID unitId, Instant since) {
        return latestWhere("e.follow_up = 'DONE' AND e.recorded_at >= ? ORDER BY e.log_year, e.entry_number",
                unitId, utc(since));
    }

    /** Latest versions of a unit's entries, found through the search row, which points at each entry's latest. */
    private List<EntryRow> latestWhere(String condition, UUID unitId, Object... params) {
        List<Object> all = new ArrayList<>();
        all.add(unitId);
        all.addAll(List.of(params));
        return jdbc.sql("SELECT " + prefixed("e.") + " FROM duty_log_search s JOIN duty_log_entry e ON e.id = s.row_id "
                + "WHERE s.unit_id = ? AND " + condition).params(all).query(this::map).list();
    }

    /** Every version of every entry of a unit's year, by number then version. */
    public List<EntryRow> allVersions(UUID unitId, int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duty_log_entry WHERE unit_id = ? AND log_year = ? "
                + "ORDER BY entry_number, entry_version").params(unitId, year).query(this::map).list();
    }

    /** The years of a unit's log book with how many entries each holds, newest first. */
    public List<int[]> years(UUID unitId) {
        return jdbc.sql("SELECT log_year, last_number FROM duty_log_counter WHERE unit_id = ? ORDER BY log_year DESC")
                .param(unitId).query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }).list();
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
                openCallerPhone(rs.getObject(1, UUID.class), rs.getString(14)), rs.getString(15), rs.getString(16), rs.getString(17),
                FollowUp.valueOf(rs.getString(18)), rs.getString(19), instant(rs, 20), rs.getString(21),
                rs.getString(22), rs.getString(23), rs.getString(24), rs.getString(25));
    }

    private String openCallerPhone(UUID rowId, String stored) {
        return personal.openOrUnreadable(CALLER_PHONE + rowId, stored);
    }

    @Override
    public String what() {
        return "值班日志来电号码";
    }

    @Override
    public long countNotSealedWith(String currentPrefix) {
        return jdbc.sql("SELECT COUNT(*) FROM duty_log_entry WHERE caller_phone IS NOT NULL AND caller_phone NOT LIKE ?")
                .param(currentPrefix + "%").query(Long.class).single();
    }

    /**
     * Seals callers' numbers again under the current key. A number that was in clear (before the upgrade) was also in
     * its entry's search text, so the entry's search row is made again — for the row it points at, the latest version.
     */
    @Override
    public Batch resealBatch(String currentPrefix, int skip, int limit) {
        List<Object[]> rows = jdbc.sql("SELECT " + COLUMNS + ", (SELECT COUNT(*) FROM duty_log_search s WHERE "
                + "s.row_id = duty_log_entry.id), caller_phone FROM duty_log_entry WHERE caller_phone IS NOT NULL AND "
                + "caller_phone NOT LIKE ? ORDER BY id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY FOR UPDATE")
                .params(currentPrefix + "%", skip, limit)
                .query((rs, n) -> new Object[] { map(rs, n), rs.getLong(COLUMN_COUNT + 1) > 0,
                        rs.getString(COLUMN_COUNT + 2) })
                .list();
        int unreadable = 0;
        for (Object[] found : rows) {
            EntryRow row = (EntryRow) found[0];
            if (PersonalData.UNREADABLE.equals(row.callerPhone())) {
                unreadable++;
                continue;
            }
            jdbc.sql("UPDATE duty_log_entry SET caller_phone = ? WHERE id = ?")
                    .params(personal.seal(CALLER_PHONE + row.id(), row.callerPhone()), row.id()).update();
            if ((boolean) found[1] && !PersonalData.isSealed((String) found[2])) {
                index(row);
            }
        }
        return new Batch(rows.size() - unreadable, unreadable);
    }

    /** Conditions joined by AND with their parameters, each step a new value. */
    private record Where(String sql, List<Object> params) {

        Where(String sql, Object... params) {
            this(sql, List.of(params));
        }

        Where and(String condition, Object... added) {
            List<Object> more = new ArrayList<>(params);
            more.addAll(Arrays.asList(added));
            return new Where(sql + " AND " + condition, List.copyOf(more));
        }

        Where andIf(boolean applies, String condition, Object... added) {
            return applies ? and(condition, added) : this;
        }
    }

    /** A year's numbering and the end of its chain, with the algorithm it is sealed with and its genesis. */
    public record Counter(int lastNumber, int lastSeq, String lastHash, String algorithm, String genesis) {

        public Counter advancedTo(int number, int seq, String hash) {
            return new Counter(number, seq, hash, algorithm, genesis);
        }
    }

    public record UnitYear(UUID unitId, int year) {
    }

    public record EntryRow(UUID id, UUID entryId, UUID unitId, int year, int number, int version, int chainSeq,
            EntryKind kind, Instant occurredAt, String place, String summary, String callerName, String callerUnit,
            String callerPhone, String responsibleUnit, String handling, String outcome, FollowUp followUp,
            String correctionNote, Instant recordedAt, String recordedBy, String prevHash, String hash,
            String writtenByName, String writtenForName) {

        /** The row linked onto another previous hash, its own hash to be computed again. */
        public EntryRow linkedTo(String previousHash) {
            return new EntryRow(id, entryId, unitId, year, number, version, chainSeq, kind, occurredAt, place, summary,
                    callerName, callerUnit, callerPhone, responsibleUnit, handling, outcome, followUp, correctionNote,
                    recordedAt, recordedBy, previousHash, null, writtenByName, writtenForName);
        }
    }
}
