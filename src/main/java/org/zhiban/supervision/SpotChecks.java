package org.zhiban.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.roster.OnDuty;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;
import org.zhiban.supervision.internal.InspectionRepository;
import org.zhiban.supervision.internal.InspectionRepository.CheckRow;

/**
 * Phone spot checks (电话抽查, 宝政办发〔2022〕43号 第二十八条, X区 第七条) of the units directly below the inspecting
 * office; a result the checked unit's policy counts as failed opens a rectification demand (整改通知) owed back by
 * its policy's days. Each check counts towards the superior's yearly coverage (第二十八条 全覆盖, X区 第二十四条).
 */
@Service
public class SpotChecks {

    private static final int LIST_LIMIT = 100;
    /** Working hours on a working day, China time: the day shift of the shipped shift patterns. */
    static final LocalTime WORK_STARTS = LocalTime.of(8, 30);
    static final LocalTime WORK_ENDS = LocalTime.of(17, 30);

    private final InspectionRepository repository;
    private final Rectifications rectifications;
    private final CoverageReminders coverageReminders;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final OnDuty onDuty;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    SpotChecks(InspectionRepository repository, Rectifications rectifications, CoverageReminders coverageReminders,
            UnitTree unitTree, UnitScope scope, DutyPolicies policies, OnDuty onDuty, WorkingCalendar calendar,
            AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.rectifications = rectifications;
        this.coverageReminders = coverageReminders;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.onDuty = onDuty;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a phone spot check of a unit directly below; a failed result opens its rectification demand. */
    @Transactional
    public SpotCheck record(Actor actor, SpotCheckCommand command) {
        UnitScope.refusePlatformAdministrator(actor);
        Supervisors.requireDutyOffice(actor);
        Instant now = clock.instant();
        FieldChecks checks = new FieldChecks();
        Supervisors.requireUnitBelow(checks, unitTree, actor, command.unitId());
        Instant calledAt = checks.check(() -> command.calledAt() == null ? now
                : AcceptedDates.requirePastInstant("calledAt", command.calledAt(), clock));
        Optional<SpotCheckResult> result = SpotCheckResult.of(command.result());
        checks.require(result.isPresent(), "result", "请选择抽查结果代码：11 接通规范、12 接通不规范、13 非本单位接听、"
                + "14 挂断、21 无人接听、22 忙音、23 空号停机");
        checks.require(command.rings() == null || (command.rings() >= 0 && command.rings() <= 30), "rings",
                "响铃次数应在 0 到 30 之间");
        String answeredBy = checks.text("answeredBy", command.answeredBy(), "接听人", 50, false);
        String notes = checks.text("notes", command.notes(), "备注", 500, false);
        checks.done();

        boolean answered = result.get().answered();
        Optional<EffectiveRule> failing = failing(result.get(), policies.effective(command.unitId()));
        CheckRow row = new CheckRow(UUID.randomUUID(), actor.unitId(), command.unitId(),
                calledAt.atZone(Zones.CHINA).getYear(), calledAt.truncatedTo(ChronoUnit.MILLIS),
                result.get().code(), failing.isPresent(), offHours(calledAt, calendar::isWorkingDay),
                answered ? command.rings() : null,
                answered ? answeredBy : null, answered ? command.onRoster() : null,
                answered ? command.knewLeaderOnDuty() : null, answered ? command.standardGreeting() : null, notes,
                now, actor.username());
        repository.insert(row);
        coverageReminders.covered(actor.unitId(), row.unitId(), calledAt, actor.username());
        failing.ifPresent(rule -> rectifications.issue(actor, row.unitId(), row.id(), null, "电话抽查（"
                + Zones.MINUTE.format(calledAt) + "，结果：" + result.get().code() + " " + result.get().label()
                + "）不合格，请查找原因、落实整改并报送整改情况", "电话抽查 " + result.get().label(), rule.citation()));
        audit.record("SPOT_CHECK_RECORDED", "spot-check:" + row.id(), AuditOutcome.SUCCESS, unitName(row.unitId())
                + " " + Zones.MINUTE.format(calledAt) + " " + result.get().code() + " " + result.get().label()
                + (failing.isPresent() ? "，下发整改通知" : ""));
        return view(row);
    }

    /**
     * Whether a result counts as failed under the checked unit's own policy (a local reading of the commonly used
     * codes, 宝政办发〔2022〕43号 第十条 三声之内接听), with the rule that says so; never where the policy is silent.
     */
    static Optional<EffectiveRule> failing(SpotCheckResult result, EffectivePolicy unitPolicy) {
        return unitPolicy.rule(RuleKey.SPOT_CHECK_FAILED_RESULTS)
                .filter(rule -> rule.ruleValue().codes().contains(result.code()));
    }

    /**
     * Whether a moment is outside working hours — a weeknight, a weekend or a holiday by the calendar, make-up working
     * days counted as working — when inspections are stepped up (宝政办发〔2022〕43号 第二十八条 节假日、工作日夜间).
     */
    static boolean offHours(Instant at, Predicate<LocalDate> workingDay) {
        ZonedDateTime china = at.atZone(Zones.CHINA);
        LocalTime time = china.toLocalTime();
        return !workingDay.test(china.toLocalDate()) || time.isBefore(WORK_STARTS) || !time.isBefore(WORK_ENDS);
    }

    /** Whether now is outside working hours, when checks are stepped up. */
    public boolean offHoursNow() {
        return offHours(clock.instant(), calendar::isWorkingDay);
    }

    /** The checks the actor's unit made or received, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<SpotCheck> list(Actor actor, int page) {
        Supervisors.requireUnit(actor);
        return views(repository.checksOf(actor.unitId(), Supervisors.offset(page, LIST_LIMIT), LIST_LIMIT));
    }

    @Transactional(readOnly = true)
    public SpotCheck get(Actor actor, UUID spotCheckId) {
        CheckRow row = repository.check(spotCheckId).filter(c -> scope.canSee(actor, c.inspectorUnitId())
                || scope.canSee(actor, c.unitId())).orElseThrow(() -> ZhibanException.notFound(
                        "SPOT_CHECK_NOT_FOUND", "电话抽查不存在：" + spotCheckId));
        return view(row);
    }

    /**
     * Whom to call next — units not checked this year first, then those never checked outside working hours, then
     * the fewest checks — with their duty phone and who is on duty there now from the roster.
     */
    @Transactional(readOnly = true)
    public List<Suggestion> suggestions(Actor actor, int limit) {
        Supervisors.requireDutyOffice(actor);
        Instant now = clock.instant();
        return repository.suggestions(actor.unitId(), now.atZone(Zones.CHINA).getYear(), limit).stream()
                .map(s -> {
                    OnDuty.View duty = onDuty.current(s.unitId(), now);
                    return new Suggestion(s.unitId(), s.unitName(), s.dutyPhone(), s.checks(), s.offHoursChecks(),
                            s.lastCalled() == null ? null : Zones.china(s.lastCalled()),
                            duty.leaderOnDuty() == null ? null : duty.leaderOnDuty().name(),
                            duty.dutyOfficers().stream().map(OnDuty.PersonOnDuty::name).toList());
                }).toList();
    }

    private SpotCheck view(CheckRow row) {
        return views(List.of(row)).get(0);
    }

    private List<SpotCheck> views(List<CheckRow> rows) {
        Map<UUID, Rectification> demands = rectifications.openedBy(rows.stream().filter(CheckRow::failed)
                .map(CheckRow::id).toList()).stream().collect(Collectors.toMap(Rectification::spotCheckId, r -> r));
        return rows.stream().map(c -> {
            SpotCheckResult result = SpotCheckResult.of(c.result()).orElseThrow();
            Rectification demand = demands.get(c.id());
            return new SpotCheck(c.id(), c.inspectorUnitId(), unitName(c.inspectorUnitId()), c.unitId(),
                    unitName(c.unitId()), Zones.china(c.calledAt()), c.offHours(), c.result(), result.label(),
                    c.failed(),
                    c.failed() ? failing(result, policies.effective(c.unitId())).map(EffectiveRule::citation)
                            .orElse(null) : null,
                    c.rings(), c.answeredBy(), c.onRoster(), c.knewLeader(), c.standardGreeting(), c.notes(),
                    c.recordedBy(), demand);
        }).toList();
    }

    private String unitName(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }

    /** A unit to call, with what the inspector needs at hand. */
    public record Suggestion(UUID unitId, String unitName, String dutyPhone, long checksThisYear,
            long offHoursChecks, OffsetDateTime lastCalled, String leaderOnDuty, List<String> dutyOfficers) {
    }
}
