package org.zhiban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * 宝政办发〔2022〕43号 第二十二条, 第二十三条, 第二十六条: a video request and roll calls of 宝鸡市's units, each deadline
 * from the called unit's own policy. Each test leaves 金台区 no open deadline: it comes online, pushes, or is excused.
 */
class SupervisionIntegrationTests extends IntegrationTestSupport {

    private static final String BAOJI = "宝政办发〔2022〕43号 ";

    @Test
    void aVideoRequestGivesJintaiAPushDueFiveMinutesLaterCitingArticle23() {
        Instant requested = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Api.Response created = api().as("baoji").post("/api/v1/video-requests", Map.of("unitId",
                unitId("金台区人民政府"), "subject", "渭河金台段汛情现场画面"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode push = obligation(created.json(), "VIDEO_PUSH");
        assertThat(instant(push.get("dueAt"))).isEqualTo(requested.plus(Duration.ofMinutes(5)));
        assertThat(push.get("citation").asString()).isEqualTo(BAOJI + "第二十三条");

        String path = "/api/v1/video-requests/" + created.json().get("id").asString();
        assertThat(api().as("baoji").post(path + "/push", Map.of("stream", "x")).status())
                .as("only the unit asked pushes").isEqualTo(403);
        assertThat(api().as("jintai").post(path + "/push", Map.of()).body()).contains("stream");
        JsonNode pushed = api().as("jintai").post(path + "/push", Map.of("stream", "金台区应急指挥中心-1号通道")).json();
        assertThat(pushed.get("stream").asString()).isEqualTo("金台区应急指挥中心-1号通道");
        assertThat(obligation(pushed, "VIDEO_PUSH").get("status").asString()).isEqualTo("FULFILLED");
        assertThat(auditCount("VIDEO_PUSHED", "video-request:" + pushed.get("id").asString())).isOne();
    }

    @Test
    void aVideoRequestNamingNoUnitAndNoSubjectIsRefusedNamingBothAndWritesNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM video_request").query(Long.class).single();
        Api.Response refused = api().as("baoji").post("/api/v1/video-requests", Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("unitId", "subject", "调取事由");
        Api.Response outside = api().as("baoji").post("/api/v1/video-requests", Map.of("unitId",
                unitId("X区人民政府"), "subject", "现场"));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("unitId");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM video_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aRollCallGivesEachCalledUnitOnlineDueThirtyMinutesAfterTheNoticeCitingArticle22() {
        Instant notice = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Api.Response created = schedule(notice.plus(Duration.ofMinutes(10)), "金台区人民政府", "渭滨区人民政府");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode call = created.json();
        assertThat(call.get("units").size()).isEqualTo(2);
        for (JsonNode unit : call.get("units")) {
            JsonNode online = obligation(unit, "VIDEO_CONFERENCE_ONLINE");
            assertThat(instant(online.get("dueAt"))).isEqualTo(notice.plus(Duration.ofMinutes(30)));
            assertThat(online.get("citation").asString()).isEqualTo(BAOJI + "第二十二条");
        }
        String path = "/api/v1/roll-calls/" + call.get("id").asString();
        JsonNode online = api().as("jintai").post(path + "/online", Map.of()).json().get("units").get(0);
        assertThat(obligation(online, "VIDEO_CONFERENCE_ONLINE").get("status").asString()).isEqualTo("FULFILLED");
        assertThat(api().as("jintai").post(path + "/online", Map.of()).status()).isEqualTo(409);
        runAndEnd(call, Duration.ofMinutes(10));
    }

    @Test
    void aCallBookedDaysAheadIsDueAtItsStartAndAGrantedLeaveLiftsTheDeadline() {
        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        JsonNode call = schedule(start, "金台区人民政府").json();
        JsonNode online = obligation(call.get("units").get(0), "VIDEO_CONFERENCE_ONLINE");
        assertThat(instant(online.get("openedAt"))).isEqualTo(start.minus(Duration.ofMinutes(30)));
        assertThat(instant(online.get("dueAt"))).isEqualTo(start);
        assertThat(online.get("coming").asBoolean()).isTrue();

        String path = "/api/v1/roll-calls/" + call.get("id").asString();
        String jintai = unitId("金台区人民政府");
        assertThat(api().as("jintai").post(path + "/leave", Map.of()).body()).contains("reason");
        api().as("jintai").post(path + "/leave", Map.of("reason", "同时段参加区防汛视频调度会"));
        Api.Response undecided = api().as("baoji").post(path + "/leave/decision", Map.of("unitId", jintai));
        assertThat(undecided.status()).as("a missing decision is not a refusal").isEqualTo(400);
        assertThat(undecided.body()).contains("grant", "请选择准假");
        assertThat(api().as("baoji").post(path + "/leave/decision", Map.of("unitId", jintai, "grant", false)).body())
                .as("a refusal says why").contains("comment");
        JsonNode granted = api().as("baoji").post(path + "/leave/decision", Map.of("unitId", jintai, "grant", true))
                .json().get("units").get(0);
        assertThat(granted.get("leaveDecision").asString()).isEqualTo("GRANTED");
        assertThat(obligation(granted, "VIDEO_CONFERENCE_ONLINE").get("status").asString()).isEqualTo("WAIVED");
        assertThat(auditCount("ROLL_CALL_LEAVE_DECIDED", "roll-call:" + call.get("id").asString())).isOne();
    }

    @Test
    void aLeaveAfterTheStartIsRefusedTheAbsentBreachAndThoseWhoTookPartReportThePointsToTheirHead() {
        Instant before = clock.instant();
        JsonNode call = schedule(before.plus(Duration.ofMinutes(1)), "金台区人民政府", "渭滨区人民政府").json();
        String id = call.get("id").asString();
        String path = "/api/v1/roll-calls/" + id;
        try {
            clock.advance(Duration.ofMinutes(2));
            Api.Response late = api().as("jintai").post(path + "/leave", Map.of("reason", "临时有事"));
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body()).contains("不能再请假");
            assertThat(api().as("jintai").post(path + "/marks", Map.of("unitId", unitId("金台区人民政府"),
                    "result", "ON_TIME")).status()).as("only the organiser marks").isEqualTo(403);
            Api.Response leave = api().as("baoji").post(path + "/marks", Map.of("unitId",
                    unitId("渭滨区人民政府"), "result", "ON_LEAVE"));
            assertThat(leave.status()).as("leave needs a granted request").isEqualTo(409);
            assertThat(leave.body()).contains("没有获准的请假");

            Api.Response marked = api().as("baoji").post(path + "/marks", Map.of("unitId", unitId("金台区人民政府"),
                    "result", "LATE", "officerPresent", true, "leaderPresent", false, "logInOrder", true,
                    "note", "带班领导外出未报备"));
            assertThat(marked.status()).as(marked.body()).isEqualTo(200);
            assertThat(api().as("baoji").post(path + "/marks", Map.of("unitId", unitId("金台区人民政府")))
                    .body()).contains("result");
            JsonNode ended = api().as("baoji").post(path + "/end", Map.of()).json();
            JsonNode jintai = ended.get("units").get(0);
            JsonNode weibin = ended.get("units").get(1);
            assertThat(jintai.get("result").asString()).isEqualTo("LATE");
            assertThat(jintai.get("leaderPresent").asBoolean()).isFalse();
            assertThat(weibin.get("result").asString()).as("not marked when the call ended").isEqualTo("ABSENT");
            assertThat(obligation(weibin, "VIDEO_CONFERENCE_ONLINE").get("status").asString()).isEqualTo("BREACHED");
            JsonNode report = obligation(jintai, "ROLL_CALL_REPORTED_TO_HEAD");
            assertThat(report.get("citation").asString()).isEqualTo(BAOJI + "第二十六条");
            assertThat(instant(report.get("dueAt"))).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS)
                    .plus(Duration.ofHours(4)));
            assertThat(weibin.get("obligations").valueStream().map(o -> o.get("kind").asString()))
                    .doesNotContain("ROLL_CALL_REPORTED_TO_HEAD");

            JsonNode reported = api().as("jintai").post(path + "/head-report", Map.of("reportedTo", "区长 乔雪"))
                    .json().get("units").get(0);
            assertThat(obligation(reported, "ROLL_CALL_REPORTED_TO_HEAD").get("status").asString())
                    .isEqualTo("FULFILLED");
            assertThat(api().as("baoji").post(path + "/marks", Map.of("unitId", unitId("金台区人民政府"),
                    "result", "ON_TIME")).status()).as("an ended call is not marked again").isEqualTo(409);
            for (String action : List.of("ROLL_CALL_SCHEDULED", "ROLL_CALL_MARKED", "ROLL_CALL_ENDED",
                    "ROLL_CALL_REPORTED_TO_HEAD")) {
                assertThat(auditCount(action, "roll-call:" + id)).as(action).isOne();
            }
        }
        finally {
            clock.set(before);
        }
    }

    @Test
    void xDistrictsTownsOweNoDeadlineToComeOnlineTheirPolicyBeingSilent() {
        Instant start = clock.instant().plus(Duration.ofMinutes(20));
        Api.Response created = api().as("xdistrict").post("/api/v1/roll-calls", Map.of("startsAt",
                Zones.china(start).toString(), "agenda", List.of("通报近期值班和信息报告情况"), "level", "TOWN"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("units").size()).isEqualTo(5);
        created.json().get("units").forEach(u -> assertThat(u.get("obligations").size()).isZero());
    }

    @Test
    void aRollCallWithoutTimeAgendaOrUnitsIsRefusedNamingEachAndWritesNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM roll_call").query(Long.class).single();
        Api.Response refused = api().as("baoji").post("/api/v1/roll-calls", Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("startsAt", "agenda", "unitIds");
        Api.Response outside = api().as("baoji").post("/api/v1/roll-calls", Map.of("startsAt",
                Zones.china(clock.instant().plus(Duration.ofHours(1))).toString(), "agenda", List.of("点评"),
                "unitIds", List.of(unitId("开封市龙亭区人民政府"))));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("本单位的下级单位");
        assertThat(api().as("jintai").get("/api/v1/roll-calls/" + java.util.UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM roll_call").query(Long.class).single()).isEqualTo(before);
    }

    private Api.Response schedule(Instant startsAt, String... units) {
        return api().as("baoji").post("/api/v1/roll-calls", Map.of("startsAt", Zones.china(startsAt).toString(),
                "agenda", List.of("传达领导同志指示批示精神", "点评近期值班工作"), "unitIds",
                java.util.Arrays.stream(units).map(this::unitId).toList()));
    }

    /**
     * Moves to the call's start, ends it, has 金台区 (online first) report the points to its head, and puts the clock
     * back: the units never online breach, none stays open.
     */
    private void runAndEnd(JsonNode call, Duration toStart) {
        Instant before = clock.instant();
        try {
            clock.advance(toStart);
            Api.Response ended = api().as("baoji").post("/api/v1/roll-calls/" + call.get("id").asString() + "/end",
                    Map.of());
            assertThat(ended.status()).as(ended.body()).isEqualTo(200);
            assertThat(ended.json().get("units").get(0).get("result").asString()).as("online before the start")
                    .isEqualTo("ON_TIME");
            assertThat(api().as("jintai").post("/api/v1/roll-calls/" + call.get("id").asString() + "/head-report",
                    Map.of("reportedTo", "区长 乔雪")).status()).isEqualTo(200);
        }
        finally {
            clock.set(before);
        }
    }

    private static JsonNode obligation(JsonNode owner, String kind) {
        return owner.get("obligations").valueStream().filter(o -> o.get("kind").asString().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + owner));
    }

    private static Instant instant(JsonNode at) {
        return OffsetDateTime.parse(at.asString()).toInstant();
    }
}
