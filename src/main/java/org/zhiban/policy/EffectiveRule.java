package org.zhiban.policy;

import java.util.UUID;

/**
 * A rule as it applies to one unit: the strictest value among its policy and the tightenings of the units above
 * it and itself, with the article it comes from and the unit that set it.
 *
 * @param policy       the document number of the policy the rule belongs to
 * @param sourceUnitId the unit whose policy or tightening gives the value
 */
public record EffectiveRule(
        String key,
        String label,
        ValueType type,
        String value,
        String display,
        String citation,
        String policy,
        UUID sourceUnitId,
        boolean tightened,
        boolean toBeConfirmed) {

    public RuleValue ruleValue() {
        return new RuleValue(type, value);
    }

    /**
     * A citation in brackets, to follow a message's words; nothing where there is none — a rule the unit's policy
     * does not hold names no article.
     */
    public static String cited(String citation) {
        return citation == null || citation.isBlank() ? "" : "（" + citation + "）";
    }
}
