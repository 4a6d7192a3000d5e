package org.zhiban.organization;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

class OrganizationIntegrationTests extends IntegrationTestSupport {

    @Test
    void searchByNameReturnsTheUnitFields() {
        JsonNode units = api().as("jintai").get("/api/v1/units?q=" + Api.query("金台区")).json();
        JsonNode jintai = units.get(0);
        assertThat(jintai.get("name").asString()).isEqualTo("金台区人民政府");
        assertThat(jintai.get("kind").asString()).isEqualTo("PEOPLES_GOVERNMENT");
        assertThat(jintai.get("level").asString()).isEqualTo("COUNTY");
        assertThat(jintai.get("parentId").asString()).isEqualTo(unitId("宝鸡市人民政府"));
    }

    @Test
    void aDutyOfficerReadsItsUnitItsTownsAndTheirPeople() {
        String jintai = unitId("金台区人民政府");
        assertThat(api().as("jintai").get("/api/v1/units/" + jintai).status()).isEqualTo(200);
        JsonNode children = api().as("jintai").get("/api/v1/units/" + jintai + "/children").json();
        assertThat(children.size()).isGreaterThanOrEqualTo(12);
        String town = unitId("中山东路街道办事处");
        JsonNode people = api().as("jintai").get("/api/v1/units/" + town + "/people").json();
        assertThat(people.size()).isBetween(5, 15);
        assertThat(people.get(0).get("mobile").asString()).matches("1\\d\\d\\*{4}\\d{4}");
    }

    @Test
    void nobodySeesAPeersOrASuperiorsPeople() {
        Api.Response peer = api().as("jintai").get("/api/v1/units/" + unitId("开封市龙亭区人民政府") + "/people");
        assertThat(peer.status()).isEqualTo(404);
        Api.Response superior = api().as("jintai").get("/api/v1/units/" + unitId("宝鸡市人民政府") + "/people");
        assertThat(superior.status()).isEqualTo(404);
        Api.Response otherJurisdiction = api().as("longting").get("/api/v1/units/" + unitId("宝鸡市人民政府") + "/people");
        assertThat(otherJurisdiction.status()).isEqualTo(404);
        assertThat(otherJurisdiction.json().get("detail").asString()).isEqualTo("单位不存在：" + unitId("宝鸡市人民政府"));
    }

    @Test
    void aSuperiorReadsItsSubordinatesPeople() {
        Api.Response response = api().as("baoji").get("/api/v1/units/" + unitId("金台区人民政府") + "/people");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().size()).isBetween(5, 15);
    }

    @Test
    void searchStaysWithinScope() {
        JsonNode results = api().as("jintai").get("/api/v1/units?q=" + Api.query("龙亭")).json();
        assertThat(results.size()).isZero();
    }

    @Test
    void revealingAPhoneNumberIsAudited() {
        String town = unitId("东风路街道办事处");
        String personId = api().as("jintai").get("/api/v1/units/" + town + "/people").json().get(0).get("id")
                .asString();
        long before = auditCount("PHONE_REVEALED", "person:" + personId);
        Api.Response revealed = api().as("jintai").post("/api/v1/people/" + personId + "/phone-reveals", Map.of());
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().get("mobile").asString()).matches("1\\d{10}");
        assertThat(auditCount("PHONE_REVEALED", "person:" + personId)).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT username FROM audit_record WHERE action = 'PHONE_REVEALED' AND target = ? "
                + "ORDER BY seq DESC LIMIT 1").param("person:" + personId).query(String.class).single())
                .isEqualTo("jintai");
    }

    @Test
    void aUnitAdministratorAddsAndEditsAPerson() {
        String unit = unitId("群众路街道办事处");
        Map<String, Object> person = new HashMap<>(Map.of("name", "测试人员", "position", "值班员",
                "mobile", "138 0917 0001", "officePhone", "(0917)3260001", "employmentType", "CIVIL_SERVANT"));
        Api.Response created = api().as("jintai-admin").post("/api/v1/units/" + unit + "/people", person);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        person.put("position", "值班室负责人");
        person.put("version", 0);
        Api.Response updated = api().as("jintai-admin").put("/api/v1/people/" + id, person);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("position").asString()).isEqualTo("值班室负责人");
        Api.Response stale = api().as("jintai-admin").put("/api/v1/people/" + id, person);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT mobile FROM person WHERE id = ?").param(java.util.UUID.fromString(id))
                .query(String.class).single()).startsWith("v").doesNotContain("13809170001");
        assertThat(api().as("jintai-admin").post("/api/v1/people/" + id + "/phone-reveals", Map.of()).json()
                .get("mobile").asString()).isEqualTo("13809170001");
    }

    /**
     * GB/T 39786 8.4 e: numbers are sealed at rest with SM4-GCM, and a whole number still finds its person through
     * the keyed SM3 index (in any written form), within the searcher's scope only.
     */
    @Test
    void thePersonTableHoldsNoDemoNumberInClearAndAWholeMobileStillFindsItsPerson() {
        List<Map<String, Object>> rows = jdbc.sql("SELECT id, mobile, office_phone, mobile_index FROM person")
                .query().listOfRows();
        assertThat(rows).hasSizeGreaterThan(100);
        Set<String> stored = new HashSet<>();
        rows.forEach(row -> {
            stored.add(String.valueOf(row.get("mobile")));
            stored.add(String.valueOf(row.get("office_phone")));
        });
        assertThat(stored).noneMatch(value -> value.matches(".*1[3-9]\\d{9}.*") || value.matches(".*0\\d{2,3}-\\d{7,8}.*"));
        String town = unitId("东风路街道办事处");
        JsonNode person = api().as("jintai").get("/api/v1/units/" + town + "/people").json().get(0);
        String id = person.get("id").asString();
        String mobile = api().as("jintai").post("/api/v1/people/" + id + "/phone-reveals", Map.of()).json()
                .get("mobile").asString();
        assertThat(stored).noneMatch(value -> value.contains(mobile));
        String spaced = mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
        JsonNode found = api().as("jintai").get("/api/v1/people?q=" + Api.query(spaced)).json();
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).get("id").asString()).isEqualTo(id);
        assertThat(found.get(0).get("mobile").asString()).isEqualTo(PhoneNumbers.mask(mobile));
        assertThat(api().as("longting").get("/api/v1/people?q=" + mobile).json().size()).isZero();
    }

    @Test
    void siblingUnitsHaveDistinctNames() {
        Api.Response response = api().as("jintai-admin").post("/api/v1/units", Map.of("parentId",
                unitId("金台区人民政府"), "name", "群众路街道办事处", "kind", "TOWN_STREET", "level", "TOWN"));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("DUPLICATE_UNIT_NAME");
    }

    @Test
    void aUnitAdministratorCreatesASubordinateUnitWithItsDutyOffice() {
        Api.Response response = api().as("jintai-admin").post("/api/v1/units", Map.of("parentId",
                unitId("金台区人民政府"), "name", "金台区水利局", "kind", "WORKING_DEPARTMENT", "level", "COUNTY",
                "dutyPhone", "09173269999", "postcode", "721000"));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("dutyPhone").asString()).isEqualTo("0917-3269999");
        JsonNode children = api().as("jintai").get("/api/v1/units/" + unitId("金台区人民政府") + "/children").json();
        assertThat(children.findValuesAsString("name")).contains("金台区水利局");
        assertThat(api().as("baoji").get("/api/v1/units/" + response.json().get("id").asString()).status())
                .isEqualTo(200);
    }

    @Test
    void aDutyOfficerCannotChangeTheDirectory() {
        String unit = unitId("群众路街道办事处");
        Api.Response response = api().as("jintai").post("/api/v1/units/" + unit + "/people",
                Map.of("name", "某人", "employmentType", "CIVIL_SERVANT"));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void badInputGetsAProblemAndWritesNothing() {
        String unit = unitId("卧龙寺街道办事处");
        String path = "/api/v1/units/" + unit + "/people";
        api().token("jintai-admin");
        api().token("jintai");
        Snapshot before = snapshot();

        Api.Response malformed = api().as("jintai-admin").post(path, "{\"name\": \"张三\", ");
        assertProblem(malformed, 400, "MALFORMED_JSON");

        Api.Response unknownField = api().as("jintai-admin").post(path,
                Map.of("name", "张三", "employmentType", "CIVIL_SERVANT", "salary", 1));
        assertProblem(unknownField, 400, "UNKNOWN_FIELD");
        assertThat(unknownField.json().get("errors").get(0).get("field").asString()).isEqualTo("salary");

        byte[] big = ("{\"name\":\"" + "张".repeat(400_000) + "\",\"employmentType\":\"CIVIL_SERVANT\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(1024 * 1024);
        assertProblem(api().as("jintai-admin").postBytes(path, big), 413, "PAYLOAD_TOO_LARGE");

        Api.Response badPhone = api().as("jintai-admin").post(path,
                Map.of("name", "张三", "mobile", "12345", "employmentType", "CIVIL_SERVANT"));
        assertProblem(badPhone, 400, "VALIDATION_FAILED");
        assertThat(badPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("mobile");
        assertThat(badPhone.json().get("detail").asString()).contains("手机号码");

        Api.Response badEnum = api().as("jintai-admin").post(path, Map.of("name", "张三", "employmentType", "INTERN"));
        assertProblem(badEnum, 400, "VALIDATION_FAILED");

        Api.Response badDutyPhone = api().as("jintai-admin").put("/api/v1/units/" + unit,
                Map.of("name", "卧龙寺街道办事处", "kind", "TOWN_STREET", "level", "TOWN", "dutyPhone", "3261234"));
        assertProblem(badDutyPhone, 400, "VALIDATION_FAILED");

        String unknown = "00000000-0000-0000-0000-000000000000";
        assertProblem(api().as("jintai-admin").post("/api/v1/units/" + unknown + "/people",
                Map.of("name", "张三", "employmentType", "CIVIL_SERVANT")), 404, "UNIT_NOT_FOUND");
        assertProblem(api().as("jintai").get("/api/v1/units/" + unknown), 404, "UNIT_NOT_FOUND");
        assertProblem(api().as("jintai").get("/api/v1/people/" + unknown), 404, "PERSON_NOT_FOUND");
        assertProblem(api().as("jintai").get("/api/v1/units/not-an-id"), 404, "NOT_FOUND");

        assertThat(snapshot()).isEqualTo(before);
    }

    private void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        String detail = response.json().get("detail").asString();
        assertThat(detail.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as("detail in Chinese: " + detail).isTrue();
    }

    private Snapshot snapshot() {
        return new Snapshot(count("person"), count("unit"), count("audit_record"),
                jdbc.sql("SELECT SUM(version) FROM unit").query(Long.class).single());
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }


    private record Snapshot(long people, long units, long auditRecords, long unitVersions) {
    }

}
