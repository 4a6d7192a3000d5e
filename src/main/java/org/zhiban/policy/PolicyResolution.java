package org.zhiban.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhiban.policy.internal.PolicyRepository;

/**
 * How the rules of one unit are found: walking down from the top of its tree, each unit's attached policy and its
 * own tightenings offer values, and for each rule the strictest value wins. A value that is only as strict as one
 * already found does not replace it, so the rule keeps the source highest up the tree. Resolution never loosens
 * a superior's rule, whatever order policies and tightenings were set in.
 */
final class PolicyResolution {

    private final Map<RuleKey, EffectiveRule> best = new EnumMap<>(RuleKey.class);
    private String governingDocument;

    /**
     * @param path        the units from the top of the tree down to the unit
     * @param attachments each unit's attached policy, if any
     * @param overrides   the tightenings of the units on the path
     * @param policies    the policies by id
     */
    static EffectivePolicy resolve(UUID unitId, List<UUID> path, Map<UUID, PolicyRepository.Attachment> attachments,
            List<PolicyRepository.Override> overrides, Map<UUID, DutyPolicy> policies) {
        PolicyResolution resolution = new PolicyResolution();
        for (UUID unit : path) {
            PolicyRepository.Attachment attachment = attachments.get(unit);
            if (attachment != null && policies.containsKey(attachment.policyId())) {
                resolution.offerPolicy(unit, policies.get(attachment.policyId()));
            }
            for (PolicyRepository.Override override : overrides) {
                if (override.unitId().equals(unit)) {
                    resolution.offerTightening(unit, override);
                }
            }
        }
        List<EffectiveRule> rules = new ArrayList<>(resolution.best.values());
        return new EffectivePolicy(unitId, List.copyOf(rules));
    }

    private void offerPolicy(UUID unit, DutyPolicy policy) {
        governingDocument = policy.documentNumber();
        for (PolicyRule rule : policy.rules()) {
            offer(rule.key(), new EffectiveRule(rule.key().key(), rule.key().label(), rule.value().type(),
                    rule.value().value(), rule.value().display(), rule.citation(policy.documentNumber()),
                    policy.documentNumber(), unit, false, rule.toBeConfirmed()));
        }
    }

    private void offerTightening(UUID unit, PolicyRepository.Override override) {
        RuleKey key = override.key();
        offer(key, new EffectiveRule(key.key(), key.label(), override.value().type(), override.value().value(),
                override.value().display(), override.citation(),
                governingDocument == null ? "本单位规定" : governingDocument, unit, true, false));
    }

    private void offer(RuleKey key, EffectiveRule candidate) {
        EffectiveRule current = best.get(key);
        if (current == null || isStricter(key, candidate, current)) {
            best.put(key, candidate);
        }
    }

    /** Strictly stricter: at least as strict, and not merely equal. */
    static boolean isStricter(RuleKey key, EffectiveRule candidate, EffectiveRule current) {
        Strictness strictness = key.strictness();
        return strictness.atLeastAsStrict(candidate.ruleValue(), current.ruleValue())
                && !strictness.atLeastAsStrict(current.ruleValue(), candidate.ruleValue());
    }
}
