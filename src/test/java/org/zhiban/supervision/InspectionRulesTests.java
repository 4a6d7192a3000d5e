package org.zhiban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiban.supervision.RuleFixtures.BAOJI;
import static org.zhiban.supervision.RuleFixtures.policy;
import static org.zhiban.supervision.RuleFixtures.rule;
import static org.zhiban.supervision.RuleFixtures.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.ValueType;

/**
 * Spot checks, rectification and the year's coverage, each from the unit's own policy (宝政办发〔2022〕43号 第十条,
 * 第二十八条; X区 第七条, 第二十四条).
 */
class InspectionRulesTests {

    @Test
    void aResultTheUnitsPolicyCountsAsFailedOpensARectificationCitingItsRuleArticle10() {
        EffectivePolicy baoji = policy(rule(RuleKey.SPOT_CHECK_FAILED_RESULTS, ValueType.CODES, "12,13,14,21,22,23",
                "第十条"));
        assertThat(SpotChecks.failing(SpotCheckResult.NO_ANSWER, baoji)).map(EffectiveRule::citation)
                .contains(BAOJI + "第十条");
        assertThat(SpotChecks.failing(SpotCheckResult.ANSWERED_IMPROPERLY, baoji)).isPresent();
        assertThat(SpotChecks.failing(SpotCheckResult.ANSWERED_PROPERLY, baoji)).isEmpty();
        assertThat(SpotChecks.failing(SpotCheckResult.NO_ANSWER, policy())).as("a silent policy fails nothing")
                .isEmpty();
    }

    @Test
    void theRectificationReportIsDueAtTheEndOfThePolicysLastDayArticle28() {
        Instant issued = Instant.parse("2026-12-04T07:30:00Z");
        var due = Rectifications.rectificationDue(issued, policy(rule(RuleKey.RECTIFICATION_PERIOD, ValueType.DAYS,
                "7", "第二十八条")), (day, n) -> day.plusDays(n)).orElseThrow();
        assertThat(due.dueAt()).isEqualTo(Instant.parse("2026-12-11T16:00:00Z"));
        assertThat(due.citation()).isEqualTo(BAOJI + "第二十八条");
        assertThat(Rectifications.rectificationDue(issued, policy(), (day, n) -> day)).isEmpty();
    }

    @Test
    void fullCoverageIsOwedByCountyGovernmentsAndTheHighTechCommitteeNotByTheCityOrADepartmentArticle28() {
        EffectivePolicy baoji = policy(rule(RuleKey.INSPECTION_YEARLY_FULL_COVERAGE, ValueType.BOOLEAN, "true",
                "第二十八条"));
        assertThat(CoverageReminders.coverageOwed(unit(UnitKind.PEOPLES_GOVERNMENT, UnitLevel.COUNTY), baoji))
                .map(EffectiveRule::citation).contains(BAOJI + "第二十八条");
        assertThat(CoverageReminders.coverageOwed(unit(UnitKind.MANAGEMENT_COMMITTEE, UnitLevel.COUNTY), baoji))
                .isPresent();
        assertThat(CoverageReminders.coverageOwed(unit(UnitKind.PEOPLES_GOVERNMENT, UnitLevel.CITY), baoji))
                .isEmpty();
        assertThat(CoverageReminders.coverageOwed(unit(UnitKind.WORKING_DEPARTMENT, UnitLevel.COUNTY), baoji))
                .isEmpty();
        assertThat(CoverageReminders.coverageOwed(unit(UnitKind.PEOPLES_GOVERNMENT, UnitLevel.COUNTY), policy()))
                .isEmpty();
    }

    @Test
    void checksAreSteppedUpOnWeeknightsWeekendsAndHolidaysArticle28() {
        Predicate<LocalDate> weekdays = day -> day.getDayOfWeek().getValue() <= 5;
        // Friday 4 December 2026, China time.
        assertThat(SpotChecks.offHours(Instant.parse("2026-12-04T02:00:00Z"), weekdays)).as("10:00").isFalse();
        assertThat(SpotChecks.offHours(Instant.parse("2026-12-04T00:29:00Z"), weekdays)).as("08:29").isTrue();
        assertThat(SpotChecks.offHours(Instant.parse("2026-12-04T09:30:00Z"), weekdays)).as("17:30").isTrue();
        assertThat(SpotChecks.offHours(Instant.parse("2026-12-05T02:00:00Z"), weekdays)).as("Saturday").isTrue();
        assertThat(SpotChecks.offHours(Instant.parse("2026-12-04T02:00:00Z"), day -> false)).as("a holiday")
                .isTrue();
    }

    @Test
    void theUncoveredAreOwedFromNovember() {
        assertThat(CoverageReminders.owedFrom(2026)).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void siteVisitsAndYearlyInspectionsCoverTalksLettersAndRemindersDoNot() {
        assertThat(InspectionKind.covering()).containsExactlyInAnyOrder("SITE_VISIT", "YEARLY_INSPECTION");
    }
}
