package org.zhiban.calendar;

import java.time.LocalDate;

/**
 * One date in the calendar.
 *
 * @param name        the holiday the day belongs to (for holidays and make-up working days), otherwise null
 * @param provisional the year's notice is not loaded: the day follows the statutory holidays and weekends only
 */
public record CalendarDay(LocalDate date, boolean workingDay, DayKind kind, String name, boolean provisional) {

    static CalendarDay of(LocalDate date, DayKind kind, String name, boolean provisional) {
        return new CalendarDay(date, kind.isWorkingDay(), kind, name, provisional);
    }
}
