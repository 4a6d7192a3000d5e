package org.zhiban.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.calendar.ImportantPeriod;
import org.zhiban.calendar.ImportantPeriods;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.RepeatingPass;
import org.zhiban.supervision.Consultations.ConsultationDue;
import org.zhiban.supervision.internal.ConsultationRepository;

/**
 * The consultations owed before holidays and important periods (宝政办发〔2022〕43号 第二十七条): a pass — as the
 * instance starts and every few minutes after, once on any number of instances — opens, for each office that holds
 * consultations under a policy that sets how long before, the consultation owed before each period now that near.
 * The consultation recorded for the period fulfils it.
 */
@Service
public class OwedConsultations extends RepeatingPass {

    private final ConsultationRepository repository;
    private final ImportantPeriods importantPeriods;
    private final UnitTree unitTree;
    private final DutyPolicies policies;
    private final Obligations obligations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OwedConsultations(ConsultationRepository repository, ImportantPeriods importantPeriods, UnitTree unitTree,
            DutyPolicies policies, Obligations obligations, TransactionTemplate transaction, Clock clock,
            @Value("${zhiban.supervision.consultation-pass-interval:PT10M}") Duration interval) {
        super("owed-consultations", interval);
        this.repository = repository;
        this.importantPeriods = importantPeriods;
        this.unitTree = unitTree;
        this.policies = policies;
        this.obligations = obligations;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    protected int pass() {
        return openOwed();
    }

    @Override
    protected boolean passesAtStart() {
        return true;
    }

    /** Opens the consultation owed before each period that starts within its office's policy's days. */
    public int openOwed() {
        Instant now = clock.instant();
        int opened = 0;
        for (Unit root : unitTree.roots()) {
            List<Unit> units = new ArrayList<>(unitTree.below(root.id()));
            units.add(root);
            Set<UUID> parents = units.stream().map(Unit::parentId).filter(Objects::nonNull).collect(Collectors.toSet());
            for (Unit unit : units) {
                if (!Consultations.holdsConsultations(unit, parents.contains(unit.id()))) {
                    continue;
                }
                EffectivePolicy policy = policies.effective(unit.id());
                if (policy.rule(RuleKey.CONSULTATION_BEFORE).isEmpty()) {
                    continue;
                }
                for (ImportantPeriod period : importantPeriods.applying(unit.id(), now, now.plus(Consultations.AHEAD))) {
                    Optional<ConsultationDue> due = Consultations.owedBefore(period, policy);
                    if (due.isPresent() && period.startsAt().isAfter(now) && !due.get().owedFrom().isAfter(now)
                            && open(unit, period, due.get())) {
                        opened++;
                    }
                }
            }
        }
        return opened;
    }

    private boolean open(Unit unit, ImportantPeriod period, ConsultationDue due) {
        String key = Consultations.periodKey(period);
        if (repository.owed(unit.id(), key) || repository.consulted(unit.id(), key)) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                repository.insertOwed(unit.id(), key, clock.instant());
                obligations.open(OpenObligation.opening(unit.id(), SupervisionKinds.CONSULTATION.code(),
                        RollCalls.MODULE, Consultations.subject(unit.id(), key), "值班会商：" + period.name(),
                        due.owedFrom(), due.dueAt(), due.citation()));
                return true;
            }));
        }
        catch (DuplicateKeyException openedElsewhere) {
            return false;
        }
    }
}
