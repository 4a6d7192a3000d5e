package org.zhiban.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.RosterFixtures;
import tools.jackson.databind.JsonNode;

/**
 * A duty officer of 金台区 asks the duty office head to take one of next month's shifts; the head accepts, the leader
 * on duty approves, the roster changes with history. A swap to an untrained colleague is refused with its article.
 */
class SwapIntegrationTests extends IntegrationTestSupport {

    @Test
    void requestAcceptApproveChangesTheRosterWithHistory() {
        String officer = personOf("jintai");
        String head = personOf("jintai-head");
        JsonNode given = RosterFixtures.shiftFarFrom(api(), clock, officer, head);
        String slot = given.get("slotId").asString();

        Api.Response requested = api().as("jintai").post("/api/v1/swaps", Map.of("slotId", slot,
                "counterpartId", head, "reason", "参加区应急演练"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String swap = requested.json().get("id").asString();
        assertThat(requested.json().get("status").asString()).isEqualTo("REQUESTED");
        awaitEventsHandled();
        assertThat(messages("jintai-head", "【调班申请】")).isEqualTo(1);

        assertThat(api().as("jintai-leader").post("/api/v1/swaps/" + swap + "/approval", Map.of()).code())
                .isEqualTo("SWAP_NOT_ACCEPTED");
        assertThat(api().as("jintai").post("/api/v1/swaps/" + swap + "/acceptance", Map.of()).status())
                .isEqualTo(403);
        assertThat(api().as("jintai-head").post("/api/v1/swaps/" + swap + "/acceptance", Map.of()).json()
                .get("status").asString()).isEqualTo("ACCEPTED");
        awaitEventsHandled();
        assertThat(messages("jintai-leader", "【调班待审批】")).isEqualTo(1);
        assertThat(api().as("jintai").post("/api/v1/swaps/" + swap + "/approval", Map.of()).status()).isEqualTo(403);

        Api.Response approved = api().as("jintai-leader").post("/api/v1/swaps/" + swap + "/approval", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        awaitEventsHandled();
        assertThat(messages("jintai", "【调班已批准】")).isEqualTo(1);

        String at = OffsetDateTime.parse(given.get("start").asString()).plusHours(1).toString();
        JsonNode onDuty = api().as("jintai").get("/api/v1/units/" + unitId("金台区人民政府") + "/on-duty?at="
                + Api.query(at)).json();
        assertThat(onDuty.get("dutyOfficers").valueStream().map(o -> o.get("personId").asString()))
                .contains(head).doesNotContain(officer);
        JsonNode history = api().as("jintai").get("/api/v1/rosters/" + given.get("rosterId").asString()
                + "/history").json();
        assertThat(history.get(0).get("cause").asString()).isEqualTo("SWAP");
        assertThat(history.get(0).get("swapId").asString()).isEqualTo(swap);
        assertThat(history.get(0).get("changedBy").asString()).isEqualTo("jintai-leader");
        assertThat(api().as("jintai").post("/api/v1/swaps/" + swap + "/cancellation", Map.of()).code())
                .isEqualTo("SWAP_CLOSED");
    }

    @Test
    void aSwapThatWouldBreakARuleIsRefusedWithItsArticleAndChangesNothing() {
        String officer = personOf("jintai-head");
        String untrained = jdbc.sql("SELECT person_id FROM duty_staff WHERE unit_id = ? AND duty_role = 'OFFICER' "
                + "AND trained_on IS NULL").param(UUID.fromString(unitId("金台区人民政府"))).query(String.class).single();
        JsonNode given = api().as("jintai-head").get("/api/v1/people/" + officer + "/upcoming-shifts").json().get(0);
        long swaps = jdbc.sql("SELECT COUNT(*) FROM duty_swap").query(Long.class).single();
        Api.Response refused = api().as("jintai-head").post("/api/v1/swaps", Map.of("slotId",
                given.get("slotId").asString(), "counterpartId", untrained, "reason", "出差"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SWAP_RULE_VIOLATED");
        assertThat(refused.json().get("detail").asString()).contains("未经岗前培训上岗").contains("第三十二条");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_swap").query(Long.class).single()).isEqualTo(swaps);
        assertThat(jdbc.sql("SELECT person_id FROM duty_slot WHERE id = ?")
                .param(UUID.fromString(given.get("slotId").asString())).query(String.class).single()).isEqualTo(officer);
    }

    @Test
    void badSwapRequestsGetAProblem() {
        String officer = personOf("jintai");
        String leader = personOf("jintai-leader");
        String head = personOf("jintai-head");
        String slot = api().as("jintai").get("/api/v1/people/" + officer + "/upcoming-shifts").json().get(0)
                .get("slotId").asString();
        Api.As jintai = api().as("jintai");
        assertThat(jintai.post("/api/v1/swaps", Map.of("slotId", slot, "counterpartId", head)).status())
                .isEqualTo(400);
        Api.Response wrongPost = jintai.post("/api/v1/swaps", Map.of("slotId", slot, "counterpartId", leader,
                "reason", "病假"));
        assertThat(wrongPost.status()).isEqualTo(400);
        assertThat(wrongPost.json().get("detail").asString()).contains("不是本单位的值班员");
        assertThat(jintai.post("/api/v1/swaps", Map.of("slotId", UUID.randomUUID().toString(), "counterpartId", head,
                "reason", "病假")).status()).isEqualTo(400);
        assertThat(jintai.post("/api/v1/swaps", Map.of("slotId", slot, "counterpartId", officer,
                "reason", "病假")).status()).isEqualTo(400);
        String running = jdbc.sql("SELECT s.id FROM duty_slot s JOIN duty_shift h ON h.id = s.shift_id "
                + "WHERE h.unit_id = ? AND s.duty_role = 'OFFICER' AND h.starts_at <= ? AND h.ends_at > ?")
                .params(UUID.fromString(unitId("金台区人民政府")), clock.instant().atOffset(java.time.ZoneOffset.UTC),
                        clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .query(String.class).list().get(0);
        Api.Response started = api().as("jintai-head").post("/api/v1/swaps", Map.of("slotId", running,
                "counterpartId", head, "reason", "病假"));
        assertThat(started.status()).isEqualTo(400);
        assertThat(started.json().get("detail").asString()).contains("已开始");
        assertThat(api().as("longting").get("/api/v1/units/" + unitId("金台区人民政府") + "/swaps").status())
                .isEqualTo(404);
    }

    private long messages(String username, String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.account_id "
                + "WHERE a.username = ? AND n.title LIKE ?").params(username, prefix + "%").query(Long.class).single();
    }
}
