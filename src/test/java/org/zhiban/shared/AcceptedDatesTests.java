package org.zhiban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** Dates a request may carry: 2000-01-01 to ten years ahead of the clock, or less where a field needs it. */
class AcceptedDatesTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), Zones.CHINA);

    @Test
    void aDateLiesBetweenTwoThousandAndTenYearsAheadAndTheErrorNamesTheFieldAndTheRange() {
        assertThat(AcceptedDates.requireDate("firstDay", LocalDate.of(2000, 1, 1), CLOCK)).isEqualTo("2000-01-01");
        assertThat(AcceptedDates.requireDate("firstDay", LocalDate.of(2036, 12, 1), CLOCK)).isEqualTo("2036-12-01");
        assertThat(AcceptedDates.requireDate("firstDay", null, CLOCK)).isNull();
        for (LocalDate wrong : new LocalDate[] { LocalDate.of(0, 1, 1), LocalDate.of(1999, 12, 31),
                LocalDate.of(2036, 12, 2), LocalDate.MAX }) {
            assertThatThrownBy(() -> AcceptedDates.requireDate("firstDay", wrong, CLOCK))
                    .isInstanceOfSatisfying(ZhibanException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.fieldProblems()).extracting(ZhibanException.FieldProblem::field)
                                .containsExactly("firstDay");
                        assertThat(e.detail()).isEqualTo("日期须在 2000-01-01 至 2036-12-01 之间");
                    });
        }
        assertThatThrownBy(() -> AcceptedDates.requirePastDate("trainedOn", LocalDate.of(2026, 12, 2), CLOCK))
                .hasMessage("日期须在 2000-01-01 至 2026-12-01 之间");
    }

    @Test
    void timesMonthsAndYearsAreBoundTheSameWayAndAPastTimeNotBeyondNow() {
        assertThatThrownBy(() -> AcceptedDates.requireInstant("at", OffsetDateTime.parse("+999999999-12-31T00:00Z"),
                CLOCK)).hasMessage("时间须在 2000-01-01 00:00 至 2036-12-01 12:00 之间");
        assertThatThrownBy(() -> AcceptedDates.requirePastInstant("occurredAt",
                OffsetDateTime.parse("2026-12-01T12:01+08:00"), CLOCK))
                .hasMessage("时间须在 2000-01-01 00:00 至 2026-12-01 12:00 之间");
        assertThat(AcceptedDates.requirePastInstant("occurredAt", OffsetDateTime.parse("2026-12-01T12:00+08:00"),
                CLOCK)).isEqualTo(Instant.parse("2026-12-01T04:00:00Z"));
        assertThatThrownBy(() -> AcceptedDates.requireMonth("month", YearMonth.of(2037, 1), CLOCK))
                .hasMessage("月份须在 2000-01 至 2036-12 之间");
        assertThat(AcceptedDates.requireYear("year", 2036, CLOCK)).isEqualTo(2036);
        assertThatThrownBy(() -> AcceptedDates.requireYear("year", 1999, CLOCK))
                .hasMessage("年份须在 2000 至 2036 之间");
    }
}
