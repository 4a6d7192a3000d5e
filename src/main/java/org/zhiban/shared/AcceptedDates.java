package org.zhiban.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * The dates and times a request may carry: from 2000-01-01 to ten years ahead of the clock, or a narrower range that
 * a field needs. A date outside is a typing slip or a probe (0000-01-01, +999999999-12-31), and taken as it stands
 * it lands in the database as another year and in every rule that reads it; it is refused naming the field and the
 * range instead.
 */
public final class AcceptedDates {

    /** No duty office kept its records in this system before this day. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** How far ahead anything may be planned: a roster, a leave, a holiday notice. */
    public static final int YEARS_AHEAD = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private AcceptedDates() {
    }

    /** Today in China plus ten years: the last day accepted. */
    public static LocalDate latest(Clock clock) {
        return today(clock).plusYears(YEARS_AHEAD);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(Zones.CHINA));
    }

    /** A day from 2000-01-01 to ten years ahead; null passes (whether a field is required is its own rule). */
    public static LocalDate requireDate(String field, LocalDate day, Clock clock) {
        return requireDateBetween(field, day, EARLIEST, latest(clock));
    }

    /** A day that has come: from 2000-01-01 to today (a training held, a holiday day reported). */
    public static LocalDate requirePastDate(String field, LocalDate day, Clock clock) {
        return requireDateBetween(field, day, EARLIEST, today(clock));
    }

    public static LocalDate requireDateBetween(String field, LocalDate day, LocalDate earliest, LocalDate latest) {
        if (day != null && (day.isBefore(earliest) || day.isAfter(latest))) {
            throw ZhibanException.invalidField(field, "日期须在 " + DAY.format(earliest) + " 至 " + DAY.format(latest)
                    + " 之间");
        }
        return day;
    }

    /** A moment from 2000-01-01 00:00 (China) to ten years ahead; null passes. */
    public static Instant requireInstant(String field, OffsetDateTime at, Clock clock) {
        return at == null ? null : requireInstant(field, at.toInstant(), clock);
    }

    public static Instant requireInstant(String field, Instant at, Clock clock) {
        return requireInstantBetween(field, at, start(EARLIEST), clock.instant().atZone(Zones.CHINA)
                .plusYears(YEARS_AHEAD).toInstant());
    }

    /** A moment that has happened: from 2000-01-01 00:00 (China) to now (an incident occurred or learned of). */
    public static Instant requirePastInstant(String field, OffsetDateTime at, Clock clock) {
        return at == null ? null : requireInstantBetween(field, at.toInstant(), start(EARLIEST), clock.instant());
    }

    public static Instant requireInstantBetween(String field, Instant at, Instant earliest, Instant latest) {
        if (at != null && (at.isBefore(earliest) || at.isAfter(latest))) {
            throw ZhibanException.invalidField(field, "时间须在 " + Zones.MINUTE.format(earliest) + " 至 "
                    + Zones.MINUTE.format(latest) + " 之间");
        }
        return at;
    }

    /** A month from 2000-01 to ten years ahead. */
    public static YearMonth requireMonth(String field, YearMonth month, Clock clock) {
        YearMonth latest = YearMonth.from(latest(clock));
        if (month != null && (month.isBefore(YearMonth.from(EARLIEST)) || month.isAfter(latest))) {
            throw ZhibanException.invalidField(field, "月份须在 " + YearMonth.from(EARLIEST) + " 至 " + latest + " 之间");
        }
        return month;
    }

    /** A year from 2000 to ten years ahead (a log book, a holiday notice). */
    public static int requireYear(String field, int year, Clock clock) {
        int latest = latest(clock).getYear();
        if (year < EARLIEST.getYear() || year > latest) {
            throw ZhibanException.invalidField(field, "年份须在 " + EARLIEST.getYear() + " 至 " + latest + " 之间");
        }
        return year;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(Zones.CHINA).toInstant();
    }
}
