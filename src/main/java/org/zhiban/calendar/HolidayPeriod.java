package org.zhiban.calendar;

import java.time.LocalDate;

/** A run of consecutive days off named by a notice (or, provisionally, by the statutory holidays). */
public record HolidayPeriod(String name, LocalDate firstDay, LocalDate lastDay, boolean provisional) {

    public long days() {
        return lastDay.toEpochDay() - firstDay.toEpochDay() + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }
}
