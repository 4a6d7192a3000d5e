package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * 宝政办发〔2022〕43号 第十条, 第二十八条: the city's duty officer picks 金台区 from the suggested list, dials its duty
 * phone, records no answer in a few keystrokes, and a rectification notice goes to 金台区; 金台区 finds it under
 * 检查与整改 with its deadline, reports what it put right, and the city accepts the report.
 */
class InspectionJourneyTests extends BrowserTestSupport {

    @Test
    void theCityRecordsAnUnansweredCallToJintaiWhichReportsItsRectificationAndTheCityAcceptsIt() {
        Page city = loginAs("baoji");
        city.locator("#zb-menu .dropdown-toggle:has-text('督促指导')").click();
        submit(city, "#zb-menu a.dropdown-item:has-text('检查与整改')");
        assertThat(city.locator("#coverage")).containsText("年度值班检查覆盖");
        Locator suggestion = city.locator("#spot-check tr").filter(new Locator.FilterOptions()
                .setHasText("金台区人民政府"));
        assertThat(suggestion.locator("a[href^='tel:']")).isVisible();
        submit(city, "#spot-check tr:has-text('金台区人民政府') a:has-text('记录抽查')");
        assertThat(city.locator("#check-unit option:checked")).hasText("金台区人民政府");
        assertThat(city.locator("#check-at")).not().hasValue("");
        city.locator("label[for=result-21]").click();
        city.fill("#check-notes", "响铃十声无人接听，十分钟后再拨仍无人接听");
        submit(city, "#spot-check-form button[type=submit]");
        assertThat(city.locator(".alert-success")).containsText("已记录对金台区人民政府的电话抽查：21 无人接听，已下发整改通知");
        screenshot(city, "inspections-city");

        Page jintai = loginAs("jintai");
        jintai.locator("#zb-menu .dropdown-toggle:has-text('督促指导')").click();
        submit(jintai, "#zb-menu a.dropdown-item:has-text('检查与整改')");
        Locator notice = jintai.locator("#rectifications tr").filter(new Locator.FilterOptions()
                .setHasText("无人接听")).first();
        assertThat(notice).containsText("宝政办发〔2022〕43号 第二十八条");
        assertThat(notice).containsText("待整改");
        screenshot(jintai, "inspections-unit");
        notice.locator("textarea[name=report]").fill("已重申值班电话专人值守、三声之内接听，当班值班员已作检讨");
        notice.locator("button:has-text('报送整改情况')").click();
        jintai.waitForLoadState();
        assertThat(jintai.locator(".alert-success")).containsText("整改情况已报送");

        city.reload();
        Locator reported = city.locator("#rectifications tr").filter(new Locator.FilterOptions()
                .setHasText("已重申值班电话专人值守"));
        reported.locator("button:has-text('通过')").click();
        city.waitForLoadState();
        assertThat(city.locator(".alert-success")).containsText("整改情况已审核通过");
        assertThat(city.locator("#rectifications tr").filter(new Locator.FilterOptions()
                .setHasText("已重申值班电话专人值守"))).containsText("整改通过");
    }
}
