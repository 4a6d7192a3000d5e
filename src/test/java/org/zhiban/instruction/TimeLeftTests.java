package org.zhiban.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** The ledger's marks (issue 18): blue at three days or less, yellow today or tomorrow, red once overdue. */
class TimeLeftTests {

    private static final Instant DUE = at("2026-05-12T00:00:00+08:00");

    @Test
    void anInstructionTurnsBlueThreeDaysAheadYellowTheDayBeforeAndRedAtItsDeadline() {
        assertThat(TimeLeft.of(DUE, at("2026-05-07T09:00:00+08:00"))).isEqualTo(TimeLeft.AHEAD);
        assertThat(TimeLeft.of(DUE, at("2026-05-08T00:00:00+08:00"))).isEqualTo(TimeLeft.NEAR);
        assertThat(TimeLeft.of(DUE, at("2026-05-09T23:59:00+08:00"))).isEqualTo(TimeLeft.NEAR);
        assertThat(TimeLeft.of(DUE, at("2026-05-10T00:00:00+08:00"))).isEqualTo(TimeLeft.DUE_SOON);
        assertThat(TimeLeft.of(DUE, at("2026-05-11T23:59:59+08:00"))).isEqualTo(TimeLeft.DUE_SOON);
        assertThat(TimeLeft.of(DUE, DUE)).isEqualTo(TimeLeft.OVERDUE);
        assertThat(TimeLeft.of(DUE, DUE).label()).isEqualTo("已超期");
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
