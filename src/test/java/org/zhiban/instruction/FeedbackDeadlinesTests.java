package org.zhiban.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.zhiban.instruction.FeedbackDeadlines.Deadline;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.ValueType;
import org.zhiban.shared.ZhibanException;

/** The deadlines of an instruction, each from the policy of the unit that sets or owes it (第十五条, 第十八条). */
class FeedbackDeadlinesTests {

    private static final String BAOJI_15 = "宝政办发〔2022〕43号 第十五条";
    private static final String BAOJI_18 = "宝政办发〔2022〕43号 第十八条";
    private static final EffectivePolicy BAOJI = new EffectivePolicy(null, List.of(
            rule(RuleKey.INSTRUCTION_PROVINCIAL_FEEDBACK, ValueType.WORKING_DAYS, "5", BAOJI_15),
            rule(RuleKey.INSTRUCTION_REPORT_TO_HEAD, ValueType.DURATION, "PT1H", BAOJI_18),
            rule(RuleKey.INSTRUCTION_FORWARD_MARGIN, ValueType.DURATION, "PT12H", BAOJI_18)));
    private static final EffectivePolicy SILENT = new EffectivePolicy(null, List.of());
    /** 2026's Labour Day: 1–5 May off, Saturday 9 May a make-up working day. */
    private static final BiFunction<LocalDate, Integer, LocalDate> MAY_2026 = (from, n) -> {
        LocalDate day = from;
        for (int counted = 0; counted < n;) {
            day = day.plusDays(1);
            boolean holiday = !day.isBefore(LocalDate.of(2026, 5, 1)) && !day.isAfter(LocalDate.of(2026, 5, 5));
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!holiday && (!weekend || day.equals(LocalDate.of(2026, 5, 9)))) {
                counted++;
            }
        }
        return day;
    };

    /** Counted again on the loaded calendar, a unit's deadline follows its forwarder's; an extended one stands. */
    @Test
    void anActingUnitsDeadlineFollowsItsForwardersWhenCountedAgainUnlessItWasSetApart() {
        Instant received = at("2026-04-30T16:00:00+08:00");
        // The provisional calendar does not know the make-up Saturday 9 May yet: a day later.
        Deadline provisional = FeedbackDeadlines.registeringOffice(InstructionSource.PROVINCE, received, null, BAOJI,
                (from, n) -> MAY_2026.apply(from, n).plusDays(1));
        Deadline loaded = FeedbackDeadlines.registeringOffice(InstructionSource.PROVINCE, received, null, BAOJI,
                MAY_2026);
        Instant unitDue = FeedbackDeadlines.actingUnit(provisional, received, BAOJI).dueAt();
        assertThat(FeedbackDeadlines.followForwarder(unitDue, provisional, loaded, received, BAOJI))
                .map(Deadline::dueAt).contains(at("2026-05-11T12:00:00+08:00"));
        assertThat(FeedbackDeadlines.followForwarder(unitDue.plus(Duration.ofDays(7)), provisional, loaded, received,
                BAOJI)).as("an extension granted stands").isEmpty();
        assertThat(FeedbackDeadlines.countedByPolicy(InstructionSource.PROVINCE, null)).isTrue();
        assertThat(FeedbackDeadlines.countedByPolicy(InstructionSource.PROVINCE, received)).isFalse();
        assertThat(FeedbackDeadlines.countedByPolicy(InstructionSource.STATE_COUNCIL, null)).isFalse();
    }

    @Test
    void aProvincialLeadersInstructionIsDueAtTheEndOfTheFifthWorkingDayAfterTheDayOfReceipt() {
        Instant received = at("2026-04-30T16:00:00+08:00");
        Deadline due = FeedbackDeadlines.registeringOffice(InstructionSource.PROVINCE, received, null, BAOJI, MAY_2026);
        assertThat(due.dueAt()).isEqualTo(at("2026-05-12T00:00:00+08:00"));
        assertThat(due.citation()).isEqualTo(BAOJI_15);
        assertThat(Instructions.dueDate(due.dueAt())).hasToString("2026-05-11");
        Deadline earlyMorning = FeedbackDeadlines.registeringOffice(InstructionSource.PROVINCE,
                at("2026-04-30T00:05:00+08:00"), null, BAOJI, MAY_2026);
        assertThat(earlyMorning.dueAt()).as("the day of receipt never counts, whatever the hour")
                .isEqualTo(due.dueAt());
        assertThatThrownBy(() -> FeedbackDeadlines.registeringOffice(InstructionSource.PROVINCE, received,
                at("2026-05-13T12:00:00+08:00"), BAOJI, MAY_2026)).isInstanceOf(ZhibanException.class)
                .hasMessageContaining("不得晚于");
        assertThat(FeedbackDeadlines.registeringOffice(InstructionSource.PROVINCE, received,
                at("2026-05-08T18:00:00+08:00"), BAOJI, MAY_2026).dueAt()).as("an earlier one is the office's to set")
                .isEqualTo(at("2026-05-08T18:00:00+08:00"));
    }

    @Test
    void aStateCouncilInstructionIsDueAsItSetsAndAnyOtherAsTheOfficeSetsWhereThePolicyIsSilent() {
        Instant received = at("2026-06-01T09:00:00+08:00");
        assertThatThrownBy(() -> FeedbackDeadlines.registeringOffice(InstructionSource.STATE_COUNCIL, received, null,
                BAOJI, MAY_2026)).hasMessageContaining("国务院");
        assertThat(FeedbackDeadlines.registeringOffice(InstructionSource.STATE_COUNCIL, received,
                at("2026-06-03T12:00:00+08:00"), BAOJI, MAY_2026).dueAt()).isEqualTo(at("2026-06-03T12:00:00+08:00"));
        assertThat(FeedbackDeadlines.registeringOffice(InstructionSource.STATE_COUNCIL, received,
                at("2026-06-30T18:00:00+08:00"), BAOJI, MAY_2026).dueAt()).as("longer than a provincial one")
                .isEqualTo(at("2026-06-30T18:00:00+08:00"));
        assertThatThrownBy(() -> FeedbackDeadlines.registeringOffice(InstructionSource.PROVINCE, received, null,
                SILENT, MAY_2026)).as("龙亭区's and X区's rules set no number of days").hasMessageContaining("请填写反馈时限");
        assertThat(FeedbackDeadlines.registeringOffice(InstructionSource.CITY, received,
                at("2026-06-04T18:00:00+08:00"), SILENT, MAY_2026).citation()).isNull();
    }

    @Test
    void anActingUnitsFeedbackIsDueHalfADayBeforeTheForwardingOfficesOwnWhereItsPolicySaysSo() {
        Deadline office = new Deadline(at("2026-05-12T00:00:00+08:00"), BAOJI_15);
        Instant received = at("2026-04-30T16:00:00+08:00");
        assertThat(FeedbackDeadlines.actingUnit(office, received, BAOJI))
                .isEqualTo(new Deadline(at("2026-05-11T12:00:00+08:00"), BAOJI_15));
        assertThat(FeedbackDeadlines.actingUnit(office, received, SILENT).dueAt()).isEqualTo(office.dueAt());
        Deadline urgent = new Deadline(at("2026-06-01T18:00:00+08:00"), null);
        assertThat(FeedbackDeadlines.actingUnit(urgent, at("2026-06-01T09:00:00+08:00"), BAOJI).dueAt())
                .as("due within the margin: the unit owes what the office owes").isEqualTo(urgent.dueAt());
    }

    @Test
    void theReportToTheUnitsHeadIsOwedWithinTheHourItsPolicyReadsImmediatelyAsAndNotWhereSilent() {
        Instant forwarded = at("2026-05-06T03:10:00+08:00");
        assertThat(FeedbackDeadlines.reportToHead(forwarded, BAOJI))
                .contains(new Deadline(forwarded.plus(Duration.ofHours(1)), BAOJI_18));
        assertThat(FeedbackDeadlines.reportToHead(forwarded, SILENT)).isEmpty();
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static EffectiveRule rule(RuleKey key, ValueType type, String value, String citation) {
        return new EffectiveRule(key.key(), key.label(), type, value, value, citation, citation, null, false, false);
    }
}
