package org.zhiban.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditPage;
import org.zhiban.audit.AuditQuery;
import org.zhiban.audit.AuditRecord;
import org.zhiban.shared.Zones;

@Repository
public class AuditRepository {

    private static final String COLUMNS = "seq, occurred_at, account_id, username, unit_id, action, target, outcome, "
            + "detail, client_address, prev_hash, hash, chain_seq";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    AuditRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Locks the head of the chain until the surrounding transaction ends (only the sealer does); returns its position and hash. */
    public Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash, algorithm, genesis FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    /** Writes a record, numbered from the sequence and not yet chained; no lock is taken. */
    public void append(AuditRecord record) {
        jdbc.sql("INSERT INTO audit_record (" + COLUMNS + ") VALUES (nextval('audit_record_seq'),?,?,?,?,?,?,?,?,?,"
                + "NULL,NULL,NULL)")
                .params(OffsetDateTime.ofInstant(record.occurredAt(), ZoneOffset.UTC), record.accountId(),
                        record.username(), record.unitId(), record.action(), record.target(), record.outcome().name(),
                        record.detail(), record.clientAddress())
                .update();
    }

    public boolean hasUnsealed() {
        return !jdbc.sql("SELECT seq FROM audit_record WHERE chain_seq IS NULL FETCH FIRST 1 ROWS ONLY")
                .query(Long.class).list().isEmpty();
    }

    /** Committed records not yet chained, in the order they were numbered. */
    public List<AuditRecord> unsealed(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_record WHERE chain_seq IS NULL ORDER BY seq LIMIT ?")
                .param(limit).query((rs, n) -> map(rs)).list();
    }

    /** Chains a batch of records and moves the head to the last of them, in two statements. */
    public void seal(List<AuditRecord> sealed) {
        jdbcTemplate.batchUpdate("UPDATE audit_record SET chain_seq = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                sealed.stream().map(r -> new Object[] { r.chainSeq(), r.prevHash(), r.hash(), r.seq() }).toList());
        AuditRecord last = sealed.get(sealed.size() - 1);
        jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(last.chainSeq(), last.hash())
                .update();
    }

    /** Sealed records after a chain position, in chain order, a page at a time (for re-sealing). */
    public List<AuditRecord> chainedAfter(long position, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_record WHERE chain_seq > ? ORDER BY chain_seq LIMIT ?")
                .params(position, limit).query((rs, n) -> map(rs)).list();
    }

    /** Gives sealed records their new links and hashes, keeping their positions. */
    public void rehash(List<AuditRecord> records) {
        jdbcTemplate.batchUpdate("UPDATE audit_record SET prev_hash = ?, hash = ? WHERE seq = ?",
                records.stream().map(r -> new Object[] { r.prevHash(), r.hash(), r.seq() }).toList());
    }

    /** The head of a re-sealed chain: its algorithm, the old chain's final value as genesis, and its new last hash. */
    public void resealHead(String algorithm, String genesis, String lastHash) {
        jdbc.sql("UPDATE audit_chain_head SET algorithm = ?, genesis = ?, last_hash = ? WHERE id = 1")
                .params(algorithm, genesis, lastHash).update();
    }

    /** Streams every sealed record in chain order without holding them all in memory. */
    public void forEachInOrder(Consumer<AuditRecord> consumer) {
        jdbcTemplate.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM audit_record WHERE chain_seq IS NOT NULL "
                    + "ORDER BY chain_seq");
            statement.setFetchSize(1000);
            return statement;
        }, rs -> {
            consumer.accept(map(rs));
        });
    }

    public AuditPage search(AuditQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.username() != null && !query.username().isBlank()) {
            where.append(" AND username = ?");
            params.add(query.username().trim());
        }
        if (query.action() != null && !query.action().isBlank()) {
            where.append(" AND action = ?");
            params.add(query.action().trim());
        }
        if (query.outcome() != null) {
            where.append(" AND outcome = ?");
            params.add(query.outcome().name());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(query.from().atStartOfDay(Zones.CHINA).toOffsetDateTime());
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < ?");
            params.add(query.to().plusDays(1).atStartOfDay(Zones.CHINA).toOffsetDateTime());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_record" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        List<AuditRecord> records = jdbc
                .sql("SELECT " + COLUMNS + " FROM audit_record" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> map(rs))
                .list();
        return new AuditPage(records, total, query.page(), query.size());
    }

    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_record ORDER BY action").query(String.class).list();
    }

    private static AuditRecord map(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("account_id", UUID.class), rs.getString("username"),
                rs.getObject("unit_id", UUID.class), rs.getString("action"), rs.getString("target"),
                AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
                rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("hash"),
                rs.getObject("chain_seq") == null ? null : rs.getLong("chain_seq"));
    }

    /** The chain's end, the algorithm it is sealed with, and what its first record links to. */
    public record Head(long seq, String hash, String algorithm, String genesis) {
    }
}
