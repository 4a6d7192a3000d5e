package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.RosterFixtures;
import tools.jackson.databind.JsonNode;

/**
 * The head of 金台区's duty office takes next month's roster back to draft, puts an officer without pre-duty
 * training on a shift, sees the rule it breaks with its article, puts a trained officer there instead and publishes.
 */
class RosterJourneyTests extends BrowserTestSupport {

    @Test
    void aViolationShowsItsCitationAndIsThenFixed() {
        String unit = unitId("金台区人民政府");
        YearMonth next = YearMonth.now(clock.withZone(Zones.CHINA)).plusMonths(1);
        RosterFixtures.publishedMonth(api().as("jintai-head"), unit, next);
        Page page = loginAs("jintai-head");
        page.navigate(baseUrl() + "/roster?unitId=" + unit + "&month=" + next);
        assertThat(page.locator(".badge", new Page.LocatorOptions().setHasText("已发布"))).isVisible();
        screenshot(page, "roster-published");
        submit(page, "text=撤回为草稿");
        assertThat(page.locator(".alert-success")).containsText("已撤回为草稿");

        Locator firstOfficer = page.locator("tr[data-shift-id]").nth(2).locator("td.slot[data-role=OFFICER] select")
                .first();
        String original = firstOfficer.locator("option:checked").textContent();
        String trainee = page.locator(".staff-chip.untrained span").first().textContent();
        firstOfficer.selectOption(new SelectOption().setLabel(trainee));
        Locator violation = page.locator(".violations .violation-hard", new Page.LocatorOptions()
                .setHasText("未经岗前培训上岗"));
        assertThat(violation).containsText(trainee);
        assertThat(violation).containsText("依据：");
        assertThat(page.locator("tr.shift-hard")).hasCount(1);
        screenshot(page, "roster-violation");

        submit(page, "button:has-text('发布')");
        assertThat(page.locator(".alert-danger")).containsText("不能发布");

        page.locator("tr[data-shift-id]").nth(2).locator("td.slot[data-role=OFFICER] select").first()
                .selectOption(new SelectOption().setLabel(original));
        assertThat(page.locator(".violations")).containsText("未发现违反规定之处");
        assertThat(page.locator("tr.shift-hard")).hasCount(0);
        screenshot(page, "roster-fixed");
        submit(page, "button:has-text('发布')");
        assertThat(page.locator(".alert-success")).containsText("值班表已发布");
    }

    @Test
    void theSettingsRefuseAFourHourShiftWithItsArticle() {
        Page page = loginAs("jintai-head");
        page.navigate(baseUrl() + "/roster/settings?unitId=" + unitId("卧龙寺街道办事处"));
        assertThat(page.locator("h1")).containsText("值班设置");
        screenshot(page, "roster-settings");
        page.locator("table.pattern input[name=hours]").first().fill("4");
        submit(page, "button:has-text('保存班次')");
        assertThat(page.locator(".alert-danger")).containsText("每班不少于 8 小时");
        assertThat(page.locator(".alert-danger")).containsText("第八条");
        submit(page, "button:has-text('改为白班 + 夜班')");
        assertThat(page.locator(".alert-success")).containsText("班次设置已保存");
        assertThat(page.locator("table.pattern input[name=name]").nth(1)).hasValue("夜班");
        screenshot(page, "roster-settings-saved");
    }

    /** Real leave on a published shift is recorded, and the head is told which shift must be swapped, and by whom. */
    @Test
    void leaveOnAPublishedShiftIsRecordedAndTheShiftIsShownAsNeedingASwap() {
        String town = unitId("卧龙寺街道办事处");
        Api.As head = api().as("jintai-head");
        // The suite's clock may have left the demo's months behind: the town's next month is published either way.
        RosterFixtures.publishedMonth(head, town, YearMonth.now(clock.withZone(Zones.CHINA)).plusMonths(1));
        JsonNode held = null;
        String person = null;
        for (JsonNode member : head.get("/api/v1/units/" + town + "/duty-staff").json()) {
            JsonNode shifts = head.get("/api/v1/people/" + member.get("personId").asString() + "/upcoming-shifts").json();
            if (!shifts.isEmpty()) {
                held = shifts.get(0);
                person = member.get("personId").asString();
                break;
            }
        }
        org.assertj.core.api.Assertions.assertThat(held).as("someone of the town holds an upcoming shift").isNotNull();
        OffsetDateTime start = OffsetDateTime.parse(held.get("start").asString()).atZoneSameInstant(Zones.CHINA)
                .toOffsetDateTime();
        Page page = loginAs("jintai-head");
        page.navigate(baseUrl() + "/roster/settings?unitId=" + town);
        page.locator("#u-person").selectOption(person);
        page.locator("#u-first").fill(start.toLocalDate().toString());
        page.locator("#u-last").fill(start.toLocalDate().toString());
        page.locator("#u-reason").fill("病假");
        submit(page, "button:has-text('登记')");
        try {
            assertThat(page.locator(".shifts-to-swap")).containsText("须调班");
            assertThat(page.locator(".shifts-to-swap li")).hasCount(1);
            screenshot(page, "roster-leave-on-a-published-shift");
            page.navigate(baseUrl() + "/roster?unitId=" + town + "&month=" + YearMonth.from(start));
            assertThat(page.locator(".needs-swap")).hasCount(1);
            screenshot(page, "roster-needs-swap");
        }
        finally {
            String recorded = person;
            head.get("/api/v1/units/" + town + "/duty-unavailability").json().valueStream()
                    .filter(u -> u.get("personId").asString().equals(recorded) && u.get("reason").asString().equals("病假"))
                    .forEach(u -> head.delete("/api/v1/duty-unavailability/" + u.get("id").asString()));
        }
    }

    @Test
    void aDutyOfficerAsksForASwapTheColleagueAcceptsAndTheLeaderApproves() {
        String unit = unitId("金台区人民政府");
        String head = personOf("jintai-head");
        String slot = RosterFixtures.shiftFarFrom(api(), clock, personOf("jintai"), head).get("slotId").asString();
        Page officer = loginAs("jintai");
        officer.navigate(baseUrl() + "/roster/swaps?unitId=" + unit);
        assertThat(officer.locator("h1")).containsText("调班");
        officer.locator("#slotId").selectOption(slot);
        officer.locator("#counterpartId").selectOption(head);
        officer.fill("#reason", "参加区防汛培训");
        screenshot(officer, "swaps-request");
        submit(officer, "button:has-text('提交申请')");
        assertThat(officer.locator(".alert-success")).containsText("已提交调班申请");

        Page colleague = loginAs("jintai-head");
        colleague.navigate(baseUrl() + "/roster/swaps?unitId=" + unit);
        submit(colleague, "tr:has-text('参加区防汛培训') button:has-text('同意')");
        assertThat(colleague.locator(".alert-success")).containsText("待带班领导审批");
        // The leader on duty approves at night, on a phone: from the folded menu to the swaps of the roster.
        Page leader = loginOnPhoneAs("jintai-leader");
        leader.locator("button.navbar-toggler").tap();
        leader.locator("#zb-menu .dropdown-toggle:has-text('值班表')").tap();
        leader.locator("#zb-menu a.dropdown-item:has-text('值班表')").tap();
        leader.locator("main a[href*='/roster/swaps']").first().tap();
        assertThat(leader.locator("h1")).containsText("调班");
        screenshot(leader, "swaps-to-approve-phone");
        leader.locator("tr:has-text('参加区防汛培训') button:text-is('批准')").tap();
        leader.waitForLoadState(LoadState.LOAD);
        assertThat(leader.locator(".alert-success")).containsText("已批准");
        assertThat(leader.locator("tr:has-text('参加区防汛培训') .badge")).hasText("已批准");
        screenshot(leader, "swaps-approved-phone");
    }

    @Test
    void anImportWithBadRowsNamesEachOneAndChangesNothing() throws Exception {
        String unit = unitId("金台区人民政府");
        YearMonth month = YearMonth.now(clock.withZone(Zones.CHINA)).plusMonths(16);
        api().as("jintai-head").post("/api/v1/units/" + unit + "/rosters", Map.of("month", month.toString()));
        byte[] exported = api().as("jintai-head").bytes("/api/v1/units/" + unit + "/rosters/" + month + "/xlsx");
        byte[] bad;
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(exported));
                var out = new ByteArrayOutputStream()) {
            book.getSheetAt(0).getRow(3).getCell(5).setCellValue("查无名");
            book.getSheetAt(0).getRow(4).getCell(4).setCellValue("12:30");
            book.write(out);
            bad = out.toByteArray();
        }
        Page page = loginAs("jintai-head");
        page.navigate(baseUrl() + "/roster?unitId=" + unit + "&month=" + month);
        page.locator("input[type=file][data-autosubmit]").setInputFiles(new FilePayload(
                month.getYear() + "年" + month.getMonthValue() + "月值班表.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad));
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator(".import-errors li")).hasCount(2);
        assertThat(page.locator(".import-errors")).containsText("第4行：查无此人");
        assertThat(page.locator(".import-errors")).containsText("第5行：班次仅 4 小时");
        assertThat(page.locator(".slot-empty").first()).isVisible();
        screenshot(page, "roster-import-refused");
    }

    @Test
    void aLeaderFindsTheirShiftsAndSubscribesTheirPhoneCalendar() {
        Page page = loginAs("jintai-leader");
        page.locator(".zb-account .dropdown-toggle").click();
        page.locator("text=我的值班").click();
        assertThat(page.locator(".my-shifts tbody tr").first()).containsText("金台区人民政府");
        submit(page, "form[action$=\"/roster/mine/feed\"] button");
        assertThat(page.locator(".feed-address")).hasValue(Pattern.compile(".*/feeds/duty/[A-Za-z0-9_-]{43}\\.ics"));
        screenshot(page, "my-duty");
        page.locator(".feed-address").focus();
        Assertions.assertThat(page.evaluate(
                "() => { const f = document.querySelector('.feed-address'); return f.selectionEnd - f.selectionStart === f.value.length; }"))
                .as("the address is selected for copying").isEqualTo(true);
        submit(page, ".feeds button:has-text(\"停用\")");
        assertThat(page.locator(".alert-success")).containsText("订阅地址已停用");
        assertThat(page.locator(".feeds tbody tr").first()).containsText("已停用");
    }

    @Test
    void theHeadRostersTheNationalDayHolidayFirst() {
        // An October of its own, further ahead than the months the other tests make for 金台区.
        YearMonth october = YearMonth.of(YearMonth.now(clock.withZone(Zones.CHINA)).getYear() + 3, 10);
        Page page = loginAs("jintai-head");
        page.navigate(baseUrl() + "/roster?unitId=" + unitId("金台区人民政府") + "&month=" + october);
        submit(page, "text=按班次设置生成本月值班表");
        submit(page, "button:has-text(\"只排国庆节\")");
        // A year of no notice yet has its National Day reckoned from the statutory days, not always from 1 October.
        assertThat(page.locator(".alert-success")).containsText("已排国庆节期间（");
        assertThat(page.locator(".alert-success")).containsText("全部符合规定");
        assertThat(page.locator("tr[data-shift-id]").first().locator(".slot-empty")).hasCount(0);
        assertThat(page.locator("tr[data-shift-id]").last().locator(".slot-empty")).not().hasCount(0);
        screenshot(page, "roster-holiday-filled");
    }

    @Test
    void theFilingsPageShowsTheUnitsOwnFilingsAndItsSubordinates() {
        Page page = loginAs("jintai-head");
        page.click("nav .dropdown-toggle:has-text('值班表')");
        page.click("nav >> text=节假日报备");
        assertThat(page.locator("h1")).containsText("节假日值班表报备");
        assertThat(page.locator("table.filings")).containsText("第十五条");
        screenshot(page, "filings");
        // Picking another holiday shows its filings at once.
        Locator holiday = page.locator("select[name=holiday]");
        String other = (String) holiday.locator("option").evaluateAll(
                "(options, current) => options.map(o => o.value).find(v => v !== current)", holiday.inputValue());
        holiday.selectOption(other);
        page.waitForURL(Pattern.compile(".*holiday=" + other + ".*"));
        assertThat(holiday).hasValue(other);
    }

    @Test
    void theSuperiorSeesWhoIsOnDutyBelowIt() {
        Page page = loginAs("baoji");
        page.navigate(baseUrl() + "/on-duty");
        assertThat(page.locator("h1").first()).isVisible();
        // A city's direct subordinates, each with its own duty and its subtree counted, not every unit below listed.
        Locator jintai = page.locator("#on-duty-children tr", new Page.LocatorOptions().setHasText("金台区人民政府"));
        assertThat(jintai).containsText(" 个");
        assertThat(page.locator("#on-duty-children")).not().containsText("东风路街道办事处");
        screenshot(page, "on-duty");
        jintai.locator("a").first().click();
        assertThat(page.locator("h1")).containsText("在岗情况 · 金台区人民政府");
        assertThat(page.locator("#on-duty-children")).containsText("东风路街道办事处");
        screenshot(page, "on-duty-town");
    }
}
