package org.zhiban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.obligation.Obligations;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.PageSession;

import tools.jackson.databind.JsonNode;

/**
 * A superior reads its subtree's deadlines as counts per direct subordinate, never one row per deadline: with 600 open
 * report deadlines of level II incidents in 金台区, 宝鸡市's 值班总览 shows 金台区 as one row with its counts and stays
 * under 150 KB; the counts drill down to 金台区's own page of deadlines, and the API pages with totals.
 */
class SubordinateSummaryIntegrationTests extends IntegrationTestSupport {

    private static final int INCIDENTS = 300;
    private static final int PAGE_BUDGET_BYTES = 150 * 1024;

    @Autowired
    Obligations obligations;

    @Test
    void sixHundredOpenDeadlinesInOneDistrictAreOneRowOnTheCitysDashboard() {
        String jintai = unitId("金台区人民政府");
        String baoji = unitId("宝鸡市人民政府");
        long openBefore = openIn(jintai);
        List<UUID> opened = new ArrayList<>();
        try {
            for (int i = 0; i < INCIDENTS; i++) {
                Api.Response registered = api().as("jintai").post("/api/v1/incidents", incident("汇总测试较大事件" + i));
                assertThat(registered.status()).isEqualTo(201);
                registered.json().get("obligations").forEach(o -> opened.add(UUID.fromString(o.get("id").asString())));
            }
            assertThat(opened).hasSize(2 * INCIDENTS);
            assertThat(openIn(jintai) - openBefore).isEqualTo(2 * INCIDENTS);

            HttpResponse<String> dashboard = new PageSession(baseUrl()).logIn("baoji").get("/");
            assertThat(dashboard.statusCode()).isEqualTo(200);
            String html = dashboard.body();
            assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(PAGE_BUDGET_BYTES);
            assertThat(html).doesNotContain("汇总测试较大事件");
            assertThat(count(html, "id=\"subordinate-" + jintai + "\"")).isEqualTo(1);

            JsonNode summary = api().as("baoji").get("/api/v1/obligations/subordinates?unitId=" + baoji).json();
            JsonNode row = rowOf(summary, jintai);
            assertThat(row.get("counts").get("open").asLong()).isGreaterThanOrEqualTo(2L * INCIDENTS);
            assertThat(summary.get("total").get("open").asLong()).isGreaterThanOrEqualTo(2L * INCIDENTS);
            assertThat(summary.get("levels").valueStream().map(l -> l.get("level").asString()))
                    .contains("COUNTY", "TOWN");

            HttpResponse<String> drillDown = new PageSession(baseUrl()).logIn("baoji")
                    .get("/obligations/units/" + jintai + "?page=2");
            assertThat(drillDown.statusCode()).isEqualTo(200);
            assertThat(drillDown.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(PAGE_BUDGET_BYTES);
            assertThat(drillDown.body()).contains("第 2 / ").contains("汇总测试较大事件");

            JsonNode written = api().as("baoji").get("/api/v1/obligations?unitId=" + jintai
                    + "&status=OPEN&kind=WRITTEN_REPORT&size=100").json();
            assertThat(written.get("total").asLong()).isGreaterThanOrEqualTo(INCIDENTS);
            assertThat(written.get("items")).hasSize(100);
            assertThat(written.get("items").valueStream().map(o -> o.get("kind").asString())).containsOnly("WRITTEN_REPORT");
        }
        finally {
            opened.forEach(id -> obligations.waive(id, "测试结束，免除", "test"));
        }
    }

    @Test
    void badPagingAndAnUnknownKindAreRefusedNamingEveryField() {
        String jintai = unitId("金台区人民政府");
        Api.Response paging = api().as("baoji").get("/api/v1/obligations?unitId=" + jintai + "&page=0&size=0");
        assertThat(paging.status()).isEqualTo(400);
        assertThat(paging.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("page", "size");
        Api.Response kind = api().as("baoji").get("/api/v1/obligations?unitId=" + jintai + "&kind=NO_SUCH_KIND");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        Api.Response per = api().as("baoji").get("/api/v1/obligations/ledger?unitId=" + jintai
                + "&from=2026-01-01T00:00:00%2B08:00&to=2026-02-01T00:00:00%2B08:00&per=everyone");
        assertThat(per.status()).isEqualTo(400);
        assertThat(per.json().get("errors").get(0).get("field").asString()).isEqualTo("per");
        assertThat(api().as("jintai").get("/api/v1/obligations/subordinates?unitId=" + unitId("宝鸡市人民政府"))
                .status()).isEqualTo(404);
    }

    @Test
    void aDirectSubordinatesCountsCoverItsWholeSubtreeAndTheLedgerRollsUpTheSame() {
        String jintai = unitId("金台区人民政府");
        String baoji = unitId("宝鸡市人民政府");
        String town = unitId("东风路街道办事处");
        JsonNode before = rowOf(api().as("baoji").get("/api/v1/obligations/subordinates?unitId=" + baoji + "&size=200")
                .json(), jintai);
        UUID soon = assign(town, "核实街道积水情况", Duration.ofMinutes(40));
        UUID late = assign(town, "报送街道节前检查情况", Duration.ofMinutes(10));
        try {
            clock.advance(Duration.ofMinutes(11));
            JsonNode after = rowOf(api().as("baoji").get("/api/v1/obligations/subordinates?unitId=" + baoji
                    + "&size=200").json(), jintai);
            assertThat(after.get("counts").get("open").asLong() - open(before)).isEqualTo(2);
            assertThat(after.get("counts").get("overdue").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(after.get("counts").get("dueWithinHour").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(after.get("unitName").asString()).isEqualTo("金台区人民政府");

            assertThat(api().as("jintai-head").post("/api/v1/obligations/" + late + "/fulfilment", Map.of()).status())
                    .isEqualTo(200);
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), Zones.CHINA);
            JsonNode ledger = api().as("baoji").get("/api/v1/obligations/ledger?unitId=" + baoji + "&per=subordinate"
                    + "&from=" + encode(now.minusDays(1)) + "&to=" + encode(now.plusMinutes(1))).json();
            JsonNode jintaiRow = ledger.valueStream().filter(r -> r.get("unitId").asString().equals(jintai))
                    .findFirst().orElseThrow();
            assertThat(jintaiRow.get("late").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(ledger.valueStream().map(r -> r.get("unitId").asString())).doesNotContain(town, baoji);
        }
        finally {
            obligations.waive(soon, "测试结束，免除", "test");
        }
    }

    private static long open(JsonNode row) {
        return row == null ? 0 : row.get("counts").get("open").asLong();
    }

    private UUID assign(String unitId, String title, Duration in) {
        Api.Response assigned = api().as("jintai-head").post("/api/v1/obligations", Map.of("unitId", unitId, "kind",
                "ASSIGNED_TASK", "title", title, "dueAt", clock.instant().plus(in).toString()));
        assertThat(assigned.status()).isEqualTo(201);
        return UUID.fromString(assigned.json().get("id").asString());
    }

    private static JsonNode rowOf(JsonNode summary, String unitId) {
        return summary.get("rows").get("items").valueStream().filter(r -> r.get("unitId").asString().equals(unitId))
                .findFirst().orElse(null);
    }

    private long openIn(String unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM obligation WHERE obligor_unit_id = ? AND status = 'OPEN'")
                .param(UUID.fromString(unitId)).query(Long.class).single();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static String encode(OffsetDateTime at) {
        return java.net.URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> incident(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "ACCIDENT");
        body.put("severity", "II");
        OffsetDateTime learned = OffsetDateTime.ofInstant(clock.instant(), Zones.CHINA);
        body.put("occurredAt", learned.minusMinutes(5).toString());
        body.put("learnedAt", learned.toString());
        body.put("place", "金台区");
        body.put("title", title);
        body.put("summary", title + "，具体情况正在核实");
        return body;
    }
}
