package org.zhiban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

/** Refused requests and exports leave a record in the audit trail. */
class DenialAndExportAuditIntegrationTests extends IntegrationTestSupport {

    @Test
    void aRefusedRequestIsRecordedWithItsActorMethodAndPath() {
        long before = records("ACCESS_DENIED", "jintai", "GET /api/v1/audit-records");
        assertThat(api().as("jintai").get("/api/v1/audit-records").status()).isEqualTo(403);
        assertThat(records("ACCESS_DENIED", "jintai", "GET /api/v1/audit-records")).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT outcome FROM audit_record WHERE action = 'ACCESS_DENIED' AND username = 'jintai' "
                + "ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY").query(String.class).single()).isEqualTo("DENIED");
    }

    @Test
    void aRefusalBySpringSecurityIsRecordedToo() throws Exception {
        long before = records("ACCESS_DENIED", null, "POST /accounts");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/accounts")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(records("ACCESS_DENIED", null, "POST /accounts")).isEqualTo(before + 1);
    }

    @Test
    void aRosterSpreadsheetDownloadIsRecorded() {
        String jintai = unitId("金台区人民政府");
        String month = YearMonth.from(LocalDate.now(clock.withZone(Zones.CHINA))).toString();
        String path = "/api/v1/units/" + jintai + "/rosters/" + month + "/xlsx";
        long before = records("EXPORTED", "jintai-head", "GET " + path);
        byte[] file = api().as("jintai-head").bytes(path);
        assertThat(file).isNotEmpty();
        assertThat(records("EXPORTED", "jintai-head", "GET " + path)).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'EXPORTED' AND target = ? "
                + "ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY").param("GET " + path).query(String.class).single())
                .contains(".xlsx").contains(file.length + " 字节");
    }

    @Test
    void aCalendarFeedReadWithoutASessionIsRecordedAgainstItsOwner() {
        Api.Response issued = api().as("jintai").post("/api/v1/calendar-feeds", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String target = "calendar-feed:" + issued.json().get("feed").get("id").asString();
        String path = URI.create(issued.json().get("url").asString()).getPath();
        assertThat(api().fetch(path, "text/calendar").status()).isEqualTo(200);
        assertThat(records("EXPORTED", "jintai", target)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'EXPORTED' AND target = ? "
                + "AND account_id IS NOT NULL").param(target).query(Long.class).single()).isEqualTo(1);
        api().as("jintai").delete("/api/v1/calendar-feeds/" + issued.json().get("feed").get("id").asString());
    }

    @Test
    void noExportIsRecordedForAnOrdinaryAnswer() {
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'EXPORTED' AND username = 'baoji'")
                .query(Long.class).single();
        assertThat(api().as("baoji").get("/api/v1/units").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'EXPORTED' AND username = 'baoji'")
                .query(Long.class).single()).isEqualTo(before);
    }

    private long records(String action, String username, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = ? AND target = ? AND "
                + (username == null ? "username IS NULL" : "username = '" + username + "'"))
                .params(action, target).query(Long.class).single();
    }
}
