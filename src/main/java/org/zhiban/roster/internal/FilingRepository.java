package org.zhiban.roster.internal;

import static org.zhiban.shared.SqlTimes.instant;
import static org.zhiban.shared.SqlTimes.localDate;
import static org.zhiban.shared.SqlTimes.utc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holiday roster filings: what each unit owes its superior for each holiday, and what it filed when. */
@Repository
public class FilingRepository {

    private static final String COLUMNS = "id, unit_id, superior_id, holiday_name, first_day, last_day, due_at, "
            + "citation, filed_at, filed_by, updated_at, arrangement";

    private final JdbcClient jdbc;

    FilingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(FilingRow row) {
        jdbc.sql("INSERT INTO holiday_roster_filing (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(row.id(), row.unitId(), row.superiorId(), row.holidayName(), Date.valueOf(row.firstDay()),
                        Date.valueOf(row.lastDay()), utc(row.dueAt()), row.citation(), utc(row.filedAt()),
                        row.filedBy(), utc(row.updatedAt()), row.arrangement())
                .update();
    }

    public Optional<FilingRow> find(UUID unitId, LocalDate firstDay) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holiday_roster_filing WHERE unit_id = ? AND first_day = ?")
                .params(unitId, Date.valueOf(firstDay)).query(this::map).optional();
    }

    public Optional<FilingRow> lock(UUID unitId, LocalDate firstDay) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holiday_roster_filing WHERE unit_id = ? AND first_day = ? "
                + "FOR UPDATE").params(unitId, Date.valueOf(firstDay)).query(this::map).optional();
    }

    public List<FilingRow> ofUnit(UUID unitId, LocalDate from) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holiday_roster_filing WHERE unit_id = ? AND last_day >= ? "
                + "ORDER BY first_day").params(unitId, Date.valueOf(from)).query(this::map).list();
    }

    public List<FilingRow> toSuperior(UUID superiorId, LocalDate firstDay) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holiday_roster_filing WHERE superior_id = ? AND first_day = ?")
                .params(superiorId, Date.valueOf(firstDay)).query(this::map).list();
    }

    public void file(UUID id, Instant filedAt, String by, Instant updatedAt, String arrangement) {
        jdbc.sql("UPDATE holiday_roster_filing SET filed_at = ?, filed_by = ?, updated_at = ?, arrangement = ? "
                + "WHERE id = ?").params(utc(filedAt), by, utc(updatedAt), arrangement, id).update();
    }

    private FilingRow map(ResultSet rs, int row) throws SQLException {
        return new FilingRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), localDate(rs, 5), localDate(rs, 6), instant(rs, 7), rs.getString(8), instant(rs, 9),
                rs.getString(10), instant(rs, 11), rs.getString(12));
    }

    public record FilingRow(UUID id, UUID unitId, UUID superiorId, String holidayName, LocalDate firstDay,
            LocalDate lastDay, Instant dueAt, String citation, Instant filedAt, String filedBy, Instant updatedAt,
            String arrangement) {
    }
}
