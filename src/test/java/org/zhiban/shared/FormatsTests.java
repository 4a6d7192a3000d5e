package org.zhiban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class FormatsTests {

    @Test
    void aDeadlineAtMidnightReadsAsTheEndOfTheDayBefore() {
        Formats formats = new Formats();
        assertThat(formats.deadline(OffsetDateTime.parse("2026-12-30T00:00+08:00"))).isEqualTo("12-29 24:00");
        assertThat(formats.deadline(OffsetDateTime.parse("2026-12-29T09:30Z"))).isEqualTo("12-29 17:30");
    }
}
