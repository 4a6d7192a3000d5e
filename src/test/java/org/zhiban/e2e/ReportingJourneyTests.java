package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDateTime;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A duty officer files an initial report; the superior, whose inbox is open, sees it arrive without reloading and
 * signs for it; follow-up and final reports close the chain. A verification request reaches the subordinate's
 * desk the same way, with its countdown, and is answered there.
 */
class ReportingJourneyTests extends BrowserTestSupport {

    private static final String TITLE = "陈仓镇金河村山洪冲毁便桥";

    /** Browser checks bypassed, an empty form is refused once, with every missing field named under the field. */
    @Test
    void anEmptyIncidentFormNamesEveryMissingFieldAtOnce() {
        Page officer = loginAs("jintai");
        officer.navigate(baseUrl() + "/reporting/incidents/new");
        assertThat(officer.locator("#title ~ .zb-counter")).hasText("0 / 200 字");
        officer.locator("#incident-form").evaluate("form => form.noValidate = true");
        for (String field : java.util.List.of("#title", "#occurredAt", "#learnedAt", "#place", "#summary")) {
            officer.locator(field).fill("");
        }
        submit(officer, "#register-incident");
        assertThat(officer.locator("#title + .invalid-feedback")).hasText("请填写事件标题");
        assertThat(officer.locator("#occurredAt + .invalid-feedback")).hasText("请填写事发时间");
        assertThat(officer.locator("#learnedAt + .invalid-feedback")).hasText("请填写接报时间");
        assertThat(officer.locator("#place + .invalid-feedback")).hasText("请填写事发地点");
        assertThat(officer.locator("#summary + .invalid-feedback")).hasText("请填写基本情况");
        assertThat(officer.locator(".is-invalid")).hasCount(5);
        screenshot(officer, "reporting-incident-form-empty");
    }

    @Test
    void anInitialReportArrivesLiveIsSignedForAndFollowUpAndFinalCloseTheChain() {
        Page superior = loginAs("baoji");
        superior.navigate(baseUrl() + "/reporting/inbox");
        assertThat(superior.locator("#to-sign")).not().containsText(TITLE);
        Page dashboard = superior.context().newPage();
        dashboard.navigate(baseUrl() + "/");
        String waitingBefore = dashboard.locator("#awaiting-signature").count() == 0 ? ""
                : dashboard.locator("#awaiting-signature").innerText();

        Page officer = loginAs("jintai");
        officer.navigate(baseUrl() + "/reporting");
        screenshot(officer, "reporting-desk");
        submit(officer, "#new-incident");
        officer.locator("#title").fill(TITLE);
        officer.locator("#severity").selectOption("II");
        officer.locator("#category").selectOption("NATURAL_DISASTER");
        officer.locator("#place").fill("金台区陈仓镇金河村");
        officer.locator("#summary").fill("突降暴雨引发山洪，冲毁村道便桥一座，2 户群众被困，镇村干部已赶赴现场");
        officer.locator("#casualties").fill("暂无人员伤亡");
        String learned = officer.locator("#learnedAt").inputValue();
        officer.locator("#learnedAt").fill(LocalDateTime.parse(learned).plusDays(1).toString());
        submit(officer, "#register-incident");
        assertThat(officer.locator("#learnedAt + .invalid-feedback")).hasText("接报时间不能晚于当前时间");
        screenshot(officer, "reporting-incident-form-invalid");
        officer.locator("#learnedAt").fill(learned);
        screenshot(officer, "reporting-incident-form");
        submit(officer, "#register-incident");
        assertThat(officer.locator("h1")).containsText(TITLE);
        assertThat(officer.locator(".alert-success")).containsText("已登记；请按时报送：突发事件电话报告");
        assertThat(officer.locator("main")).containsText("突发事件电话报告");
        assertThat(officer.locator("main")).containsText("突发事件书面报告");
        assertThat(officer.locator(".deadline .countdown").first()).containsText("剩余");
        // A major incident reaches the superior's open page the moment it is registered, before any report.
        assertThat(superior.locator("#live-toasts")).containsText("【新登记·重大（Ⅱ级）】" + TITLE);
        assertThat(superior.locator("#unread-badge")).isVisible();

        officer.locator("#stage").selectOption("INITIAL");
        officer.locator("input[name=channel][value=WRITTEN]").check();
        officer.locator("#content").fill("金河村山洪冲毁便桥，2 户群众被困，已组织救援");
        officer.locator("#signer").fill("王建国");
        screenshot(officer, "reporting-incident");
        submit(officer, "#file-report");
        assertThat(officer.locator(".alert-success")).containsText("已书面报送首报");
        assertThat(officer.locator("#report-chain")).containsText("待上级签收");

        Locator row = superior.locator("#to-sign tr").filter(new Locator.FilterOptions().setHasText(TITLE));
        assertThat(row).hasCount(1);
        screenshot(superior, "reporting-inbox");
        assertThat(dashboard.locator("#awaiting-signature")).containsText("待签收");
        assertThat(dashboard.locator("#awaiting-signature")).not().hasText(waitingBefore);
        screenshot(dashboard, "home-awaiting-signature");
        submit(superior, "#to-sign tr:has-text('" + TITLE + "') .sign-report");
        assertThat(superior.locator(".alert-success")).containsText("已签收");
        assertThat(superior.locator("#to-sign")).not().containsText(TITLE);

        officer.reload();
        assertThat(officer.locator("#report-chain")).containsText("已签收");
        officer.locator("#stage").selectOption("FOLLOW_UP");
        officer.locator("#content").fill("被困群众已全部转移，便桥抢修中");
        officer.locator("summary", new Page.LocatorOptions().setHasText("续报内容")).click();
        officer.locator("#measures").fill("设置警戒，临时绕行");
        submit(officer, "#file-report");
        assertThat(officer.locator(".alert-success")).containsText("续报");
        officer.locator("#stage").selectOption("FINAL");
        officer.locator("#content").fill("便桥已恢复通行，事件处置完毕");
        officer.locator("summary", new Page.LocatorOptions().setHasText("终报内容")).click();
        officer.locator("#outcome").fill("无人员伤亡，2 户群众安全转移");
        submit(officer, "#file-report");
        assertThat(officer.locator(".alert-success")).containsText("报送链已关闭");
        assertThat(officer.locator("h1")).containsText("已终报");
        assertThat(officer.locator("#report-form")).hasCount(0);
        assertThat(officer.locator("#report-chain > li")).hasCount(3);
        screenshot(officer, "reporting-incident-closed");
        officer.navigate(baseUrl() + "/reporting");
        assertThat(officer.locator("#reporting-desk tr").filter(new Locator.FilterOptions().setHasText(TITLE)))
                .containsText("已终报");
        screenshot(officer, "reporting-desk-incidents");
    }

    @Test
    void aVerificationRequestReachesTheSubordinatesDeskLiveAndIsAnsweredThere() {
        Page subordinate = loginAs("jintai-head");
        subordinate.navigate(baseUrl() + "/reporting");
        String subject = "核实网传金台区东风路燃气管道破裂";

        Page superior = loginAs("baoji-head");
        superior.navigate(baseUrl() + "/reporting/inbox");
        superior.locator("#targets").selectOption(new String[] { unitId("金台区人民政府") });
        superior.locator("input[name=subject]").fill(subject);
        superior.locator("textarea[name=details]").fill("请核实是否属实、有无人员伤亡及处置情况");
        submit(superior, "#verification-form button");
        assertThat(superior.locator(".alert-success")).containsText("核实要求已发出");

        Locator request = subordinate.locator(".list-group-item").filter(new Locator.FilterOptions()
                .setHasText(subject));
        assertThat(request).hasCount(1);
        assertThat(request.locator(".countdown").first()).containsText("剩余");
        screenshot(subordinate, "reporting-desk-verification");
        request.locator("input[name=content]").fill("经核实系施工挖断，已关阀抢修，无人员伤亡");
        request.locator("input[name=phoneTakenBy]").fill("刘洋");
        submit(subordinate, ".list-group-item:has-text('" + subject + "') form:has(input[value=PHONE]) button");
        assertThat(subordinate.locator(".alert-success")).containsText("已反馈");
        assertThat(subordinate.locator(".list-group-item").filter(new Locator.FilterOptions().setHasText(subject)))
                .containsText("已电话反馈");

        superior.reload();
        assertThat(superior.locator(".list-group-item").filter(new Locator.FilterOptions().setHasText(subject)))
                .containsText("按时");
        screenshot(superior, "reporting-inbox-verification");
    }

    /** A live refresh would throw away what is being written: it waits until the form is empty again. */
    @Test
    void aLiveRefreshWaitsWhileSomethingIsBeingWritten() {
        Page superior = loginAs("baoji-head");
        superior.navigate(baseUrl() + "/reporting/inbox");
        Locator subject = superior.locator("input[name=subject]");
        subject.fill("核实网传渭滨区停水情况");
        Assertions.assertThat(refreshHeldBack(superior)).isTrue();
        assertThat(subject).hasValue("核实网传渭滨区停水情况");

        subject.fill("");
        subject.blur();
        superior.waitForResponse(response -> response.url().endsWith("/reporting/inbox/live"),
                () -> Assertions.assertThat(refreshHeldBack(superior)).isFalse());
    }

    /** Announces a change of obligations to the page and tells whether the inbox held its refresh back. */
    private static boolean refreshHeldBack(Page page) {
        return (Boolean) page.evaluate("""
                new Promise(resolve => {
                    const listener = event => {
                        if (event.detail.elt.id === 'reporting-inbox') {
                            document.removeEventListener('htmx:confirm', listener);
                            resolve(event.defaultPrevented);
                        }
                    };
                    document.addEventListener('htmx:confirm', listener);
                    document.body.dispatchEvent(new CustomEvent('obligations-changed'));
                })""");
    }
}
