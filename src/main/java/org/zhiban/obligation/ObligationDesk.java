package org.zhiban.obligation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.obligation.SubordinateSummary.Counts;
import org.zhiban.obligation.internal.ObligationRepository;
import org.zhiban.obligation.internal.ObligationRepository.CountRow;
import org.zhiban.obligation.internal.ObligationRepository.Grouping;
import org.zhiban.organization.Subtrees.Reach;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Page;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * Obligations on behalf of a person: reading within one's data scope, and the hand-made kind — a task a superior
 * assigns to a subordinate with a deadline (交办事项), fulfilled by the subordinate or waived by the superior.
 */
@Service
public class ObligationDesk {

    /** "Due soon" on a superior's counts: within the coming hour. */
    static final Duration DUE_SOON = Duration.ofHours(1);

    private final Obligations obligations;
    private final TimelinessLedger ledger;
    private final ObligationRepository repository;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    ObligationDesk(Obligations obligations, TimelinessLedger ledger, ObligationRepository repository,
            UnitTree unitTree, UnitScope scope, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.obligations = obligations;
        this.ledger = ledger;
        this.unitTree = unitTree;
        this.scope = scope;
        this.audit = audit;
    }

    /** A page of a unit's obligations (with its subtree's), open and soonest due first; status and kind optional. */
    @Transactional(readOnly = true)
    public Page<Obligation> page(Actor actor, UUID unitId, ObligationStatus status, String kind, boolean subtree,
            int page, int size) {
        requireVisibleUnit(actor, unitId);
        if (kind != null && obligations.kinds().find(kind).isEmpty()) {
            throw ZhibanException.invalidField("kind", "未知的时限事项类别：" + kind);
        }
        return obligations.page(unitId, Reach.of(subtree), status, kind, page, size);
    }

    /**
     * A superior's subtree at a glance: per direct subordinate, over its whole subtree, what is open, due within the
     * hour, overdue and late this month — the overdue first — and the same per level where the subtree spans several.
     * Two grouped queries per grouping, whatever the subtree's size.
     */
    @Transactional(readOnly = true)
    public SubordinateSummary subordinates(Actor actor, UUID unitId, int page, int size) {
        requireVisibleUnit(actor, unitId);
        Page.requireRequest(page, size);
        Instant now = clock.instant();
        Instant monthStart = now.atZone(Zones.CHINA).toLocalDate().withDayOfMonth(1).atStartOfDay(Zones.CHINA)
                .toInstant();
        Map<String, Counts> byChild = counts(unitId, Grouping.SUBORDINATE, now, monthStart);
        List<SubordinateSummary.Row> active = new ArrayList<>();
        int quiet = 0;
        for (Unit child : unitTree.children(unitId)) {
            Counts counts = byChild.getOrDefault(child.id().toString(), Counts.NONE);
            if (counts.quiet()) {
                quiet++;
            }
            else {
                active.add(new SubordinateSummary.Row(child.id(), child.name(), counts));
            }
        }
        active.sort(MOST_PRESSING);
        Map<String, Counts> byLevel = counts(unitId, Grouping.LEVEL, now, monthStart);
        List<SubordinateSummary.LevelRow> levels = byLevel.size() < 2 ? List.of()
                : Arrays.stream(UnitLevel.values()).filter(l -> byLevel.containsKey(l.name()))
                        .map(l -> new SubordinateSummary.LevelRow(l, l.label(), byLevel.get(l.name()))).toList();
        Counts total = byChild.values().stream().reduce(Counts.NONE, Counts::plus);
        return new SubordinateSummary(total, Page.of(active, page, size), quiet, levels);
    }

    /** The overdue first, then what falls due within the hour, then the most open, then the most late this month. */
    static final Comparator<SubordinateSummary.Row> MOST_PRESSING = Comparator
            .comparingLong((SubordinateSummary.Row r) -> r.counts().overdue())
            .thenComparingLong(r -> r.counts().dueWithinHour())
            .thenComparingLong(r -> r.counts().open())
            .thenComparingLong(r -> r.counts().lateThisMonth()).reversed();

    private Map<String, Counts> counts(UUID unitId, Grouping grouping, Instant now, Instant monthStart) {
        Map<String, Counts> counts = new HashMap<>();
        for (CountRow row : repository.openCounts(unitId, grouping, now, now.plus(DUE_SOON))) {
            counts.merge(row.key(), new Counts(row.open(), row.dueSoon(), row.overdue(), 0), Counts::plus);
        }
        for (CountRow row : repository.lateCounts(unitId, grouping, monthStart, now)) {
            counts.merge(row.key(), new Counts(0, 0, 0, row.late()), Counts::plus);
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public Obligation get(Actor actor, UUID obligationId) {
        Obligation obligation = obligations.get(obligationId);
        scope.requireVisible(actor, obligation.obligorUnitId(), () -> Obligations.notFound(obligationId));
        return obligation;
    }

    @Transactional(readOnly = true)
    public List<TimelinessLedger.Entry> ledger(Actor actor, UUID unitId, Instant from, Instant to, boolean subtree,
            boolean perSubordinate) {
        requireVisibleUnit(actor, unitId);
        AcceptedDates.requireInstant("from", from, clock);
        AcceptedDates.requireInstant("to", to, clock);
        if (!to.isAfter(from)) {
            throw ZhibanException.invalidField("to", "结束时间应晚于开始时间");
        }
        return ledger.entries(unitId, Reach.of(subtree), perSubordinate, from, to);
    }

    /** A superior (leader on duty, duty office head or unit administrator) assigns a task with a deadline. */
    @Transactional
    public Obligation assign(Actor actor, UUID unitId, String kind, String title, Instant dueAt, String citation) {
        AcceptedDates.requireInstant("dueAt", dueAt, clock);
        ObligationKind found = obligations.kinds().find(kind).orElseThrow(() -> ZhibanException.invalidField("kind",
                "未知的时限事项类别：" + kind));
        if (!found.manual()) {
            throw ZhibanException.invalidField("kind", "“" + found.label() + "”由业务办理时自动开启，不能手工开启");
        }
        UnitScope.refusePlatformAdministrator(actor);
        requireVisibleUnit(actor, unitId);
        if (!actor.hasAny(Role.LEADER_ON_DUTY, Role.DUTY_OFFICE_HEAD, Role.UNIT_ADMIN)) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有带班领导、值班室负责人或单位管理员可以交办事项");
        }
        Obligation obligation = obligations.open(new OpenObligation(unitId, found.code(), "obligation",
                "assigned:" + UUID.randomUUID(), title, dueAt, citation));
        audit.record("OBLIGATION_ASSIGNED", "obligation:" + obligation.id(), AuditOutcome.SUCCESS, obligation.title());
        return obligation;
    }

    /** The obligor unit (or one above it) reports an assigned task done; other kinds close by their own business. */
    @Transactional
    public Obligation fulfil(Actor actor, UUID obligationId) {
        UnitScope.refusePlatformAdministrator(actor);
        Obligation obligation = get(actor, obligationId);
        requireManual(obligation);
        Obligation fulfilled = obligations.fulfil(obligationId, actor.username());
        audit.record("OBLIGATION_FULFILLED", "obligation:" + obligationId, AuditOutcome.SUCCESS, obligation.title());
        return fulfilled;
    }

    /** A unit above the obligor waives an obligation, giving the reason. */
    @Transactional
    public Obligation waive(Actor actor, UUID obligationId, String reason) {
        UnitScope.refusePlatformAdministrator(actor);
        Obligation obligation = get(actor, obligationId);
        boolean superior = actor.unitId() != null && !actor.unitId().equals(obligation.obligorUnitId())
                && unitTree.isWithin(actor.unitId(), obligation.obligorUnitId());
        if (!(superior && actor.hasAny(Role.LEADER_ON_DUTY, Role.DUTY_OFFICE_HEAD, Role.UNIT_ADMIN))) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有上级单位的带班领导、值班室负责人或单位管理员可以免除时限事项");
        }
        Obligation waived = obligations.waive(obligationId, reason, actor.username());
        audit.record("OBLIGATION_WAIVED", "obligation:" + obligationId, AuditOutcome.SUCCESS, reason);
        return waived;
    }

    private static void requireManual(Obligation obligation) {
        if (!ObligationKinds.ASSIGNED_TASK.code().equals(obligation.kind())) {
            throw ZhibanException.conflict("CLOSED_BY_BUSINESS", "该事项在办理相应业务时自动办结");
        }
    }

    private void requireVisibleUnit(Actor actor, UUID unitId) {
        unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + unitId));
        scope.requireVisible(actor, unitId);
    }
}
