package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * 宝政办发〔2022〕43号 第二十七条: before a holiday the city's duty office records its consultation — who took part,
 * the risks it sees — and sends 金台区 a work reminder; 金台区 finds it at the top of 值班会商 and acknowledges it,
 * and the city sees the acknowledgement.
 */
class ConsultationJourneyTests extends BrowserTestSupport {

    @Test
    void theCityRecordsAConsultationWithAReminderWhichJintaiAcknowledges() {
        Page city = loginAs("baoji");
        city.locator("#zb-menu .dropdown-toggle:has-text('督促指导')").click();
        submit(city, "#zb-menu a.dropdown-item:has-text('值班会商')");
        assertThat(city.locator("#upcoming")).containsText("近期节假日和重要时段");
        assertThat(city.locator("#consultation-at")).not().hasValue("");
        city.fill("#consultation-subject", "节前值班会商");
        city.fill("#consultation-participants", "市应急局、市公安局、市气象局、市政府总值班室");
        city.fill("#consultation-risks", "寒潮降温，燃气中毒、道路结冰风险上升");
        city.fill("#consultation-reminder", "请落实领导带班和24小时值班，极端天气信息30分钟内电话报告");
        city.locator("#record label:has-text('金台区人民政府')").click();
        submit(city, "#consultation-form button[type=submit]");
        assertThat(city.locator(".alert-success")).containsText("已记录值班会商：节前值班会商，已向1个单位发送工作提示");
        screenshot(city, "consultations-city");

        Page jintai = loginAs("jintai");
        jintai.locator("#zb-menu .dropdown-toggle:has-text('督促指导')").click();
        submit(jintai, "#zb-menu a.dropdown-item:has-text('值班会商')");
        Locator reminder = jintai.locator("#to-acknowledge li").filter(new Locator.FilterOptions()
                .setHasText("节前值班会商"));
        assertThat(reminder).containsText("极端天气信息30分钟内电话报告");
        assertThat(jintai.locator("main")).not().containsText("燃气中毒");
        screenshot(jintai, "consultations-unit");
        reminder.locator("button:has-text('确认收到')").click();
        jintai.waitForLoadState();
        assertThat(jintai.locator(".alert-success")).containsText("已确认收到宝鸡市人民政府的工作提示");

        city.reload();
        assertThat(city.locator("#consultations tr").filter(new Locator.FilterOptions()
                .setHasText("节前值班会商")).first()).containsText("已确认 1 / 1");
    }
}
