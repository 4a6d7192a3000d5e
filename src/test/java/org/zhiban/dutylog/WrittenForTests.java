package org.zhiban.dutylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.zhiban.roster.OnDuty;

/** Who an entry was written for, as stored beside it: the shift's officers, never more than the column holds. */
class WrittenForTests {

    @Test
    void anOfficerOnTheShiftWritesForNoOne() {
        OnDuty.PersonOnDuty officer = new OnDuty.PersonOnDuty(UUID.randomUUID(), "王芳", null);
        assertThat(DutyLog.writtenFor(List.of(officer), officer.personId())).isEmpty();
    }

    @Test
    void anyoneElseWritesForTheShiftsOfficersByName() {
        List<OnDuty.PersonOnDuty> officers = List.of(new OnDuty.PersonOnDuty(UUID.randomUUID(), "王芳", null),
                new OnDuty.PersonOnDuty(UUID.randomUUID(), "李强", null));
        assertThat(DutyLog.writtenFor(officers, UUID.randomUUID())).contains("本班值班员 王芳、李强");
        assertThat(DutyLog.writtenFor(List.of(), UUID.randomUUID())).contains("本班值班员（未排班）");
    }

    /** Four officers with names of 50 characters overflowed the 100-character column and failed the entry with 500. */
    @Test
    void aShiftOfManyLongNamesIsNamedByItsFirstOfficerAndACount() {
        List<OnDuty.PersonOnDuty> officers = IntStream.range(0, 4)
                .mapToObj(i -> new OnDuty.PersonOnDuty(UUID.randomUUID(), String.valueOf((char) ('甲' + i)).repeat(50),
                        null))
                .toList();
        String note = DutyLog.writtenFor(officers, UUID.randomUUID()).orElseThrow();
        assertThat(note).hasSizeLessThanOrEqualTo(DutyLog.WRITTEN_FOR_LENGTH).startsWith("本班值班员 甲甲").endsWith(" 等 4 人");
    }
}
