package org.zhiban.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.organization.UnitLevel;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/** 宝政办发〔2022〕43号 第九条: the directory of a subtree, searched, checked for completeness by level and exported. */
class DirectoryIntegrationTests extends IntegrationTestSupport {

    @Autowired
    DutyDirectory directory;

    @Test
    void theCityFindsACountysDutyOfficeByNameByInitialsAndByItsDutyPhone() {
        String jintai = unitId("金台区人民政府");
        String dutyPhone = jdbc.sql("SELECT duty_phone FROM unit WHERE id = ?").param(UUID.fromString(jintai))
                .query(String.class).single();
        for (String q : List.of("金台", "jtq", "JTQ", dutyPhone, dutyPhone.replace("-", ""))) {
            assertThat(unitIds(search("baoji", q))).as(q).contains(jintai);
        }
        assertThat(unitIds(search("jintai", "宝鸡市人民政府"))).as("only its own subtree").isEmpty();
        Api.Response tooLong = api().as("baoji").get("/api/v1/directory?q=" + Api.query("金".repeat(51)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"q\"");
    }

    @Test
    void aPrincipalIsFoundByPostByInitialsAndByTheWholeMobileShownMasked() {
        String head = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM person WHERE unit_id = ? AND position = '区长'")
                .param(UUID.fromString(unitId("金台区人民政府"))).query(String.class).single();
        String mobile = api().as("baoji").post("/api/v1/people/" + head + "/phone-reveals", null).json()
                .get("mobile").asString();
        JsonNode byNumber = search("baoji", mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " "
                + mobile.substring(7));
        assertThat(personIds(byNumber)).contains(head);
        JsonNode found = byNumber.get("people").valueStream().filter(p -> p.get("id").asString().equals(head))
                .findFirst().orElseThrow();
        assertThat(found.get("mobile").asString()).contains("****").doesNotContain(mobile.substring(3, 7));
        assertThat(found.get("roles").toString()).contains("主要负责同志");
        assertThat(personIds(search("baoji", "区长"))).contains(head);
        assertThat(personIds(search("baoji", mobile.substring(7)))).as("a part of a number finds nobody").doesNotContain(head);
    }

    @Test
    void aDepartmentWithoutItsLeaderInChargeOfDutyWorkIsListedIncompleteWithThatReason() {
        String centre = unitId("宝鸡市机关事务服务中心");
        JsonNode entry = api().as("baoji").get("/api/v1/units/" + centre + "/directory-entry").json();
        assertThat(entry.get("complete").asBoolean()).isFalse();
        assertThat(entry.get("citation").asString()).isEqualTo("宝政办发〔2022〕43号 第九条");
        assertThat(entry.get("missing").toString()).contains("缺分管值班工作的负责同志");
        JsonNode incomplete = api().as("baoji").get("/api/v1/directory/incomplete").json();
        JsonNode row = incomplete.get("units").valueStream().filter(u -> u.get("unitId").asString().equals(centre))
                .findFirst().orElseThrow();
        assertThat(row.get("missing").toString()).contains("分管值班工作");
        assertThat(incomplete.get("units").valueStream().map(u -> u.get("unitId").asString()))
                .as("the water bureau marks its deputy in charge").doesNotContain(unitId("宝鸡市水利局"));
        JsonNode longting = api().as("longting").get("/api/v1/units/" + unitId("开封市龙亭区人民政府")
                + "/directory-entry").json();
        assertThat(longting.get("missing").isNull()).as("龙亭区's rules say nothing of the directory's contents").isTrue();
    }

    @Test
    void theSubtreeExportsAsOneSheetPerLevelWithTheInstitutionsAndTheirPeople() throws Exception {
        byte[] xlsx = api().as("baoji").bytes("/api/v1/directory/export");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("市级", "县（区）级", "镇（街道）级");
            Sheet county = book.getSheet("县（区）级");
            List<String> firstColumn = new ArrayList<>();
            county.forEach(row -> firstColumn.add(row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue()));
            assertThat(firstColumn).contains("金台区人民政府", "岐山县人民政府");
        }
        assertThat(auditCount("EXPORTED", "GET /api/v1/directory/export")).isPositive();
    }

    @Test
    void thePrintedDirectoryListsALevelsUnitsWithTheirPeopleInFullAndTheSpareUnitsAreCountedNotDropped() {
        Actor city = new Actor(UUID.fromString(accountId("baoji")), "baoji", "宝鸡市值班员",
                UUID.fromString(unitId("宝鸡市人民政府")), Set.of(Role.DUTY_OFFICER));
        long before = auditCount("EXPORTED", "directory:" + unitId("宝鸡市人民政府"));
        DirectoryBook counties = directory.print(city, null, UnitLevel.COUNTY);
        assertThat(counties.levels()).extracting(DirectoryBook.Level::level).containsExactly(UnitLevel.COUNTY);
        DirectoryBook.Listing jintai = counties.levels().get(0).units().stream()
                .filter(l -> l.unit().name().equals("金台区人民政府")).findFirst().orElseThrow();
        assertThat(jintai.people()).extracting(p -> p.position()).contains("区长");
        assertThat(jintai.people()).extracting(p -> p.mobile()).as("a printed directory is for calling from")
                .allMatch(m -> m == null || !m.contains("*"));
        assertThat(auditCount("EXPORTED", "directory:" + unitId("宝鸡市人民政府"))).isEqualTo(before + 1);

        DirectoryBook whole = directory.book(city, null, null, Integer.MAX_VALUE);
        assertThat(whole.levels()).extracting(DirectoryBook.Level::level)
                .containsExactly(UnitLevel.CITY, UnitLevel.COUNTY, UnitLevel.TOWN);
        DirectoryBook cut = directory.book(city, null, null, 3);
        assertThat(cut.units()).isEqualTo(3);
        assertThat(cut.omitted()).isEqualTo(whole.units() - 3);
    }

    private JsonNode search(String username, String q) {
        Api.Response response = api().as(username).get("/api/v1/directory?q=" + Api.query(q));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> unitIds(JsonNode result) {
        return result.get("units").valueStream().map(u -> u.get("id").asString()).toList();
    }

    private static List<String> personIds(JsonNode result) {
        return result.get("people").valueStream().map(p -> p.get("id").asString()).toList();
    }
}
