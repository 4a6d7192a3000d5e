package org.zhiban.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

class PolicyIntegrationTests extends IntegrationTestSupport {

    @Test
    void aTownUnderJintaiFollowsTheBaojiRules() {
        String town = unitId("陈仓镇人民政府");
        JsonNode rules = api().as("jintai").get("/api/v1/units/" + town + "/policy").json();
        JsonNode phone = rule(rules, "verification.phone-feedback");
        assertThat(phone.get("value").asString()).isEqualTo("PT30M");
        assertThat(phone.get("citation").asString()).isEqualTo("宝政办发〔2022〕43号 第十五条");
        assertThat(phone.get("policy").asString()).isEqualTo("宝政办发〔2022〕43号");
        assertThat(phone.get("sourceUnitId").asString()).isEqualTo(unitId("宝鸡市人民政府"));
        assertThat(rule(rules, "shift.min-duration").get("value").asString()).isEqualTo("PT8H");
        assertThat(rule(rules, "shift.officer-not-leader").get("citation").asString()).endsWith("第八条");
        assertThat(rule(rules, "holiday-roster.filing-lead").get("type").asString()).isEqualTo("DAYS");
    }

    @Test
    void aStreetUnderLongtingFollowsTheLongtingRules() {
        String street = unitId("午朝门街道办事处");
        JsonNode rules = api().as("longting").get("/api/v1/units/" + street + "/policy").json();
        assertThat(rule(rules, "verification.phone-feedback").get("value").asString()).isEqualTo("PT8M");
        assertThat(rule(rules, "incident.major.written-report").get("citation").asString())
                .isEqualTo("龙政办〔2023〕2号 七（三）");
        JsonNode filing = rule(rules, "holiday-roster.filing-lead");
        assertThat(filing.get("type").asString()).isEqualTo("WORKING_DAYS");
        assertThat(filing.get("value").asString()).isEqualTo("3");
        assertThat(rules.findValuesAsString("key")).doesNotContain("shift.min-duration");
    }

    @Test
    void aUnitTightensForItsSubtreeButMayNotLoosen() {
        String jintai = unitId("金台区人民政府");
        String town = unitId("蟠龙镇人民政府");
        Api.Response tightened = api().as("jintai-admin").put("/api/v1/units/" + jintai
                + "/policy/rules/verification.written-feedback", Map.of("value", "PT45M", "citation", "金政办发〔2026〕9号"));
        assertThat(tightened.status()).as(tightened.body()).isEqualTo(200);
        JsonNode rule = rule(api().as("jintai").get("/api/v1/units/" + town + "/policy").json(),
                "verification.written-feedback");
        assertThat(rule.get("value").asString()).isEqualTo("PT45M");
        assertThat(rule.get("sourceUnitId").asString()).isEqualTo(jintai);
        assertThat(rule.get("citation").asString()).isEqualTo("金政办发〔2026〕9号");

        Api.Response looser = api().as("jintai-admin").put("/api/v1/units/" + jintai
                + "/policy/rules/verification.phone-feedback", Map.of("value", "PT45M", "citation", "金政办发〔2026〕9号"));
        assertThat(looser.status()).isEqualTo(409);
        assertThat(looser.code()).isEqualTo("POLICY_LOOSENING");
        assertThat(looser.json().get("detail").asString()).contains("宝政办发〔2022〕43号 第十五条").contains("30 分钟");

        Api.Response belowTheTightening = api().as("jintai-admin").put("/api/v1/units/" + town
                + "/policy/rules/verification.written-feedback", Map.of("value", "PT50M", "citation", "镇文件"));
        assertThat(belowTheTightening.status()).isEqualTo(409);
        assertThat(belowTheTightening.json().get("detail").asString()).contains("金政办发〔2026〕9号");

        assertThat(api().as("jintai-admin").delete("/api/v1/units/" + jintai
                + "/policy/rules/verification.written-feedback").status()).isEqualTo(200);
        assertThat(rule(api().as("jintai").get("/api/v1/units/" + town + "/policy").json(),
                "verification.written-feedback").get("value").asString()).isEqualTo("PT1H");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action LIKE 'POLICY_RULE_TIGHTEN%'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aPolicyAttachedBelowAnotherMayOnlyTightenIt() {
        Api.Response baojiUnderLongting = api().as("admin").put("/api/v1/units/" + unitId("北书店街道办事处") + "/policy",
                Map.of("policy", "baoji-2022"));
        assertThat(baojiUnderLongting.status()).isEqualTo(409);
        assertThat(baojiUnderLongting.code()).isEqualTo("POLICY_LOOSENING");
        assertThat(baojiUnderLongting.json().get("detail").asString()).contains("龙政办〔2023〕2号");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_attachment WHERE unit_id = ?")
                .param(java.util.UUID.fromString(unitId("北书店街道办事处"))).query(Long.class).single()).isZero();

        Api.Response longtingUnderBaoji = api().as("admin").put("/api/v1/units/" + unitId("宝鸡高新区管委会")
                + "/policy", Map.of("policy", "longting-2023", "adoptedBy", "宝高新管发〔2026〕1号"));
        assertThat(longtingUnderBaoji.status()).as(longtingUnderBaoji.body()).isEqualTo(200);
        JsonNode hightech = api().as("admin").get("/api/v1/units/" + unitId("千河镇人民政府") + "/policy").json();
        assertThat(rule(hightech, "verification.phone-feedback").get("value").asString()).isEqualTo("PT8M");
        assertThat(rule(hightech, "verification.phone-feedback").get("sourceUnitId").asString())
                .isEqualTo(unitId("宝鸡高新区管委会"));
        assertThat(rule(hightech, "shift.min-duration").get("value").asString()).isEqualTo("PT8H");
        assertThat(rule(hightech, "holiday-roster.filing-lead").get("type").asString()).isEqualTo("WORKING_DAYS");
    }

    @Test
    void badInputGetsAProblem() {
        String jintai = unitId("金台区人民政府");
        Api.Response wrongType = api().as("jintai-admin").put("/api/v1/units/" + jintai
                + "/policy/rules/important-period.min-on-duty", Map.of("value", "PT30M", "citation", "文件"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("不是有效的数量");
        Api.Response wrongTypeName = api().as("jintai-admin").put("/api/v1/units/" + jintai
                + "/policy/rules/important-period.min-on-duty", Map.of("type", "MINUTES", "value", "3", "citation", "x"));
        assertThat(wrongTypeName.status()).isEqualTo(400);
        assertThat(api().as("jintai-admin").put("/api/v1/units/" + jintai + "/policy/rules/no.such-rule",
                Map.of("value", "1", "citation", "x")).code()).isEqualTo("UNKNOWN_RULE");
        assertThat(api().as("admin").get("/api/v1/units/00000000-0000-0000-0000-000000000000/policy").code())
                .isEqualTo("UNIT_NOT_FOUND");
        assertThat(api().as("jintai").get("/api/v1/units/" + unitId("开封市龙亭区人民政府") + "/policy").status())
                .isEqualTo(404);
        assertThat(api().as("jintai-admin").put("/api/v1/units/" + jintai + "/policy/rules/shift.min-duration",
                Map.of("value", "PT12H")).json().get("errors").get(0).get("field").asString()).isEqualTo("citation");
        assertThat(api().as("jintai").get("/api/v1/policies/nope").code()).isEqualTo("POLICY_NOT_FOUND");
    }

    @Test
    void theSystemAdministratorConfirmsADefault() {
        Api.Response edited = api().as("admin").put("/api/v1/policies/baoji-2022/rules/incident.major.phone-report",
                Map.of("value", "PT30M", "toBeConfirmed", false));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(api().as("jintai-admin").put("/api/v1/policies/baoji-2022/rules/incident.major.phone-report",
                Map.of("value", "PT20M")).status()).isEqualTo(403);
        JsonNode rule = rule(api().as("jintai").get("/api/v1/units/" + unitId("金台区人民政府") + "/policy").json(),
                "incident.major.phone-report");
        assertThat(rule.get("toBeConfirmed").asBoolean()).isFalse();
    }

    private static JsonNode rule(JsonNode rules, String key) {
        for (JsonNode rule : rules) {
            if (rule.get("key").asString().equals(key)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + key + " in " + rules);
    }
}
