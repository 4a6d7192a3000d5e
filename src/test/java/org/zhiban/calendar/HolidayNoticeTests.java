package org.zhiban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.ZhibanException;

class HolidayNoticeTests {

    @Test
    void parse_readsRangesListsAndChineseKeywords() {
        HolidayNotice notice = HolidayNotice.parse(2026, """
                title = 国务院办公厅关于2026年部分节假日安排的通知
                # comment
                春节 off 2026-02-15..2026-02-23
                春节 work 2026-02-14, 2026-02-28
                元旦 休 2026-01-01 至 2026-01-03
                元旦 班 2026-01-04
                """);
        assertThat(notice.title()).contains("2026");
        assertThat(notice.days()).hasSize(9 + 2 + 3 + 1);
        assertThat(notice.days()).filteredOn(d -> d.kind() == DayKind.MAKEUP_WORKDAY)
                .extracting(HolidayNotice.Day::date)
                .containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28));
    }

    @Test
    void parse_acceptsTheNewYearBeginningInDecember() {
        HolidayNotice notice = HolidayNotice.parse(2023, "title = 2023\n元旦 off 2022-12-31..2023-01-02");
        assertThat(notice.days()).extracting(HolidayNotice.Day::date).contains(LocalDate.of(2022, 12, 31));
    }

    @Test
    void parse_refusesAMakeUpWorkingDayThatIsNotAWeekend() {
        assertThatThrownBy(() -> HolidayNotice.parse(2026, "title = x\n春节 work 2026-02-16"))
                .isInstanceOf(ZhibanException.class).hasMessageContaining("不是周末");
    }

    @Test
    void parse_refusesDatesOfAnotherYearDuplicatesAndNonsense() {
        assertThatThrownBy(() -> HolidayNotice.parse(2026, "title = x\n国庆 off 2027-10-01"))
                .hasMessageContaining("不属于 2026 年");
        assertThatThrownBy(() -> HolidayNotice.parse(2026, "title = x\n国庆 off 2026-10-01\n中秋 off 2026-10-01"))
                .hasMessageContaining("重复");
        assertThatThrownBy(() -> HolidayNotice.parse(2026, "title = x\n国庆 off 2026-02-30"))
                .hasMessageContaining("不存在");
        assertThatThrownBy(() -> HolidayNotice.parse(2026, "国庆 放 2026-10-01")).hasMessageContaining("第 1 行");
        assertThatThrownBy(() -> HolidayNotice.parse(2026, "国庆 off 2026-10-01")).hasMessageContaining("标题");
    }
}
