package org.zhiban.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.calendar.HolidayPeriod;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.obligation.ObligationKind;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Person;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.RuleValue;
import org.zhiban.roster.internal.FilingRepository;
import org.zhiban.roster.internal.FilingRepository.FilingRow;
import org.zhiban.roster.internal.RosterRepository;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.RepeatingPass;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Filing holiday rosters (节假日值班表报备) with the superior's duty office: for each statutory holiday ahead, every unit
 * that keeps a roster under a policy asking for it owes its superior the holiday's duty arrangement by the policy's
 * deadline — 宝政办发〔2022〕43号 第十五条 (提前3天), 龙政办〔2023〕2号 六（三） (提前3个工作日), the X-district
 * standard 第九条（二） (提前3天). A repeating pass opens these obligations from the holiday calendar; filing
 * fulfils them; the superior sees per subordinate whether it filed, late or not at all.
 */
@Service
public class HolidayFilings extends RepeatingPass {

    public static final ObligationKind KIND = new ObligationKind("HOLIDAY_ROSTER_FILING", "节假日值班表报备",
            Duration.ofDays(1), Duration.ofDays(1), false);

    private final FilingRepository filings;
    private final RosterRepository rosters;
    private final Rosters rosterService;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final WorkingCalendar calendar;
    private final Obligations obligations;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lookAhead;

    HolidayFilings(FilingRepository filings, RosterRepository rosters, Rosters rosterService, UnitTree unitTree,
            UnitScope scope, DutyPolicies policies, WorkingCalendar calendar, Obligations obligations,
            AuditTrail audit, TransactionTemplate transaction, Clock clock,
            @Value("${zhiban.roster.filing-sweep-interval:PT1H}") Duration interval,
            @Value("${zhiban.roster.filing-look-ahead:P30D}") Duration lookAhead) {
        super("holiday-filings", interval);
        this.filings = filings;
        this.rosters = rosters;
        this.rosterService = rosterService;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.calendar = calendar;
        this.obligations = obligations;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.lookAhead = lookAhead;
    }

    @Bean
    static ObligationKind holidayRosterFilingKind() {
        return KIND;
    }

    @Override
    protected int pass() {
        return openUpcoming();
    }

    /**
     * Opens, for every holiday beginning within the look-ahead, the filing each unit owes — once, on any number of
     * instances. A deadline already past (a unit added late) is recorded without an obligation and shows as missing.
     */
    public int openUpcoming() {
        return openUpcoming(LocalDate.now(clock.withZone(Zones.CHINA)));
    }

    /** As {@link #openUpcoming()}, looking ahead from a given day. */
    int openUpcoming(LocalDate today) {
        LocalDate horizon = today.plusDays(lookAhead.toDays());
        List<HolidayPeriod> holidays = holidaysBetween(today.plusDays(1), horizon);
        if (holidays.isEmpty()) {
            return 0;
        }
        int opened = 0;
        for (UUID unitId : rosters.staffedUnits()) {
            Optional<Unit> unit = unitTree.find(unitId);
            Optional<EffectiveRule> lead = policies.effective(unitId).rule(RuleKey.HOLIDAY_ROSTER_FILING_LEAD);
            if (unit.isEmpty() || unit.get().parentId() == null || lead.isEmpty()) {
                continue;
            }
            for (HolidayPeriod holiday : holidays) {
                if (filings.find(unitId, holiday.firstDay()).isEmpty() && open(unit.get(), holiday, lead.get())) {
                    opened++;
                }
            }
        }
        return opened;
    }

    private boolean open(Unit unit, HolidayPeriod holiday, EffectiveRule lead) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                FilingRow row = newFiling(unit, holiday, lead);
                filings.insert(row);
                if (row.dueAt().isAfter(clock.instant())) {
                    obligations.open(new OpenObligation(unit.id(), KIND.code(), "roster", subject(row),
                            holiday.name() + "值班表报备", row.dueAt(), row.citation()));
                }
                return true;
            }));
        }
        catch (DuplicateKeyException openedElsewhere) {
            return false;
        }
    }

    private FilingRow newFiling(Unit unit, HolidayPeriod holiday, EffectiveRule lead) {
        return new FilingRow(UUID.randomUUID(), unit.id(), unit.parentId(), holiday.name(), holiday.firstDay(),
                holiday.lastDay(), filingDue(holiday.firstDay(), lead.ruleValue(), calendar::workingDaysBefore), lead.citation(), null,
                null, null, null);
    }

    /**
     * The deadline to file a holiday's roster: the end of the N-th day — or N-th working day — before the holiday
     * begins (提前3天 / 提前3个工作日: filed on that day, it is N days ahead).
     */
    static Instant filingDue(LocalDate holidayBegins, RuleValue lead,
            BiFunction<LocalDate, Integer, LocalDate> workingDaysBefore) {
        return lead.endOfLeadBefore(holidayBegins, workingDaysBefore);
    }

    /**
     * Files (or files again, after a change) the unit's arrangement for a holiday: its rosters for the holiday
     * published, every position filled, no hard rule broken. The first filing's time is what timeliness counts.
     */
    @Transactional
    public HolidayFiling file(Actor actor, UUID unitId, LocalDate holidayBegins) {
        Unit unit = unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND",
                "单位不存在：" + unitId));
        scope.requireDutyWorkManageable(actor, unitId);
        HolidayPeriod holiday = holidayBeginning(holidayBegins);
        if (unit.parentId() == null) {
            throw ZhibanException.invalidField("unitId", unit.name() + "没有上级单位，无需报备");
        }
        EffectiveRule lead = policies.effective(unitId).rule(RuleKey.HOLIDAY_ROSTER_FILING_LEAD).orElseThrow(() ->
                ZhibanException.invalidField("unitId", unit.name() + "适用的值班规范未规定节假日值班表报备"));
        if (filings.find(unitId, holiday.firstDay()).isEmpty()) {
            filings.insert(newFiling(unit, holiday, lead));
        }
        FilingRow row = filings.lock(unitId, holiday.firstDay()).orElseThrow();
        String arrangement = arrangement(unit, holiday);
        Instant now = clock.instant();
        filings.file(row.id(), row.filedAt() == null ? now : row.filedAt(), row.filedBy() == null ? actor.username()
                : row.filedBy(), now, arrangement);
        obligations.fulfilFor("roster", subject(row), KIND.code(), actor.username());
        audit.record(row.filedAt() == null ? "HOLIDAY_ROSTER_FILED" : "HOLIDAY_ROSTER_REFILED", "unit:" + unitId,
                AuditOutcome.SUCCESS, unit.name() + " " + holiday.name() + "值班表"
                        + (now.isAfter(row.dueAt()) && row.filedAt() == null ? "（逾期）" : ""));
        return view(filings.find(unitId, holiday.firstDay()).orElseThrow());
    }

    /** The holiday's shifts, one line each, once the rosters are published, filled and within the rules. */
    private String arrangement(Unit unit, HolidayPeriod holiday) {
        List<RosterRepository.DayShiftRow> shifts = rosters.shiftsBetween(unit.id(), holiday.firstDay(),
                holiday.lastDay());
        Set<LocalDate> covered = shifts.stream().map(RosterRepository.DayShiftRow::day).collect(Collectors.toSet());
        if (covered.size() < holiday.days()) {
            throw ZhibanException.conflict("HOLIDAY_ROSTER_NOT_READY", holiday.name() + "期间的值班表尚未生成");
        }
        if (shifts.stream().anyMatch(s -> s.rosterStatus() != RosterStatus.PUBLISHED)) {
            throw ZhibanException.conflict("HOLIDAY_ROSTER_NOT_READY", holiday.name() + "期间的值班表尚未发布");
        }
        Set<UUID> holidayShifts = shifts.stream().map(RosterRepository.DayShiftRow::id).collect(Collectors.toSet());
        Set<UUID> rosterIds = shifts.stream().map(RosterRepository.DayShiftRow::rosterId)
                .collect(Collectors.toCollection(HashSet::new));
        List<RosterRepository.RosterRow> rows = rosterIds.stream()
                .map(id -> rosters.rosterById(id).orElseThrow()).toList();
        rosterService.violations(rows).stream()
                .filter(v -> v.hard() && v.shiftIds().stream().anyMatch(holidayShifts::contains))
                .findFirst().ifPresent(v -> {
                    throw ZhibanException.conflict("HOLIDAY_ROSTER_NOT_READY", holiday.name() + "值班表违反规定，不能报备："
                            + v.label() + "——" + v.detail() + v.cited());
                });
        Map<UUID, List<RosterRepository.SlotRow>> slots = rosterIds.stream().flatMap(id -> rosters.slots(id).stream())
                .filter(s -> holidayShifts.contains(s.shiftId()))
                .collect(Collectors.groupingBy(RosterRepository.SlotRow::shiftId));
        List<String> lines = new ArrayList<>();
        for (RosterRepository.DayShiftRow shift : shifts) {
            List<RosterRepository.SlotRow> positions = slots.getOrDefault(shift.id(), List.of());
            String leader = positions.stream().filter(p -> p.role() == DutyRole.LEADER).map(p -> name(p.personId()))
                    .collect(Collectors.joining("、"));
            String officers = positions.stream().filter(p -> p.role() == DutyRole.OFFICER)
                    .sorted(Comparator.comparingInt(RosterRepository.SlotRow::position)).map(p -> name(p.personId()))
                    .collect(Collectors.joining("、"));
            lines.add(Swaps.shiftLabel(shift.day(), shift.name()) + " " + Zones.CLOCK.format(shift.start()) + "—"
                    + Zones.CLOCK.format(shift.end()) + " 带班领导：" + leader + " 值班员：" + officers);
        }
        return String.join("\n", lines);
    }

    /**
     * The unit's own filings from a month ago on, with the holidays of the next three months it has yet to file
     * for (which it may file early).
     */
    @Transactional(readOnly = true)
    public List<HolidayFiling> ofUnit(Actor actor, UUID unitId) {
        Unit unit = unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND",
                "单位不存在：" + unitId));
        scope.requireVisible(actor, unitId);
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        List<FilingRow> rows = new ArrayList<>(filings.ofUnit(unitId, today.minusMonths(1)));
        Optional<EffectiveRule> lead = policies.effective(unitId).rule(RuleKey.HOLIDAY_ROSTER_FILING_LEAD);
        if (unit.parentId() != null && lead.isPresent()) {
            Set<LocalDate> known = rows.stream().map(FilingRow::firstDay).collect(Collectors.toSet());
            holidaysBetween(today.plusDays(1), today.plusMonths(3)).stream()
                    .filter(h -> !known.contains(h.firstDay()))
                    .forEach(h -> rows.add(newFiling(unit, h, lead.get())));
        }
        return rows.stream().sorted(Comparator.comparing(FilingRow::firstDay)).map(this::view).toList();
    }

    /** For a superior: each subordinate's filing for one holiday — filed, late, missing or not yet due. */
    @Transactional(readOnly = true)
    public List<HolidayFiling> toSuperior(Actor actor, UUID superiorId, LocalDate holidayBegins) {
        unitTree.find(superiorId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + superiorId));
        scope.requireVisible(actor, superiorId);
        AcceptedDates.requireDate("holiday", holidayBegins, clock);
        return filings.toSuperior(superiorId, holidayBegins).stream().map(this::view)
                .sorted(Comparator.comparing(HolidayFiling::status).thenComparing(HolidayFiling::unitName))
                .toList();
    }

    /** Holidays from two months back to a year ahead, for choosing one. */
    public List<HolidayPeriod> recentAndUpcoming() {
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        return holidaysBetween(today.minusMonths(2), today.plusYears(1));
    }

    /** Where a filing stands: filed on time or late, or not filed and not yet due or overdue. */
    static FilingStatus status(Instant dueAt, Instant filedAt, Instant now) {
        if (filedAt != null) {
            return filedAt.isAfter(dueAt) ? FilingStatus.LATE : FilingStatus.FILED;
        }
        return now.isAfter(dueAt) ? FilingStatus.MISSING : FilingStatus.PENDING;
    }

    private List<HolidayPeriod> holidaysBetween(LocalDate from, LocalDate to) {
        List<HolidayPeriod> found = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            calendar.holidays(year).stream()
                    .filter(h -> !h.firstDay().isBefore(from) && !h.firstDay().isAfter(to))
                    .forEach(found::add);
        }
        return found;
    }

    private HolidayPeriod holidayBeginning(LocalDate firstDay) {
        if (firstDay == null) {
            throw ZhibanException.invalidField("holiday", "请选择节假日");
        }
        AcceptedDates.requireDate("holiday", firstDay, clock);
        return calendar.holidays(firstDay.getYear()).stream().filter(h -> h.firstDay().equals(firstDay)).findFirst()
                .orElseThrow(() -> ZhibanException.invalidField("holiday", firstDay + " 不是法定节假日的第一天"));
    }

    private HolidayFiling view(FilingRow row) {
        return new HolidayFiling(row.unitId(), unitTree.find(row.unitId()).map(Unit::name).orElse(""), row.superiorId(),
                row.holidayName(), row.firstDay(), row.lastDay(), Zones.china(row.dueAt()), row.citation(),
                status(row.dueAt(), row.filedAt(), clock.instant()),
                row.filedAt() == null ? null : Zones.china(row.filedAt()), row.filedBy(),
                row.updatedAt() == null ? null : Zones.china(row.updatedAt()), row.arrangement());
    }

    private String name(UUID personId) {
        return personId == null ? "（空）" : unitTree.findPerson(personId).map(Person::name).orElse("");
    }

    private static String subject(FilingRow row) {
        return "holiday-filing:" + row.id();
    }
}
