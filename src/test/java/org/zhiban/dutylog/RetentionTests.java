package org.zhiban.dutylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.RuleValue;

/** How long a year's book is kept comes from the unit's own policy, a local default marked as one. */
class RetentionTests {

    @Test
    void aBookIsKeptThePolicysPeriodOrLongTermAndALocalDefaultSaysSo() {
        assertThat(DutyLog.retention(policy(rule(RuleKey.DUTYLOG_RETENTION, "365", "龙政办〔2023〕2号 六（二）", false)), 2027))
                .get().satisfies(kept -> {
                    assertThat(kept.statement()).isEqualTo("保存1年以上，至少至 2028-12-31（龙政办〔2023〕2号 六（二））");
                    assertThat(kept.keepUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
                    assertThat(kept.localDefault()).isFalse();
                });
        assertThat(DutyLog.retention(policy(rule(RuleKey.DUTYLOG_RETENTION, "400", "某规定 第一条", false)), 2026))
                .get().extracting(LogBook.Retention::statement).isEqualTo("保存400天以上，至少至 2028-02-04（某规定 第一条）");

        EffectiveRule baoji = rule(RuleKey.DUTYLOG_LONG_TERM, "true", "宝政办发〔2022〕43号 第十一条", true);
        assertThat(DutyLog.retention(policy(baoji), 2026)).get().satisfies(kept -> {
            assertThat(kept.statement()).isEqualTo("本地默认：长期保存（宝政办发〔2022〕43号 第十一条未明确，待当地确认）");
            assertThat(kept.keepUntil()).isNull();
            assertThat(kept.citation()).isEqualTo("宝政办发〔2022〕43号 第十一条");
            assertThat(kept.localDefault()).isTrue();
        });
        // Long-term is the stricter of the two; a policy that does not ask for it keeps its period.
        assertThat(DutyLog.retention(policy(rule(RuleKey.DUTYLOG_RETENTION, "365", "龙政办〔2023〕2号 六（二）", false),
                rule(RuleKey.DUTYLOG_LONG_TERM, "true", "某镇规定", false)), 2026)).get()
                .extracting(LogBook.Retention::statement).isEqualTo("长期保存（某镇规定）");
        assertThat(DutyLog.retention(policy(rule(RuleKey.DUTYLOG_RETENTION, "365", "龙政办〔2023〕2号 六（二）", false),
                rule(RuleKey.DUTYLOG_LONG_TERM, "false", "某镇规定", false)), 2026)).get()
                .extracting(LogBook.Retention::keepUntil).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(DutyLog.retention(policy(), 2026)).isEmpty();
    }

    private static EffectivePolicy policy(EffectiveRule... rules) {
        return new EffectivePolicy(UUID.randomUUID(), List.of(rules));
    }

    private static EffectiveRule rule(RuleKey key, String value, String citation, boolean toBeConfirmed) {
        RuleValue ruleValue = RuleValue.of(key, null, value);
        return new EffectiveRule(key.key(), key.label(), ruleValue.type(), ruleValue.value(), ruleValue.display(),
                citation, citation.split(" ")[0], UUID.randomUUID(), false, toBeConfirmed);
    }
}
