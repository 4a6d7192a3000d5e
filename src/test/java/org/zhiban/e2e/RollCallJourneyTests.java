package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;

/**
 * 宝政办发〔2022〕43号 第二十二条, 第二十六条: the city's duty office calls five units to a video roll call; 金台区's open
 * dashboard shows the notice at once with its countdown; 金台区 comes online; once the call starts the organiser
 * marks all five from the call sheet by keyboard alone, ends the call, and 金台区 records the report to its head.
 * 第二十三条: video asked for is pushed from the dashboard within the five minutes.
 */
class RollCallJourneyTests extends BrowserTestSupport {

    private static final List<String> CALLED = List.of("金台区人民政府", "渭滨区人民政府", "陈仓区人民政府",
            "岐山县人民政府", "宝鸡高新区管委会");

    @Test
    void theCityRunsARollCallOfFiveUnitsByKeyboardAndJintaiSeesTheNoticeLive() {
        Page jintai = loginAs("jintai");
        assertThat(jintai.locator("#dashboard-obligations")).isVisible();

        Page city = loginAs("baoji");
        city.navigate(baseUrl() + "/supervision");
        submit(city, "a:has-text('安排视频点名')");
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), Zones.CHINA).truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(5);
        city.fill("#startsAt", start.toString());
        city.fill("#agenda", "传达省政府总值班室视频点名会议要求\n点评上周值班值守情况\n部署节前值班工作");
        CALLED.forEach(name -> city.check("#called-" + unitId(name)));
        screenshot(city, "roll-call-new");
        submit(city, "button:has-text('安排并通知')");
        assertThat(city.locator(".alert-success")).containsText("已通知5个单位");
        assertThat(city.locator(".call-sheet tbody tr")).hasCount(5);
        String id = city.url().substring(city.url().lastIndexOf('/') + 1);

        // Called within the half hour: due 30 minutes after the notice, counting down on the open dashboard.
        // Another test may have booked 金台区 for a later call: this one is told apart by its start.
        Locator notice = jintai.locator("#supervision-notices tr").filter(new Locator.FilterOptions()
                .setHasText("宝鸡市人民政府视频点名")).filter(new Locator.FilterOptions().setHasText(
                        start.format(java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm"))));
        assertThat(notice).hasCount(1);
        assertThat(notice).containsText("待调试上线");
        assertThat(notice.locator(".countdown")).containsText("剩余 00:2");
        screenshot(jintai, "home-roll-call");
        notice.locator("a").first().click();
        jintai.waitForLoadState(LoadState.LOAD);
        assertThat(jintai.locator("#own-title")).isVisible();
        assertThat(jintai.locator("main")).containsText("宝政办发〔2022〕43号 第二十二条");
        submit(jintai, "button:has-text('已调试上线')");
        assertThat(jintai.locator(".alert-success")).containsText("已确认调试上线");
        screenshot(jintai, "roll-call-called");

        Instant before = clock.instant();
        try {
            clock.advance(Duration.ofMinutes(6));
            city.reload();
            assertThat(city.locator("#sheet-keys")).isVisible();
            assertThat(city.locator("tr.current")).containsText("金台区人民政府");
            press(city, "1", 1);
            city.keyboard().press("w");
            press(city, "2", 2);
            press(city, "3", 3);
            press(city, "5", 4);
            press(city, "1", 5);
            screenshot(city, "roll-call-sheet");
            Locator rows = city.locator(".call-sheet tbody tr");
            List<String> marks = List.of("准时", "迟到", "缺席", "画面故障", "准时");
            for (int i = 0; i < marks.size(); i++) {
                assertThat(rows.nth(i).locator("td[data-label=点名] .badge")).hasText(marks.get(i));
            }
            assertThat(rows.nth(1)).containsText("带班领导不在岗");
            submit(city, "button:has-text('结束点名')");
            assertThat(city.locator(".alert-success")).containsText("缺席1个");

            jintai.navigate(baseUrl() + "/supervision/roll-calls/" + id);
            jintai.fill("#reported-to", "区长 乔雪");
            submit(jintai, "button:has-text('已向负责同志报告会议要点')");
            assertThat(jintai.locator(".alert-success")).containsText("已记录向区长 乔雪报告会议要点");
        }
        finally {
            clock.set(before);
        }
    }

    /** 第二十三条: the city asks 金台区 for video; its dashboard counts the five minutes down and it pushes at once. */
    @Test
    void theCityAsksJintaiForVideoWhichPushesItFromItsDashboardWithinFiveMinutes() {
        Page jintai = loginAs("jintai");
        assertThat(jintai.locator("#dashboard-obligations")).isVisible();
        Page city = loginAs("baoji");
        city.navigate(baseUrl() + "/supervision");
        city.selectOption("#video-unit", unitId("金台区人民政府"));
        city.fill("#video-subject", "金河镇河道漫溢现场画面");
        submit(city, "button:has-text('调取')");
        assertThat(city.locator(".alert-success")).containsText("已调取金台区人民政府视频图像");

        Locator owed = jintai.locator("#supervision-notices tr").filter(new Locator.FilterOptions()
                .setHasText("金河镇河道漫溢现场画面"));
        assertThat(owed.locator(".countdown")).containsText("剩余 00:0");
        submit(jintai, "#supervision-notices a:has-text('金河镇河道漫溢现场画面')");
        Locator request = jintai.locator("#video-requests tr").filter(new Locator.FilterOptions()
                .setHasText("金河镇河道漫溢现场画面"));
        assertThat(request).containsText("宝政办发〔2022〕43号 第二十三条");
        screenshot(jintai, "supervision");
        request.locator("input[name=stream]").fill("金河镇河道监控-3号通道");
        submit(jintai, "#video-requests tr:has-text('金河镇河道漫溢现场画面') button:has-text('确认已推送')");
        assertThat(jintai.locator(".alert-success")).containsText("已确认推送视频图像");
        assertThat(jintai.locator("#video-requests")).containsText("已推送：金河镇河道监控-3号通道");
        city.reload();
        screenshot(city, "supervision-city");
    }

    /**
     * One key marks the current unit; the sheet comes back with it counted and the next unit current, listening for
     * keys once its scripts have run.
     */
    private static void press(Page page, String key, int marked) {
        page.keyboard().press(key);
        assertThat(page.locator("#sheet-title")).containsText("已点 " + marked + " / 5");
        page.waitForLoadState(LoadState.LOAD);
    }
}
