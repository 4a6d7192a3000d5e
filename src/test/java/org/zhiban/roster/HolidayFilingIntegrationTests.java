package org.zhiban.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.calendar.HolidayPeriod;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.RosterFixtures;
import tools.jackson.databind.JsonNode;

/**
 * 十里铺街道 files its holiday roster with 金台区: the filing obligation is opened from the holiday calendar, filing
 * needs the published roster, and the superior sees who filed on time, late, or not at all.
 */
class HolidayFilingIntegrationTests extends IntegrationTestSupport {

    @Autowired
    HolidayFilings filings;

    @Autowired
    WorkingCalendar calendar;

    @Test
    void anUpcomingHolidayOpensAnObligationThatFilingFulfils() {
        // The demo roster covers the month of the suite's start and the next; a holiday after them has no roster yet.
        LocalDate afterDemoMonths = YearMonth.now(clock.withZone(Zones.CHINA)).plusMonths(1).atEndOfMonth();
        HolidayPeriod holiday = holidays().filter(h -> h.firstDay().isAfter(afterDemoMonths)).findFirst()
                .orElseThrow();
        String town = unitId("十里铺街道办事处");
        filings.openUpcoming(holiday.firstDay().minusDays(20));
        long rows = filingRows();
        assertThat(filings.openUpcoming(holiday.firstDay().minusDays(20))).isZero();
        assertThat(filingRows()).isEqualTo(rows);

        JsonNode obligation = api().as("jintai-head").get("/api/v1/obligations?unitId=" + town
                + "&status=OPEN&kind=HOLIDAY_ROSTER_FILING&size=200").json().get("items").valueStream().filter(o -> o.get("kind").asString().equals("HOLIDAY_ROSTER_FILING")
                        && o.get("title").asString().startsWith(holiday.name()))
                .findFirst().orElseThrow();
        OffsetDateTime due = holiday.firstDay().minusDays(2).atStartOfDay(Zones.CHINA).toOffsetDateTime();
        assertThat(OffsetDateTime.parse(obligation.get("dueAt").asString())).isEqualTo(due);
        assertThat(obligation.get("citation").asString()).contains("第十五条");
        assertThat(statusBelow(holiday, "十里铺街道办事处")).isEqualTo("PENDING");

        Api.Response notReady = api().as("jintai-head").post("/api/v1/units/" + town + "/holiday-filings",
                Map.of("holiday", holiday.firstDay().toString()));
        assertThat(notReady.status()).isEqualTo(409);
        assertThat(notReady.code()).isEqualTo("HOLIDAY_ROSTER_NOT_READY");

        publishMonthsOf(town, holiday);
        Api.Response filed = api().as("jintai-head").post("/api/v1/units/" + town + "/holiday-filings",
                Map.of("holiday", holiday.firstDay().toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(filed.json().get("status").asString()).isEqualTo("FILED");
        assertThat(filed.json().get("arrangement").asString()).contains("带班领导：").contains("值班员：");
        assertThat(api().as("jintai-head").get("/api/v1/obligations/" + obligation.get("id").asString()).json()
                .get("status").asString()).isEqualTo("FULFILLED");
        assertThat(statusBelow(holiday, "十里铺街道办事处")).isEqualTo("FILED");
    }

    @Test
    void theSuperiorSeesAFilingAfterTheDeadlineAsLateAndTheOthersAsMissing() {
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        HolidayPeriod holiday = holidays().filter(h -> h.lastDay().isBefore(today)).reduce((a, b) -> b).orElseThrow();
        filings.openUpcoming(holiday.firstDay().minusDays(10));
        String town = unitId("东风路街道办事处");
        publishMonthsOf(town, holiday);
        Api.Response filed = api().as("jintai-head").post("/api/v1/units/" + town + "/holiday-filings",
                Map.of("holiday", holiday.firstDay().toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(filed.json().get("status").asString()).isEqualTo("LATE");
        assertThat(statusBelow(holiday, "东风路街道办事处")).isEqualTo("LATE");
        assertThat(statusBelow(holiday, "中山东路街道办事处")).isEqualTo("MISSING");
    }

    @Test
    void badFilingsGetAProblem() {
        String town = unitId("十里铺街道办事处");
        Api.As head = api().as("jintai-head");
        LocalDate workingDay = Stream.iterate(LocalDate.now(clock.withZone(Zones.CHINA)), d -> d.plusDays(1))
                .filter(d -> calendar.holidayContaining(d).isEmpty()).findFirst().orElseThrow();
        String nextHoliday = holidays().filter(h -> h.firstDay().isAfter(workingDay)).findFirst().orElseThrow()
                .firstDay().toString();
        Api.Response notAHoliday = head.post("/api/v1/units/" + town + "/holiday-filings",
                Map.of("holiday", workingDay.toString()));
        assertThat(notAHoliday.status()).isEqualTo(400);
        assertThat(notAHoliday.json().get("detail").asString()).contains("不是法定节假日");
        assertThat(head.post("/api/v1/units/" + town + "/holiday-filings", Map.of()).status()).isEqualTo(400);
        assertThat(head.post("/api/v1/units/" + town + "/holiday-filings", Map.of("holiday", "new year")).status())
                .isEqualTo(400);
        assertThat(api().as("baoji-head").post("/api/v1/units/" + unitId("宝鸡市人民政府") + "/holiday-filings",
                Map.of("holiday", nextHoliday)).status()).isEqualTo(400);
        assertThat(api().as("longting").get("/api/v1/units/" + unitId("金台区人民政府")
                + "/holiday-filings/subordinates?holiday=" + nextHoliday).status()).isEqualTo(404);
        assertThat(head.get("/api/v1/units/" + unitId("金台区人民政府") + "/holiday-filings/subordinates").status())
                .isEqualTo(400);
    }

    private Stream<HolidayPeriod> holidays() {
        int year = LocalDate.now(clock.withZone(Zones.CHINA)).getYear();
        return Stream.of(year - 1, year, year + 1).flatMap(y -> calendar.holidays(y).stream());
    }

    private void publishMonthsOf(String unitId, HolidayPeriod holiday) {
        Stream.of(YearMonth.from(holiday.firstDay()), YearMonth.from(holiday.lastDay())).distinct()
                .forEach(month -> RosterFixtures.publishedMonth(api().as("jintai-head"), unitId, month));
    }

    private String statusBelow(HolidayPeriod holiday, String unitName) {
        return api().as("jintai-head").get("/api/v1/units/" + unitId("金台区人民政府")
                + "/holiday-filings/subordinates?holiday=" + holiday.firstDay()).json().valueStream()
                .filter(f -> f.get("unitName").asString().equals(unitName)).findFirst()
                .map(f -> f.get("status").asString()).orElse(null);
    }

    private long filingRows() {
        return Objects.requireNonNull(jdbc.sql("SELECT COUNT(*) FROM holiday_roster_filing").query(Long.class)
                .single());
    }
}
