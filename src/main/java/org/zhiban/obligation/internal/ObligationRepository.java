package org.zhiban.obligation.internal;

import static org.zhiban.shared.SqlTimes.utc;
import static org.zhiban.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.ObligationStatus;
import org.zhiban.obligation.Step;
import org.zhiban.organization.Subtrees;
import org.zhiban.organization.Subtrees.Reach;

@Repository
public class ObligationRepository {

    private static final String COLUMNS = "id, obligor_unit_id, kind, subject_module, subject_id, title, citation, "
            + "opened_at, due_at, status, overdue, reminder_at, superior_escalation_at, next_step, next_fire_at, "
            + "fulfilled_at, lateness_seconds, waived_reason, version";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ObligationRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public void insert(Obligation o, Instant superiorEscalationAt, Step nextStep, Instant nextFireAt) {
        jdbc.sql("INSERT INTO obligation (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")
                .params(o.id(), o.obligorUnitId(), o.kind(), o.subjectModule(), o.subjectId(), o.title(),
                        o.citation(), utc(o.openedAt()), utc(o.dueAt()), o.status().name(), o.overdue(),
                        utc(o.reminderAt()), utc(superiorEscalationAt), nextStep == null ? null : nextStep.name(),
                        utc(nextFireAt), null, null, null)
                .update();
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Locks one obligation for a change of status. */
    public Optional<Stored> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE id = ? FOR UPDATE").param(id).query(this::map)
                .optional();
    }

    /**
     * Claims up to {@code limit} obligations whose next step is due, skipping rows another instance holds: each
     * instance works on its own rows, and a row is never worked on twice at once.
     */
    public List<Stored> claimDue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE next_fire_at <= ? ORDER BY next_fire_at "
                + "LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(utc(now), limit)
                .query(this::map)
                .list();
    }

    /** Records a batch of firings and moves each obligation on to its next step, in two batched statements. */
    public void recordFirings(List<Firing> firings, Instant firedAt, String instance) {
        if (firings.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("INSERT INTO obligation_firing (obligation_id, step, scheduled_at, fired_at, delay_ms, "
                + "fired_late, instance) VALUES (?,?,?,?,?,?,?)", firings.stream().map(f -> new Object[] { f.id(),
                        f.step().name(), utc(f.scheduledAt()), utc(firedAt),
                        Duration.between(f.scheduledAt(), firedAt).toMillis(), f.late(), instance }).toList());
        jdbcTemplate.batchUpdate("UPDATE obligation SET overdue = ?, next_step = ?, next_fire_at = ?, "
                + "version = version + 1 WHERE id = ?", firings.stream().map(f -> new Object[] { f.overdue(),
                        f.nextStep() == null ? null : f.nextStep().name(), utc(f.nextFireAt()), f.id() }).toList());
    }

    /** Moves a row's next firing later without firing it. */
    public void postpone(UUID id, Instant until) {
        jdbc.sql("UPDATE obligation SET next_fire_at = ? WHERE id = ?").params(utc(until), id).update();
    }

    /** The steps that have fired for an obligation; each fires once (the firing table's key). */
    public List<Step> firedSteps(UUID id) {
        return jdbc.sql("SELECT step FROM obligation_firing WHERE obligation_id = ?").param(id)
                .query((rs, n) -> Step.valueOf(rs.getString(1))).list();
    }

    /** Forgets that these steps fired, so that they fire again: the deadline moved and they lie ahead once more. */
    public void forgetFirings(UUID id, List<Step> steps) {
        for (Step step : steps) {
            jdbc.sql("DELETE FROM obligation_firing WHERE obligation_id = ? AND step = ?").params(id, step.name())
                    .update();
        }
    }

    /** Opens a row again against a deadline, with the steps still to fire: a returned fulfilment, an extension. */
    public void reschedule(UUID id, Instant dueAt, boolean overdue, Instant reminderAt, Instant superiorEscalationAt,
            Step nextStep, Instant nextFireAt) {
        jdbc.sql("UPDATE obligation SET status = 'OPEN', due_at = ?, overdue = ?, reminder_at = ?, "
                + "superior_escalation_at = ?, next_step = ?, next_fire_at = ?, fulfilled_at = NULL, "
                + "lateness_seconds = NULL, waived_reason = NULL, closed_by = NULL, version = version + 1 WHERE id = ?")
                .params(utc(dueAt), overdue, utc(reminderAt), utc(superiorEscalationAt),
                        nextStep == null ? null : nextStep.name(), utc(nextFireAt), id)
                .update();
    }

    public void close(UUID id, ObligationStatus status, Instant at, Long latenessSeconds, String reason, String by) {
        jdbc.sql("UPDATE obligation SET status = ?, fulfilled_at = ?, lateness_seconds = ?, waived_reason = ?, "
                + "closed_by = ?, next_step = NULL, next_fire_at = NULL, version = version + 1 WHERE id = ?")
                .params(status.name(), status == ObligationStatus.FULFILLED ? utc(at) : null, latenessSeconds, reason,
                        by, id)
                .update();
    }

    public List<Obligation> forSubject(String module, String subjectId) {
        return forSubjects(module, List.of(subjectId));
    }

    /** The obligations about any of the subjects, in due order. */
    public List<Obligation> forSubjects(String module, List<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE subject_module = :module "
                + "AND subject_id IN (:subjects) ORDER BY due_at")
                .param("module", module)
                .param("subjects", subjectIds)
                .query(this::map)
                .list().stream().map(Stored::obligation).toList();
    }

    /**
     * A page of the obligations of the units reached from one, optionally of one status and kind: open ones first,
     * soonest due (so the overdue) first, then the closed ones, latest due first.
     */
    public List<Obligation> page(UUID unitId, Reach reach, ObligationStatus status, String kind, int offset,
            int limit) {
        var spec = filtered("SELECT " + COLUMNS + " FROM obligation o WHERE ", unitId, reach, status, kind,
                " ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, "
                        + "CASE WHEN status = 'OPEN' THEN due_at END, due_at DESC OFFSET :offset ROWS "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("offset", offset)
                .param("limit", limit);
        return spec.query(this::map).list().stream().map(Stored::obligation).toList();
    }

    public long count(UUID unitId, Reach reach, ObligationStatus status, String kind) {
        return filtered("SELECT COUNT(*) FROM obligation o WHERE ", unitId, reach, status, kind, "")
                .query(Long.class).single();
    }

    private JdbcClient.StatementSpec filtered(String select, UUID unitId, Reach reach, ObligationStatus status,
            String kind, String tail) {
        var spec = jdbc.sql(select + reach.condition("o.obligor_unit_id", ":unit")
                + (status == null ? "" : " AND o.status = :status") + (kind == null ? "" : " AND o.kind = :kind") + tail)
                .param("unit", unitId);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        if (kind != null) {
            spec = spec.param("kind", kind);
        }
        return spec;
    }

    /** Open obligations of the given units whose window has opened by {@code now}, soonest due first. */
    public List<Obligation> openOf(List<UUID> unitIds, Instant now, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE obligor_unit_id IN (:units) AND status = 'OPEN' "
                + "AND opened_at <= :now ORDER BY due_at LIMIT :limit")
                .param("units", unitIds)
                .param("now", utc(now))
                .param("limit", limit)
                .query(this::map)
                .list().stream().map(Stored::obligation).toList();
    }

    /**
     * Per unit reached from one — or, with {@code perSubordinate}, per direct subordinate over its whole subtree: due
     * in the period, fulfilled on time, late, open and overdue, and lateness in seconds.
     */
    public List<LedgerRow> ledger(UUID unitId, Reach reach, boolean perSubordinate, Instant from, Instant to,
            Instant now) {
        String key = perSubordinate ? Subtrees.CHILD : "o.obligor_unit_id";
        String scope = perSubordinate ? Subtrees.rollUpToChildren("o.obligor_unit_id", ":unit") + " WHERE "
                : " WHERE " + reach.condition("o.obligor_unit_id", ":unit") + " AND ";
        List<LedgerRow> rows = new ArrayList<>();
        jdbc.sql("SELECT " + key + """
                       ,
                       COUNT(*) AS due,
                       SUM(CASE WHEN o.status = 'FULFILLED' AND o.lateness_seconds = 0 THEN 1 ELSE 0 END) AS on_time,
                       SUM(CASE WHEN o.status = 'FULFILLED' AND o.lateness_seconds > 0 THEN 1 ELSE 0 END) AS late,
                       SUM(CASE WHEN o.status = 'OPEN' AND o.due_at <= :now THEN 1 ELSE 0 END) AS open_overdue,
                       SUM(CASE WHEN o.status = 'WAIVED' THEN 1 ELSE 0 END) AS waived,
                       SUM(CASE WHEN o.status = 'BREACHED' THEN 1 ELSE 0 END) AS breached,
                       AVG(CASE WHEN o.status = 'FULFILLED' AND o.lateness_seconds > 0 THEN o.lateness_seconds END),
                       MAX(CASE WHEN o.status = 'FULFILLED' THEN o.lateness_seconds END)
                FROM obligation o""" + scope + " o.due_at >= :from AND o.due_at < :to GROUP BY " + key)
                .param("unit", unitId)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("now", utc(now))
                .query((rs, n) -> rows.add(new LedgerRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), nullableDouble(rs, 8), nullableLong(rs, 9))))
                .list();
        return rows;
    }

    /**
     * Open obligations below a unit, counted per direct subordinate (each over its subtree) or per administrative
     * level of the obligor: open, due by {@code soon}, and overdue — those whose window is still to open (a coming
     * review) not yet counted. One grouped query over the closure table.
     */
    public List<CountRow> openCounts(UUID unitId, Grouping grouping, Instant now, Instant soon) {
        return jdbc.sql("SELECT " + grouping.key + ", COUNT(*), "
                + "SUM(CASE WHEN o.due_at > :now AND o.due_at <= :soon THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN o.due_at <= :now THEN 1 ELSE 0 END) FROM obligation o" + grouping.join(":unit")
                + " WHERE o.status = 'OPEN' AND o.opened_at <= :now" + grouping.condition(":unit") + " GROUP BY "
                + grouping.key)
                .param("unit", unitId).param("now", utc(now)).param("soon", utc(soon))
                .query((rs, n) -> new CountRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), 0))
                .list();
    }

    /**
     * Obligations below a unit due in [{@code from}, {@code now}) that were fulfilled late or found breached (迟报,
     * 漏报…), counted as {@link #openCounts} counts. The open and the closed are read apart so that each is a range of
     * the (unit, status, due) index.
     */
    public List<CountRow> lateCounts(UUID unitId, Grouping grouping, Instant from, Instant now) {
        return jdbc.sql("SELECT " + grouping.key + ", COUNT(*) FROM obligation o" + grouping.join(":unit")
                + " WHERE o.status IN ('FULFILLED', 'BREACHED') AND o.due_at >= :from AND o.due_at < :now "
                + "AND (o.status = 'BREACHED' OR o.lateness_seconds > 0)" + grouping.condition(":unit")
                + " GROUP BY " + grouping.key)
                .param("unit", unitId).param("from", utc(from)).param("now", utc(now))
                .query((rs, n) -> new CountRow(rs.getString(1), 0, 0, 0, rs.getLong(2)))
                .list();
    }

    /**
     * Obligations of one kind due in [{@code from}, {@code to}) below a unit, per direct subordinate over its subtree:
     * due, fulfilled, of those late, and still open, of those overdue — a holiday day's reports filed across a province.
     */
    public List<KindRow> kindPerChild(UUID unitId, String kind, Instant from, Instant to, Instant now) {
        return jdbc.sql("SELECT " + Subtrees.CHILD + ", COUNT(*), "
                + "SUM(CASE WHEN o.status = 'FULFILLED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN o.status = 'FULFILLED' AND o.lateness_seconds > 0 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN o.status = 'OPEN' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN o.status = 'OPEN' AND o.due_at <= :now THEN 1 ELSE 0 END) FROM obligation o"
                + Subtrees.rollUpToChildren("o.obligor_unit_id", ":unit")
                + "WHERE o.kind = :kind AND o.due_at >= :from AND o.due_at < :to GROUP BY " + Subtrees.CHILD)
                .param("unit", unitId).param("kind", kind).param("from", utc(from)).param("to", utc(to))
                .param("now", utc(now))
                .query((rs, n) -> new KindRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .list();
    }

    public record KindRow(UUID unitId, long due, long fulfilled, long late, long open, long overdue) {
    }

    /** How counts below a unit are grouped. */
    public enum Grouping {
        /** Per direct subordinate, each over its whole subtree. */
        SUBORDINATE(Subtrees.CHILD),
        /** Per administrative level of the obligor unit. */
        LEVEL(Subtrees.LEVEL);

        private final String key;

        Grouping(String key) {
            this.key = key;
        }

        String join(String root) {
            return this == SUBORDINATE ? Subtrees.rollUpToChildren("o.obligor_unit_id", root)
                    : Subtrees.joinUnit("o.obligor_unit_id");
        }

        String condition(String root) {
            return this == SUBORDINATE ? "" : " AND " + Reach.BELOW.condition("o.obligor_unit_id", root);
        }
    }

    /** Counts for one group: a unit id or a level's name. */
    public record CountRow(String key, long open, long dueSoon, long overdue, long late) {
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        Long lateness = nullableLong(rs, 17);
        Obligation obligation = new Obligation(rs.getObject("id", UUID.class), rs.getObject("obligor_unit_id", UUID.class),
                rs.getString("kind"), rs.getString("subject_module"), rs.getString("subject_id"), rs.getString("title"),
                rs.getString("citation"), instant(rs, "opened_at"), instant(rs, "due_at"),
                ObligationStatus.valueOf(rs.getString("status")), rs.getBoolean("overdue"), instant(rs, "reminder_at"),
                instant(rs, "fulfilled_at"), lateness == null ? null : Duration.ofSeconds(lateness),
                rs.getString("waived_reason"));
        String next = rs.getString("next_step");
        return new Stored(obligation, instant(rs, "superior_escalation_at"), next == null ? null : Step.valueOf(next),
                instant(rs, "next_fire_at"));
    }

    /** An obligation with the clock's bookkeeping. */
    public record Stored(Obligation obligation, Instant superiorEscalationAt, Step nextStep, Instant nextFireAt) {
    }

    /** One step fired: what to record, and where the obligation goes next. */
    public record Firing(UUID id, Step step, Instant scheduledAt, boolean late, boolean overdue, Step nextStep,
            Instant nextFireAt) {
    }

    public record LedgerRow(UUID unitId, long due, long onTime, long late, long openOverdue, long waived, long breached,
            Double meanLatenessSeconds, Long maxLatenessSeconds) {
    }
}
