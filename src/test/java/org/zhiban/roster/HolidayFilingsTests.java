package org.zhiban.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.zhiban.policy.RuleValue;
import org.zhiban.policy.ValueType;
import org.zhiban.shared.Zones;

class HolidayFilingsTests {

    /** National Day 2026 begins on Thursday 1 October; 26 and 27 September are a weekend. */
    private static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 10, 1);

    @Test
    void threeDaysAheadMeansByTheEndOfTheThirdDayBefore() {
        Instant due = HolidayFilings.filingDue(NATIONAL_DAY, new RuleValue(ValueType.DAYS, "3"), null);
        assertThat(due).isEqualTo(ZonedDateTime.of(2026, 9, 29, 0, 0, 0, 0, Zones.CHINA).toInstant());
    }

    @Test
    void threeWorkingDaysAheadSkipsTheWeekend() {
        Instant due = HolidayFilings.filingDue(NATIONAL_DAY, new RuleValue(ValueType.WORKING_DAYS, "3"),
                HolidayFilingsTests::weekdaysBefore);
        // Working days before 1 October: 30, 29, 28 September (Wed, Tue, Mon): filed by the end of the 28th.
        assertThat(due).isEqualTo(ZonedDateTime.of(2026, 9, 29, 0, 0, 0, 0, Zones.CHINA).toInstant());
        Instant fourDays = HolidayFilings.filingDue(NATIONAL_DAY, new RuleValue(ValueType.WORKING_DAYS, "4"),
                HolidayFilingsTests::weekdaysBefore);
        // The fourth working day back jumps the weekend of 26–27 September to Friday the 25th.
        assertThat(fourDays).isEqualTo(ZonedDateTime.of(2026, 9, 26, 0, 0, 0, 0, Zones.CHINA).toInstant());
    }

    /** Working days of a September without make-up days: Monday to Friday (the real calendar is tested on its own). */
    private static LocalDate weekdaysBefore(LocalDate to, int n) {
        LocalDate date = to;
        for (int counted = 0; counted < n; ) {
            date = date.minusDays(1);
            if (date.getDayOfWeek().getValue() <= 5) {
                counted++;
            }
        }
        return date;
    }

    @Test
    void aFilingIsOnTimeLateMissingOrNotYetDue() {
        Instant due = Instant.parse("2026-09-28T16:00:00Z");
        assertThat(HolidayFilings.status(due, due.minusSeconds(60), due.plusSeconds(600))).isEqualTo(FilingStatus.FILED);
        assertThat(HolidayFilings.status(due, due.plusSeconds(60), due.plusSeconds(600))).isEqualTo(FilingStatus.LATE);
        assertThat(HolidayFilings.status(due, null, due.plusSeconds(1))).isEqualTo(FilingStatus.MISSING);
        assertThat(HolidayFilings.status(due, null, due.minusSeconds(1))).isEqualTo(FilingStatus.PENDING);
    }
}
