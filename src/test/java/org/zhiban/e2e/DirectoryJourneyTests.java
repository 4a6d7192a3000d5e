package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;


import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** A duty officer of 金台区 browses the unit tree, opens a person and reveals a phone number. */
class DirectoryJourneyTests extends BrowserTestSupport {

    @Test
    void dutyOfficerBrowsesTheTreeOpensAPersonAndRevealsAPhoneNumber() {
        Page page = loginAs("jintai");
        assertThat(page.locator(".zb-unit")).hasText("金台区人民政府");

        page.click("nav >> text=组织机构");
        assertThat(page.locator("h1")).hasText("组织机构");
        Locator root = page.locator(".zb-tree li").first();
        assertThat(root.locator("a").first()).hasText("金台区人民政府");
        root.locator("button.toggle").first().click();
        Locator town = page.locator(".zb-tree a", new Page.LocatorOptions().setHasText("中山东路街道办事处"));
        assertThat(town).isVisible();
        screenshot(page, "units-tree");
        town.click();

        assertThat(page.locator("h1")).hasText("中山东路街道办事处");
        screenshot(page, "unit");
        page.locator("table a").first().click();
        assertThat(page.locator("dt", new Page.LocatorOptions().setHasText("手机号码"))).isVisible();
        Locator mobile = page.locator("#mobile .zb-phone");
        assertThat(mobile).containsText("****");
        long reveals = revealCount();
        mobile.locator("button").click();
        assertThat(page.locator("#mobile .zb-phone.revealed")).hasText(java.util.regex.Pattern.compile("^1\\d{10}$"));
        screenshot(page, "person");
        assertThat(revealCount()).isEqualTo(reveals + 1);
    }

    /** At 3 a.m. the county's officer files its head's trip, two days out: late, and the city sees it at once. */
    @Test
    void dutyOfficerFilesThePrincipalsTripAndTheCitySeesItLate() {
        Page page = loginAs("jintai");
        page.click("nav .dropdown-toggle:has-text('信息报送')");
        page.click("nav >> text=外出报备与讣告");
        assertThat(page.locator("h1")).hasText("外出报备与讣告 · 金台区人民政府");
        page.selectOption("#personId", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        java.time.LocalDateTime depart = clock.instant().atZone(org.zhiban.shared.Zones.CHINA).toLocalDateTime()
                .plusDays(2).withSecond(0).withNano(0);
        page.fill("#departAt", depart.toString());
        page.fill("#returnAt", depart.plusDays(3).toString());
        page.fill("#destination", "北京市");
        page.fill("#reason", "赴京汇报项目进展");
        page.fill("#contact", "13909175566");
        submit(page, "form[action$='/absences'] button[type=submit]");
        assertThat(page.locator(".alert-success")).containsText("外出已报备（晚于应报时间");
        Locator row = page.locator("table.absences tbody tr").first();
        assertThat(row).containsText("逾期报备");
        assertThat(row).containsText("宝政办发〔2022〕43号 第十五条");
        screenshot(page, "notices");

        Page city = loginAs("baoji-head");
        city.navigate(baseUrl() + "/directory/notices");
        assertThat(city.locator("table.absences")).containsText("赴京汇报项目进展");
        screenshot(city, "notices-superior");
    }

    /** The city's officer must reach a county's head at once: initials, the county's entry, the mobile revealed. */
    @Test
    void theCitysOfficerFindsACountyByItsInitialsAndCallsItsHead() {
        Page page = loginAs("baoji");
        page.click("nav >> text=值班通讯录");
        assertThat(page.locator("h1")).hasText("值班通讯录 · 宝鸡市人民政府");
        page.fill("#q", "jtq");
        submit(page, "form[role=search] button[type=submit]");
        Locator found = page.locator("table.found-units a", new Page.LocatorOptions().setHasText("金台区人民政府"));
        assertThat(found).isVisible();
        screenshot(page, "directory-found");
        found.click();
        assertThat(page.locator("h1")).hasText("值班通讯录 · 金台区人民政府");
        Locator head = page.locator("table.directory-people tr", new Page.LocatorOptions().setHasText("区长")).first();
        head.locator("button:has-text('显示')").first().click();
        assertThat(head.locator(".zb-phone.revealed a").first()).hasAttribute("href",
                java.util.regex.Pattern.compile("^tel:1\\d{10}$"));
        screenshot(page, "directory-unit");
        page.click("text=不完整的通讯录");
        assertThat(page.locator("table.incomplete-units")).isVisible();
        screenshot(page, "directory-incomplete");
    }

    private long revealCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'PHONE_REVEALED' AND username = 'jintai'")
                .query(Long.class).single();
    }

}
