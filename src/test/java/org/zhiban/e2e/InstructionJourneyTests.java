package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;

import tools.jackson.databind.JsonNode;

/**
 * 宝政办发〔2022〕43号 第十八条: the city's duty office registers a leader's instruction on a report 金台区 filed; the
 * instruction reaches 金台区's open dashboard at once with its countdown, and the city's 督办台账 marks it blue,
 * yellow and red as the clock moves towards and past the deadline.
 */
class InstructionJourneyTests extends BrowserTestSupport {

    private static final String TITLE = "硖石镇输水管道爆裂致道路积水";

    @Test
    void theCityRegistersAnInstructionOnAReportOfJintaiWhichSeesItLiveAndTheLedgerTurnsYellowThenRed() {
        String incident = reportOfJintai();
        Page jintai = loginAs("jintai");
        assertThat(jintai.locator("#dashboard-obligations")).isVisible();

        Page city = loginAs("baoji");
        city.navigate(baseUrl() + "/reporting/incidents/" + incident);
        submit(city, "a:has-text('登记领导批示')");
        assertThat(city.locator("h1")).containsText("登记领导批示");
        assertThat(city.locator("main")).containsText(TITLE);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), Zones.CHINA).truncatedTo(ChronoUnit.MINUTES);
        city.selectOption("#source", "CITY");
        city.fill("#leaderName", "惠进才");
        city.fill("#leaderPost", "市长");
        city.fill("#givenAt", now.minusMinutes(50).toString());
        city.fill("#receivedAt", now.minusMinutes(20).toString());
        city.fill("#text", "请金台区立即组织抢修，做好交通疏导和群众解释工作，抢修进展及时报市政府。");
        city.selectOption("#lead-new", unitId("金台区人民政府"));
        // A month is looser than the policy lets any deadline but the State Council's be: refused, the form kept.
        city.fill("#dueAt", now.plusDays(30).toString());
        submit(city, "button:has-text('登记并转办')");
        assertThat(city.locator(".alert-danger")).containsText("反馈时限不得晚于");
        assertThat(city.locator("#leaderName")).hasValue("惠进才");
        // Three days: the city sets its own deadline for a city leader's instruction, and 金台区's is half a day earlier.
        city.fill("#dueAt", now.plusDays(3).toString());
        screenshot(city, "instruction-new");
        submit(city, "button:has-text('登记并转办')");
        assertThat(city.locator(".alert-success")).containsText("已登记并转1个单位办理");
        String number = city.locator("h1").innerText().split(" ")[0];
        String id = city.url().substring(city.url().lastIndexOf('/') + 1);
        screenshot(city, "instruction");

        Locator owed = jintai.locator("#instructions-awaiting tr").filter(new Locator.FilterOptions()
                .setHasText(number + " 惠进才批示"));
        assertThat(owed).hasCount(1);
        assertThat(owed).containsText("待签收");
        assertThat(owed.locator(".countdown")).containsText("剩余 2 天");
        screenshot(jintai, "home-instruction");

        city.navigate(baseUrl() + "/instructions?subtree=true&open=true");
        Locator unit = city.locator("#instruction-" + id + " td:nth-child(3)");
        assertThat(unit.locator(".badge.text-bg-primary")).hasText("临近");
        screenshot(city, "instruction-ledger");

        Instant before = clock.instant();
        try {
            clock.advance(Duration.ofDays(2));
            city.reload();
            assertThat(unit.locator(".badge.text-bg-warning")).hasText("将到期");
            clock.advance(Duration.ofHours(13));
            city.reload();
            assertThat(unit.locator(".badge.text-bg-danger")).hasText("已超期");
            screenshot(city, "instruction-ledger-overdue");
        }
        finally {
            // Two and a half days on would leave every open deadline of 金台区 from the other tests overdue, filling
            // the first page of its dashboard that the dashboard's own journey reads: the shared clock goes back.
            clock.set(before);
        }
        // 金台区 answers, as it would, so that it leaves no deadline open for the dashboards of other journeys.
        String path = "/api/v1/instructions/" + id;
        api().as("jintai").post(path + "/head-report", Map.of("reportedTo", "区长 乔雪"));
        int answered = api().as("jintai").post(path + "/feedback", Map.of("stage", "FINAL", "done", "已抢修完毕，恢复通行"))
                .status();
        org.assertj.core.api.Assertions.assertThat(answered).isEqualTo(200);
    }

    /** An incident 金台区 registered and reported by phone, as the city's inbox holds it. */
    private String reportOfJintai() {
        String now = Zones.china(clock.instant()).toString();
        String before = Zones.china(clock.instant().minus(Duration.ofMinutes(30))).toString();
        Map<String, Object> body = new HashMap<>(Map.of("category", "ACCIDENT", "severity", "IV", "occurredAt", before,
                "learnedAt", now, "place", "金台区硖石镇", "title", TITLE, "summary", "输水管道爆裂，道路积水约 200 米，暂无人员伤亡"));
        JsonNode incident = api().as("jintai").post("/api/v1/incidents", body).json();
        String id = incident.get("id").asString();
        api().as("jintai").post("/api/v1/incidents/" + id + "/reports", Map.of("stage", "INITIAL", "channel", "PHONE",
                "content", "硖石镇输水管道爆裂，暂无人员伤亡", "phoneTakenBy", "市总值班室 张伟"));
        return id;
    }
}
