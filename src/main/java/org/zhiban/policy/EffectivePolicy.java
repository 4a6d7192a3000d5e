package org.zhiban.policy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** All rules that apply to a unit, in catalogue order; empty when no policy governs the unit. */
public record EffectivePolicy(UUID unitId, List<EffectiveRule> rules) {

    public Optional<EffectiveRule> rule(RuleKey key) {
        return rules.stream().filter(r -> r.key().equals(key.key())).findFirst();
    }

    public Optional<RuleValue> value(RuleKey key) {
        return rule(key).map(EffectiveRule::ruleValue);
    }

    /** A requirement that holds for the unit (a boolean rule set to true). */
    public boolean requires(RuleKey key) {
        return value(key).map(RuleValue::asBoolean).orElse(false);
    }
}
