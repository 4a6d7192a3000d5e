package org.zhiban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.ObligationStatus;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;
import org.zhiban.supervision.internal.InspectionRepository;
import org.zhiban.supervision.internal.InspectionRepository.RectificationRow;

/**
 * Rectification demands (整改通知, X区 第七条 提出整改要求，督促落实整改): opened by a failed phone spot check or by an
 * inspection, talk or letter that asks for rectification; the unit reports what it rectified by its policy's days, and
 * the issuing office accepts the report or returns it with reasons.
 */
@Service
public class Rectifications {

    private static final int LIST_LIMIT = 100;

    private final InspectionRepository repository;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final Obligations obligations;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rectifications(InspectionRepository repository, UnitTree unitTree, UnitScope scope, DutyPolicies policies,
            Obligations obligations, WorkingCalendar calendar, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.obligations = obligations;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The rectification report's deadline: the unit's policy's days after the demand, to the end of that day, China
     * time; none where the policy is silent.
     */
    static Optional<SupervisionDeadlines.Deadline> rectificationDue(Instant issuedAt, EffectivePolicy unitPolicy,
            BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter) {
        return unitPolicy.rule(RuleKey.RECTIFICATION_PERIOD).map(rule -> new SupervisionDeadlines.Deadline(issuedAt,
                rule.ruleValue().endOfPeriodAfter(issuedAt.atZone(Zones.CHINA).toLocalDate(), workingDaysAfter),
                rule.citation()));
    }

    /**
     * Issues a demand to a unit, from a spot check or an inspection; the unit owes its report by its policy's days,
     * or with no deadline where the policy is silent, and is told at once.
     *
     * @param basis the citation the demand rests on when the unit's policy sets no deadline
     */
    Rectification issue(Actor actor, UUID unitId, UUID spotCheckId, UUID inspectionId, String demand, String title,
            String basis) {
        Instant now = clock.instant();
        Optional<SupervisionDeadlines.Deadline> due = rectificationDue(now, policies.effective(unitId),
                calendar::workingDaysAfter);
        RectificationRow row = new RectificationRow(UUID.randomUUID(), actor.unitId(), unitId, spotCheckId,
                inspectionId, demand, now, actor.username(), due.map(SupervisionDeadlines.Deadline::dueAt).orElse(null),
                due.map(SupervisionDeadlines.Deadline::citation).orElse(basis), null, null, null, "ISSUED", null,
                null, null);
        repository.insert(row);
        due.ifPresent(d -> obligations.open(new OpenObligation(unitId, SupervisionKinds.RECTIFICATION.code(),
                RollCalls.MODULE, subject(row.id()), "整改情况报告：" + title, d.dueAt(), d.citation())));
        events.publishEvent(new SupervisionEvents.Notice(UUID.randomUUID(), unitId, actor.unitId(), "整改通知：" + title,
                page()));
        audit.record("RECTIFICATION_ISSUED", "rectification:" + row.id(), AuditOutcome.SUCCESS,
                unitName(unitId) + "：" + demand);
        return view(row);
    }

    /** The unit reports what it rectified; the demand's obligation is fulfilled. */
    @Transactional
    public Rectification report(Actor actor, UUID rectificationId, String report) {
        RectificationRow row = lock(actor, rectificationId);
        Supervisors.requireDutyOffice(actor);
        if (!row.unitId().equals(actor.unitId())) {
            throw ZhibanException.forbidden("NOT_RECTIFYING", "只有被要求整改的单位才能报送整改情况");
        }
        if (row.status().equals("REPORTED") || row.status().equals("ACCEPTED")) {
            throw ZhibanException.conflict("RECTIFICATION_REPORTED", "整改情况已报送，等待或已通过审核");
        }
        FieldChecks checks = new FieldChecks();
        String text = checks.text("report", report, "整改情况", 2000, true);
        checks.done();
        repository.update(row.reported(text, clock.instant(), actor.username()));
        obligations.fulfilFor(RollCalls.MODULE, subject(row.id()), SupervisionKinds.RECTIFICATION.code(),
                actor.username());
        events.publishEvent(new SupervisionEvents.Notice(UUID.randomUUID(), row.issuerUnitId(), row.unitId(),
                unitName(row.unitId()) + "报送整改情况", page()));
        audit.record("RECTIFICATION_REPORTED", "rectification:" + row.id(), AuditOutcome.SUCCESS,
                unitName(row.unitId()) + "报送整改情况");
        return view(repository.rectification(row.id()).orElseThrow());
    }

    /** The issuing office accepts the report, or returns it with reasons, which reopens the deadline. */
    @Transactional
    public Rectification decide(Actor actor, UUID rectificationId, boolean accept, String reason) {
        RectificationRow row = lock(actor, rectificationId);
        Supervisors.requireDutyOffice(actor);
        if (!row.issuerUnitId().equals(actor.unitId())) {
            throw ZhibanException.forbidden("NOT_ISSUER", "只有下发整改通知的单位才能审核整改情况");
        }
        if (!row.status().equals("REPORTED")) {
            throw ZhibanException.conflict("RECTIFICATION_NOT_REPORTED", "整改情况尚未报送或已审核");
        }
        FieldChecks checks = new FieldChecks();
        String text = checks.text("reason", reason, "退回理由", 500, !accept);
        checks.done();
        repository.update(row.decided(accept, clock.instant(), actor.username(), text));
        if (!accept) {
            obligations.forSubject(RollCalls.MODULE, subject(row.id())).stream()
                    .filter(o -> o.kind().equals(SupervisionKinds.RECTIFICATION.code())
                            && o.status() == ObligationStatus.FULFILLED)
                    .forEach(o -> obligations.reopen(o.id()));
        }
        events.publishEvent(new SupervisionEvents.Notice(UUID.randomUUID(), row.unitId(), row.issuerUnitId(),
                accept ? "整改情况已通过审核" : "整改情况被退回，请重新整改", page()));
        audit.record(accept ? "RECTIFICATION_ACCEPTED" : "RECTIFICATION_RETURNED", "rectification:" + row.id(),
                AuditOutcome.SUCCESS, unitName(row.unitId()) + (accept ? " 整改通过" : " 整改退回：" + text));
        return view(repository.rectification(row.id()).orElseThrow());
    }

    /** The demands the actor's unit issued or received, those still open first. */
    @Transactional(readOnly = true)
    public List<Rectification> list(Actor actor) {
        Supervisors.requireUnit(actor);
        return repository.rectificationsOf(actor.unitId(), LIST_LIMIT).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public Rectification get(Actor actor, UUID rectificationId) {
        return view(repository.rectification(rectificationId).filter(r -> visible(actor, r))
                .orElseThrow(() -> notFound(rectificationId)));
    }

    /** The demands opened by the given spot checks or inspections, by their source. */
    List<Rectification> openedBy(List<UUID> sourceIds) {
        return repository.rectificationsFor(sourceIds).stream().map(this::view).toList();
    }

    private RectificationRow lock(Actor actor, UUID id) {
        return repository.lockRectification(id).filter(r -> visible(actor, r)).orElseThrow(() -> notFound(id));
    }

    private boolean visible(Actor actor, RectificationRow r) {
        return scope.canSee(actor, r.issuerUnitId()) || scope.canSee(actor, r.unitId());
    }

    private static ZhibanException notFound(UUID id) {
        return ZhibanException.notFound("RECTIFICATION_NOT_FOUND", "整改通知不存在：" + id);
    }

    private Rectification view(RectificationRow r) {
        List<Obligation> owed = obligations.forSubject(RollCalls.MODULE, subject(r.id()));
        return new Rectification(r.id(), r.issuerUnitId(), unitName(r.issuerUnitId()), r.unitId(),
                unitName(r.unitId()), r.spotCheckId(), r.inspectionId(), r.demand(), Zones.china(r.issuedAt()),
                r.dueAt() == null ? null : Zones.china(r.dueAt()), r.citation(), r.report(),
                r.reportedAt() == null ? null : Zones.china(r.reportedAt()), r.status(), statusLabel(r.status()),
                r.returnReason(), owed.stream().map(obligations::view).toList());
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "ISSUED" -> "待整改";
            case "REPORTED" -> "已报送，待审核";
            case "ACCEPTED" -> "整改通过";
            default -> "整改退回";
        };
    }

    private String unitName(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }

    static String subject(UUID rectificationId) {
        return "rectification:" + rectificationId;
    }

    static String page() {
        return "/supervision/inspections#rectifications";
    }
}
