package org.zhiban.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.calendar.internal.CalendarRepository;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.RevisionedCache;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/**
 * The official working calendar: which days are working days, counting working days, and the holidays of a
 * year. Years are held in memory; loading or correcting a notice takes effect on every instance within a second.
 */
@Service
public class WorkingCalendar {

    /** Counting is bounded: no deadline in the regulations is more than a year of working days away. */
    public static final int MAX_WORKING_DAYS = 366;

    private final CalendarRepository repository;
    private final AuditTrail audit;
    private final java.time.Clock clock;
    private final RevisionedCache<Integer, YearCalendar> years;
    private final ApplicationEventPublisher events;

    WorkingCalendar(CalendarRepository repository, AuditTrail audit, java.time.Clock clock, JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.years = new RevisionedCache<>("calendar", jdbc);
    }

    public CalendarDay day(LocalDate date) {
        return year(date.getYear()).day(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        return year(date.getYear()).isWorkingDay(date);
    }

    /** The n-th working day after {@code from}, not counting {@code from} itself (e.g. "within 5 working days"). */
    public LocalDate workingDaysAfter(LocalDate from, int n) {
        requireCount(n);
        LocalDate date = from;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The n-th working day before {@code to}, not counting {@code to} itself (e.g. "3 working days ahead"). */
    public LocalDate workingDaysBefore(LocalDate to, int n) {
        requireCount(n);
        LocalDate date = to;
        int counted = 0;
        while (counted < n) {
            date = date.minusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The holidays of a year, as runs of days off, from its notice or provisionally from the statutory holidays. */
    public List<HolidayPeriod> holidays(int year) {
        return year(year).holidayPeriods();
    }

    /** The holiday a date falls in, if any. */
    public Optional<HolidayPeriod> holidayContaining(LocalDate date) {
        return holidays(date.getYear()).stream().filter(p -> p.contains(date)).findFirst();
    }

    public boolean isNoticeLoaded(int year) {
        return repository.hasNotice(year);
    }

    public Optional<CalendarRepository.StoredNotice> notice(int year) {
        return repository.notice(year);
    }

    public List<Integer> loadedYears() {
        return repository.loadedYears();
    }

    /** Loads or corrects a year's notice; for the system administrator, audited. */
    @Transactional
    public HolidayNotice loadNotice(Actor actor, int year, String text) {
        if (!actor.has(Role.SYSTEM_ADMIN)) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有系统管理员可以载入或修改节假日安排");
        }
        AcceptedDates.requireYear("year", year, clock);
        HolidayNotice notice = HolidayNotice.parse(year, text);
        store(notice, actor.username());
        audit.record("HOLIDAY_NOTICE_LOADED", "calendar:" + year, AuditOutcome.SUCCESS,
                notice.title() + "，" + notice.days().size() + " 天");
        return notice;
    }

    /** Stores a notice shipped with the application, if the year has none yet. */
    @Transactional
    public boolean loadShippedNotice(HolidayNotice notice) {
        if (repository.hasNotice(notice.year())) {
            return false;
        }
        store(notice, "system");
        return true;
    }

    private void store(HolidayNotice notice, String loadedBy) {
        for (HolidayNotice.Day day : notice.days()) {
            repository.yearNaming(day.date(), notice.year()).ifPresent(other -> {
                throw ZhibanException.invalidField("text", day.date() + " 已由 " + other + " 年的通知安排");
            });
        }
        repository.replace(notice, loadedBy, clock.instant());
        years.invalidate();
        events.publishEvent(new HolidayNoticeLoaded(UUID.randomUUID(), notice.year()));
    }

    private YearCalendar year(int year) {
        if (year < 1901 || year > 2099) {
            throw ZhibanException.invalidField("date", "日期超出可计算的范围（1901–2099 年）");
        }
        return years.get(year, y -> YearCalendar.build(y, repository.hasNotice(y), repository.daysIn(y)));
    }

    private static void requireCount(int n) {
        if (n < 1 || n > MAX_WORKING_DAYS) {
            throw ZhibanException.invalidField("days", "工作日数应在 1 至 " + MAX_WORKING_DAYS + " 之间");
        }
    }
}
