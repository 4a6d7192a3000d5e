package org.zhiban.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.RepeatingPass;
import org.zhiban.shared.Zones;
import org.zhiban.supervision.internal.InspectionRepository;
import org.zhiban.supervision.internal.InspectionRepository.CoverageRow;

/**
 * The yearly full coverage still owed (宝政办发〔2022〕43号 第二十八条, X区 第二十四条): from November, each office that
 * owes it owes, for every unit directly below not yet inspected that year, an inspection by the year's end. A pass
 * opens these — as the instance starts and every few minutes after, once on any number of instances — and any
 * spot check, covering inspection or roll-call mark of the unit fulfils its obligation.
 */
@Service
public class CoverageReminders extends RepeatingPass {

    /** The month from which the year's uncovered units are owed: two months leave time to reach them all. */
    static final Month FROM = Month.NOVEMBER;

    private final InspectionRepository repository;
    private final UnitTree unitTree;
    private final DutyPolicies policies;
    private final Obligations obligations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CoverageReminders(InspectionRepository repository, UnitTree unitTree, DutyPolicies policies,
            Obligations obligations, TransactionTemplate transaction, Clock clock,
            @Value("${zhiban.supervision.coverage-pass-interval:PT10M}") Duration interval) {
        super("coverage-reminders", interval);
        this.repository = repository;
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

    /**
     * Whether a unit owes its yearly full coverage: its policy requires it, and it is a county-level government or
     * management committee (第二十八条 各县(区)政府、高新区管委会; X区 第二十四条 is itself one) — not a city.
     */
    static Optional<EffectiveRule> coverageOwed(Unit unit, EffectivePolicy policy) {
        return policy.rule(RuleKey.INSPECTION_YEARLY_FULL_COVERAGE)
                .filter(rule -> rule.ruleValue().asBoolean() && unit.level() == UnitLevel.COUNTY
                        && (unit.kind() == UnitKind.PEOPLES_GOVERNMENT || unit.kind() == UnitKind.MANAGEMENT_COMMITTEE));
    }

    /** The day from which the uncovered units of a year are owed, China time. */
    static LocalDate owedFrom(int year) {
        return LocalDate.of(year, FROM, 1);
    }

    /** Opens, from November, the coverage owed for every uncovered unit below each office that owes it. */
    public int openOwed() {
        Instant now = clock.instant();
        int year = now.atZone(Zones.CHINA).getYear();
        if (now.atZone(Zones.CHINA).toLocalDate().isBefore(owedFrom(year))) {
            return 0;
        }
        int opened = 0;
        for (Unit root : unitTree.roots()) {
            List<Unit> units = new ArrayList<>(unitTree.below(root.id()));
            units.add(root);
            for (Unit unit : units) {
                if (unit.level() == UnitLevel.COUNTY) {
                    Optional<EffectiveRule> rule = coverageOwed(unit, policies.effective(unit.id()));
                    if (rule.isPresent()) {
                        opened += openFor(unit, year, rule.get().citation());
                    }
                }
            }
        }
        return opened;
    }

    int openFor(Unit superior, int year, String citation) {
        Set<UUID> owed = new HashSet<>(repository.coverageOwed(superior.id(), year));
        Instant opensAt = owedFrom(year).atStartOfDay(Zones.CHINA).toInstant();
        Instant dueAt = LocalDate.of(year + 1, 1, 1).atStartOfDay(Zones.CHINA).toInstant();
        int opened = 0;
        for (CoverageRow row : repository.coverage(superior.id(), year, InspectionKind.covering(),
                LocalDate.of(year, 1, 1).atStartOfDay(Zones.CHINA).toInstant(), dueAt)) {
            if (!row.covered() && !owed.contains(row.unitId()) && open(superior, row, year, opensAt, dueAt, citation)) {
                opened++;
            }
        }
        return opened;
    }

    private boolean open(Unit superior, CoverageRow row, int year, Instant opensAt, Instant dueAt, String citation) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                repository.insertCoverageOwed(superior.id(), row.unitId(), year, clock.instant());
                obligations.open(OpenObligation.opening(superior.id(), SupervisionKinds.INSPECTION_COVERAGE.code(),
                        RollCalls.MODULE, subject(row.unitId(), year), year + "年度值班检查：" + row.unitName(),
                        opensAt, dueAt, citation));
                return true;
            }));
        }
        catch (DuplicateKeyException openedElsewhere) {
            return false;
        }
    }

    /**
     * The unit was inspected at {@code at}: when by its superior, the one whose coverage counts it, the year's
     * coverage owed for it, if any, is done.
     */
    void covered(UUID inspectorUnitId, UUID unitId, Instant at, String by) {
        if (unitTree.find(unitId).map(Unit::parentId).filter(inspectorUnitId::equals).isEmpty()) {
            return;
        }
        obligations.fulfilFor(RollCalls.MODULE, subject(unitId, at.atZone(Zones.CHINA).getYear()),
                SupervisionKinds.INSPECTION_COVERAGE.code(), by);
    }

    static String subject(UUID unitId, int year) {
        return "coverage:" + year + ":" + unitId;
    }
}
