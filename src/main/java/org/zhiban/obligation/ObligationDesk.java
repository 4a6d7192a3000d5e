package org.zhiban.obligation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/**
 * Obligations on behalf of a person: reading within one's data scope, and the hand-made kind — a task a superior
 * assigns to a subordinate with a deadline (交办事项), fulfilled by the subordinate or waived by the superior.
 */
@Service
public class ObligationDesk {

    private static final int LIST_LIMIT = 500;

    private final Obligations obligations;
    private final TimelinessLedger ledger;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    ObligationDesk(Obligations obligations, TimelinessLedger ledger, UnitTree unitTree, UnitScope scope,
            AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.obligations = obligations;
        this.ledger = ledger;
        this.unitTree = unitTree;
        this.scope = scope;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Obligation> list(Actor actor, UUID unitId, ObligationStatus status, boolean subtree) {
        requireVisibleUnit(actor, unitId);
        List<UUID> units = subtree ? unitTree.subtreeIds(unitId) : List.of(unitId);
        return obligations.ofUnits(units, status, LIST_LIMIT);
    }

    @Transactional(readOnly = true)
    public Obligation get(Actor actor, UUID obligationId) {
        Obligation obligation = obligations.get(obligationId);
        scope.requireVisible(actor, obligation.obligorUnitId(), () -> Obligations.notFound(obligationId));
        return obligation;
    }

    @Transactional(readOnly = true)
    public List<TimelinessLedger.Entry> ledger(Actor actor, UUID unitId, Instant from, Instant to, boolean subtree) {
        requireVisibleUnit(actor, unitId);
        AcceptedDates.requireInstant("from", from, clock);
        AcceptedDates.requireInstant("to", to, clock);
        if (!to.isAfter(from)) {
            throw ZhibanException.invalidField("to", "结束时间应晚于开始时间");
        }
        return ledger.entries(subtree ? unitTree.subtreeIds(unitId) : List.of(unitId), from, to);
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
