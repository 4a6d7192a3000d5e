package org.zhiban.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.ZhibanException;

class RuleValueTests {

    @Test
    void of_acceptsEachTypeInCanonicalForm() {
        assertThat(RuleValue.of(RuleKey.VERIFICATION_PHONE_FEEDBACK, null, "pt30m").value()).isEqualTo("PT30M");
        assertThat(RuleValue.of(RuleKey.IMPORTANT_PERIOD_MIN_ON_DUTY, null, " 2 ").value()).isEqualTo("2");
        assertThat(RuleValue.of(RuleKey.DUTY_FORMAL_STAFF_ONLY, null, "TRUE").value()).isEqualTo("true");
        assertThat(RuleValue.of(RuleKey.HOLIDAY_DAILY_REPORT_DUE, null, "16:00").value()).isEqualTo("16:00");
        assertThat(RuleValue.of(RuleKey.HOLIDAY_ROSTER_FILING_LEAD, ValueType.WORKING_DAYS, "3").type())
                .isEqualTo(ValueType.WORKING_DAYS);
    }

    @Test
    void of_refusesAValueOfTheWrongType() {
        assertThatThrownBy(() -> RuleValue.of(RuleKey.IMPORTANT_PERIOD_MIN_ON_DUTY, null, "PT30M"))
                .isInstanceOf(ZhibanException.class).hasMessageContaining("不是有效的数量");
        assertThatThrownBy(() -> RuleValue.of(RuleKey.VERIFICATION_PHONE_FEEDBACK, null, "30"))
                .hasMessageContaining("PT30M");
        assertThatThrownBy(() -> RuleValue.of(RuleKey.VERIFICATION_PHONE_FEEDBACK, ValueType.COUNT, "30"))
                .hasMessageContaining("取值类型");
        assertThatThrownBy(() -> RuleValue.of(RuleKey.DUTY_FORMAL_STAFF_ONLY, null, "yes"))
                .hasMessageContaining("是/否");
    }

    @Test
    void display_readsInChinese() {
        assertThat(new RuleValue(ValueType.DURATION, "PT8H").display()).isEqualTo("8 小时");
        assertThat(new RuleValue(ValueType.DURATION, "PT8M").display()).isEqualTo("8 分钟");
        assertThat(new RuleValue(ValueType.DURATION, "PT1H30M").display()).isEqualTo("1 小时 30 分钟");
        assertThat(new RuleValue(ValueType.WORKING_DAYS, "3").display()).isEqualTo("3 个工作日");
    }
}
