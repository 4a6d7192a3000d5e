package org.zhiban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatutoryHolidaysTests {

    @Test
    void daysOff_followTheLunarCalendar() {
        assertThat(StatutoryHolidays.LunarDates.of(2025))
                .isEqualTo(new StatutoryHolidays.LunarDates(LocalDate.of(2025, 1, 29), LocalDate.of(2025, 4, 4),
                        LocalDate.of(2025, 5, 31), LocalDate.of(2025, 10, 6)));
        assertThat(StatutoryHolidays.LunarDates.of(2026))
                .isEqualTo(new StatutoryHolidays.LunarDates(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 4, 5),
                        LocalDate.of(2026, 6, 19), LocalDate.of(2026, 9, 25)));
        assertThat(StatutoryHolidays.LunarDates.of(2024).springFestival()).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(StatutoryHolidays.LunarDates.of(2023).springFestival()).isEqualTo(LocalDate.of(2023, 1, 22));
        // The new moon falls at 23:56 Beijing time on 6 February 2027: a coarse model puts it past midnight.
        assertThat(StatutoryHolidays.LunarDates.of(2027).springFestival()).isEqualTo(LocalDate.of(2027, 2, 6));
    }

    @Test
    void qingming_isTheDayOfTheSolarTerm() {
        assertThat(StatutoryHolidays.LunarDates.of(2023).qingming()).isEqualTo(LocalDate.of(2023, 4, 5));
        assertThat(StatutoryHolidays.LunarDates.of(2024).qingming()).isEqualTo(LocalDate.of(2024, 4, 4));
        assertThat(StatutoryHolidays.LunarDates.of(2027).qingming()).isEqualTo(LocalDate.of(2027, 4, 5));
        assertThat(StatutoryHolidays.LunarDates.of(2028).qingming()).isEqualTo(LocalDate.of(2028, 4, 4));
    }

    @Test
    void daysOff_areThirteenDaysUnderThe2024Revision() {
        Map<LocalDate, String> days = StatutoryHolidays.daysOff(2027);
        assertThat(days).hasSize(13);
        assertThat(days.get(LocalDate.of(2027, 2, 5))).isEqualTo("春节");
        assertThat(days.get(LocalDate.of(2027, 2, 8))).isEqualTo("春节");
        assertThat(days.get(LocalDate.of(2027, 5, 2))).isEqualTo("劳动节");
        assertThat(days.get(LocalDate.of(2027, 10, 3))).isEqualTo("国庆节");
    }

    @Test
    void everyStatutoryDayOf2026IsOffInTheNotice() {
        YearCalendar notice = ShippedNoticeFiles.calendar(2026);
        StatutoryHolidays.daysOff(2026).keySet()
                .forEach(day -> assertThat(notice.day(day).kind()).as(day.toString()).isEqualTo(DayKind.HOLIDAY));
    }
}
