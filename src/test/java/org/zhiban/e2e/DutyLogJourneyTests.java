package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.assertj.core.api.Assertions;
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

        page.locator(".log-entries tbody tr").first().locator("text=更正").click();
        page.locator("#summary").fill("通知今晚22时起启动防汛IV级应急响应，请各街道、各部门值班人员在岗");
        submit(page, "text=保存记录");
        assertThat(page.locator("#entry-form")).containsText("更正须说明原因");
        page.locator("#correctionNote").fill("补充通知范围");
        screenshot(page, "duty-log-correction");
        submit(page, "text=保存记录");
        assertThat(page.locator(".alert-success")).containsText("第2版");
        assertThat(page.locator(".log-entries tbody tr").first()).containsText("各部门值班人员");

        page.locator("#summary").fill("收到一份文件");
        page.locator("#kind").selectOption("DOCUMENT");
        page.locator("#classified1").check();
        submit(page, "text=保存记录");
        assertThat(page.locator("#entry-form")).containsText("请通过涉密渠道办理");
        assertThat(page.locator("#summary")).hasValue("收到一份文件");
        screenshot(page, "duty-log-classified-refused");

        page.locator("#classified1").uncheck();
        page.locator("#summary").fill("登记走失老人信息，附身份证复印件");
        page.locator("#files").setInputFiles(new com.microsoft.playwright.options.FilePayload("身份证.pdf",
                "application/pdf", "%PDF-1.7\n身份证复印件".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("#sensitiveFiles1").check();
        submit(page, "text=保存记录");
        assertThat(page.locator(".alert-success")).containsText("已记录");
        assertThat(page.locator(".log-entries tbody tr").first()).containsText("附件：身份证.pdf");
        assertThat(page.locator(".log-entries tbody tr").first().locator(".badge.text-bg-secondary"))
                .hasText("加密");
        screenshot(page, "duty-log-sensitive-attachment");
    }

    @Test
    void aSuperiorFindsAWordInItsSubordinatesLogsAndTheYearsBookPrintsAndDownloads() throws Exception {
        Page officer = loginAs("jintai");
        officer.navigate(baseUrl() + "/duty-log");
        officer.locator("#kind").selectOption("EVENT");
        officer.locator("#summary").fill("硖石镇报告昨夜暴雪导致省道212线部分路段结冰，已撒盐除冰");
        submit(officer, "text=保存记录");
        assertThat(officer.locator(".alert-success")).containsText("已记录");

        Page superior = loginAs("baoji-head");
        superior.navigate(baseUrl() + "/duty-log/search");
        superior.locator("#text").fill("暴雪");
        superior.locator("#subordinates1").check();
        submit(superior, "#search-form button[type=submit]");
        assertThat(superior.locator(".search-results")).containsText("省道212线");
        assertThat(superior.locator(".search-results")).containsText("金台区人民政府");
        screenshot(superior, "duty-log-search");
        superior.locator("#text").fill("雪");
        submit(superior, "#search-form button[type=submit]");
        assertThat(superior.locator(".alert-danger")).containsText("请至少输入两个字");

        officer.navigate(baseUrl() + "/duty-log/book");
        assertThat(officer.locator("h1")).containsText("金台区人民政府值班记录簿");
        assertThat(officer.locator(".book-entries")).containsText("省道212线");
        assertThat(officer.locator("p.text-center").first()).containsText("哈希链校验完整");
        assertThat(officer.locator("p.text-center").nth(1)).containsText("保存期限");
        screenshot(officer, "duty-log-book");
        // The print button calls the browser's print dialog (replaced here, as a headless browser has none).
        officer.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }");
        officer.locator("button:has-text('打印')").click();
        assertThat(officer.locator("body")).hasAttribute("data-printed", "yes");
        Download download = officer.waitForDownload(() -> officer.locator("text=下载 Word").click());
        Assertions.assertThat(download.suggestedFilename()).endsWith(".docx");
        try (XWPFDocument document = new XWPFDocument(Files.newInputStream(download.path()))) {
            Assertions.assertThat(document.getTables().get(0).getText()).contains("省道212线");
        }
    }
}
