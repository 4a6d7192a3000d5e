package org.zhiban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the project's own holiday data, day by day, against an independent copy of the State Council's schedules
 * kept outside the project (../shared/reference/holidays-cn, or ZHIBAN_HOLIDAY_REFERENCE). Skipped, with a message,
 * where that copy is absent.
 */
class OfficialScheduleTests {

    private static final Path REFERENCE = Path.of(System.getenv().getOrDefault("ZHIBAN_HOLIDAY_REFERENCE",
            Path.of("..", "shared", "reference", "holidays-cn").toString()));

    @ParameterizedTest
    @ValueSource(ints = { 2023, 2024, 2025, 2026 })
    void everyDayMatchesTheOfficialSchedule(int year) throws IOException {
        Path file = REFERENCE.resolve(year + ".txt");
        Assumptions.assumeTrue(Files.exists(file), "reference schedule not found at " + file.toAbsolutePath());
        Map<LocalDate, String> official = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 2 && parts[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
                official.put(LocalDate.parse(parts[0]), parts[1]);
            }
        }
        YearCalendar ours = ShippedNoticeFiles.calendar(year);
        int checked = 0;
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            String kind = official.get(date);
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean expectedWorking = "work".equals(kind) || kind == null && !weekend;
            CalendarDay day = ours.day(date);
            assertThat(day.workingDay()).as(date + " working day").isEqualTo(expectedWorking);
            if ("off".equals(kind)) {
                assertThat(day.kind()).as(date.toString()).isEqualTo(DayKind.HOLIDAY);
            }
            else if ("work".equals(kind)) {
                assertThat(day.kind()).as(date.toString()).isEqualTo(DayKind.MAKEUP_WORKDAY);
            }
            else {
                assertThat(day.kind()).as(date.toString()).isEqualTo(weekend ? DayKind.WEEKEND : DayKind.WORKDAY);
            }
            assertThat(day.provisional()).isFalse();
            checked++;
        }
        assertThat(checked).isEqualTo(LocalDate.of(year, 12, 31).getDayOfYear());
        // Days the official schedule names before the year (2022-12-31 for 2023) are in our notice too.
        official.keySet().stream().filter(d -> d.getYear() == year - 1).forEach(d -> assertThat(
                ShippedNoticeFiles.notice(year).days()).extracting(HolidayNotice.Day::date).contains(d));
    }
}
