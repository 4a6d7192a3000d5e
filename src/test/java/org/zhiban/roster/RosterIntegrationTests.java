package org.zhiban.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/** Rosters through the API: who is on duty in the demo, a month made, checked, filled, published and refused. */
class RosterIntegrationTests extends IntegrationTestSupport {

    @Test
    void everyDemoDutyOfficeHasALeaderAndAnOfficerOnDutyNow() {
        List<JsonNode> views = new ArrayList<>();
        for (var root : Map.of("baoji", "宝鸡市人民政府", "longting", "开封市龙亭区人民政府", "xdistrict", "X区人民政府")
                .entrySet()) {
            String id = unitId(root.getValue());
            views.add(api().as(root.getKey()).get("/api/v1/units/" + id + "/on-duty").json());
            api().as(root.getKey()).get("/api/v1/units/" + id + "/on-duty/subordinates").json().forEach(views::add);
        }
        long dutyOffices = jdbc.sql("SELECT COUNT(DISTINCT unit_id) FROM duty_staff").query(Long.class).single();
        assertThat(views.stream().filter(v -> !v.get("shift").isNull()).count()).isEqualTo(dutyOffices);
        for (JsonNode view : views) {
            if (view.get("shift").isNull()) {
                continue;
            }
            String unit = view.get("unitName").asString();
            assertThat(view.get("leaderOnDuty").isNull()).as(unit).isFalse();
            assertThat(view.get("dutyOfficers").size()).as(unit).isGreaterThanOrEqualTo(1);
            String leader = view.get("leaderOnDuty").get("personId").asString();
            view.get("dutyOfficers").forEach(o -> assertThat(o.get("personId").asString()).as(unit).isNotEqualTo(leader));
            Duration shift = Duration.between(OffsetDateTime.parse(view.get("shift").get("start").asString()),
                    OffsetDateTime.parse(view.get("shift").get("end").asString()));
            assertThat(shift).as(unit).isGreaterThanOrEqualTo(Duration.ofHours(8));
            assertThat(view.get("dutyOfficers").get(0).get("mobile").asString()).as(unit).contains("****");
        }
    }

    /** On-duty is answered from memory near today; a person's new name and a withdrawn roster show at once. */
    @Test
    void onDutyNowFollowsARenameAndAWithdrawnRoster() {
        String unit = unitId("渭滨区人民政府");
        Api.As head = api().as("baoji-head");
        String path = "/api/v1/units/" + unit + "/on-duty";
        String leader = head.get(path).json().get("leaderOnDuty").get("personId").asString();
        JsonNode person = head.get("/api/v1/people/" + leader).json();
        JsonNode phones = head.post("/api/v1/people/" + leader + "/phone-reveals", null).json();
        Map<String, Object> command = new HashMap<>(Map.of("name", person.get("name").asString() + "甲",
                "position", person.get("position").asString(), "mobile", phones.get("mobile").asString(),
                "employmentType", person.get("employmentType").asString(), "version", person.get("version").asInt()));
        assertThat(head.put("/api/v1/people/" + leader, command).status()).isEqualTo(200);
        awaitEventsHandled();
        assertThat(head.get(path).json().get("leaderOnDuty").get("name").asString())
                .isEqualTo(person.get("name").asString() + "甲");
        command.put("name", person.get("name").asString());
        command.put("version", person.get("version").asInt() + 1);
        assertThat(head.put("/api/v1/people/" + leader, command).status()).isEqualTo(200);

        String month = YearMonth.now(clock.withZone(Zones.CHINA)).toString();
        String roster = head.get("/api/v1/units/" + unit + "/rosters/" + month).json().get("id").asString();
        assertThat(head.delete("/api/v1/rosters/" + roster + "/publication").status()).isEqualTo(200);
        assertThat(head.get(path).json().get("shift").isNull()).as("a withdrawn roster leaves a gap").isTrue();
        assertThat(head.post("/api/v1/rosters/" + roster + "/publication", null).status()).isEqualTo(200);
        assertThat(head.get(path).json().get("leaderOnDuty").get("personId").asString()).isEqualTo(leader);
    }

    /** 节假日排班: only the holiday's days are filled, the rest of the month stays as it was. */
    @Test
    void aHolidayIsFilledAloneAndBadPeriodsAreRefused() {
        String unit = unitId("群众路街道办事处");
        Api.As head = api().as("jintai-head");
        YearMonth month = monthAhead(10);
        String first = month.atDay(1).toString();
        String third = month.atDay(3).toString();
        head.post("/api/v1/units/" + unit + "/rosters", Map.of("month", month.toString()));
        String path = "/api/v1/units/" + unit + "/period-solving";
        Api.Response solved = head.post(path, Map.of("firstDay", first, "lastDay", third));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        assertThat(solved.json().get("hardScore").asLong()).isZero();
        assertThat(solved.json().get("mediumScore").asLong()).isZero();
        JsonNode shifts = head.get("/api/v1/units/" + unit + "/rosters/" + month).json().get("shifts");
        shifts.forEach(shift -> shift.get("positions").forEach(position -> assertThat(
                position.get("personId").isNull()).as(shift.get("day").asString())
                .isEqualTo(shift.get("day").asString().compareTo(third) > 0)));

        assertThat(head.post(path, Map.of("firstDay", month.atDay(5).toString(), "lastDay",
                month.atDay(4).toString())).status()).isEqualTo(400);
        assertThat(head.post(path, Map.of("firstDay", first, "lastDay", month.plusMonths(1).atDay(15).toString()))
                .status()).isEqualTo(400);
        assertThat(api().as("jintai").post(path, Map.of("firstDay", first, "lastDay", third))
                .status()).isEqualTo(403);
        assertThat(head.get("/api/v1/units/" + unit + "/rosters/" + month).json().get("shifts").toString())
                .isEqualTo(shifts.toString());
    }

    /**
     * An office without leaders of its own is led by its superior's leaders on duty, and a leader put in two units
     * at once is named with 宝政办发〔2022〕43号 第七条.
     */
    @Test
    void anOfficeWithoutLeadersIsLedFromAboveOneUnitAtATime() {
        String jintai = unitId("金台区人民政府");
        Api.As head = api().as("jintai-head");
        String office = api().as("jintai-admin").post("/api/v1/units", Map.of("parentId", jintai, "name", "金台区应急值守科",
                "kind", "WORKING_DEPARTMENT", "level", "COUNTY", "dutyPhone", "0917-3261111")).json().get("id").asString();
        for (int i = 1; i <= 3; i++) {
            String person = api().as("jintai-admin").post("/api/v1/units/" + office + "/people", Map.of("name",
                    "值守员" + i, "position", "科员", "mobile", "1380917710" + i, "employmentType", "CIVIL_SERVANT"))
                    .json().get("id").asString();
            assertThat(head.put("/api/v1/duty-staff/" + person, Map.of("role", "OFFICER", "trainedOn",
                    java.time.LocalDate.now(clock.withZone(Zones.CHINA)).minusMonths(3).toString()))
                    .status()).isEqualTo(200);
        }
        YearMonth month = monthAhead(6);
        JsonNode solved = head.post("/api/v1/units/" + office + "/rosters/" + month + "/subtree-solving?seconds=5",
                null).json();
        assertThat(solved.get("hardScore").asLong()).isZero();
        assertThat(solved.get("mediumScore").asLong()).isZero();
        List<String> jintaiLeaders = head.get("/api/v1/units/" + jintai + "/duty-staff").json().valueStream()
                .filter(m -> m.get("role").asString().equals("LEADER")).map(m -> m.get("personId").asString()).toList();
        JsonNode first = head.get("/api/v1/units/" + office + "/rosters/" + month).json().get("shifts").get(0);
        String leader = first.get("positions").get(0).get("personId").asString();
        assertThat(jintaiLeaders).contains(leader);

        JsonNode own = head.post("/api/v1/units/" + jintai + "/rosters", Map.of("month", month.toString())).json();
        assertThat(head.put("/api/v1/roster-slots/" + own.get("shifts").get(0).get("positions").get(0).get("slotId")
                .asString(), Map.of("personId", leader)).status()).isEqualTo(200);
        JsonNode twoUnits = head.get("/api/v1/rosters/" + own.get("id").asString() + "/violations").json().valueStream()
                .filter(v -> v.get("rule").asString().equals("LEADER_IN_TWO_UNITS")).findFirst().orElseThrow();
        assertThat(twoUnits.get("citation").asString()).contains("第七条");
    }

    @Test
    void revealingTheMobilesOnDutyIsAudited() {
        String jintai = unitId("金台区人民政府");
        long before = reveals();
        JsonNode view = api().as("jintai").get("/api/v1/units/" + jintai + "/on-duty?reveal=true").json();
        assertThat(view.get("leaderOnDuty").get("mobile").asString()).matches("1\\d{10}");
        assertThat(reveals()).isEqualTo(before + 1 + view.get("dutyOfficers").size());
    }

    @Test
    void aNewMonthIsCheckedFilledByTheSolverAndPublished() {
        String unit = unitId("金台区人民政府");
        Api.As head = api().as("jintai-head");
        YearMonth month = monthAhead(8);
        Api.Response created = head.post("/api/v1/units/" + unit + "/rosters", Map.of("month", month.toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String roster = created.json().get("id").asString();
        assertThat(created.json().get("shifts").size()).isEqualTo(month.lengthOfMonth());

        JsonNode unfilled = head.get("/api/v1/rosters/" + roster + "/violations").json().valueStream()
                .filter(v -> v.get("rule").asString().equals("UNFILLED")).findFirst().orElseThrow();
        assertThat(unfilled.get("hard").asBoolean()).isTrue();
        assertThat(unfilled.get("citation").asString()).isEqualTo("宝政办发〔2022〕43号 第八条");
        Api.Response refused = head.post("/api/v1/rosters/" + roster + "/publication", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ROSTER_RULE_VIOLATED");
        assertThat(refused.json().get("errors").size()).isPositive();

        assertThat(head.post("/api/v1/rosters/" + roster + "/solving", Map.of()).status()).isEqualTo(200);
        JsonNode progress = awaitSolved(head, roster);
        assertThat(progress.get("brokenRules").asLong()).isZero();
        assertThat(progress.get("emptyPositions").asLong()).isZero();
        assertThat(head.get("/api/v1/rosters/" + roster + "/violations").json().valueStream()
                .filter(v -> v.get("hard").asBoolean())).isEmpty();
        Api.Response published = head.post("/api/v1/rosters/" + roster + "/publication", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");

        JsonNode onDuty = head.get("/api/v1/units/" + unit + "/on-duty?at=" + month.atDay(10) + "T12:00:00%2B08:00")
                .json();
        assertThat(onDuty.get("shift").get("start").asString()).startsWith(month.atDay(10) + "T08:30");
        assertThat(onDuty.get("leaderOnDuty").isNull()).isFalse();

        String slot = published.json().get("shifts").get(0).get("positions").get(1).get("slotId").asString();
        Api.Response locked = head.put("/api/v1/roster-slots/" + slot, Map.of());
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.code()).isEqualTo("ROSTER_PUBLISHED");
    }

    @Test
    void theSameManAsLeaderAndOfficerInOneShiftIsNamedWithItsArticle() {
        String unit = unitId("金台区人民政府");
        Api.As head = api().as("jintai-head");
        JsonNode roster = head.post("/api/v1/units/" + unit + "/rosters", Map.of("month", monthAhead(10).toString()))
                .json();
        JsonNode positions = roster.get("shifts").get(4).get("positions");
        String leader = jdbc.sql("SELECT person_id FROM duty_staff WHERE unit_id = ? AND duty_role = 'LEADER' LIMIT 1")
                .param(java.util.UUID.fromString(unit)).query(String.class).single();
        assertThat(head.put("/api/v1/roster-slots/" + positions.get(0).get("slotId").asString(),
                Map.of("personId", leader)).status()).isEqualTo(200);
        JsonNode assigned = head.put("/api/v1/roster-slots/" + positions.get(1).get("slotId").asString(),
                Map.of("personId", leader)).json();
        assertThat(assigned.get("shifts").get(4).get("positions").get(1).get("pinned").asBoolean()).isTrue();
        JsonNode violation = head.get("/api/v1/rosters/" + roster.get("id").asString() + "/violations").json()
                .valueStream().filter(v -> v.get("rule").asString().equals("OFFICER_ALSO_LEADER")).findFirst()
                .orElseThrow();
        assertThat(violation.get("label").asString()).isEqualTo("同一人同时承担值班、带班工作");
        assertThat(violation.get("citation").asString()).contains("第八条");
        assertThat(violation.get("hard").asBoolean()).isTrue();
    }

    @Test
    void aDayAndNightPatternGivesTwoShiftsADayAndAFourHourShiftIsRefusedWithItsArticle() {
        String town = unitId("群众路街道办事处");
        Api.As head = api().as("jintai-head");
        Api.Response set = head.put("/api/v1/units/" + town + "/shift-pattern", Map.of("shifts", List.of(
                Map.of("name", "白班", "start", "08:30", "duration", "PT9H", "officers", 1),
                Map.of("name", "夜班", "start", "17:30", "duration", "PT15H", "officers", 1))));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        Api.Response refused = head.put("/api/v1/units/" + town + "/shift-pattern", Map.of("shifts", List.of(
                Map.of("name", "早班", "start", "08:30", "duration", "PT4H", "officers", 1),
                Map.of("name", "长班", "start", "12:30", "duration", "PT20H", "officers", 1))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("早班仅 4 小时").contains("第八条");
        assertThat(head.put("/api/v1/units/" + town + "/shift-pattern", Map.of("shifts", List.of(
                Map.of("name", "白班", "start", "08:30", "duration", "nine hours", "officers", 1)))).status())
                .isEqualTo(400);
        assertThat(head.get("/api/v1/units/" + town + "/shift-pattern").json().get("shifts").get(1).get("name")
                .asString()).isEqualTo("夜班");

        YearMonth month = monthAhead(14);
        JsonNode roster = head.post("/api/v1/units/" + town + "/rosters", Map.of("month", month.toString())).json();
        assertThat(roster.get("shifts").size()).isEqualTo(2 * month.lengthOfMonth());
        assertThat(roster.get("shifts").get(1).get("start").asString()).contains("17:30");
    }

    @Test
    void badInputGetsAProblemAndChangesNothing() {
        String unit = unitId("金台区人民政府");
        Api.As head = api().as("jintai-head");
        long rosters = jdbc.sql("SELECT COUNT(*) FROM duty_roster").query(Long.class).single();
        YearMonth month = monthAhead(14);
        Api.Response badMonth = head.post("/api/v1/units/" + unit + "/rosters", Map.of("month",
                month.getYear() + "-13"));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().get("detail").asString()).contains("YYYY-MM");
        assertThat(head.post("/api/v1/units/" + unit + "/rosters", Map.of()).status()).isEqualTo(400);
        assertThat(head.post("/api/v1/units/" + unitId("开封市龙亭区人民政府") + "/rosters",
                Map.of("month", month.toString())).status()).isEqualTo(404);
        Api.Response exists = head.post("/api/v1/units/" + unit + "/rosters", Map.of("month",
                monthAhead(0).toString()));
        assertThat(exists.status()).isEqualTo(409);
        assertThat(exists.code()).isEqualTo("ROSTER_EXISTS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_roster").query(Long.class).single()).isEqualTo(rosters);

        String slot = jdbc.sql("SELECT s.id FROM duty_slot s JOIN duty_shift h ON h.id = s.shift_id "
                + "JOIN duty_roster r ON r.id = h.roster_id WHERE r.unit_id = ? LIMIT 1")
                .param(java.util.UUID.fromString(unit)).query(String.class).single();
        Api.Response unknown = head.put("/api/v1/roster-slots/" + slot,
                Map.of("personId", "00000000-0000-0000-0000-000000000000"));
        assertThat(unknown.status()).isIn(400, 409);
        assertThat(head.put("/api/v1/roster-slots/00000000-0000-0000-0000-000000000000", Map.of()).status())
                .isEqualTo(404);
        assertThat(head.get("/api/v1/units/" + unit + "/on-duty?at=yesterday").status()).isEqualTo(400);
        assertThat(head.post("/api/v1/units/" + unit + "/rosters/" + month + "/subtree-solving?seconds=0", Map.of())
                .status()).isEqualTo(400);

        String person = jdbc.sql("SELECT person_id FROM duty_staff WHERE unit_id = ? LIMIT 1")
                .param(java.util.UUID.fromString(unit)).query(String.class).single();
        assertThat(head.put("/api/v1/duty-staff/" + person, Map.of("role", "OFFICER", "trainedOn",
                clock.instant().plus(Duration.ofDays(40)).toString().substring(0, 10))).status()).isEqualTo(400);
        assertThat(head.put("/api/v1/duty-staff/" + person, Map.of("role", "CAPTAIN")).status()).isEqualTo(400);
        Api.Response backwards = head.post("/api/v1/duty-staff/" + person + "/unavailability",
                Map.of("firstDay", month.atDay(10).toString(), "lastDay", month.atDay(1).toString(), "reason", "年休假"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("lastDay");
    }

    /** A null inside a list of a body is refused naming the element, in every body, and nothing is written. */
    @Test
    void aNullInAListOfAnyBodyIsRefusedNamingTheElementAndWritesNothing() {
        String unit = unitId("金台区人民政府");
        Api.As head = api().as("jintai-head");
        String pattern = head.get("/api/v1/units/" + unit + "/shift-pattern").body();
        Api.Response nullShift = head.put("/api/v1/units/" + unit + "/shift-pattern",
                Map.of("shifts", java.util.Collections.singletonList(null)));
        assertThat(nullShift.status()).as(nullShift.body()).isEqualTo(400);
        assertThat(nullShift.json().get("errors").get(0).get("field").asString()).isEqualTo("shifts[0]");
        assertThat(nullShift.json().get("detail").asString()).isEqualTo("shifts[0] 不能为空");
        assertThat(head.get("/api/v1/units/" + unit + "/shift-pattern").body()).isEqualTo(pattern);

        Api.Response nullTarget = api().as("baoji").post("/api/v1/verification-requests", Map.of("targetUnitIds",
                java.util.Arrays.asList(unit, null), "subject", "核实", "details", "请核实"));
        assertThat(nullTarget.status()).isEqualTo(400);
        assertThat(nullTarget.json().get("errors").get(0).get("field").asString()).isEqualTo("targetUnitIds[1]");
        Api.Response nullItem = api().as("jintai").post("/api/v1/handovers", Map.of("items",
                java.util.Collections.singletonList(null), "equipment", List.of()));
        assertThat(nullItem.status()).isEqualTo(400);
        assertThat(nullItem.json().get("errors").get(0).get("field").asString()).isEqualTo("items[0]");
    }

    /**
     * Leave from year 0 or until year 999999999 is refused naming the range; real leave on a published shift is
     * recorded, and the answer lists the shift and who must arrange the swap, which the roster shows too.
     */
    @Test
    void leaveOutsideTheAcceptedDatesIsRefusedAndLeaveOnAPublishedShiftListsTheShiftsToSwap() {
        Api.As head = api().as("jintai-head");
        String person = personOf("jintai");
        long before = jdbc.sql("SELECT COUNT(*) FROM duty_unavailability").query(Long.class).single();
        String latest = LocalDate.now(clock.withZone(Zones.CHINA)).plusYears(10).toString();
        Api.Response yearZero = head.post("/api/v1/duty-staff/" + person + "/unavailability",
                Map.of("firstDay", "0000-01-01", "lastDay", "2027-01-01", "reason", "年休假"));
        assertThat(yearZero.status()).as(yearZero.body()).isEqualTo(400);
        assertThat(yearZero.json().get("detail").asString()).isEqualTo("日期须在 2000-01-01 至 " + latest + " 之间");
        assertThat(yearZero.json().get("errors").get(0).get("field").asString()).isEqualTo("firstDay");
        Api.Response forever = head.post("/api/v1/duty-staff/" + person + "/unavailability",
                Map.of("firstDay", "2027-01-01", "lastDay", "+999999999-12-31", "reason", "年休假"));
        assertThat(forever.status()).isEqualTo(400);
        assertThat(forever.json().get("errors").get(0).get("field").asString()).isEqualTo("lastDay");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_unavailability").query(Long.class).single()).isEqualTo(before);

        JsonNode shift = head.get("/api/v1/people/" + person + "/upcoming-shifts").json().get(0);
        String day = OffsetDateTime.parse(shift.get("start").asString()).atZoneSameInstant(Zones.CHINA).toLocalDate()
                .toString();
        Api.Response leave = head.post("/api/v1/duty-staff/" + person + "/unavailability",
                Map.of("firstDay", day, "lastDay", day, "reason", "病假"));
        try {
            assertThat(leave.status()).as(leave.body()).isEqualTo(201);
            JsonNode toSwap = leave.json().get("shiftsToSwap");
            assertThat(toSwap.size()).isEqualTo(1);
            assertThat(toSwap.get(0).get("slotId").asString()).isEqualTo(shift.get("slotId").asString());
            assertThat(toSwap.get(0).get("personId").asString()).isEqualTo(person);
            assertThat(toSwap.get(0).get("day").asString()).isEqualTo(day);
            assertThat(head.get("/api/v1/rosters/" + shift.get("rosterId").asString() + "/violations").json()
                    .valueStream()).anySatisfy(v -> {
                        assertThat(v.get("rule").asString()).isEqualTo("UNAVAILABLE");
                        assertThat(v.get("personId").asString()).isEqualTo(person);
                    });
        }
        finally {
            head.delete("/api/v1/duty-unavailability/" + leave.json().get("id").asString());
        }
    }

    /**
     * A month this many months after the clock's, so that each test has months of its own on any day it runs. The
     * suite's clock may cross a month's end while it runs, so tests of one unit keep two months apart.
     */
    private YearMonth monthAhead(int months) {
        return YearMonth.now(clock.withZone(Zones.CHINA)).plusMonths(months);
    }

    private JsonNode awaitSolved(Api.As as, String roster) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            JsonNode progress = as.get("/api/v1/rosters/" + roster + "/solving").json();
            if (progress.get("finished").asBoolean()) {
                return progress;
            }
            assertThat(System.nanoTime()).as("solving still running after 60 s").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private long reveals() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'PHONE_REVEALED' AND username = 'jintai'")
                .query(Long.class).single();
    }
}
