package org.zhiban.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.ObligationKind;
import org.zhiban.obligation.ObligationStatus;
import org.zhiban.obligation.ObligationView;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Subtrees.Reach;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.ZhibanException;

/**
 * A superior's findings that a subordinate missed (漏报), concealed (瞒报) or falsified (谎报) a report. Each is kept
 * in the timeliness ledger as an obligation breached, so that it counts wherever timeliness is read.
 */
@Service
public class ReportingLapses {

    public enum Kind {
        MISSED(ReportingKinds.REPORT_MISSED),
        CONCEALED(ReportingKinds.REPORT_CONCEALED),
        FALSE(ReportingKinds.REPORT_FALSE);

        private final ObligationKind obligationKind;

        Kind(ObligationKind obligationKind) {
            this.obligationKind = obligationKind;
        }
    }

    private static final Duration RECENT = Duration.ofDays(90);

    private final Obligations obligations;
    private final DutyPolicies policies;
    private final UnitTree unitTree;
    private final AuditTrail audit;
    private final Clock clock;

    ReportingLapses(Obligations obligations, DutyPolicies policies, UnitTree unitTree, AuditTrail audit, Clock clock) {
        this.obligations = obligations;
        this.policies = policies;
        this.unitTree = unitTree;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a finding against a unit below the actor's own. */
    @Transactional
    public ObligationView record(Actor actor, LapseCommand command) {
        UUID from = Incidents.requireDutyOffice(actor);
        if (command.unitId() == null || unitTree.find(command.unitId()).isEmpty()) {
            throw ZhibanException.invalidField("unitId", "请选择下级单位");
        }
        if (!unitTree.isWithin(from, command.unitId())) {
            throw ZhibanException.outOfScope("UNIT_NOT_FOUND", "单位不存在：" + command.unitId());
        }
        if (command.unitId().equals(from)) {
            throw ZhibanException.forbidden("NOT_SUBORDINATE", "只能认定本单位下级单位的漏报、瞒报、谎报");
        }
        Kind kind = Fields.code("kind", command.kind(), Kind.class, "认定类别");
        String title = Fields.required("title", command.title(), "事件名称", 200);
        String finding = Fields.required("finding", command.finding(), "认定事实", 500);
        Instant dueAt = command.dueAt() == null ? clock.instant()
                : AcceptedDates.requirePastInstant("dueAt", command.dueAt(), clock);
        Obligation breached = obligations.recordBreach(new OpenObligation(command.unitId(), kind.obligationKind.code(),
                Incidents.MODULE, "lapse:" + UUID.randomUUID(), title, dueAt,
                citation(policies.effective(command.unitId()))), finding, actor.username());
        audit.record("REPORTING_LAPSE_RECORDED", "unit:" + command.unitId(), AuditOutcome.SUCCESS,
                kind.obligationKind.label() + "：" + title);
        return obligations.view(breached);
    }

    /** Findings recorded against units below the actor's in the last 90 days. */
    @Transactional(readOnly = true)
    public List<ObligationView> recordedBelow(Actor actor, int limit) {
        if (actor.unitId() == null) {
            return List.of();
        }
        Instant since = clock.instant().minus(RECENT);
        return obligations.page(actor.unitId(), Reach.BELOW, ObligationStatus.BREACHED, null, 1, limit).items().stream()
                .filter(o -> !o.dueAt().isBefore(since))
                .map(obligations::view).toList();
    }

    /**
     * The unit's governing policy document, which forbids 迟报、谎报、瞒报、漏报 (宝政办发〔2022〕43号 第十五条,
     * 龙政办〔2023〕2号 七（四）, X区值班工作标准规范 第十六条). No policy rule holds the article, so the finding names
     * the document alone, and nothing where no policy governs the unit — never another regulation's article.
     */
    static String citation(EffectivePolicy policy) {
        return policy.rules().stream().filter(rule -> !rule.tightened()).map(EffectiveRule::policy)
                .filter(document -> document != null && !document.isBlank()).findFirst().orElse("");
    }
}
