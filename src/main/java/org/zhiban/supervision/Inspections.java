package org.zhiban.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.Zones;
import org.zhiban.supervision.internal.InspectionRepository;
import org.zhiban.supervision.internal.InspectionRepository.CoverageRow;
import org.zhiban.supervision.internal.InspectionRepository.InspectionRow;

/**
 * Inspections of the units directly below beyond the phone: site visits and yearly inspections with their findings
 * (实地查看, 检查评估: 宝政办发〔2022〕43号 第二十八条, X区 第二十四条), and the phone reminders, talks (约谈) and letters
 * (函询) that press a unit to rectify (X区 第七条); each may issue a rectification demand. The superior's yearly
 * coverage reads them with the phone spot checks and the roll calls it held.
 */
@Service
public class Inspections {

    private static final int LIST_LIMIT = 100;
    /** The uncovered units a coverage answer names; the rest are counted, a province's subtree is not one list. */
    static final int UNCOVERED_SHOWN = 100;

    private final InspectionRepository repository;
    private final Rectifications rectifications;
    private final CoverageReminders coverageReminders;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final AuditTrail audit;
    private final Clock clock;

    Inspections(InspectionRepository repository, Rectifications rectifications, CoverageReminders coverageReminders,
            UnitTree unitTree, UnitScope scope, DutyPolicies policies, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.rectifications = rectifications;
        this.coverageReminders = coverageReminders;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records an inspection of a unit directly below; a demand written with it issues a rectification notice. */
    @Transactional
    public Inspection record(Actor actor, InspectionCommand command) {
        UnitScope.refusePlatformAdministrator(actor);
        Supervisors.requireDutyOffice(actor);
        FieldChecks checks = new FieldChecks();
        Supervisors.requireUnitBelow(checks, unitTree, actor, command.unitId());
        Optional<InspectionKind> kind = InspectionKind.of(command.kind());
        checks.require(kind.isPresent(), "kind", "请选择检查方式：实地查看、年度检查评估、电话提醒、约谈或函询");
        Instant heldAt = checks.check(() -> command.heldAt() == null ? clock.instant()
                : AcceptedDates.requirePastInstant("heldAt", command.heldAt(), clock));
        String findings = checks.text("findings", command.findings(), "检查情况", 2000, true);
        String demand = checks.text("demand", command.demand(), "整改要求", 1000, false);
        checks.done();

        InspectionRow row = new InspectionRow(UUID.randomUUID(), actor.unitId(), command.unitId(),
                heldAt.atZone(Zones.CHINA).getYear(), kind.get().name(), heldAt.truncatedTo(ChronoUnit.MILLIS),
                findings, clock.instant(), actor.username());
        repository.insert(row);
        if (kind.get().covers()) {
            coverageReminders.covered(actor.unitId(), row.unitId(), heldAt, actor.username());
        }
        if (demand != null) {
            rectifications.issue(actor, row.unitId(), null, row.id(), demand, kind.get().label() + " "
                    + Zones.MINUTE.format(heldAt), null);
        }
        audit.record("INSPECTION_RECORDED", "inspection:" + row.id(), AuditOutcome.SUCCESS, unitName(row.unitId())
                + " " + kind.get().label() + " " + Zones.MINUTE.format(heldAt)
                + (demand != null ? "，下发整改通知" : ""));
        return views(List.of(row)).get(0);
    }

    /** The inspections the actor's unit made or received, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<Inspection> list(Actor actor, int page) {
        Supervisors.requireUnit(actor);
        return views(repository.inspectionsOf(actor.unitId(), Supervisors.offset(page, LIST_LIMIT), LIST_LIMIT));
    }

    /**
     * A superior's coverage in a year of the units directly below it — by phone spot checks, site visits and yearly
     * inspections, and the roll calls it held — and, for each of those with units of its own, that unit's coverage
     * of them. Whether full coverage is owed, and by which article, comes from the superior's own policy.
     */
    @Transactional(readOnly = true)
    public InspectionCoverage coverage(Actor actor, UUID unitId, int year) {
        Unit unit = unitTree.find(unitId).orElseThrow(() -> UnitScope.unitNotFound(unitId));
        scope.requireVisible(actor, unitId);
        int checked = AcceptedDates.requireYear("year", year, clock);
        Instant start = LocalDate.of(checked, 1, 1).atStartOfDay(Zones.CHINA).toInstant();
        Instant end = LocalDate.of(checked + 1, 1, 1).atStartOfDay(Zones.CHINA).toInstant();
        List<String> kinds = InspectionKind.covering();
        List<CoverageRow> rows = repository.coverage(unitId, checked, kinds, start, end);
        EffectivePolicy policy = policies.effective(unitId);
        boolean owed = CoverageReminders.coverageOwed(unit, policy).isPresent();
        String citation = policy.rule(RuleKey.INSPECTION_YEARLY_FULL_COVERAGE).map(EffectiveRule::citation)
                .orElse(null);
        List<CoverageRow> uncovered = rows.stream().filter(r -> !r.covered()).toList();
        return new InspectionCoverage(unitId, unit.name(), checked, owed, citation, rows.size(),
                rows.size() - uncovered.size(),
                (int) rows.stream().filter(r -> r.phoneChecks() > 0).count(),
                (int) rows.stream().filter(r -> r.inspections() > 0).count(),
                (int) rows.stream().filter(CoverageRow::rollCall).count(), uncovered.size(),
                uncovered.stream().limit(UNCOVERED_SHOWN).map(r -> new InspectionCoverage.Uncovered(r.unitId(),
                        r.unitName(), r.dutyPhone())).toList(),
                repository.coverageBelow(unitId, checked, kinds, start, end).stream()
                        .map(b -> new InspectionCoverage.Below(b.unitId(), b.unitName(), b.units(), b.covered()))
                        .toList());
    }

    private List<Inspection> views(List<InspectionRow> rows) {
        Map<UUID, Rectification> demands = rectifications.openedBy(rows.stream().map(InspectionRow::id).toList())
                .stream().collect(Collectors.toMap(Rectification::inspectionId, r -> r));
        return rows.stream().map(i -> {
            InspectionKind kind = InspectionKind.valueOf(i.kind());
            return new Inspection(i.id(), i.inspectorUnitId(), unitName(i.inspectorUnitId()), i.unitId(),
                    unitName(i.unitId()), i.kind(), kind.label(), kind.covers(), Zones.china(i.heldAt()),
                    i.findings(), i.recordedBy(), demands.get(i.id()));
        }).toList();
    }

    private String unitName(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }
}
