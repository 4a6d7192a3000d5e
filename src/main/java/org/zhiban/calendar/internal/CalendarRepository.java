package org.zhiban.calendar.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.calendar.DayKind;
import org.zhiban.calendar.HolidayNotice;

@Repository
public class CalendarRepository {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasNotice(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM holiday_schedule WHERE schedule_year = ?").param(year).query(Long.class)
                .single() > 0;
    }

    public Optional<StoredNotice> notice(int year) {
        return jdbc.sql("SELECT schedule_year, title, source_text, loaded_by, loaded_at FROM holiday_schedule "
                + "WHERE schedule_year = ?")
                .param(year)
                .query((rs, n) -> new StoredNotice(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional();
    }

    public List<Integer> loadedYears() {
        return jdbc.sql("SELECT schedule_year FROM holiday_schedule ORDER BY schedule_year").query(Integer.class).list();
    }

    /** Days named by any notice that fall in the given calendar year. */
    public List<HolidayNotice.Day> daysIn(int year) {
        return jdbc.sql("SELECT holiday_date, kind, name FROM holiday_day WHERE holiday_date >= ? AND holiday_date <= ?")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new HolidayNotice.Day(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .list();
    }

    /** Replaces a year's notice and its days. */
    public void replace(HolidayNotice notice, String loadedBy, Instant at) {
        jdbc.sql("DELETE FROM holiday_day WHERE schedule_year = ?").param(notice.year()).update();
        jdbc.sql("DELETE FROM holiday_schedule WHERE schedule_year = ?").param(notice.year()).update();
        jdbc.sql("INSERT INTO holiday_schedule (schedule_year, title, source_text, loaded_by, loaded_at) "
                + "VALUES (?,?,?,?,?)")
                .params(notice.year(), notice.title(), notice.sourceText(), loadedBy,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
        for (HolidayNotice.Day day : notice.days()) {
            jdbc.sql("INSERT INTO holiday_day (holiday_date, schedule_year, kind, name) VALUES (?,?,?,?)")
                    .params(Date.valueOf(day.date()), notice.year(), day.kind().name(), day.name())
                    .update();
        }
    }

    /** A date some other year's notice already names. */
    public Optional<Integer> yearNaming(LocalDate date, int exceptYear) {
        return jdbc.sql("SELECT schedule_year FROM holiday_day WHERE holiday_date = ? AND schedule_year <> ?")
                .params(Date.valueOf(date), exceptYear)
                .query(Integer.class)
                .optional();
    }

    public record StoredNotice(int year, String title, String sourceText, String loadedBy, Instant loadedAt) {
    }
}
