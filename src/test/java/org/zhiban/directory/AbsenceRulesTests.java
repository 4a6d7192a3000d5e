package org.zhiban.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.ValueType;

class AbsenceRulesTests {

    private static final Instant FILED = Instant.parse("2026-09-30T15:50:00Z");
    private static final Instant PHONED = FILED.minus(Duration.ofHours(30));

    @Test
    void anUrgentTripToldByPhoneCountsFromTheCallOnlyWhereThePolicyAllowsIt() {
        Optional<EffectiveRule> allowed = Optional.of(rule(RuleKey.ABSENCE_NOTICE_URGENT_BY_PHONE, ValueType.BOOLEAN,
                "true", "宝政办发〔2022〕43号 第十五条"));
        assertThat(AbsenceNotices.countedAt(FILED, true, PHONED, allowed)).isEqualTo(PHONED);
        assertThat(AbsenceNotices.countedAt(FILED, true, PHONED, Optional.empty())).as("policy silent").isEqualTo(FILED);
        assertThat(AbsenceNotices.countedAt(FILED, false, PHONED, allowed)).as("not urgent").isEqualTo(FILED);
        assertThat(AbsenceNotices.countedAt(FILED, true, null, allowed)).as("no call given").isEqualTo(FILED);
    }

    @Test
    void aReturnFallsUnderTheApprovalArticleElseTheNoticesOwnAndUnderNoneWhereThePolicyIsSilent() {
        EffectiveRule lead = rule(RuleKey.ABSENCE_NOTICE_LEAD, ValueType.DAYS, "3", "宝政办发〔2022〕43号 第十五条");
        EffectiveRule approval = rule(RuleKey.ABSENCE_NOTICE_APPROVAL, ValueType.BOOLEAN, "true", "X区值班工作标准规范 第十条");
        assertThat(AbsenceNotices.returnCitation(new EffectivePolicy(null, List.of(lead, approval))))
                .contains("X区值班工作标准规范 第十条");
        assertThat(AbsenceNotices.returnCitation(new EffectivePolicy(null, List.of(lead))))
                .contains("宝政办发〔2022〕43号 第十五条");
        assertThat(AbsenceNotices.returnCitation(new EffectivePolicy(null, List.of()))).isEmpty();
    }

    private static EffectiveRule rule(RuleKey key, ValueType type, String value, String citation) {
        return new EffectiveRule(key.key(), key.label(), type, value, value, citation, citation, null, false, false);
    }
}
