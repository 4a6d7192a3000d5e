package org.zhiban.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrictnessTests {

    @Test
    void lower_aShorterDeadlineIsStricter() {
        assertThat(Strictness.LOWER.atLeastAsStrict(duration("PT20M"), duration("PT30M"))).isTrue();
        assertThat(Strictness.LOWER.atLeastAsStrict(duration("PT30M"), duration("PT30M"))).isTrue();
        assertThat(Strictness.LOWER.atLeastAsStrict(duration("PT45M"), duration("PT30M"))).isFalse();
    }

    @Test
    void higher_moreIsStricter() {
        assertThat(Strictness.HIGHER.atLeastAsStrict(duration("PT12H"), duration("PT8H"))).isTrue();
        assertThat(Strictness.HIGHER.atLeastAsStrict(new RuleValue(ValueType.COUNT, "1"),
                new RuleValue(ValueType.COUNT, "2"))).isFalse();
    }

    @Test
    void required_trueIsStricterThanFalse() {
        assertThat(Strictness.REQUIRED.atLeastAsStrict(bool(true), bool(false))).isTrue();
        assertThat(Strictness.REQUIRED.atLeastAsStrict(bool(false), bool(true))).isFalse();
    }

    @Test
    void moreCodes_aSetFailingEveryResultTheReferenceFailsIsAtLeastAsStrict() {
        RuleValue six = new RuleValue(ValueType.CODES, "12,13,14,21,22,23");
        RuleValue three = new RuleValue(ValueType.CODES, "21,22,23");
        assertThat(Strictness.MORE_CODES.atLeastAsStrict(six, three)).isTrue();
        assertThat(Strictness.MORE_CODES.atLeastAsStrict(three, six)).isFalse();
        assertThat(Strictness.MORE_CODES.atLeastAsStrict(new RuleValue(ValueType.CODES, "11,21"), three)).isFalse();
        assertThat(ValueType.CODES.canonical("23、21，22 12")).contains("12,21,22,23");
        assertThat(ValueType.CODES.canonical("无人接听")).isEmpty();
    }

    @Test
    void earlier_anEarlierTimeIsStricter() {
        RuleValue three = new RuleValue(ValueType.TIME_OF_DAY, "15:00");
        RuleValue four = new RuleValue(ValueType.TIME_OF_DAY, "16:00");
        assertThat(Strictness.EARLIER.atLeastAsStrict(three, four)).isTrue();
        assertThat(Strictness.EARLIER.atLeastAsStrict(four, three)).isFalse();
    }

    @Test
    void workingDaysOfLeadTimeAreAtLeastAsManyDays() {
        RuleValue threeDays = new RuleValue(ValueType.DAYS, "3");
        RuleValue threeWorkingDays = new RuleValue(ValueType.WORKING_DAYS, "3");
        assertThat(Strictness.HIGHER.atLeastAsStrict(threeWorkingDays, threeDays)).isTrue();
        assertThat(Strictness.HIGHER.atLeastAsStrict(threeDays, threeWorkingDays)).isFalse();
        assertThat(Strictness.LOWER.atLeastAsStrict(threeDays, new RuleValue(ValueType.WORKING_DAYS, "5"))).isTrue();
        assertThat(Strictness.LOWER.atLeastAsStrict(threeWorkingDays, threeDays)).isFalse();
    }

    private static RuleValue duration(String value) {
        return new RuleValue(ValueType.DURATION, value);
    }

    private static RuleValue bool(boolean value) {
        return new RuleValue(ValueType.BOOLEAN, Boolean.toString(value));
    }
}
