package org.zhiban.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.calendar.internal.ImportantPeriodRepository;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Important periods (重要时段): a unit declares them for itself and its subordinates, and statutory holidays count
 * as important periods unless a unit switches that off for its subtree. Rosters read them to raise staffing (≥ 2 on
 * duty, 宝政办发〔2022〕43号 第八条).
 */
@Service
public class ImportantPeriods {

    /** A declaration longer than this is almost certainly a typing error. */
    static final Duration LONGEST = Duration.ofDays(93);

    private final ImportantPeriodRepository repository;
    private final WorkingCalendar calendar;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    ImportantPeriods(ImportantPeriodRepository repository, WorkingCalendar calendar, UnitTree unitTree,
            UnitScope scope, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.unitTree = unitTree;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The important periods that apply to a unit between two instants: its own, its superiors', and holidays. */
    @Transactional(readOnly = true)
    public List<ImportantPeriod> applying(UUID unitId, Instant from, Instant to) {
        List<Unit> path = unitTree.pathTo(unitId);
        if (path.isEmpty()) {
            throw ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + unitId);
        }
        List<ImportantPeriod> periods = new ArrayList<>(
                repository.overlapping(path.stream().map(Unit::id).toList(), from, to));
        if (statutoryHolidaysImportant(path)) {
            periods.addAll(holidaysBetween(from, to));
        }
        periods.sort(Comparator.comparing(ImportantPeriod::startsAt));
        return periods;
    }

    @Transactional(readOnly = true)
    public boolean isImportant(UUID unitId, Instant at) {
        return !applying(unitId, at, at.plusMillis(1)).isEmpty();
    }

    @Transactional(readOnly = true)
    public boolean statutoryHolidaysImportant(UUID unitId) {
        return statutoryHolidaysImportant(unitTree.pathTo(unitId));
    }

    @Transactional
    public ImportantPeriod declare(Actor actor, UUID unitId, ImportantPeriodCommand command) {
        unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + unitId));
        scope.requireDutyWorkManageable(actor, unitId);
        Instant starts = AcceptedDates.requireInstant("startsAt", command.startsAt(), clock);
        Instant ends = AcceptedDates.requireInstant("endsAt", command.endsAt(), clock);
        requireSensibleSpan(starts, ends);
        ImportantPeriod period = new ImportantPeriod(UUID.randomUUID(), unitId, command.name().trim(), starts, ends,
                ImportantPeriod.Source.DECLARED, command.note() == null || command.note().isBlank() ? null
                        : command.note().trim());
        repository.insert(period, actor.username(), clock.instant());
        audit.record("IMPORTANT_PERIOD_DECLARED", "important-period:" + period.id(), AuditOutcome.SUCCESS,
                period.name() + " " + Zones.MINUTE.format(starts) + " – " + Zones.MINUTE.format(ends));
        return period;
    }

    @Transactional
    public void withdraw(Actor actor, UUID periodId) {
        ImportantPeriod period = repository.find(periodId).orElseThrow(
                () -> ZhibanException.notFound("IMPORTANT_PERIOD_NOT_FOUND", "重要时段不存在：" + periodId));
        scope.requireDutyWorkManageable(actor, period.sourceUnitId(), () -> ZhibanException.notFound(
                "IMPORTANT_PERIOD_NOT_FOUND", "重要时段不存在：" + periodId));
        repository.delete(periodId);
        audit.record("IMPORTANT_PERIOD_WITHDRAWN", "important-period:" + periodId, AuditOutcome.SUCCESS, period.name());
    }

    @Transactional
    public void setStatutoryHolidaysImportant(Actor actor, UUID unitId, boolean important) {
        unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + unitId));
        scope.requireDutyWorkManageable(actor, unitId);
        repository.setStatutoryHolidaysImportant(unitId, important);
        audit.record("IMPORTANT_PERIOD_SETTING_CHANGED", "unit:" + unitId, AuditOutcome.SUCCESS,
                important ? "法定节假日计为重要时段" : "法定节假日不计为重要时段");
    }

    /** A period ends after it starts and lasts no longer than a quarter. */
    static void requireSensibleSpan(Instant starts, Instant ends) {
        if (!ends.isAfter(starts)) {
            throw ZhibanException.invalidField("endsAt", "结束时间应晚于开始时间");
        }
        if (Duration.between(starts, ends).compareTo(LONGEST) > 0) {
            throw ZhibanException.invalidField("endsAt", "重要时段不应超过 93 天，请分段设定");
        }
    }

    /** The nearest unit up the tree that decided wins; statutory holidays count unless switched off. */
    private boolean statutoryHolidaysImportant(List<Unit> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            var setting = repository.statutoryHolidaysImportant(path.get(i).id());
            if (setting.isPresent()) {
                return setting.get();
            }
        }
        return true;
    }

    private List<ImportantPeriod> holidaysBetween(Instant from, Instant to) {
        List<ImportantPeriod> periods = new ArrayList<>();
        int firstYear = LocalDate.ofInstant(from, Zones.CHINA).getYear();
        int lastYear = LocalDate.ofInstant(to, Zones.CHINA).getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            for (HolidayPeriod holiday : calendar.holidays(year)) {
                Instant starts = holiday.firstDay().atStartOfDay(Zones.CHINA).toInstant();
                Instant ends = holiday.lastDay().plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
                ImportantPeriod period = new ImportantPeriod(null, null, holiday.name(), starts, ends,
                        ImportantPeriod.Source.STATUTORY_HOLIDAY, holiday.provisional() ? "暂按法定节假日推算" : null);
                if (period.overlaps(from, to)) {
                    periods.add(period);
                }
            }
        }
        return periods;
    }
}
