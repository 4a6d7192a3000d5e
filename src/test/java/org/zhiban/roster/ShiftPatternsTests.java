package org.zhiban.roster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhiban.roster.ShiftPatterns.ShiftDefinition;
import org.zhiban.shared.ZhibanException;

class ShiftPatternsTests {

    @Test
    void aDayOfShiftsCoversTwentyFourHoursWithoutGapOrOverlapCitingOnlyTheUnitsOwnRule() {
        assertThatCode(() -> ShiftPatterns.requireWholeDay(ShiftPatterns.ONE_SHIFT, null)).doesNotThrowAnyException();
        assertThatCode(() -> ShiftPatterns.requireWholeDay(ShiftPatterns.DAY_AND_NIGHT, null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ShiftPatterns.requireWholeDay(List.of(shift("白班", 8, 30, 9),
                shift("夜班", 18, 0, 15)), "龙政办〔2023〕2号 三"))
                .isInstanceOf(ZhibanException.class).hasMessageContaining("空档或重叠")
                .hasMessageEndingWith("（龙政办〔2023〕2号 三）");
        assertThatThrownBy(() -> ShiftPatterns.requireWholeDay(List.of(shift("白班", 8, 30, 9),
                shift("夜班", 17, 30, 14)), null))
                .isInstanceOf(ZhibanException.class).hasMessage("各班次合计 23 小时，应恰好覆盖 24 小时");
    }

    @Test
    void noShiftIsShorterThanThePolicysMinimum() {
        List<ShiftDefinition> fourHours = List.of(shift("早班", 8, 0, 4), shift("长班", 12, 0, 20));
        assertThatThrownBy(() -> ShiftPatterns.requireMinimumLength(fourHours, Duration.ofHours(8),
                "宝政办发〔2022〕43号 第八条"))
                .isInstanceOf(ZhibanException.class)
                .hasMessage("早班仅 4 小时，每班不少于 8 小时（宝政办发〔2022〕43号 第八条）");
        assertThatCode(() -> ShiftPatterns.requireMinimumLength(ShiftPatterns.DAY_AND_NIGHT, Duration.ofHours(8), ""))
                .doesNotThrowAnyException();
    }

    @Test
    void aPatternHasOneToFourNamedShiftsWithOneToNineOfficers() {
        assertThatThrownBy(() -> ShiftPatterns.requireWellFormed(List.of()))
                .hasMessageContaining("1 至 4 个班次");
        assertThatThrownBy(() -> ShiftPatterns.requireWellFormed(List.of(shift("班", 8, 30, 12), shift("班", 20, 30, 12))))
                .hasMessageContaining("班次名称重复");
        assertThatThrownBy(() -> ShiftPatterns.requireWellFormed(List.of(new ShiftDefinition("24小时班",
                LocalTime.of(8, 30), Duration.ofHours(24), 0)))).hasMessageContaining("值班员人数");
    }

    private static ShiftDefinition shift(String name, int hour, int minute, double hours) {
        return new ShiftDefinition(name, LocalTime.of(hour, minute), Duration.ofMinutes(Math.round(hours * 60)), 1);
    }
}
