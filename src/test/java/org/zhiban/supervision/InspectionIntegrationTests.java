package org.zhiban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Phone spot checks, inspections, rectification and the year's coverage (宝政办发〔2022〕43号 第十条, 第二十八条; X区
 * 第七条, 第二十四条). Each rectification demanded of 金台区 is reported and accepted, so that none stays open.
 */
class InspectionIntegrationTests extends IntegrationTestSupport {

    private static final String BAOJI = "宝政办发〔2022〕43号 ";

    @Autowired
    CoverageReminders coverageReminders;

    @Autowired
    SpotChecks spotChecks;

    @Autowired
    UnitTree unitTree;

    @Test
    void aSpotCheckOfJintaiUnansweredOpensARectificationAndCountsJintaiAsInspected() {
        int year = Zones.china(clock.instant()).getYear();
        Api.Response recorded = api().as("baoji").post("/api/v1/spot-checks", Map.of("unitId",
                unitId("金台区人民政府"), "result", "21", "notes", "连拨两次，均无人接听"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode check = recorded.json();
        assertThat(check.get("failed").asBoolean()).isTrue();
        assertThat(check.get("failedCitation").asString()).isEqualTo(BAOJI + "第十条");
        JsonNode demand = check.get("rectification");
        assertThat(demand.get("unitName").asString()).isEqualTo("金台区人民政府");
        assertThat(demand.get("status").asString()).isEqualTo("ISSUED");
        JsonNode owed = demand.get("obligations").get(0);
        assertThat(owed.get("kind").asString()).isEqualTo("RECTIFICATION");
        assertThat(owed.get("citation").asString()).isEqualTo(BAOJI + "第二十八条");
        LocalDate issuedOn = Zones.china(clock.instant()).toLocalDate();
        assertThat(OffsetDateTime.parse(owed.get("dueAt").asString()).toInstant())
                .isEqualTo(issuedOn.plusDays(8).atStartOfDay(Zones.CHINA).toInstant());

        JsonNode coverage = api().as("baoji").get("/api/v1/units/" + unitId("宝鸡市人民政府")
                + "/inspection-coverage?year=" + year).json();
        assertThat(coverage.get("citation").asString()).isEqualTo(BAOJI + "第二十八条");
        assertThat(coverage.get("owed").asBoolean()).as("the city owes no full coverage; its counties do").isFalse();
        assertThat(coverage.get("units").asInt()).isEqualTo(11);
        assertThat(coverage.get("byPhone").asInt()).isPositive();
        List<String> uncovered = coverage.get("uncovered").valueStream().map(u -> u.get("unitName").asString())
                .toList();
        assertThat(uncovered).doesNotContain("金台区人民政府").contains("宝鸡市机关事务服务中心")
                .hasSize(coverage.get("uncoveredCount").asInt());
        assertThat(coverage.get("covered").asInt() + coverage.get("uncoveredCount").asInt()).isEqualTo(11);
        assertThat(coverage.get("below").valueStream().map(b -> b.get("unitName").asString()))
                .contains("金台区人民政府", "宝鸡高新区管委会");

        answer(demand.get("id").asString());
        assertThat(auditCount("SPOT_CHECK_RECORDED", "spot-check:" + check.get("id").asString())).isOne();
    }

    @Test
    void anAnsweredCheckThatPassesDemandsNothingAndRecordsWhoAnswered() {
        JsonNode check = api().as("baoji").post("/api/v1/spot-checks", Map.of("unitId", unitId("渭滨区人民政府"),
                "result", "11", "rings", 2, "answeredBy", "值班员 王磊", "onRoster", true, "knewLeaderOnDuty", true,
                "standardGreeting", true)).json();
        assertThat(check.get("failed").asBoolean()).isFalse();
        assertThat(check.get("rectification").isNull()).isTrue();
        assertThat(check.get("answeredBy").asString()).isEqualTo("值班员 王磊");
        assertThat(check.get("rings").asInt()).isEqualTo(2);
    }

    @Test
    void aSpotCheckWithBadFieldsIsRefusedNamingEachInChineseAndWritesNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM spot_check").query(Long.class).single();
        Api.Response refused = api().as("baoji").post("/api/v1/spot-checks", Map.of("unitId",
                unitId("开封市龙亭区人民政府"), "result", "99", "rings", 99, "calledAt",
                Zones.china(clock.instant().plusSeconds(3600)).toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("unitId", "result", "rings", "calledAt", "抽查结果代码", "响铃次数");
        assertThat(api().as("auditor").post("/api/v1/spot-checks", Map.of("unitId", unitId("金台区人民政府"),
                "result", "11")).status()).as("a duty office records checks").isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spot_check").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aSiteVisitWithADemandIssuesARectificationWhichIsReturnedAndThenAccepted() {
        Api.Response recorded = api().as("baoji").post("/api/v1/inspections", Map.of("unitId",
                unitId("金台区人民政府"), "kind", "SITE_VISIT", "findings", "值班记录填写不全，交接班未签字",
                "demand", "补全值班记录，落实交接班签字制度"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode inspection = recorded.json();
        assertThat(inspection.get("covers").asBoolean()).isTrue();
        String id = inspection.get("rectification").get("id").asString();
        String path = "/api/v1/rectifications/" + id;

        assertThat(api().as("jintai").post(path + "/report", Map.of()).body()).contains("report", "整改情况");
        assertThat(api().as("baoji").post(path + "/report", Map.of("report", "x")).status())
                .as("only the unit rectifying reports").isEqualTo(403);
        assertThat(api().as("jintai").post(path + "/report", Map.of("report", "已补全11月值班记录")).json()
                .get("status").asString()).isEqualTo("REPORTED");
        assertThat(api().as("baoji").post(path + "/decision", Map.of("accept", false)).body())
                .as("a return says why").contains("reason", "退回理由");
        JsonNode returned = api().as("baoji").post(path + "/decision", Map.of("accept", false, "reason",
                "交接班签字制度未见落实材料")).json();
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("obligations").get(0).get("status").asString()).as("owed again").isEqualTo("OPEN");
        answer(id);
        assertThat(auditCount("RECTIFICATION_RETURNED", "rectification:" + id)).isOne();
        assertThat(auditCount("INSPECTION_RECORDED", "inspection:" + inspection.get("id").asString())).isOne();
    }

    @Test
    void aTalkDoesNotCoverAUnitASiteVisitDoesAndXDistrictOwesFullCoverageArticle24() {
        String town = unitId("甲镇人民政府");
        int year = Zones.china(clock.instant()).getYear();
        String coveragePath = "/api/v1/units/" + unitId("X区人民政府") + "/inspection-coverage?year=" + year;
        assertThat(api().as("xdistrict").post("/api/v1/inspections", Map.of("unitId", town, "kind", "TALK",
                "findings", "约谈镇值班室负责人，通报近期迟报情况")).status()).isEqualTo(201);
        JsonNode afterTalk = api().as("xdistrict").get(coveragePath).json();
        assertThat(afterTalk.get("owed").asBoolean()).isTrue();
        assertThat(afterTalk.get("citation").asString()).endsWith("第二十四条");
        assertThat(afterTalk.get("uncovered").valueStream().map(u -> u.get("unitId").asString())).contains(town);

        api().as("xdistrict").post("/api/v1/inspections", Map.of("unitId", town, "kind", "SITE_VISIT", "findings",
                "值班人员在岗，设备运行正常"));
        JsonNode afterVisit = api().as("xdistrict").get(coveragePath).json();
        assertThat(afterVisit.get("uncovered").valueStream().map(u -> u.get("unitId").asString()))
                .doesNotContain(town);
        assertThat(afterVisit.get("bySite").asInt()).isPositive();

        assertThat(api().as("xdistrict").post("/api/v1/spot-checks", Map.of("unitId", unitId("乙镇人民政府"),
                "result", "11", "rings", 1)).status()).isEqualTo(201);
        List<JsonNode> suggested = api().as("xdistrict").get("/api/v1/spot-checks/suggestions").json().valueStream()
                .toList();
        assertThat(suggested.get(suggested.size() - 1).get("unitName").asString()).as("the unchecked first")
                .isEqualTo("乙镇人民政府");
        assertThat(suggested.get(0).get("checksThisYear").asLong()).isZero();

        Api.Response refused = api().as("xdistrict").post("/api/v1/inspections", Map.of("kind", "VISIT"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("unitId", "kind", "findings");
        assertThat(api().as("xdistrict").get("/api/v1/units/" + unitId("X区人民政府")
                + "/inspection-coverage?year=1990").status()).isEqualTo(400);
    }

    @Test
    void inNovemberTheHighTechCommitteeOwesAnInspectionOfEachUncoveredTownAndACheckFulfilsItArticle28() {
        Instant before = clock.instant();
        int year = Zones.china(before).getYear();
        Unit hightech = unitTree.find(UUID.fromString(unitId("宝鸡高新区管委会"))).orElseThrow();
        try {
            clock.set(LocalDate.of(year, 11, 2).atTime(LocalTime.of(9, 0)).atZone(Zones.CHINA).toInstant());
            assertThat(coverageReminders.openFor(hightech, year, BAOJI + "第二十八条")).isEqualTo(2);
            assertThat(coverageReminders.openFor(hightech, year, BAOJI + "第二十八条")).as("once").isZero();
            List<Map<String, Object>> owed = owedBy(hightech.id());
            assertThat(owed).hasSize(2).allSatisfy(o -> {
                assertThat(o.get("status")).isEqualTo("OPEN");
                assertThat(o.get("citation")).isEqualTo(BAOJI + "第二十八条");
            });

            Actor office = new Actor(null, "hightech", "高新区值班员", hightech.id(), Set.of(Role.DUTY_OFFICER));
            for (String town : List.of("千河镇人民政府", "钓渭镇人民政府")) {
                spotChecks.record(office, new SpotCheckCommand(UUID.fromString(unitId(town)), null, "11", 1,
                        "值班员", true, true, true, null));
            }
            assertThat(owedBy(hightech.id())).extracting(o -> o.get("status")).containsOnly("FULFILLED");
        }
        finally {
            clock.set(before);
        }
    }

    private List<Map<String, Object>> owedBy(UUID unitId) {
        return jdbc.sql("SELECT status, citation FROM obligation WHERE obligor_unit_id = ? AND kind = ?")
                .params(unitId, "INSPECTION_COVERAGE").query().listOfRows();
    }

    /** 金台区 reports what it rectified and 宝鸡市 accepts it, leaving nothing open. */
    private void answer(String rectificationId) {
        String path = "/api/v1/rectifications/" + rectificationId;
        JsonNode reported = api().as("jintai").post(path + "/report", Map.of("report", "已落实整改：电话专人值守，"
                + "三声之内接听")).json();
        assertThat(reported.get("obligations").get(0).get("status").asString()).isEqualTo("FULFILLED");
        JsonNode accepted = api().as("baoji").post(path + "/decision", Map.of("accept", true)).json();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
    }
}
