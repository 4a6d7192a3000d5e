package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;

/** A duty officer logs a call from the keyboard alone and finds it numbered in the shift's list. */
class DutyLogJourneyTests extends BrowserTestSupport {

    @Test
    void aCallIsLoggedFromTheKeyboardAndNumbered() {
        Page page = loginAs("jintai");
        page.navigate(baseUrl() + "/duty-log");
        page.locator("#callerName").fill("李明");
        page.keyboard().press("Tab");
        page.keyboard().type("区应急管理局");
        page.keyboard().press("Tab");
        page.keyboard().type("0917-3262000");
        page.keyboard().press("Tab");
        page.keyboard().type("通知今晚22时起启动防汛IV级应急响应，请各街道值班人员在岗");
        page.keyboard().press("Control+Enter");
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator(".alert-success")).containsText("已记录");
        assertThat(page.locator(".log-entries tbody tr").first()).containsText("防汛IV级应急响应");
        assertThat(page.locator(".log-entries tbody tr").first()).containsText("李明（区应急管理局）");
        screenshot(page, "duty-log");

        page.locator("#summary").fill("收到一份文件");
        page.locator("#kind").selectOption("DOCUMENT");
        page.locator("#classified1").check();
        submit(page, "text=保存记录");
        assertThat(page.locator("#entry-form")).containsText("请通过涉密渠道办理");
        assertThat(page.locator("#summary")).hasValue("收到一份文件");
        screenshot(page, "duty-log-classified-refused");
    }
}
