package org.zhiban.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.ValueType;
import org.zhiban.reporting.internal.ReportingRepository.ReportRow;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/** The reporting rules one by one, each with the article it comes from. */
class ReportRulesTests {

    private static final Instant T = Instant.parse("2026-11-26T01:00:00Z");
    private static final EffectivePolicy LONGTING = policy("龙政办〔2023〕2号", "七（三）",
            rule(RuleKey.INCIDENT_MAJOR_PHONE_REPORT, ValueType.DURATION, "PT8M"),
            rule(RuleKey.INCIDENT_MAJOR_WRITTEN_REPORT, ValueType.DURATION, "PT12M"),
            rule(RuleKey.INCIDENT_LARGE_REPORT, ValueType.DURATION, "PT25M"),
            rule(RuleKey.VERIFICATION_PHONE_FEEDBACK, ValueType.DURATION, "PT8M"),
            rule(RuleKey.VERIFICATION_WRITTEN_FEEDBACK, ValueType.DURATION, "PT15M"));
    private static final EffectivePolicy BAOJI = policy("宝政办发〔2022〕43号", "第十三条",
            rule(RuleKey.INCIDENT_SKIP_LEVEL, ValueType.BOOLEAN, "true"));
    private static final EffectivePolicy XDISTRICT = policy("X区值班工作标准规范", "第九条（四）",
            rule(RuleKey.HOLIDAY_DAILY_REPORT, ValueType.BOOLEAN, "true"),
            rule(RuleKey.HOLIDAY_DAILY_REPORT_DUE, ValueType.TIME_OF_DAY, "16:00"),
            rule(RuleKey.HOLIDAY_SUMMARY_REPORT, ValueType.BOOLEAN, "true"));

    @Test
    void majorIncidentsAreDueByPhoneAndInWritingFromTheLearnedAtTime() {
        assertThat(ReportDeadlines.majorIncident(LONGTING, T)).extracting(d -> d.kind().code(), d -> d.dueAt())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PHONE_REPORT", T.plus(Duration.ofMinutes(8))),
                        org.assertj.core.groups.Tuple.tuple("WRITTEN_REPORT", T.plus(Duration.ofMinutes(12))));
        assertThat(ReportDeadlines.majorIncident(BAOJI, T)).isEmpty();
    }

    @Test
    void largeIncidentsAreDueOnceByEitherChannel() {
        assertThat(ReportDeadlines.largeIncident(LONGTING, T)).hasValueSatisfying(d -> {
            assertThat(d.kind().code()).isEqualTo("REPORT");
            assertThat(d.dueAt()).isEqualTo(T.plus(Duration.ofMinutes(25)));
            assertThat(d.citation()).isEqualTo("龙政办〔2023〕2号 七（三）");
        });
        assertThat(ReportDeadlines.forIncident(LONGTING, Severity.IV, T)).isEmpty();
    }

    @Test
    void onlyMajorIncidentsSkipALevelAndOnlyWhereThePolicySaysSo() {
        assertThat(ReportDeadlines.skipLevel(BAOJI, Severity.I)).isTrue();
        assertThat(ReportDeadlines.skipLevel(BAOJI, Severity.III)).isFalse();
        assertThat(ReportDeadlines.skipLevel(LONGTING, Severity.II)).isFalse();
    }

    @Test
    void verificationFeedbackIsDueByTheTargetsOwnPolicyFromSending() {
        assertThat(ReportDeadlines.forVerification(LONGTING, T)).extracting(ReportDeadlines.Deadline::dueAt)
                .containsExactly(T.plus(Duration.ofMinutes(8)), T.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aHolidayDayOwesTheDailyReportByItsTimeAndTheLastDayTheSummaryByItsEnd() {
        LocalDate day = LocalDate.of(2026, 10, 7);
        List<ReportDeadlines.Deadline> last = ReportDeadlines.forHolidayDay(XDISTRICT, day, true);
        assertThat(last).extracting(d -> d.kind().code()).containsExactly("DAILY_REPORT", "HOLIDAY_SUMMARY");
        assertThat(last.get(0).dueAt()).isEqualTo(day.atTime(16, 0).atZone(Zones.CHINA).toInstant());
        assertThat(last.get(1).dueAt()).isEqualTo(day.plusDays(1).atStartOfDay(Zones.CHINA).toInstant());
        assertThat(ReportDeadlines.forHolidayDay(XDISTRICT, day.minusDays(1), false)).hasSize(1);
        assertThat(ReportDeadlines.forHolidayDay(LONGTING, day, true)).isEmpty();
    }

    @Test
    void aWrittenReportMeetsThePhoneDeadlineTooButAPhoneReportNotTheWrittenOne() {
        assertThat(Incidents.meets(ReportChannel.WRITTEN, "PHONE_REPORT")).isTrue();
        assertThat(Incidents.meets(ReportChannel.WRITTEN, "WRITTEN_REPORT")).isTrue();
        assertThat(Incidents.meets(ReportChannel.PHONE, "WRITTEN_REPORT")).isFalse();
        assertThat(Incidents.meets(ReportChannel.PHONE, "REPORT")).isTrue();
    }

    @Test
    void followUpAndFinalReportsComeAfterAnInitialReportAndNoInitialAfterThem() {
        assertThatThrownBy(() -> Incidents.requireStageInOrder(ReportStage.FOLLOW_UP, List.of()))
                .isInstanceOf(ZhibanException.class).hasMessageContaining("首报");
        Incidents.requireStageInOrder(ReportStage.INITIAL, List.of(report(ReportStage.INITIAL)));
        Incidents.requireStageInOrder(ReportStage.FINAL, List.of(report(ReportStage.INITIAL)));
        assertThatThrownBy(() -> Incidents.requireStageInOrder(ReportStage.INITIAL,
                List.of(report(ReportStage.INITIAL), report(ReportStage.FOLLOW_UP))))
                .isInstanceOf(ZhibanException.class).hasMessageContaining("续报");
    }

    @Test
    void anIncidentIsLearnedOfNotInTheFutureAndAfterItOccurred() {
        assertThatThrownBy(() -> Incidents.requireLearnedAt(command(T.minusSeconds(60), T.plusSeconds(1)), T))
                .hasMessageContaining("接报时间不能晚于当前时间");
        assertThatThrownBy(() -> Incidents.requireOccurredAt(command(T, T.minusSeconds(60)), T.minusSeconds(60)))
                .hasMessageContaining("事发时间不能晚于接报时间");
        assertThat(Incidents.requireLearnedAt(command(T.minusSeconds(60), T), T)).isEqualTo(T);
    }

    @Test
    void aFindingCitesTheUnitsOwnPolicyAndNoOtherRegulation() {
        assertThat(ReportingLapses.citation(LONGTING)).isEqualTo("龙政办〔2023〕2号");
        assertThat(ReportingLapses.citation(XDISTRICT)).isEqualTo("X区值班工作标准规范");
        assertThat(ReportingLapses.citation(new EffectivePolicy(UUID.randomUUID(), List.of()))).isEmpty();
    }

    private static IncidentCommand command(Instant occurred, Instant learned) {
        return new IncidentCommand("ACCIDENT", "II", OffsetDateTime.ofInstant(occurred, Zones.CHINA),
                OffsetDateTime.ofInstant(learned, Zones.CHINA), "地点", "标题", "情况", null, null, false);
    }

    private static ReportRow report(ReportStage stage) {
        return new ReportRow(UUID.randomUUID(), UUID.randomUUID(), 1, stage, ReportChannel.WRITTEN, "内容", null, null,
                null, null, null, null, null, null, null, null, null, "u", "名", T, null, null, null);
    }

    private static EffectivePolicy policy(String document, String article, String[]... rules) {
        return new EffectivePolicy(UUID.randomUUID(), java.util.Arrays.stream(rules).map(r -> {
            RuleKey key = RuleKey.valueOf(r[0]);
            return new EffectiveRule(key.key(), key.label(), ValueType.valueOf(r[1]), r[2], r[2],
                    document + " " + article, document, UUID.randomUUID(), false, false);
        }).toList());
    }

    private static String[] rule(RuleKey key, ValueType type, String value) {
        return new String[] { key.name(), type.name(), value };
    }
}
