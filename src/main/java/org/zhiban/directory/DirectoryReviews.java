package org.zhiban.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.directory.internal.ReviewRepository;
import org.zhiban.directory.internal.ReviewRepository.ReviewRow;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.obligation.Obligations;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.RepeatingPass;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * The quarterly directory review (宝政办发〔2022〕43号 第二十五条): every unit whose policy asks for it owes, each
 * quarter, a check and update of its directory in the quarter's last week. A pass opens the current quarter's
 * review for every such unit — as the instance starts, and again every few minutes for units and policies added
 * since — listed as coming before the week and open during it; the unit's duty office fulfils it by confirming its
 * entries once it has corrected them.
 */
@Service
public class DirectoryReviews extends RepeatingPass {

    private static final int HISTORY = 8;

    private final ReviewRepository reviews;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final Obligations obligations;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DirectoryReviews(ReviewRepository reviews, UnitTree unitTree, UnitScope scope, DutyPolicies policies,
            Obligations obligations, AuditTrail audit, TransactionTemplate transaction, Clock clock,
            @Value("${zhiban.directory.review-pass-interval:PT10M}") Duration interval) {
        super("directory-reviews", interval);
        this.reviews = reviews;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.obligations = obligations;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    protected int pass() {
        return openCurrentQuarter();
    }

    @Override
    protected boolean passesAtStart() {
        return true;
    }

    /** Opens, once on any number of instances, the current quarter's review of every unit whose policy asks it. */
    public int openCurrentQuarter() {
        return openQuarter(ReviewQuarter.at(clock.instant()));
    }

    /** As {@link #openCurrentQuarter()}, for a given quarter. */
    int openQuarter(ReviewQuarter quarter) {
        Set<UUID> owing = new HashSet<>(reviews.unitsWith(quarter.code()));
        int opened = 0;
        for (Unit root : unitTree.roots()) {
            for (UUID unitId : unitTree.subtreeIds(root.id())) {
                if (!owing.contains(unitId)) {
                    Optional<EffectiveRule> rule = policies.effective(unitId).rule(RuleKey.DIRECTORY_QUARTERLY_REVIEW)
                            .filter(r -> r.ruleValue().asBoolean());
                    if (rule.isPresent() && open(unitId, quarter, rule.get().citation())) {
                        opened++;
                    }
                }
            }
        }
        return opened;
    }

    private boolean open(UUID unitId, ReviewQuarter quarter, String citation) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                reviews.insert(new ReviewRow(unitId, quarter.code(), quarter.opensAt(), quarter.dueAt(), citation,
                        null, null, null));
                if (quarter.dueAt().isAfter(clock.instant())) {
                    obligations.open(OpenObligation.opening(unitId, DirectoryKinds.DIRECTORY_REVIEW.code(),
                            "directory", subject(unitId, quarter.code()), quarter.label() + "值班通讯录检查更新",
                            quarter.opensAt(), quarter.dueAt(), citation));
                }
                return true;
            }));
        }
        catch (DuplicateKeyException openedElsewhere) {
            return false;
        }
    }

    /**
     * The unit's duty office confirms its directory checked and brought up to date: every review owed whose week has
     * come is done, a late one late. Before the week it is refused, saying when it opens; entries are corrected on
     * the units' and people's own pages, each change kept in their history.
     */
    @Transactional
    public List<DirectoryReview> review(Actor actor, UUID unitId, String note) {
        unitTree.find(unitId).orElseThrow(() -> UnitScope.unitNotFound(unitId));
        scope.requireDutyWorkManageable(actor, unitId);
        FieldChecks checks = new FieldChecks();
        String text = checks.text("note", note, "检查更新说明", 500, false);
        checks.done();
        Instant now = clock.instant();
        List<ReviewRow> pending = reviews.pending(unitId);
        List<ReviewRow> due = pending.stream().filter(r -> !r.opensAt().isAfter(now)).toList();
        if (due.isEmpty()) {
            throw pending.isEmpty()
                    ? ZhibanException.conflict("NO_REVIEW_OWED", "本单位当前没有待办的值班通讯录检查更新")
                    : ZhibanException.conflict("REVIEW_NOT_OPEN", "本季度值班通讯录检查更新自 "
                            + Zones.MINUTE.format(pending.get(0).opensAt()) + " 起进行" + EffectiveRule.cited(
                                    pending.get(0).citation()) + "；信息有变动的，请随时在单位和人员信息中修改");
        }
        for (ReviewRow row : due) {
            reviews.markReviewed(unitId, row.quarter(), now, actor.username(), text);
            obligations.fulfilFor("directory", subject(unitId, row.quarter()),
                    DirectoryKinds.DIRECTORY_REVIEW.code(), actor.username());
            audit.record("DIRECTORY_REVIEWED", "unit:" + unitId, AuditOutcome.SUCCESS,
                    row.quarter() + (now.isAfter(row.dueAt()) ? "（逾期）" : "") + (text == null ? "" : "：" + text));
        }
        return history(actor, unitId);
    }

    /** The unit's recent reviews, the latest quarter first. */
    @Transactional(readOnly = true)
    public List<DirectoryReview> history(Actor actor, UUID unitId) {
        unitTree.find(unitId).orElseThrow(() -> UnitScope.unitNotFound(unitId));
        scope.requireVisible(actor, unitId);
        return reviews.recent(unitId, HISTORY).stream().map(this::view).toList();
    }

    /**
     * Who below a unit has reviewed a quarter's directory, per direct subordinate over its whole subtree: owed, done,
     * of those late, still open, of those overdue. One grouped query, whatever the subtree's size.
     */
    @Transactional(readOnly = true)
    public List<Obligations.KindCounts> subordinates(Actor actor, UUID unitId, String quarterCode) {
        unitTree.find(unitId).orElseThrow(() -> UnitScope.unitNotFound(unitId));
        scope.requireVisible(actor, unitId);
        ReviewQuarter quarter = quarterCode == null ? ReviewQuarter.at(clock.instant()) : ReviewQuarter.parse(quarterCode);
        return obligations.perSubordinate(unitId, DirectoryKinds.DIRECTORY_REVIEW.code(), quarter.opensAt(),
                quarter.dueAt().plusMillis(1));
    }

    private DirectoryReview view(ReviewRow row) {
        ReviewQuarter quarter = ReviewQuarter.parse(row.quarter());
        Instant reference = row.reviewedAt() != null ? row.reviewedAt() : clock.instant();
        return new DirectoryReview(row.unitId(), row.quarter(), quarter.label(), Zones.china(row.opensAt()),
                Zones.china(row.dueAt()), row.citation(), row.reviewedAt() == null ? null
                        : Zones.china(row.reviewedAt()), row.reviewedBy(), row.note(), reference.isAfter(row.dueAt()));
    }

    static String subject(UUID unitId, String quarter) {
        return "directory-review:" + quarter + ":" + unitId;
    }
}
