package org.zhiban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One calendar year held in memory for fast look-ups: each day's kind and holiday name, and whether the year's
 * notice is loaded. Days named by a notice of a neighbouring year (the New Year holiday beginning in late
 * December) are not provisional.
 */
final class YearCalendar {

    private final int year;
    private final DayKind[] kinds;
    private final String[] names;
    private final boolean[] provisional;

    private YearCalendar(int year) {
        this.year = year;
        int length = LocalDate.of(year, 12, 31).getDayOfYear();
        this.kinds = new DayKind[length];
        this.names = new String[length];
        this.provisional = new boolean[length];
    }

    /**
     * Builds a year from the days notices name; where the year's own notice is missing, the statutory holidays
     * stand in, marked provisional.
     */
    static YearCalendar build(int year, boolean noticeLoaded, List<HolidayNotice.Day> noticeDays) {
        YearCalendar calendar = new YearCalendar(year);
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            int i = date.getDayOfYear() - 1;
            calendar.kinds[i] = weekendOrWorkday(date);
            calendar.provisional[i] = !noticeLoaded;
        }
        if (!noticeLoaded) {
            for (Map.Entry<LocalDate, String> day : StatutoryHolidays.daysOff(year).entrySet()) {
                int i = day.getKey().getDayOfYear() - 1;
                calendar.kinds[i] = DayKind.HOLIDAY;
                calendar.names[i] = day.getValue();
            }
        }
        for (HolidayNotice.Day day : noticeDays) {
            if (day.date().getYear() == year) {
                int i = day.date().getDayOfYear() - 1;
                calendar.kinds[i] = day.kind();
                calendar.names[i] = day.name();
                calendar.provisional[i] = false;
            }
        }
        return calendar;
    }

    CalendarDay day(LocalDate date) {
        int i = date.getDayOfYear() - 1;
        return CalendarDay.of(date, kinds[i], names[i], provisional[i]);
    }

    boolean isWorkingDay(LocalDate date) {
        return kinds[date.getDayOfYear() - 1].isWorkingDay();
    }

    /**
     * The year's runs of consecutive holiday days, in order. A notice lists every day off of a holiday, weekends
     * included; a provisional holiday (no notice yet) takes in the weekend days next to it, since the days off then
     * run from the weekend (a Monday holiday is off from Saturday).
     */
    List<HolidayPeriod> holidayPeriods() {
        List<HolidayPeriod> periods = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= kinds.length; i++) {
            boolean holiday = i < kinds.length && kinds[i] == DayKind.HOLIDAY;
            boolean sameRun = holiday && start >= 0 && names[i].equals(names[start]);
            if (start >= 0 && !sameRun) {
                int first = start;
                int last = i - 1;
                if (provisional[start]) {
                    while (first > 0 && kinds[first - 1] == DayKind.WEEKEND) {
                        first--;
                    }
                    while (last < kinds.length - 1 && kinds[last + 1] == DayKind.WEEKEND) {
                        last++;
                    }
                }
                periods.add(new HolidayPeriod(names[start], LocalDate.ofYearDay(year, first + 1),
                        LocalDate.ofYearDay(year, last + 1), provisional[start]));
                start = -1;
            }
            if (holiday && start < 0) {
                start = i;
            }
        }
        return periods;
    }

    private static DayKind weekendOrWorkday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WORKDAY;
    }
}
