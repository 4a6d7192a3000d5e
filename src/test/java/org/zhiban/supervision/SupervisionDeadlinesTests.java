package org.zhiban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.ValueType;

/** Each supervision deadline from the obligor's own policy (宝政办发〔2022〕43号 第二十二条, 第二十三条, 第二十六条). */
class SupervisionDeadlinesTests {

    private static final Instant NOTICE = Instant.parse("2026-12-04T01:00:00Z");

    @Test
    void aCallWithinHalfAnHourIsDueThirtyMinutesAfterTheNoticeArticle22() {
        var deadline = SupervisionDeadlines.online(NOTICE, NOTICE.plus(Duration.ofMinutes(10)), baoji()).orElseThrow();
        assertThat(deadline.opensAt()).isEqualTo(NOTICE);
        assertThat(deadline.dueAt()).isEqualTo(NOTICE.plus(Duration.ofMinutes(30)));
        assertThat(deadline.citation()).isEqualTo("宝政办发〔2022〕43号 第二十二条");
    }

    @Test
    void aCallBookedFurtherAheadOpensHalfAnHourBeforeItsStartAndIsDueAtTheStartArticle26InPlaceEarly() {
        Instant start = NOTICE.plus(Duration.ofDays(2));
        var deadline = SupervisionDeadlines.online(NOTICE, start, baoji()).orElseThrow();
        assertThat(deadline.opensAt()).isEqualTo(start.minus(Duration.ofMinutes(30)));
        assertThat(deadline.dueAt()).isEqualTo(start);
    }

    @Test
    void aUnitWhosePolicyIsSilentOwesNoDeadlineToComeOnline() {
        EffectivePolicy silent = new EffectivePolicy(UUID.randomUUID(), List.of());
        assertThat(SupervisionDeadlines.online(NOTICE, NOTICE, silent)).isEmpty();
        assertThat(SupervisionDeadlines.push(NOTICE, silent)).isEmpty();
        assertThat(SupervisionDeadlines.reportToHead(NOTICE, silent)).isEmpty();
    }

    @Test
    void videoIsPushedWithinFiveMinutesOfTheRequestArticle23() {
        var deadline = SupervisionDeadlines.push(NOTICE, baoji()).orElseThrow();
        assertThat(deadline.dueAt()).isEqualTo(NOTICE.plus(Duration.ofMinutes(5)));
        assertThat(deadline.citation()).isEqualTo("宝政办发〔2022〕43号 第二十三条");
    }

    @Test
    void thePointsAreReportedToTheHeadWithinThePolicysHoursOfTheEndArticle26() {
        var deadline = SupervisionDeadlines.reportToHead(NOTICE, baoji()).orElseThrow();
        assertThat(deadline.dueAt()).isEqualTo(NOTICE.plus(Duration.ofHours(4)));
        assertThat(deadline.citation()).isEqualTo("宝政办发〔2022〕43号 第二十六条");
    }

    @Test
    void leaveIsAskedBeforeTheStartArticle26InAdvance() {
        assertThat(SupervisionDeadlines.leaveStillPossible(NOTICE, NOTICE.plusSeconds(60))).isTrue();
        assertThat(SupervisionDeadlines.leaveStillPossible(NOTICE, NOTICE)).isFalse();
    }

    private static EffectivePolicy baoji() {
        return new EffectivePolicy(UUID.randomUUID(), List.of(
                rule(RuleKey.VIDEO_CONFERENCE_READY, "PT30M", "第二十二条"),
                rule(RuleKey.VIDEO_PUSH_ON_REQUEST, "PT5M", "第二十三条"),
                rule(RuleKey.ROLL_CALL_REPORT_TO_HEAD, "PT4H", "第二十六条")));
    }

    private static EffectiveRule rule(RuleKey key, String value, String article) {
        return new EffectiveRule(key.key(), key.label(), ValueType.DURATION, value, value,
                "宝政办发〔2022〕43号 " + article, "宝政办发〔2022〕43号", null, false, false);
    }
}
