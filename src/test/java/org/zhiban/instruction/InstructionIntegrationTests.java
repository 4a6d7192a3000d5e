package org.zhiban.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * 宝政办发〔2022〕43号 第十五条, 第十八条: an instruction registered by the city, forwarded to 金台区, signed for,
 * reported to its head, fed back, returned and accepted, each deadline from the registering office's policy.
 */
class InstructionIntegrationTests extends IntegrationTestSupport {

    @Autowired
    WorkingCalendar calendar;

    private static final String BAOJI_15 = "宝政办发〔2022〕43号 第十五条";

    @Test
    void aProvincialLeadersInstructionReceivedBeforeLabourDayIsDueOnTheFifthWorkingDayCountingTheMakeUpSaturday() {
        Api.Response registered = register(body("PROVINCE", "ACTION", "2026-04-30T16:00:00+08:00"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode instruction = registered.json();
        assertThat(instruction.get("number").asString()).matches("\\d{4}-批-\\d{3}");
        assertThat(instruction.get("registeredLate").asBoolean()).as("received in April, registered now").isTrue();
        assertThat(instruction.get("dueDate").asString()).isEqualTo("2026-05-11");
        assertThat(instruction.get("citation").asString()).isEqualTo(BAOJI_15);

        JsonNode jintai = instruction.get("assignments").get(0);
        assertThat(jintai.get("unitName").asString()).isEqualTo("金台区人民政府");
        JsonNode feedback = obligation(jintai, "INSTRUCTION_FEEDBACK");
        assertThat(OffsetDateTime.parse(feedback.get("dueAt").asString()).atZoneSameInstant(Zones.CHINA)
                .toLocalDate()).hasToString("2026-05-11");
        assertThat(feedback.get("citation").asString()).isEqualTo(BAOJI_15);
        assertThat(obligation(jintai, "INSTRUCTION_REPORTED_TO_HEAD").get("citation").asString())
                .isEqualTo("宝政办发〔2022〕43号 第十八条");
        JsonNode listed = api().as("jintai").get("/api/v1/obligations?unitId=" + unitId("金台区人民政府")
                + "&kind=INSTRUCTION_FEEDBACK&size=50").json();
        assertThat(listed.get("items").valueStream().map(o -> o.get("id").asString()))
                .contains(feedback.get("id").asString());
        assertThat(auditCount("INSTRUCTION_REGISTERED", "instruction:" + instruction.get("id").asString())).isOne();
    }

    @Test
    void aReferenceInstructionOpensNoFeedbackObligation() {
        JsonNode instruction = register(body("PROVINCE", "REFERENCE", now(-30))).json();
        assertThat(instruction.get("obligations").size()).isZero();
        JsonNode jintai = instruction.get("assignments").get(0);
        assertThat(jintai.get("status").asString()).isEqualTo("READ");
        assertThat(jintai.get("obligations").valueStream().map(o -> o.get("kind").asString()))
                .doesNotContain("INSTRUCTION_FEEDBACK");
    }

    @Test
    void jintaiSignsReportsFeedsBackInitiallyThenFinallyBaojiReturnsItOnceThenAcceptsAndEveryStepIsAudited() {
        JsonNode instruction = register(body("PROVINCE", "ACTION", now(-20))).json();
        String id = instruction.get("id").asString();
        String path = "/api/v1/instructions/" + id;
        String jintai = unitId("金台区人民政府");

        assertThat(api().as("jintai").post(path + "/signature", Map.of()).status()).isEqualTo(200);
        JsonNode reported = api().as("jintai").post(path + "/head-report", Map.of("reportedTo", "区长 乔雪")).json();
        JsonNode own = reported.get("assignments").get(0);
        assertThat(own.get("reportedTo").asString()).isEqualTo("区长 乔雪");
        assertThat(obligation(own, "INSTRUCTION_REPORTED_TO_HEAD").get("status").asString()).isEqualTo("FULFILLED");

        Instant finalDue = clock.instant().plus(Duration.ofDays(20));
        Api.Response initial = api().as("jintai").post(path + "/feedback", Map.of("stage", "INITIAL",
                "done", "已组织排查辖区河道采砂点12处", "nextSteps", "完成整改后报送落实情况",
                "finalDueAt", Zones.china(finalDue).toString()));
        assertThat(initial.status()).as(initial.body()).isEqualTo(200);
        assertThat(initial.json().get("assignments").get(0).get("status").asString()).isEqualTo("INITIAL_FILED");
        assertThat(api().as("baoji").post(path + "/acceptances", Map.of("unitId", jintai)).status()).isEqualTo(200);

        JsonNode inProgress = api().as("jintai").get(path).json().get("assignments").get(0);
        assertThat(inProgress.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(Instant.parse(OffsetDateTime.parse(inProgress.get("feedbackDueAt").asString()).toInstant()
                .toString())).isEqualTo(finalDue.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        assertThat(api().as("jintai").post(path + "/feedback", Map.of("stage", "FINAL", "done", "12处采砂点已全部整改",
                "problems", "个别点位夜间盗采仍有反复")).status()).isEqualTo(200);
        Api.Response noReason = api().as("baoji").post(path + "/returns", Map.of("unitId", jintai));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        JsonNode returned = api().as("baoji").post(path + "/returns", Map.of("unitId", jintai,
                "reason", "请补充夜间巡查安排")).json().get("assignments").get(0);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("obligations").valueStream().filter(o -> o.get("kind").asString()
                .equals("INSTRUCTION_FEEDBACK")).map(o -> o.get("status").asString())).contains("OPEN");

        assertThat(api().as("jintai").post(path + "/feedback", Map.of("stage", "FINAL", "done", "12处采砂点已全部整改",
                "nextSteps", "每晚22时至次日6时联合巡查")).status()).isEqualTo(200);
        JsonNode accepted = api().as("baoji").post(path + "/acceptances", Map.of("unitId", jintai)).json()
                .get("assignments").get(0);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("feedback").size()).isEqualTo(3);
        assertThat(accepted.get("obligations").valueStream().filter(o -> o.get("kind").asString()
                .equals("INSTRUCTION_FEEDBACK")).map(o -> o.get("late").asBoolean())).containsOnly(false);

        for (String action : List.of("INSTRUCTION_REGISTERED", "INSTRUCTION_SIGNED", "INSTRUCTION_REPORTED_TO_HEAD",
                "INSTRUCTION_FEEDBACK", "INSTRUCTION_FEEDBACK_RETURNED", "INSTRUCTION_FEEDBACK_ACCEPTED")) {
            assertThat(auditCount(action, "instruction:" + id)).as(action).isPositive();
        }
        awaitEventsHandled();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.account_id "
                + "WHERE a.username = 'baoji' AND n.title LIKE ?").param("%" + instruction.get("number").asString()
                        + "%").query(Long.class).single()).as("the city hears of each feedback")
                .isGreaterThanOrEqualTo(3);

        long filed = jdbc.sql("SELECT COUNT(*) FROM instruction_feedback").query(Long.class).single();
        Api.Response afterAcceptance = api().as("jintai").post(path + "/feedback", Map.of("stage", "FINAL",
                "done", "补充"));
        assertThat(afterAcceptance.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM instruction_feedback").query(Long.class).single())
                .as("a feedback after acceptance writes nothing").isEqualTo(filed);

        assertThat(api().as("jintai").post(path + "/upward-feedback", Map.of("summary", "已汇总")).status())
                .as("only the registering office reports up").isEqualTo(403);
        JsonNode up = api().as("baoji").post(path + "/upward-feedback", Map.of("summary",
                "金台区已完成12处采砂点整改，建立夜间联合巡查机制")).json();
        assertThat(up.get("obligations").get(0).get("status").asString()).isEqualTo("FULFILLED");
        assertThat(api().as("baoji").post(path + "/upward-feedback", Map.of("summary", "再报")).status())
                .isEqualTo(409);
        assertThat(auditCount("INSTRUCTION_REPORTED_UP", "instruction:" + id)).isOne();
    }

    @Test
    void aFeedbackByAUnitNotAskedToActIsRefusedAndWritesNothing() {
        JsonNode instruction = register(body("PROVINCE", "ACTION", now(-10))).json();
        String path = "/api/v1/instructions/" + instruction.get("id").asString();
        long before = jdbc.sql("SELECT COUNT(*) FROM instruction_feedback").query(Long.class).single();
        Api.Response stranger = api().as("longting").post(path + "/feedback", Map.of("stage", "FINAL", "done", "已办"));
        assertThat(stranger.status()).isBetween(400, 499);
        Api.Response city = api().as("baoji").post(path + "/feedback", Map.of("stage", "FINAL", "done", "已办"));
        assertThat(city.status()).as("the registering office is not an acting unit").isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM instruction_feedback").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anExtensionAskedBeforeTheDeadlineAndGrantedMovesTheUnitsDeadline() {
        JsonNode instruction = registerReportedToHead(body("PROVINCE", "ACTION", now(-5)));
        String path = "/api/v1/instructions/" + instruction.get("id").asString();
        Instant later = askForAWeekMore(instruction);
        JsonNode granted = api().as("baoji").post(path + "/extensions", Map.of("unitId", unitId("金台区人民政府"),
                "granted", true)).json().get("assignments").get(0);
        assertThat(OffsetDateTime.parse(obligation(granted, "INSTRUCTION_FEEDBACK").get("dueAt").asString())
                .toInstant()).isEqualTo(later.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(granted.get("extensions").get(0).get("decision").asString()).isEqualTo("GRANTED");
    }

    @Test
    void anExtensionStillPendingWhenTheFeedbackComesIsNoLongerDecided() {
        JsonNode instruction = registerReportedToHead(body("PROVINCE", "ACTION", now(-5)));
        String path = "/api/v1/instructions/" + instruction.get("id").asString();
        askForAWeekMore(instruction);
        Api.Response filed = api().as("jintai").post(path + "/feedback", Map.of("stage", "FINAL", "done", "已全部整改"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(filed.json().get("assignments").get(0).get("extensions").get(0).get("decision").asString())
                .isEqualTo("LAPSED");
        Api.Response decided = api().as("baoji").post(path + "/extensions", Map.of("unitId", unitId("金台区人民政府"),
                "granted", true));
        assertThat(decided.status()).isEqualTo(409);
    }

    @Test
    void aFeedbackIsExportedAsAWrittenReplyAndTheLedgerAsASpreadsheetBothAudited() throws Exception {
        JsonNode instruction = registerReportedToHead(body("PROVINCE", "ACTION", now(-5)));
        String id = instruction.get("id").asString();
        JsonNode filed = api().as("jintai").post("/api/v1/instructions/" + id + "/feedback", Map.of("stage", "FINAL",
                "done", "已对辖区 7 处采砂点逐一核查", "problems", "夜间偷采仍有发生", "nextSteps", "建立联合巡查机制"))
                .json();
        String feedback = filed.get("assignments").get(0).get("feedback").get(0).get("id").asString();
        String reply = "/api/v1/instructions/" + id + "/feedback/" + feedback + "/document";
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(api().as("baoji").bytes(reply)));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("金台区人民政府关于赵刚副省长批示落实情况的报告", "宝鸡市人民政府：",
                    "请宝鸡市认真核查渭河采砂管理情况", "一、落实情况", "已对辖区 7 处采砂点逐一核查", "二、存在问题",
                    "夜间偷采仍有发生", "三、下一步工作", "建立联合巡查机制");
        }
        assertThat(auditCount("EXPORTED", "GET " + reply)).isEqualTo(1);
        assertThat(api().as("longting").get(reply).status()).isEqualTo(404);

        String ledger = "/api/v1/instructions/export?scope=subtree&open=true";
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(api().as("baoji").bytes(ledger)))) {
            List<String> line = null;
            for (Row row : book.getSheet("督办台账")) {
                if (row.getCell(0).getStringCellValue().equals(instruction.get("number").asString())) {
                    line = java.util.stream.IntStream.range(0, row.getLastCellNum())
                            .mapToObj(c -> row.getCell(c).getStringCellValue()).toList();
                }
            }
            assertThat(line).as("the instruction's line").isNotNull();
            assertThat(line).contains("金台区人民政府", "牵头", "已反馈待审核", "赵刚 副省长");
            assertThat(line).as("the office's deadline, the end of its day").anyMatch(c -> c.endsWith(" 24:00"));
        }
        assertThat(auditCount("EXPORTED", "GET /api/v1/instructions/export")).isPositive();
    }

    @Test
    void anActingUnitPassesItDownAndTheStreetsFeedbackFallsDueBeforeJintaisOwn() {
        JsonNode instruction = registerReportedToHead(body("PROVINCE", "ACTION", now(-5)));
        String id = instruction.get("id").asString();
        String path = "/api/v1/instructions/" + id;
        String street = unitId("西关街道办事处");
        Instant jintaiDue = OffsetDateTime.parse(instruction.get("assignments").get(0).get("feedbackDueAt")
                .asString()).toInstant();
        Api.Response outside = api().as("jintai").post(path + "/forwards", Map.of("leadUnitId",
                unitId("宝鸡市应急管理局")));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("leadUnitId");

        Api.Response forwarded = api().as("jintai").post(path + "/forwards", Map.of("leadUnitId", street));
        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
        JsonNode down = forwarded.json().get("assignments").valueStream()
                .filter(a -> a.get("unitId").asString().equals(street)).findFirst().orElseThrow();
        assertThat(down.get("assignerUnitName").asString()).isEqualTo("金台区人民政府");
        assertThat(down.get("parentId").asString()).isEqualTo(instruction.get("assignments").get(0).get("id")
                .asString());
        assertThat(OffsetDateTime.parse(obligation(down, "INSTRUCTION_FEEDBACK").get("dueAt").asString()).toInstant())
                .as("12 hours before 金台区's own (instruction.forward-margin)").isEqualTo(jintaiDue.minus(
                        Duration.ofHours(12)));
        assertThat(obligation(down, "INSTRUCTION_REPORTED_TO_HEAD").get("citation").asString()).contains("第十八条");
        assertThat(api().as("jintai").get("/api/v1/instructions?scope=subtree&open=true&unitId=" + street).json()
                .findValuesAsString("id")).contains(id);
        assertThat(auditCount("INSTRUCTION_FORWARDED", "instruction:" + id)).isEqualTo(1);
        assertThat(api().as("jintai").post(path + "/forwards", Map.of("leadUnitId", street)).status())
                .as("a unit already asked to act").isEqualTo(400);
    }

    /**
     * A deadline counted on a provisional calendar — here made so by hand, a day later than the loaded calendar
     * counts — is counted again when the year's notice is loaded, with 金台区's deadline and obligation following.
     */
    @Test
    void aDeadlineCountedOnTheProvisionalCalendarIsCountedAgainWhenTheNoticeIsLoaded() throws Exception {
        JsonNode instruction = registerReportedToHead(body("PROVINCE", "ACTION", now(-5)));
        String id = instruction.get("id").asString();
        String assignment = instruction.get("assignments").get(0).get("id").asString();
        Instant due = OffsetDateTime.parse(instruction.get("dueAt").asString()).toInstant();
        Instant unitDue = OffsetDateTime.parse(instruction.get("assignments").get(0).get("feedbackDueAt").asString())
                .toInstant();
        Duration day = Duration.ofDays(1);
        jdbc.sql("UPDATE instruction SET provisional = TRUE, due_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(due.plus(day)), java.util.UUID.fromString(id)).update();
        jdbc.sql("UPDATE instruction_assignment SET feedback_due_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(unitDue.plus(day)), java.util.UUID.fromString(assignment)).update();
        jdbc.sql("UPDATE obligation SET due_at = due_at + INTERVAL '1' DAY WHERE subject_id IN (?, ?) AND kind = ?")
                .params("instruction:" + id, "instruction-assignment:" + assignment, "INSTRUCTION_FEEDBACK").update();

        String notice;
        try (var in = getClass().getResourceAsStream("/calendar/cn-2026.txt")) {
            notice = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Api.Response loaded = api().as("admin").put("/api/v1/calendar/years/2026", Map.of("text", notice));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        awaitEventsHandled();

        JsonNode recounted = api().as("baoji").get("/api/v1/instructions/" + id).json();
        assertThat(OffsetDateTime.parse(recounted.get("dueAt").asString()).toInstant()).isEqualTo(due);
        assertThat(recounted.get("provisional").asBoolean()).as("provisional only if its own year has no notice yet")
                .isEqualTo(!calendar.isNoticeLoaded(Instructions.dueDate(due).getYear()));
        JsonNode jintai = recounted.get("assignments").get(0);
        assertThat(OffsetDateTime.parse(jintai.get("feedbackDueAt").asString()).toInstant()).isEqualTo(unitDue);
        assertThat(OffsetDateTime.parse(obligation(jintai, "INSTRUCTION_FEEDBACK").get("dueAt").asString())
                .toInstant()).isEqualTo(unitDue);
        assertThat(auditCount("INSTRUCTION_RECOUNTED", "instruction:" + id)).isEqualTo(1);
    }

    @Test
    void theOfficeAttachesTheWrittenInstructionJintaiItsFeedbacksFilesAndABadFileIsRefusedWritingNothing() {
        JsonNode instruction = registerReportedToHead(body("PROVINCE", "ACTION", now(-5)));
        String path = "/api/v1/instructions/" + instruction.get("id").asString();
        byte[] scan = "%PDF-1.7\n批示原件".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Response original = api().as("baoji").postFile(path + "/attachments", "file", "批示原件.pdf", scan);
        assertThat(original.status()).as(original.body()).isEqualTo(201);
        Api.Response photo = api().as("jintai").postFile(path + "/attachments", "file", "整改现场.png",
                new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2 });
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        long before = jdbc.sql("SELECT COUNT(*) FROM instruction_attachment").query(Long.class).single();
        Api.Response program = api().as("jintai").postFile(path + "/attachments", "file", "说明.pdf",
                new byte[] { 'M', 'Z', 0, 0 });
        assertThat(program.status()).isEqualTo(415);
        assertThat(api().as("longting").postFile(path + "/attachments", "file", "a.pdf", scan).status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM instruction_attachment").query(Long.class).single())
                .isEqualTo(before);

        JsonNode seen = api().as("baoji").get(path).json();
        assertThat(seen.get("attachments").findValuesAsString("fileName")).containsExactly("批示原件.pdf");
        assertThat(seen.get("assignments").get(0).get("attachments").findValuesAsString("fileName"))
                .containsExactly("整改现场.png");
        assertThat(api().as("jintai").bytes(path + "/attachments/" + original.json().get("id").asString()))
                .isEqualTo(scan);
        assertThat(auditCount("INSTRUCTION_ATTACHED", "instruction:" + instruction.get("id").asString()))
                .isEqualTo(2);
        assertThat(api().as("jintai").post(path + "/feedback", Map.of("stage", "FINAL", "done", "现场已整改，照片附后"))
                .status()).isEqualTo(200);
    }

    @Test
    void everyBadFieldOfARegistrationIsNamedAndNothingIsWritten() {
        long before = jdbc.sql("SELECT COUNT(*) FROM instruction").query(Long.class).single();
        Map<String, Object> bad = new HashMap<>();
        bad.put("source", "STATE_COUNCIL");
        bad.put("kind", "ACTION");
        bad.put("leaderName", "");
        bad.put("text", "批".repeat(4001));
        bad.put("givenAt", Zones.china(clock.instant().plus(Duration.ofDays(1))).toString());
        bad.put("receivedAt", now(-5));
        bad.put("leadUnitId", unitId("开封市龙亭区人民政府"));
        Api.Response refused = register(bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("leaderName", "text", "givenAt", "leadUnitId", "dueAt");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM instruction").query(Long.class).single()).isEqualTo(before);
    }

    /** 金台区 asks for its deadline a week later; the new date asked for. */
    private Instant askForAWeekMore(JsonNode instruction) {
        Instant later = OffsetDateTime.parse(instruction.get("assignments").get(0).get("feedbackDueAt").asString())
                .toInstant().plus(Duration.ofDays(7));
        Api.Response asked = api().as("jintai").post("/api/v1/instructions/" + instruction.get("id").asString()
                + "/extensions", Map.of("reason", "需等待省厅检测结果", "newDueAt", Zones.china(later).toString()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        return later;
    }

    /**
     * Registered for 金台区, which reports it to its head at once (第十八条), as every unit does; so that the suite
     * leaves 金台区 no hour-long deadline to go overdue on other tests' dashboards.
     */
    private JsonNode registerReportedToHead(Map<String, Object> body) {
        JsonNode instruction = register(body).json();
        Api.Response reported = api().as("jintai").post("/api/v1/instructions/" + instruction.get("id").asString()
                + "/head-report", Map.of("reportedTo", "区长 乔雪"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        return instruction;
    }

    private Api.Response register(Map<String, Object> body) {
        return api().as("baoji").post("/api/v1/instructions", body);
    }

    private Map<String, Object> body(String source, String kind, String receivedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("source", source);
        body.put("kind", kind);
        body.put("leaderName", "赵刚");
        body.put("leaderPost", "副省长");
        body.put("givenAt", OffsetDateTime.parse(receivedAt).minusHours(2).toString());
        body.put("receivedAt", receivedAt);
        body.put("text", "请宝鸡市认真核查渭河采砂管理情况，举一反三，确保安全。");
        body.put("leadUnitId", unitId("金台区人民政府"));
        return body;
    }

    private String now(int minutes) {
        return Zones.china(clock.instant().plus(Duration.ofMinutes(minutes))).toString();
    }

    private static JsonNode obligation(JsonNode assignment, String kind) {
        return assignment.get("obligations").valueStream().filter(o -> o.get("kind").asString().equals(kind))
                .findFirst().orElseThrow();
    }
}
