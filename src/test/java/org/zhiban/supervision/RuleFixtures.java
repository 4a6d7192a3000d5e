package org.zhiban.supervision;

import java.util.List;
import java.util.UUID;

import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.ValueType;

/** Units and Baoji-cited policies for the supervision rules' unit tests. */
final class RuleFixtures {

    static final String BAOJI = "宝政办发〔2022〕43号 ";

    private RuleFixtures() {
    }

    static Unit unit(UnitKind kind, UnitLevel level) {
        return new Unit(UUID.randomUUID(), null, "单位", kind, level, "值班室", "0917-1234567", null, null, null, 0);
    }

    static EffectivePolicy policy(EffectiveRule... rules) {
        return new EffectivePolicy(UUID.randomUUID(), List.of(rules));
    }

    static EffectiveRule rule(RuleKey key, ValueType type, String value, String article) {
        return new EffectiveRule(key.key(), key.label(), type, value, value, BAOJI + article, "宝政办发〔2022〕43号",
                null, false, false);
    }
}
