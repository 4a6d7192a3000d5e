package org.zhiban.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.calendar.HolidayPeriod;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.obligation.Obligations;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/** Incidents, their chain and deadlines, verification requests, findings and holiday daily reports, through the API. */
class ReportingIntegrationTests extends IntegrationTestSupport {

    @Autowired
    HolidayReports holidayReports;

    @Autowired
    WorkingCalendar calendar;

    @Test
    void longtingMajorIncidentIsDueByPhoneInEightAndInWritingInTwelveMinutesAndLevelThreeInTwentyFive() {
        Instant learned = clock.instant().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode major = register("longting", "II", learned, "柳园口乡化工厂爆炸").json();
        assertThat(major.get("obligations")).hasSize(2);
        assertThat(dueAt(obligation(major, "PHONE_REPORT"))).isEqualTo(learned.plus(Duration.ofMinutes(8)));
        assertThat(dueAt(obligation(major, "WRITTEN_REPORT"))).isEqualTo(learned.plus(Duration.ofMinutes(12)));
        assertThat(obligation(major, "PHONE_REPORT").get("citation").asString()).isEqualTo("龙政办〔2023〕2号 七（三）");
        assertThat(obligation(major, "WRITTEN_REPORT").get("citation").asString()).startsWith("龙政办〔2023〕2号");

        JsonNode large = register("longting", "III", learned, "北郊乡民房倒塌").json();
        assertThat(large.get("obligations")).hasSize(1);
        assertThat(dueAt(obligation(large, "REPORT"))).isEqualTo(learned.plus(Duration.ofMinutes(25)));

        JsonNode general = register("longting", "IV", learned, "城西街道一般交通事故").json();
        assertThat(general.get("obligations")).isEmpty();
    }

    @Test
    void baojiVerificationRequestGivesJintaiItsOwnThirtyMinuteAndOneHourFeedbackDeadlines() {
        String jintai = unitId("金台区人民政府");
        Instant sent = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Api.Response response = api().as("baoji").post("/api/v1/verification-requests", Map.of("targetUnitIds",
                List.of(jintai), "subject", "网传金台区某小区燃气泄漏", "details", "请核实是否属实及处置情况"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode target = response.json().get("targets").get(0);
        assertThat(target.get("unitId").asString()).isEqualTo(jintai);
        assertThat(dueAt(obligation(target, "PHONE_FEEDBACK"))).isEqualTo(sent.plus(Duration.ofMinutes(30)));
        assertThat(dueAt(obligation(target, "WRITTEN_FEEDBACK"))).isEqualTo(sent.plus(Duration.ofHours(1)));
        assertThat(obligation(target, "PHONE_FEEDBACK").get("citation").asString())
                .isEqualTo("宝政办发〔2022〕43号 第十五条");
        String id = response.json().get("id").asString();

        assertThat(api().as("jintai").post("/api/v1/verification-requests/" + id + "/feedback", Map.of("channel",
                "PHONE", "content", "经核实为误传", "phoneTakenBy", "张伟")).status()).isEqualTo(200);
        JsonNode answered = api().as("jintai").post("/api/v1/verification-requests/" + id + "/feedback",
                Map.of("channel", "WRITTEN", "content", "经现场核实，该小区无燃气泄漏，系居民误报。")).json();
        assertThat(answered.get("targets").get(0).get("obligations").findValuesAsString("status"))
                .containsOnly("FULFILLED");
        Api.Response again = api().as("jintai").post("/api/v1/verification-requests/" + id + "/feedback",
                Map.of("channel", "WRITTEN", "content", "再报"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(api().as("longting").get("/api/v1/verification-requests/" + id).status()).isEqualTo(404);
    }

    @Test
    void theChainRunsFromInitialByPhoneAndInWritingThroughSigningToTheFinalReport() throws Exception {
        JsonNode incident = register("jintai", "II", clock.instant().minusSeconds(60), "金台区陈仓镇山体滑坡").json();
        String id = incident.get("id").asString();
        assertThat(incident.get("superiorUnitName").asString()).isEqualTo("宝鸡市人民政府");
        assertThat(incident.get("skipLevel").asBoolean()).isTrue();

        JsonNode phoned = file("jintai", id, Map.of("stage", "INITIAL", "channel", "PHONE", "content",
                "陈仓镇发生山体滑坡，掩埋民房 2 间", "phoneTakenBy", "李强")).json();
        assertThat(obligation(phoned, "PHONE_REPORT").get("status").asString()).isEqualTo("FULFILLED");
        assertThat(obligation(phoned, "PHONE_REPORT").get("lateness").asString()).isEqualTo("PT0S");
        assertThat(obligation(phoned, "WRITTEN_REPORT").get("status").asString()).isEqualTo("OPEN");
        JsonNode written = file("jintai", id, Map.of("stage", "INITIAL", "channel", "WRITTEN", "content",
                "陈仓镇发生山体滑坡，掩埋民房 2 间，3 人失联，正在搜救", "signer", "王主任")).json();
        assertThat(obligation(written, "WRITTEN_REPORT").get("status").asString()).isEqualTo("FULFILLED");

        JsonNode toSign = api().as("baoji").get("/api/v1/incidents/awaiting-signature").json();
        assertThat(toSign.findValuesAsString("id")).contains(id);
        String reportId = written.get("reports").get(1).get("id").asString();
        assertThat(api().as("jintai").post("/api/v1/incidents/" + id + "/reports/" + reportId + "/receipt", Map.of())
                .status()).isEqualTo(403);
        JsonNode signed = api().as("baoji").post("/api/v1/incidents/" + id + "/reports/" + reportId + "/receipt",
                Map.of()).json();
        assertThat(signed.get("reports").get(1).get("receivedByName").isNull()).isFalse();
        assertThat(api().as("baoji").post("/api/v1/incidents/" + id + "/reports/" + reportId + "/receipt", Map.of())
                .status()).isEqualTo(409);
        assertThat(api().as("baoji").get("/api/v1/incidents?scope=received").json().findValuesAsString("title"))
                .contains("金台区陈仓镇山体滑坡");

        Map<String, Object> followUp = new HashMap<>(Map.of("stage", "FOLLOW_UP", "channel", "WRITTEN", "content",
                "搜救进展", "casualties", "已救出 2 人，1 人仍失联", "measures", "转移群众 40 人", "publicOpinion", "暂无负面舆情"));
        assertThat(file("jintai", id, followUp).status()).isEqualTo(201);
        JsonNode closed = file("jintai", id, Map.of("stage", "FINAL", "channel", "WRITTEN", "content", "搜救结束",
                "outcome", "3 人全部获救", "cause", "连续降雨引发", "assessment", "处置及时")).json();
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(closed.get("reports")).hasSize(4);
        Api.Response after = file("jintai", id, followUp);
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.code()).isEqualTo("INCIDENT_CLOSED");

        byte[] docx = api().as("baoji").bytes("/api/v1/incidents/" + id + "/document");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("突发事件信息报送单", "金台区人民政府", "金台区陈仓镇山体滑坡", "终报",
                    "签发人：王主任", "3 人全部获救");
            // The head is the last written report's: the final one, filed by jintai's person with nobody signing off.
            XWPFTable head = document.getTables().get(0);
            assertThat(head.getRow(0).getCell(2).getText()).isEqualTo("签发人");
            assertThat(head.getRow(0).getCell(3).getText()).isEmpty();
            assertThat(head.getRow(1).getCell(0).getText()).isEqualTo("报送时间");
            assertThat(head.getRow(1).getCell(1).getText()).isEqualTo(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                    .format(OffsetDateTime.parse(closed.get("reports").get(3).get("filedAt").asString())
                            .atZoneSameInstant(Zones.CHINA)));
            assertThat(head.getRow(1).getCell(3).getText()).isEqualTo(closed.get("reports").get(3).get("filedByName")
                    .asString());
            assertThat(head.getRow(2).getCell(3).getText()).isEqualTo(closed.get("unitDutyPhone").asString())
                    .isNotBlank();
        }
    }

    @Test
    void aReportAfterTheDeadlineIsRecordedLate() {
        Instant learned = clock.instant().minus(Duration.ofMinutes(20));
        JsonNode incident = register("longting", "I", learned, "大院街道商场火灾").json();
        assertThat(obligation(incident, "PHONE_REPORT").get("overdue").asBoolean()).isFalse();
        JsonNode filed = file("longting", incident.get("id").asString(), Map.of("stage", "INITIAL", "channel", "PHONE",
                "content", "商场起火", "phoneTakenBy", "开封市值班室")).json();
        assertThat(Duration.parse(obligation(filed, "PHONE_REPORT").get("lateness").asString()))
                .isBetween(Duration.ofMinutes(12), Duration.ofMinutes(13));
    }

    @Test
    void badInputIsRefusedWithAProblemAndWritesNothing() {
        long incidents = count("incident");
        long reports = count("incident_report");
        long obligations = count("obligation");

        Api.Response future = register("jintai", "II", clock.instant().plus(Duration.ofMinutes(10)), "未来的事件");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("learnedAt");
        assertThat(future.json().get("detail").asString()).contains("接报时间");
        Map<String, Object> yearOne = body("IV", clock.instant(), "公元元年的事件");
        yearOne.put("occurredAt", "0001-01-01T00:00:00+08:00");
        Api.Response ancient = api().as("jintai").post("/api/v1/incidents", yearOne);
        assertThat(ancient.status()).isEqualTo(400);
        assertThat(ancient.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
        assertThat(ancient.json().get("detail").asString()).startsWith("时间须在 2000-01-01 00:00 至 ");

        Api.Response severity = register("jintai", "V", clock.instant(), "级别不明");
        assertThat(severity.status()).isEqualTo(400);
        assertThat(severity.json().get("errors").get(0).get("field").asString()).isEqualTo("severity");
        assertThat(severity.json().get("detail").asString()).contains("事件级别");

        Api.Response empty = api().as("jintai").post("/api/v1/incidents", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .as("every bad field named in one answer")
                .containsExactly("category", "severity", "learnedAt", "occurredAt", "title", "place", "summary");
        assertThat(empty.json().get("detail").asString()).startsWith("7 处填写有误：请选择信息类别；");

        Map<String, Object> classified = body("II", clock.instant(), "涉密事件");
        classified.put("classified", true);
        assertThat(api().as("jintai").post("/api/v1/incidents", classified).code()).isEqualTo("CLASSIFIED_REFUSED");
        assertThat(api().as("jintai").post("/api/v1/incidents", "{\"severity\":").status()).isEqualTo(400);
        assertThat(api().as("jintai-leader").post("/api/v1/incidents", body("II", clock.instant(), "领导代报"))
                .status()).isEqualTo(403);
        assertThat(count("incident")).isEqualTo(incidents);
        assertThat(count("obligation")).isEqualTo(obligations);

        String id = register("jintai", "IV", clock.instant(), "金台区一般事件").json().get("id").asString();
        Api.Response foreign = file("longting", id, Map.of("stage", "INITIAL", "channel", "WRITTEN", "content", "代报"));
        assertThat(foreign.status()).isEqualTo(404);
        Api.Response superior = file("baoji", id, Map.of("stage", "INITIAL", "channel", "WRITTEN", "content", "代报"));
        assertThat(superior.status()).isEqualTo(403);
        assertThat(superior.json().get("detail").asString()).contains("本单位");
        assertThat(file("jintai", id, Map.of("stage", "FOLLOW_UP", "channel", "WRITTEN", "content", "续报")).code())
                .isEqualTo("INITIAL_REPORT_FIRST");
        Api.Response untaken = file("jintai", id, Map.of("stage", "INITIAL", "channel", "PHONE", "content", "电话"));
        assertThat(untaken.json().get("errors").get(0).get("field").asString()).isEqualTo("phoneTakenBy");
        assertThat(file("jintai", id, Map.of("stage", "LAST", "channel", "WRITTEN", "content", "x")).status())
                .isEqualTo(400);
        assertThat(count("incident_report")).isEqualTo(reports);

        long requests = count("verification_request");
        assertThat(api().as("jintai").post("/api/v1/verification-requests", Map.of("targetUnitIds",
                List.of(unitId("宝鸡市人民政府")), "subject", "核实")).status()).isEqualTo(400);
        assertThat(api().as("baoji").post("/api/v1/verification-requests", Map.of("targetUnitIds", List.of(),
                "subject", "核实")).status()).isEqualTo(400);
        assertThat(count("verification_request")).isEqualTo(requests);
    }

    @Test
    void aSuperiorsFindingOfAMissedReportCountsInTheTimelinessLedger() {
        String jintai = unitId("金台区人民政府");
        Api.Response finding = api().as("baoji").post("/api/v1/reporting-lapses", Map.of("unitId", jintai, "kind",
                "MISSED", "title", "金台区某工地坍塌未报", "finding", "经媒体报道获知，金台区未按规定报告"));
        assertThat(finding.status()).as(finding.body()).isEqualTo(201);
        assertThat(finding.json().get("status").asString()).isEqualTo("BREACHED");
        assertThat(finding.json().get("citation").asString()).isEqualTo("宝政办发〔2022〕43号");
        JsonNode ledger = api().as("baoji").get("/api/v1/obligations/ledger?unitId=" + unitId("宝鸡市人民政府")
                + "&from=" + Api.query(china(clock.instant().minus(Duration.ofDays(1)))) + "&to="
                + Api.query(china(clock.instant().plus(Duration.ofDays(1))))).json();
        JsonNode row = null;
        for (JsonNode r : ledger) {
            if (r.get("unitId").asString().equals(jintai)) {
                row = r;
            }
        }
        assertThat(row).as(ledger.toString()).isNotNull();
        assertThat(row.get("breached").asLong()).isPositive();
        assertThat(api().as("jintai").post("/api/v1/reporting-lapses", Map.of("unitId", unitId("宝鸡市人民政府"),
                "kind", "MISSED", "title", "x", "finding", "y")).status()).isEqualTo(404);
        assertThat(api().as("baoji").post("/api/v1/reporting-lapses", Map.of("unitId", jintai, "kind", "LATE",
                "title", "x", "finding", "y")).status()).isEqualTo(400);
    }

    @Test
    void onAHolidayEverySubordinateOwesADailyReportAndOnTheLastDayTheSummary() {
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        // The last holiday of two days or more that has ended, whichever day the suite runs.
        HolidayPeriod holiday = java.util.stream.Stream.of(today.getYear() - 1, today.getYear())
                .flatMap(year -> calendar.holidays(year).stream())
                .filter(h -> h.lastDay().isBefore(today) && h.lastDay().isAfter(h.firstDay()))
                .reduce((earlier, later) -> later).orElseThrow();
        LocalDate lastDay = holiday.lastDay();
        int opened = holidayReports.openDue(lastDay);
        assertThat(opened).isPositive();
        assertThat(holidayReports.openDue(lastDay)).isZero();
        String town = unitId("甲镇人民政府");
        String officer = townOfficer(town);

        JsonNode day = api().as(officer).get("/api/v1/daily-reports/today").json();
        assertThat(day.get("holidayName").isNull()).isEqualTo(calendar.holidayContaining(today).isEmpty());
        Api.Response nil = api().as(officer).post("/api/v1/daily-reports", Map.of("kind", "DAILY", "day",
                lastDay.toString(), "nil", true));
        assertThat(nil.status()).as(nil.body()).isEqualTo(201);
        JsonNode daily = obligation(nil.json(), "DAILY_REPORT");
        assertThat(daily.get("dueAt").asString()).isEqualTo(lastDay + "T16:00:00+08:00");
        assertThat(daily.get("citation").asString()).isEqualTo("X区值班工作标准规范 第九条（四）");
        assertThat(daily.get("status").asString()).isEqualTo("FULFILLED");
        assertThat(obligation(nil.json(), "HOLIDAY_SUMMARY").get("status").asString()).isEqualTo("OPEN");
        assertThat(api().as(officer).post("/api/v1/daily-reports", Map.of("kind", "DAILY", "day", lastDay.toString(),
                "nil", true)).status()).isEqualTo(409);
        assertThat(api().as(officer).post("/api/v1/daily-reports", Map.of("kind", "SUMMARY", "day",
                lastDay.minusDays(1).toString())).status()).isEqualTo(400);
        LocalDate workingDay = lastDay.plusDays(1);
        assertThat(calendar.holidayContaining(workingDay)).isEmpty();
        assertThat(api().as(officer).post("/api/v1/daily-reports", Map.of("kind", "DAILY", "day",
                workingDay.toString(), "nil", true)).status()).isEqualTo(400);

        JsonNode seen = api().as("xdistrict").get("/api/v1/daily-reports/subordinates?day=" + lastDay).json();
        assertThat(seen.findValuesAsString("unitName")).contains("甲镇人民政府", "乙镇人民政府");

        // The district counts its whole subtree's filings per direct subordinate, in one grouped query.
        Actor district = new Actor(null, "xdistrict", "X区值班员", UUID.fromString(unitId("X区人民政府")),
                Set.of(Role.DUTY_OFFICER));
        List<Obligations.KindCounts> filed = holidayReports.filedBelow(district, lastDay);
        Obligations.KindCounts jia = filed.stream().filter(c -> c.unitId().toString().equals(town)).findFirst()
                .orElseThrow();
        assertThat(jia.due()).isEqualTo(1);
        assertThat(jia.fulfilled()).isEqualTo(1);
        assertThat(jia.late()).isEqualTo(1);
        assertThat(filed.stream().mapToLong(Obligations.KindCounts::due).sum()).isEqualTo(jdbc.sql("""
                SELECT COUNT(*) FROM obligation o JOIN unit_closure c ON c.descendant_id = o.obligor_unit_id
                WHERE c.ancestor_id = ? AND c.depth > 0 AND o.kind = 'DAILY_REPORT' AND o.subject_id LIKE ?""")
                .params(UUID.fromString(unitId("X区人民政府")), "holiday:" + lastDay + ":%").query(Long.class).single());
        assertThat(holidayReports.filedBelow(district, workingDay)).isEmpty();
    }

    private String townOfficer(String unitId) {
        String username = "town-" + unitId.substring(0, 8);
        if (count("account WHERE username = '" + username + "'") == 0) {
            JsonNode people = api().as("admin").get("/api/v1/units/" + unitId + "/people").json();
            String personId = null;
            for (JsonNode p : people) {
                if (p.get("formalStaff").asBoolean()) {
                    personId = p.get("id").asString();
                    break;
                }
            }
            Api.Response created = api().as("admin").post("/api/v1/accounts", Map.of("username", username, "personId",
                    personId, "password", "Lm#47pQz-we", "roles", List.of("DUTY_OFFICER")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            // The administrator chose the first password: the officer changes it (to the demo one) before anything else.
            assertThat(api().post("/api/v1/auth/password-changes", null, Map.of("username", username,
                    "currentPassword", "Lm#47pQz-we", "newPassword", Api.DEMO_PASSWORD)).status()).isEqualTo(204);
        }
        return username;
    }

    private Api.Response register(String username, String severity, Instant learnedAt, String title) {
        return api().as(username).post("/api/v1/incidents", body(severity, learnedAt, title));
    }

    private Map<String, Object> body(String severity, Instant learnedAt, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "ACCIDENT");
        body.put("severity", severity);
        body.put("occurredAt", china(learnedAt.minus(Duration.ofMinutes(5))));
        body.put("learnedAt", china(learnedAt));
        body.put("place", "事发地");
        body.put("title", title);
        body.put("summary", title + "，具体情况正在核实");
        return body;
    }

    private Api.Response file(String username, String incidentId, Map<String, Object> report) {
        return api().as(username).post("/api/v1/incidents/" + incidentId + "/reports", report);
    }

    private static JsonNode obligation(JsonNode resource, String kind) {
        for (JsonNode o : resource.get("obligations")) {
            if (o.get("kind").asString().equals(kind)) {
                return o;
            }
        }
        throw new AssertionError("no " + kind + " in " + resource);
    }

    private static Instant dueAt(JsonNode obligation) {
        return OffsetDateTime.parse(obligation.get("dueAt").asString()).toInstant();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static String china(Instant instant) {
        return OffsetDateTime.ofInstant(instant, Zones.CHINA).toString();
    }
}
