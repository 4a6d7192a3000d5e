package org.zhiban.policy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.internal.PolicyRepository;
import org.zhiban.shared.Actor;
import org.zhiban.shared.RevisionedCache;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/**
 * Duty policies and the rules in effect for each unit. A policy attached to a unit governs its subtree; a unit
 * below may tighten a value for itself and its subtree, never loosen it. Effective policies are cached in memory
 * and kept current across instances.
 */
@Service
public class DutyPolicies {

    private static final String ALL = "all";

    private final PolicyRepository repository;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final RevisionedCache<String, Map<UUID, DutyPolicy>> policies;
    private final RevisionedCache<UUID, EffectivePolicy> effective;

    DutyPolicies(PolicyRepository repository, UnitTree unitTree, UnitScope scope, AuditTrail audit, Clock clock,
            JdbcClient jdbc) {
        this.repository = repository;
        this.unitTree = unitTree;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.policies = new RevisionedCache<>("policy", jdbc);
        this.effective = new RevisionedCache<>("policy", jdbc);
    }

    public List<DutyPolicy> policies() {
        return List.copyOf(byId().values()).stream().sorted(java.util.Comparator.comparing(DutyPolicy::code)).toList();
    }

    public DutyPolicy policy(String code) {
        return byId().values().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> ZhibanException.notFound("POLICY_NOT_FOUND", "值班规范不存在：" + code));
    }

    /** The rules in effect for a unit, for modules that apply them (no data-scope check). */
    public EffectivePolicy effective(UUID unitId) {
        return effective.get(unitId, this::resolve);
    }

    /** The rules in effect for a unit the actor may see. */
    @Transactional(readOnly = true)
    public EffectivePolicy effectiveFor(Actor actor, UUID unitId) {
        requireUnit(unitId);
        scope.requireVisible(actor, unitId);
        return effective(unitId);
    }

    /** The policy attached to the unit itself, if any, with the document by which it was adopted. */
    @Transactional(readOnly = true)
    public java.util.Optional<PolicyAttachment> attachment(UUID unitId) {
        return java.util.Optional.ofNullable(repository.attachments(List.of(unitId)).get(unitId))
                .flatMap(a -> java.util.Optional.ofNullable(byId().get(a.policyId()))
                        .map(p -> new PolicyAttachment(unitId, p.code(), p.documentNumber(), a.adoptedBy())));
    }

    /**
     * Makes a policy govern a unit and its subtree. Below a unit already governed, the new policy may not loosen
     * any rule in effect there.
     */
    @Transactional
    public EffectivePolicy attach(Actor actor, UUID unitId, String code, String adoptedBy) {
        requireUnit(unitId);
        scope.requireManageable(actor, unitId);
        DutyPolicy policy = policy(code);
        EffectivePolicy inherited = resolveAbove(unitId);
        for (PolicyRule rule : policy.rules()) {
            inherited.rule(rule.key()).ifPresent(current -> requireNoLoosening(rule.key(), rule.value(), current));
        }
        repository.attach(unitId, policy.id(), blankToNull(adoptedBy), actor.username(), clock.instant());
        invalidate();
        audit.record("POLICY_ATTACHED", "unit:" + unitId, AuditOutcome.SUCCESS,
                policy.documentNumber() + (adoptedBy == null || adoptedBy.isBlank() ? "" : "（" + adoptedBy + "）"));
        return effective(unitId);
    }

    @Transactional
    public void detach(Actor actor, UUID unitId) {
        requireUnit(unitId);
        scope.requireManageable(actor, unitId);
        if (repository.detach(unitId)) {
            invalidate();
            audit.record("POLICY_DETACHED", "unit:" + unitId, AuditOutcome.SUCCESS, null);
        }
    }

    /** A unit tightens one rule for itself and its subtree; a looser value is refused naming the superior's rule. */
    @Transactional
    public EffectivePolicy tighten(Actor actor, UUID unitId, String keyName, PolicyCommand command) {
        requireUnit(unitId);
        scope.requireManageable(actor, unitId);
        RuleKey key = ruleKey(keyName);
        RuleValue value = RuleValue.of(key, command.type(), command.value());
        if (command.citation() == null || command.citation().isBlank()) {
            throw ZhibanException.invalidField("citation", "请填写收紧规则的依据文件（文号）");
        }
        resolveExcluding(unitId, key).rule(key).ifPresent(current -> requireNoLoosening(key, value, current));
        repository.putOverride(new PolicyRepository.Override(unitId, key, value, command.citation().trim()),
                actor.username(), clock.instant());
        invalidate();
        audit.record("POLICY_RULE_TIGHTENED", "unit:" + unitId, AuditOutcome.SUCCESS,
                key.label() + " = " + value.display() + "（" + command.citation().trim() + "）");
        return effective(unitId);
    }

    @Transactional
    public EffectivePolicy removeTightening(Actor actor, UUID unitId, String keyName) {
        requireUnit(unitId);
        scope.requireManageable(actor, unitId);
        RuleKey key = ruleKey(keyName);
        if (!repository.removeOverride(unitId, key)) {
            throw ZhibanException.notFound("TIGHTENING_NOT_FOUND", "本单位未收紧规则“" + key.label() + "”");
        }
        invalidate();
        audit.record("POLICY_RULE_TIGHTENING_REMOVED", "unit:" + unitId, AuditOutcome.SUCCESS, key.label());
        return effective(unitId);
    }

    /** The system administrator sets a policy's own value, e.g. confirming a default marked "to be confirmed". */
    @Transactional
    public DutyPolicy editRule(Actor actor, String code, String keyName, PolicyCommand command) {
        if (!actor.has(Role.SYSTEM_ADMIN)) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有系统管理员可以修改值班规范的规定值");
        }
        DutyPolicy policy = policy(code);
        RuleKey key = ruleKey(keyName);
        RuleValue value = RuleValue.of(key, command.type(), command.value());
        PolicyRule current = policy.rule(key).orElseThrow(() -> ZhibanException.notFound("RULE_NOT_IN_POLICY",
                policy.documentNumber() + " 未规定“" + key.label() + "”"));
        boolean toBeConfirmed = command.toBeConfirmed() != null ? command.toBeConfirmed() : current.toBeConfirmed();
        String note = command.note() != null ? blankToNull(command.note()) : current.note();
        repository.updateRule(policy.id(), new PolicyRule(key, value, current.article(), current.excerpt(),
                toBeConfirmed, note));
        invalidate();
        audit.record("POLICY_RULE_EDITED", "policy:" + code, AuditOutcome.SUCCESS,
                key.label() + "：" + current.value().display() + " → " + value.display());
        return policy(code);
    }

    /** Stores a policy shipped with the application, if it is not there yet. */
    @Transactional
    public boolean loadShipped(DutyPolicy policy) {
        if (repository.exists(policy.code())) {
            return addNewRules(policy);
        }
        repository.insert(policy);
        invalidate();
        return true;
    }

    /**
     * An installation that loaded a shipped policy before this version gains the rules the version added (a new
     * kind of rule: the directory's contents, approval of an absence); the rules it holds keep their values.
     */
    private boolean addNewRules(DutyPolicy shipped) {
        DutyPolicy stored = repository.byCode(shipped.code()).orElseThrow();
        List<PolicyRule> added = shipped.rules().stream().filter(r -> stored.rule(r.key()).isEmpty()).toList();
        added.forEach(rule -> repository.insertRule(stored.id(), rule));
        if (!added.isEmpty()) {
            invalidate();
        }
        return !added.isEmpty();
    }

    /** A value may not be looser than the rule in effect above; the refusal names that rule and its source. */
    private void requireNoLoosening(RuleKey key, RuleValue proposed, EffectiveRule current) {
        if (!key.strictness().atLeastAsStrict(proposed, current.ruleValue())) {
            String source = current.sourceUnitId() == null ? "" : unitTree.find(current.sourceUnitId())
                    .map(Unit::name).map(name -> "（" + name + "）").orElse("");
            throw new ZhibanException(409, "POLICY_LOOSENING", "不得放宽上级规定：" + current.citation() + source
                    + "规定“" + key.label() + "”为 " + current.display() + "，拟设为 " + proposed.display(),
                    List.of(new ZhibanException.FieldProblem("value", "不得宽于 " + current.display() + "（"
                            + current.citation() + "）")));
        }
    }

    private EffectivePolicy resolve(UUID unitId) {
        List<UUID> path = unitTree.pathTo(unitId).stream().map(Unit::id).toList();
        if (path.isEmpty()) {
            return new EffectivePolicy(unitId, List.of());
        }
        return PolicyResolution.resolve(unitId, path, repository.attachments(path), repository.overrides(path), byId());
    }

    /** What a unit inherits from above, without its own attachment and tightenings. */
    private EffectivePolicy resolveAbove(UUID unitId) {
        List<UUID> path = unitTree.pathTo(unitId).stream().map(Unit::id).toList();
        List<UUID> above = path.subList(0, Math.max(0, path.size() - 1));
        if (above.isEmpty()) {
            return new EffectivePolicy(unitId, List.of());
        }
        return PolicyResolution.resolve(unitId, above, repository.attachments(above), repository.overrides(above),
                byId());
    }

    /** What would be in effect for a unit without its own tightening of one rule. */
    private EffectivePolicy resolveExcluding(UUID unitId, RuleKey key) {
        List<UUID> path = unitTree.pathTo(unitId).stream().map(Unit::id).toList();
        List<PolicyRepository.Override> overrides = repository.overrides(path).stream()
                .filter(o -> !(o.unitId().equals(unitId) && o.key() == key)).toList();
        return PolicyResolution.resolve(unitId, path, repository.attachments(path), overrides, byId());
    }

    private Map<UUID, DutyPolicy> byId() {
        return policies.get(ALL, all -> repository.all().stream()
                .collect(Collectors.toMap(DutyPolicy::id, Function.identity())));
    }

    private void invalidate() {
        policies.invalidate();
        effective.invalidate();
    }

    private void requireUnit(UUID unitId) {
        unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + unitId));
    }

    static RuleKey ruleKey(String key) {
        return RuleKey.find(key).orElseThrow(() -> ZhibanException.notFound("UNKNOWN_RULE", "没有名为“" + key + "”的规则"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
