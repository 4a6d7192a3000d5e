package org.zhiban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiban.supervision.RuleFixtures.BAOJI;
import static org.zhiban.supervision.RuleFixtures.policy;
import static org.zhiban.supervision.RuleFixtures.rule;
import static org.zhiban.supervision.RuleFixtures.unit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.calendar.ImportantPeriod;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.ValueType;

/** Consultations before holidays and important periods, from the office's own policy (宝政办发〔2022〕43号 第二十七条). */
class ConsultationRulesTests {

    private static final ImportantPeriod NEW_YEAR = new ImportantPeriod(null, null, "元旦",
            Instant.parse("2026-12-31T16:00:00Z"), Instant.parse("2027-01-03T16:00:00Z"),
            ImportantPeriod.Source.STATUTORY_HOLIDAY, null);

    @Test
    void aConsultationIsOwedFromThePolicysDaysBeforeAPeriodAndDueAtItsStartArticle27() {
        var due = Consultations.owedBefore(NEW_YEAR, policy(rule(RuleKey.CONSULTATION_BEFORE, ValueType.DAYS, "3",
                "第二十七条"))).orElseThrow();
        assertThat(due.owedFrom()).isEqualTo(Instant.parse("2026-12-28T16:00:00Z"));
        assertThat(due.dueAt()).isEqualTo(NEW_YEAR.startsAt());
        assertThat(due.citation()).isEqualTo(BAOJI + "第二十七条");
        assertThat(Consultations.owedBefore(NEW_YEAR, policy())).as("X区 第八条: held as directed, not owed")
                .isEmpty();
    }

    @Test
    void consultationsAreHeldByGovernmentsWithUnitsBelowNotByDepartmentsOrTowns() {
        assertThat(Consultations.holdsConsultations(unit(UnitKind.PEOPLES_GOVERNMENT, UnitLevel.CITY), true)).isTrue();
        assertThat(Consultations.holdsConsultations(unit(UnitKind.MANAGEMENT_COMMITTEE, UnitLevel.COUNTY), true))
                .isTrue();
        assertThat(Consultations.holdsConsultations(unit(UnitKind.PEOPLES_GOVERNMENT, UnitLevel.TOWN), false))
                .isFalse();
        assertThat(Consultations.holdsConsultations(unit(UnitKind.WORKING_DEPARTMENT, UnitLevel.COUNTY), true))
                .isFalse();
    }

    @Test
    void aDeclaredPeriodIsNamedByItsIdAHolidayByItsFirstDay() {
        UUID id = UUID.randomUUID();
        assertThat(Consultations.periodKey(NEW_YEAR)).isEqualTo("holiday:2027-01-01");
        assertThat(Consultations.periodKey(new ImportantPeriod(id, id, "两会", NEW_YEAR.startsAt(), NEW_YEAR.endsAt(),
                ImportantPeriod.Source.DECLARED, null))).isEqualTo("period:" + id);
    }
}
