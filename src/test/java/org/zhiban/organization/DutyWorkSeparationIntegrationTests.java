package org.zhiban.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * 三员分立: the platform administrators keep accounts, the unit tree, the holiday notices and the policy documents,
 * and read a duty office's business, but do none of it.
 */
class DutyWorkSeparationIntegrationTests extends IntegrationTestSupport {

    @Test
    void noPlatformAdministratorUnpublishesARoster() {
        String jintai = unitId("金台区人民政府");
        String month = YearMonth.from(LocalDate.now(clock.withZone(Zones.CHINA))).plusMonths(1).toString();
        Api.Response read = api().as("admin").get("/api/v1/units/" + jintai + "/rosters/" + month);
        assertThat(read.status()).as("reading stays open").isEqualTo(200);
        String rosterId = read.json().get("id").asString();
        String status = read.json().get("status").asString();
        for (String admin : new String[] { "admin", "security" }) {
            assertRefused(api().as(admin).delete("/api/v1/rosters/" + rosterId + "/publication"));
        }
        assertThat(api().as("jintai-head").get("/api/v1/rosters/" + rosterId).json().get("status").asString())
                .isEqualTo(status);
    }

    @Test
    void noPlatformAdministratorWaivesOrFulfilsADeadline() {
        String jintai = unitId("金台区人民政府");
        Api.Response assigned = api().as("baoji-head").post("/api/v1/obligations", Map.of("unitId", jintai, "kind",
                "ASSIGNED_TASK", "title", "报送节前安全检查情况", "dueAt", clock.instant().plus(Duration.ofHours(4)).toString()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        String id = assigned.json().get("id").asString();
        for (String admin : new String[] { "admin", "security" }) {
            assertRefused(api().as(admin).post("/api/v1/obligations/" + id + "/waiver", Map.of("reason", "不必办理")));
            assertRefused(api().as(admin).post("/api/v1/obligations/" + id + "/fulfilment", Map.of()));
        }
        assertThat(api().as("admin").get("/api/v1/obligations/" + id).json().get("status").asString())
                .isEqualTo("OPEN");
    }

    @Test
    void noPlatformAdministratorAssignsATask() {
        String jintai = unitId("金台区人民政府");
        long before = tasks(jintai);
        for (String admin : new String[] { "admin", "security" }) {
            assertRefused(api().as(admin).post("/api/v1/obligations", Map.of("unitId", jintai, "kind", "ASSIGNED_TASK",
                    "title", "平台交办", "dueAt", clock.instant().plus(Duration.ofHours(4)).toString())));
        }
        assertThat(tasks(jintai)).isEqualTo(before);
        assertThat(api().as("admin").get("/api/v1/obligations?unitId=" + jintai).status()).isEqualTo(200);
    }

    @Test
    void noPlatformAdministratorDeclaresAnImportantPeriod() {
        String jintai = unitId("金台区人民政府");
        for (String admin : new String[] { "admin", "security" }) {
            assertRefused(api().as(admin).post("/api/v1/units/" + jintai + "/important-periods", Map.of("name",
                    "平台声明", "startsAt", "2027-05-10T08:00:00+08:00", "endsAt", "2027-05-12T18:00:00+08:00")));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM important_period WHERE name = '平台声明'").query(Long.class).single())
                .isZero();
    }

    @Test
    void noPlatformAdministratorChangesDutyStaffOrShiftPatterns() {
        String jintai = unitId("金台区人民政府");
        JsonNode pattern = api().as("admin").get("/api/v1/units/" + jintai + "/shift-pattern").json();
        assertRefused(api().as("admin").put("/api/v1/units/" + jintai + "/shift-pattern", pattern));
        String person = personOf("jintai");
        assertRefused(api().as("security").delete("/api/v1/duty-staff/" + person));
    }

    private long tasks(String unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM obligation WHERE obligor_unit_id = ?")
                .param(java.util.UUID.fromString(unitId)).query(Long.class).single();
    }

    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("PLATFORM_ADMINISTRATOR");
        assertThat(response.json().get("detail").asString()).contains("平台管理员").contains("不办理值班室业务");
    }
}
