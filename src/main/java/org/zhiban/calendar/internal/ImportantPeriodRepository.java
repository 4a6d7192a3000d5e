package org.zhiban.calendar.internal;

import static org.zhiban.shared.SqlTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.calendar.ImportantPeriod;

@Repository
public class ImportantPeriodRepository {

    private static final String COLUMNS = "id, unit_id, name, starts_at, ends_at, note";

    private final JdbcClient jdbc;

    ImportantPeriodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ImportantPeriod period, String createdBy, Instant at) {
        jdbc.sql("INSERT INTO important_period (id, unit_id, name, starts_at, ends_at, note, created_by, created_at) "
                + "VALUES (?,?,?,?,?,?,?,?)")
                .params(period.id(), period.sourceUnitId(), period.name(), utc(period.startsAt()),
                        utc(period.endsAt()), period.note(), createdBy, utc(at))
                .update();
    }

    public Optional<ImportantPeriod> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM important_period WHERE id = ?").param(id).query(this::map)
                .optional();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM important_period WHERE id = ?").param(id).update();
    }

    /** Periods declared by any of the given units that overlap [from, to). */
    public List<ImportantPeriod> overlapping(List<UUID> unitIds, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM important_period WHERE unit_id IN (:units) "
                + "AND ends_at > :from AND starts_at < :to ORDER BY starts_at")
                .param("units", unitIds)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(this::map)
                .list();
    }

    /** The nearest setting up the tree: the first of the given units (nearest first) that has one. */
    public Optional<Boolean> statutoryHolidaysImportant(UUID unitId) {
        return jdbc.sql("SELECT statutory_holidays_important FROM calendar_unit_setting WHERE unit_id = ?")
                .param(unitId).query(Boolean.class).optional();
    }

    public void setStatutoryHolidaysImportant(UUID unitId, boolean important) {
        if (jdbc.sql("UPDATE calendar_unit_setting SET statutory_holidays_important = ? WHERE unit_id = ?")
                .params(important, unitId).update() == 0) {
            jdbc.sql("INSERT INTO calendar_unit_setting (unit_id, statutory_holidays_important) VALUES (?, ?)")
                    .params(unitId, important).update();
        }
    }

    private ImportantPeriod map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ImportantPeriod(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
                rs.getString("name"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(), ImportantPeriod.Source.DECLARED,
                rs.getString("note"));
    }
}
