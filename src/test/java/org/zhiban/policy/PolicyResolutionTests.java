package org.zhiban.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.policy.internal.PolicyRepository;

class PolicyResolutionTests {

    private final UUID city = UUID.randomUUID();
    private final UUID county = UUID.randomUUID();
    private final UUID town = UUID.randomUUID();
    private final DutyPolicy baoji = new DutyPolicy(UUID.randomUUID(), "baoji-2022", "宝鸡", "宝政办发〔2022〕43号", null, null,
            List.of(new PolicyRule(RuleKey.VERIFICATION_PHONE_FEEDBACK, new RuleValue(ValueType.DURATION, "PT30M"),
                    "第十五条", "30分钟内电话反馈", false, null)));

    @Test
    void aPolicyGovernsTheSubtreeOfTheUnitItIsAttachedTo() {
        EffectivePolicy effective = PolicyResolution.resolve(town, List.of(city, county, town),
                Map.of(city, new PolicyRepository.Attachment(city, baoji.id(), null)), List.of(),
                Map.of(baoji.id(), baoji));
        EffectiveRule rule = effective.rule(RuleKey.VERIFICATION_PHONE_FEEDBACK).orElseThrow();
        assertThat(rule.value()).isEqualTo("PT30M");
        assertThat(rule.citation()).isEqualTo("宝政办发〔2022〕43号 第十五条");
        assertThat(rule.sourceUnitId()).isEqualTo(city);
    }

    @Test
    void aTighteningBelowWinsAndALooserValueNever() {
        List<PolicyRepository.Override> overrides = List.of(
                new PolicyRepository.Override(county, RuleKey.VERIFICATION_PHONE_FEEDBACK,
                        new RuleValue(ValueType.DURATION, "PT20M"), "金政办发〔2023〕5号"),
                new PolicyRepository.Override(town, RuleKey.VERIFICATION_PHONE_FEEDBACK,
                        new RuleValue(ValueType.DURATION, "PT45M"), "某镇文件"));
        EffectivePolicy effective = PolicyResolution.resolve(town, List.of(city, county, town),
                Map.of(city, new PolicyRepository.Attachment(city, baoji.id(), null)), overrides,
                Map.of(baoji.id(), baoji));
        EffectiveRule rule = effective.rule(RuleKey.VERIFICATION_PHONE_FEEDBACK).orElseThrow();
        assertThat(rule.value()).isEqualTo("PT20M");
        assertThat(rule.sourceUnitId()).isEqualTo(county);
        assertThat(rule.tightened()).isTrue();
        assertThat(rule.citation()).isEqualTo("金政办发〔2023〕5号");
    }

    @Test
    void readoptingTheSamePolicyKeepsTheSourceHighestUp() {
        EffectivePolicy effective = PolicyResolution.resolve(town, List.of(city, county, town),
                Map.of(city, new PolicyRepository.Attachment(city, baoji.id(), null),
                        county, new PolicyRepository.Attachment(county, baoji.id(), "宝金政办发〔2022〕21号")),
                List.of(), Map.of(baoji.id(), baoji));
        assertThat(effective.rule(RuleKey.VERIFICATION_PHONE_FEEDBACK).orElseThrow().sourceUnitId()).isEqualTo(city);
    }

    @Test
    void aUnitUnderNoPolicyHasNoRules() {
        assertThat(PolicyResolution.resolve(town, List.of(town), Map.of(), List.of(), Map.of()).rules()).isEmpty();
    }
}
