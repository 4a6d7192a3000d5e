package org.zhiban.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.ZhibanException;

class ReviewQuarterTests {

    @Test
    void theReviewIsOwedInTheSevenDaysEndingOnTheQuartersLastDayAndDueByItsEndChinaTime() {
        ReviewQuarter q4 = ReviewQuarter.of(LocalDate.of(2026, 12, 3));
        assertThat(q4.code()).isEqualTo("2026Q4");
        assertThat(q4.label()).isEqualTo("2026年第四季度");
        assertThat(q4.opensAt()).isEqualTo(Instant.parse("2026-12-24T16:00:00Z"));
        assertThat(q4.dueAt()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        ReviewQuarter q1 = ReviewQuarter.parse("2027Q1");
        assertThat(q1.lastDay()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(q1.opensAt()).isEqualTo(Instant.parse("2027-03-24T16:00:00Z"));
        assertThat(ReviewQuarter.at(Instant.parse("2026-09-30T16:30:00Z"))).as("00:30 on 1 October in China")
                .isEqualTo(new ReviewQuarter(2026, 4));
        assertThatThrownBy(() -> ReviewQuarter.parse("2026Q5")).isInstanceOf(ZhibanException.class)
                .hasMessageContaining("2026Q4");
    }
}
