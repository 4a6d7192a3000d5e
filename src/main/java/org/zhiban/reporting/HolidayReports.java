package org.zhiban.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.calendar.HolidayPeriod;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.reporting.internal.ReportingRepository;
import org.zhiban.reporting.internal.ReportingRepository.DailyRow;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Secrecy;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Daily and nil reports on statutory holidays (X区值班工作标准规范 第九条（四）): each holiday day every unit whose
 * policy asks for it files a daily report by the set time — a nil report when nothing happened — and on the last
 * day a holiday summary. The day's obligations are opened once, by whichever instance gets there first.
 */
@Service
public class HolidayReports {

    public static final String DAILY = "DAILY";
    public static final String SUMMARY = "SUMMARY";

    private final ReportingRepository repository;
    private final Obligations obligations;
    private final DutyPolicies policies;
    private final WorkingCalendar calendar;
    private final UnitTree unitTree;
    private final AuditTrail audit;
    private final Clock clock;

    HolidayReports(ReportingRepository repository, Obligations obligations, DutyPolicies policies,
            WorkingCalendar calendar, UnitTree unitTree, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.obligations = obligations;
        this.policies = policies;
        this.calendar = calendar;
        this.unitTree = unitTree;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens the day's daily-report (and, on the last day, summary) obligations; returns how many were opened. */
    @Transactional
    public int openDue(LocalDate day) {
        Optional<HolidayPeriod> holiday = calendar.holidayContaining(day);
        Instant now = clock.instant();
        Instant dayStart = day.atStartOfDay(Zones.CHINA).toInstant();
        if (holiday.isEmpty() || dayStart.isAfter(now)) {
            return 0;
        }
        try {
            if (!repository.markDayOpened(day, now)) {
                return 0;
            }
        }
        catch (DuplicateKeyException anotherInstance) {
            return 0;
        }
        boolean lastDay = day.equals(holiday.get().lastDay());
        int opened = 0;
        for (Unit root : unitTree.roots()) {
            for (Unit unit : unitTree.below(root.id())) {
                for (ReportDeadlines.Deadline deadline : ReportDeadlines.forHolidayDay(policies.effective(unit.id()),
                        day, lastDay)) {
                    obligations.open(new OpenObligation(unit.id(), deadline.kind().code(), Incidents.MODULE,
                            subject(unit.id(), day), holiday.get().name() + " " + day + " " + deadline.kind().label(),
                            deadline.dueAt(), deadline.citation(), dayStart));
                    opened++;
                }
            }
        }
        return opened;
    }

    /** Opens today's obligations if today is a holiday; the periodic pass calls this. */
    public int openToday() {
        return openDue(LocalDate.now(clock.withZone(Zones.CHINA)));
    }

    /** Files the actor's unit's daily report or summary for a holiday day up to today; each once. */
    @Transactional
    public HolidayDay file(Actor actor, DailyReportCommand command) {
        UUID unitId = Incidents.requireDutyOffice(actor);
        Secrecy.requireNotClassified(command.classified());
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        LocalDate day = command.day() == null ? today : AcceptedDates.requirePastDate("day", command.day(), clock);
        if (day.isAfter(today)) {
            throw ZhibanException.invalidField("day", "不能报送今天以后的日报告");
        }
        HolidayPeriod holiday = calendar.holidayContaining(day).orElseThrow(() -> ZhibanException.invalidField("day",
                day + " 不是法定节假日，无需报送节假日日报告"));
        String kind = command.kind() == null || command.kind().isBlank() ? DAILY : command.kind().trim();
        if (!kind.equals(DAILY) && !kind.equals(SUMMARY)) {
            throw ZhibanException.invalidField("kind", "报告类别应为 DAILY（日报告）或 SUMMARY（假期综合情况）");
        }
        if (kind.equals(SUMMARY) && !day.equals(holiday.lastDay())) {
            throw ZhibanException.invalidField("day", "假期综合情况在节假日最后一天（" + holiday.lastDay() + "）报送");
        }
        boolean nil = Boolean.TRUE.equals(command.nil()) && kind.equals(DAILY);
        String content = nil ? Fields.optional("content", command.content(), "报告内容", 4000)
                : Fields.required("content", command.content(), "报告内容", 4000);
        try {
            repository.insert(new DailyRow(UUID.randomUUID(), unitId, day, kind, nil, content, actor.username(),
                    actor.displayName(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        }
        catch (DuplicateKeyException twice) {
            throw ZhibanException.conflict("DAILY_REPORT_FILED", day + " 的" + label(kind) + "已报送");
        }
        String obligationKind = kind.equals(DAILY) ? ReportingKinds.DAILY_REPORT.code()
                : ReportingKinds.HOLIDAY_SUMMARY.code();
        obligations.fulfilFor(Incidents.MODULE, subject(unitId, day), obligationKind, actor.username());
        audit.record("DAILY_REPORT_FILED", "unit:" + unitId, AuditOutcome.SUCCESS,
                day + " " + label(kind) + (nil ? "（零报告）" : ""));
        return dayOf(unitId, day);
    }

    /** The actor's unit's holiday reporting today. */
    @Transactional(readOnly = true)
    public HolidayDay today(Actor actor) {
        return dayOf(Incidents.requireUnit(actor), LocalDate.now(clock.withZone(Zones.CHINA)));
    }

    /** The holiday reporting of each unit directly below the actor's on a day. */
    @Transactional(readOnly = true)
    public List<HolidayDay> subordinates(Actor actor, LocalDate day) {
        AcceptedDates.requireDate("day", day, clock);
        if (actor.unitId() == null) {
            return List.of();
        }
        return days(unitTree.children(actor.unitId()), day);
    }

    /**
     * A holiday day's daily reports across the actor's whole subtree, counted per direct subordinate: due, filed, late,
     * still open and overdue. Empty on a day that is no holiday. This is what a province's office watches rise before
     * the day's deadline; it costs one grouped query whatever the subtree.
     */
    @Transactional(readOnly = true)
    public List<Obligations.KindCounts> filedBelow(Actor actor, LocalDate day) {
        AcceptedDates.requireDate("day", day, clock);
        if (actor.unitId() == null || calendar.holidayContaining(day).isEmpty()) {
            return List.of();
        }
        return obligations.perSubordinate(actor.unitId(), ReportingKinds.DAILY_REPORT.code(),
                day.atStartOfDay(Zones.CHINA).toInstant(), day.plusDays(1).atStartOfDay(Zones.CHINA).toInstant());
    }

    private HolidayDay dayOf(UUID unitId, LocalDate day) {
        return days(unitTree.find(unitId).stream().toList(), day).get(0);
    }

    /** Each unit's reporting on a day, in two queries whatever their number (none on a day that is no holiday). */
    private List<HolidayDay> days(List<Unit> units, LocalDate day) {
        Optional<HolidayPeriod> holiday = calendar.holidayContaining(day);
        List<DailyRow> filed = holiday.isEmpty() ? List.of()
                : repository.dailyReports(units.stream().map(Unit::id).toList(), day);
        Map<String, List<Obligation>> due = holiday.isEmpty() ? Map.of()
                : obligations.forSubjects(Incidents.MODULE, units.stream().map(u -> subject(u.id(), day)).toList());
        return units.stream().map(unit -> new HolidayDay(unit.id(), unit.name(), day,
                holiday.map(HolidayPeriod::name).orElse(null), holiday.map(h -> h.lastDay().equals(day)).orElse(false),
                due.getOrDefault(subject(unit.id(), day), List.of()).stream().map(obligations::view).toList(),
                filed.stream().filter(r -> r.unitId().equals(unit.id())).map(this::view).toList())).toList();
    }

    private DailyReport view(DailyRow row) {
        return new DailyReport(row.id(), row.unitId(), unitTree.find(row.unitId()).map(Unit::name).orElse(""),
                row.day(), row.kind(), label(row.kind()), row.nil(), row.content(), row.filedByName(),
                Zones.china(row.filedAt()));
    }

    static String label(String kind) {
        return kind.equals(SUMMARY) ? "假期综合情况" : "日报告";
    }

    static String subject(UUID unitId, LocalDate day) {
        return "holiday:" + day + ":" + unitId;
    }
}
