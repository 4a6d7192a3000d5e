package org.zhiban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

class CalendarIntegrationTests extends IntegrationTestSupport {

    @Test
    void aDayTellsItsKindAndName() {
        JsonNode saturdayWorked = api().as("jintai").get("/api/v1/calendar/days/2026-02-14").json();
        assertThat(saturdayWorked.get("workingDay").asBoolean()).isTrue();
        assertThat(saturdayWorked.get("kind").asString()).isEqualTo("MAKEUP_WORKDAY");
        assertThat(saturdayWorked.get("name").asString()).isEqualTo("春节");
        assertThat(saturdayWorked.get("provisional").asBoolean()).isFalse();
        JsonNode springFestival = api().as("jintai").get("/api/v1/calendar/days/2026-02-17").json();
        assertThat(springFestival.get("kind").asString()).isEqualTo("HOLIDAY");
        assertThat(springFestival.get("workingDay").asBoolean()).isFalse();
        assertThat(api().as("jintai").get("/api/v1/calendar/days/2026-11-28").json().get("kind").asString())
                .isEqualTo("WEEKEND");
        assertThat(api().as("jintai").get("/api/v1/calendar/days/2026-11-25").json().get("kind").asString())
                .isEqualTo("WORKDAY");
    }

    @Test
    void workingDaysCountPastHolidaysAndMakeUpDays() {
        // 2026-02-13 (Fri) → 14 Feb is a make-up Saturday, then the Spring Festival off until the 23rd.
        JsonNode answer = api().as("jintai").get("/api/v1/calendar/working-days?from=2026-02-13&days=2").json();
        assertThat(answer.get("from").asString()).isEqualTo("2026-02-13");
        assertThat(answer.get("days").asInt()).isEqualTo(2);
        assertThat(answer.get("date").asString()).isEqualTo("2026-02-24");
        assertThat(api().as("jintai").get("/api/v1/calendar/working-days?from=2025-09-30&days=1").json().get("date")
                .asString()).isEqualTo("2025-10-09");
        assertThat(api().as("jintai").get("/api/v1/calendar/working-days?from=2026-12-30&days=3").json().get("date")
                .asString()).isEqualTo("2027-01-05");
    }

    @Test
    void aYearWithoutItsNoticeIsProvisional() {
        JsonNode day = api().as("jintai").get("/api/v1/calendar/days/2027-02-06").json();
        assertThat(day.get("provisional").asBoolean()).isTrue();
        assertThat(day.get("kind").asString()).isEqualTo("HOLIDAY");
        assertThat(day.get("name").asString()).isEqualTo("春节");
    }

    @Test
    void aProvisionalHolidayTakesInTheWeekendNextToIt() {
        // 2028 has no notice: 元旦 falls on a Saturday, 劳动节 (1–2 May) on a Monday, so the days off run with the weekend.
        JsonNode holidays = api().as("jintai").get("/api/v1/calendar/years/2028/holidays").json();
        assertThat(holidays.valueStream().filter(h -> h.get("name").asString().equals("元旦")).findFirst().orElseThrow()
                .get("lastDay").asString()).isEqualTo("2028-01-02");
        JsonNode labourDay = holidays.valueStream().filter(h -> h.get("name").asString().equals("劳动节")).findFirst()
                .orElseThrow();
        assertThat(labourDay.get("firstDay").asString()).isEqualTo("2028-04-29");
        assertThat(labourDay.get("lastDay").asString()).isEqualTo("2028-05-02");
        assertThat(labourDay.get("provisional").asBoolean()).isTrue();
    }

    @Test
    void theSystemAdministratorLoadsANoticeAndNobodyElseCan() {
        // A year nine years ahead: within the dates accepted, with no notice shipped for it.
        int year = LocalDate.now(clock.withZone(Zones.CHINA)).getYear() + 9;
        LocalDate sundayAfterNewYear = LocalDate.of(year, 1, 4).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        LocalDate weekday = LocalDate.of(year, 1, 12).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        String path = "/api/v1/calendar/years/" + year;
        String text = "title = 国务院办公厅关于" + year + "年部分节假日安排的通知\n元旦 off " + year + "-01-01.." + year
                + "-01-03\n元旦 work " + sundayAfterNewYear;
        assertThat(api().as("jintai").put(path, Map.of("text", text)).status()).isEqualTo(403);
        Api.Response bad = api().as("admin").put(path, Map.of("text", "title = x\n元旦 work " + weekday));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("不是周末");
        assertThat(api().as("jintai").get("/api/v1/calendar/days/" + sundayAfterNewYear).json().get("provisional")
                .asBoolean()).isTrue();
        Api.Response loaded = api().as("admin").put(path, Map.of("text", text));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        JsonNode sunday = api().as("jintai").get("/api/v1/calendar/days/" + sundayAfterNewYear).json();
        assertThat(sunday.get("kind").asString()).isEqualTo("MAKEUP_WORKDAY");
        assertThat(sunday.get("provisional").asBoolean()).isFalse();
        assertThat(auditCount("HOLIDAY_NOTICE_LOADED", "calendar:" + year)).isEqualTo(1);
        assertThat(api().as("admin").put("/api/v1/calendar/years/" + (year + 2), Map.of("text", text)).json()
                .get("detail").asString()).isEqualTo("年份须在 2000 至 " + (year + 1) + " 之间");
    }

    @Test
    void badQueriesGetProblems() {
        assertProblem(api().as("jintai").get("/api/v1/calendar/days/2026-13-01"), 400);
        assertProblem(api().as("jintai").get("/api/v1/calendar/days/yesterday"), 400);
        assertProblem(api().as("jintai").get("/api/v1/calendar/working-days?from=2026-02-30&days=3"), 400);
        assertProblem(api().as("jintai").get("/api/v1/calendar/working-days?from=2026-02-01&days=0"), 400);
        assertProblem(api().as("jintai").get("/api/v1/calendar/working-days?from=2026-02-01&days=10000"), 400);
        assertProblem(api().as("jintai").get("/api/v1/calendar/working-days?from=2026-02-01&days=abc"), 400);
        assertProblem(api().as("jintai").get("/api/v1/calendar/working-days?days=3"), 400);
        assertProblem(api().as("jintai").get("/api/v1/calendar/days/0000-01-01"), 400);
        assertProblem(api().as("jintai").get("/api/v1/calendar/days/+999999999-12-31"), 400);
        assertThat(api().as("jintai").get("/api/v1/calendar/working-days?from=2026-02-01&days=366").status())
                .isEqualTo(200);
    }

    @Test
    void importantPeriodsReachSubordinatesAndIncludeHolidays() {
        String baoji = unitId("宝鸡市人民政府");
        String town = unitId("硖石镇人民政府");
        Api.Response declared = api().as("baoji-head").post("/api/v1/units/" + baoji + "/important-periods",
                Map.of("name", "市第十五次党代会", "startsAt", "2026-12-20T08:00:00+08:00",
                        "endsAt", "2026-12-23T18:00:00+08:00"));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        JsonNode periods = api().as("jintai").get("/api/v1/units/" + town + "/important-periods?from="
                + Api.query("2026-12-01T00:00:00+08:00") + "&to=" + Api.query("2027-01-05T00:00:00+08:00")).json();
        assertThat(periods.findValuesAsString("name")).contains("市第十五次党代会", "元旦");
        assertThat(api().as("jintai").post("/api/v1/units/" + town + "/important-periods",
                Map.of("name", "x", "startsAt", "2026-12-20T08:00:00+08:00", "endsAt", "2026-12-23T18:00:00+08:00"))
                .status()).isEqualTo(403);
        Api.Response backwards = api().as("baoji-head").post("/api/v1/units/" + baoji + "/important-periods",
                Map.of("name", "倒置", "startsAt", "2026-12-23T08:00:00+08:00", "endsAt", "2026-12-20T18:00:00+08:00"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("endsAt");
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
