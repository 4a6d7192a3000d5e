package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * A call logged as pending is handed over by the outgoing officer, accepted face to face by the incoming one, and
 * is still there, to be done, in the next shift.
 */
class HandoverJourneyTests extends BrowserTestSupport {

    private static final String CALL = "报告十里铺村一处民房墙体开裂，需区住建局派人查看";

    @Test
    void aPendingCallIsHandedOverAcceptedAndFoundInTheNextShift() {
        Page outgoing = loginAs("jintai");
        outgoing.navigate(baseUrl() + "/duty-log");
        outgoing.locator("#callerName").fill("周华");
        outgoing.locator("#callerUnit").fill("十里铺街道");
        outgoing.locator("#summary").fill(CALL);
        outgoing.locator("#followUp").selectOption("PENDING");
        submit(outgoing, "text=保存记录");
        assertThat(outgoing.locator(".alert-success")).containsText("已记录");

        outgoing.navigate(baseUrl() + "/handover");
        Locator row = outgoing.locator(".handover-items tbody tr").filter(new Locator.FilterOptions()
                .setHas(outgoing.locator("input[value*='十里铺村']")));
        assertThat(row.locator("select")).hasValue("PENDING");
        outgoing.locator("input[id$='content']").last().fill("明早8点前向带班领导报告夜间雨情");
        outgoing.locator("select[id$='kind']").last().selectOption("PENDING");
        screenshot(outgoing, "handover-prepare");
        submit(outgoing, "text=交班确认（签字）");
        assertThat(outgoing.locator(".alert-success")).containsText("已交班确认");

        Page incoming = loginAs("jintai-head");
        incoming.navigate(baseUrl() + "/handover");
        assertThat(incoming.locator(".handover-items")).containsText(CALL);
        assertThat(incoming.locator(".handover-items")).containsText("明早8点前向带班领导报告夜间雨情");
        screenshot(incoming, "handover-accept");
        submit(incoming, "text=确认接班（签字）");
        assertThat(incoming.locator(".alert-success")).containsText("已确认接班");
        assertThat(incoming.locator("h1 .badge")).hasText("已接班");

        submit(incoming, "text=打印交接单");
        assertThat(incoming.locator("h1")).hasText("金台区人民政府值班交接班记录");
        assertThat(incoming.locator(".signatures")).containsText("交班人");
        assertThat(incoming.locator(".signatures")).not().containsText("尚未接班");
        screenshot(incoming, "handover-print");

        OffsetDateTime end = OffsetDateTime.parse(shiftEndOf(incoming));
        clock.set(end.toInstant().plus(Duration.ofMinutes(5)));
        incoming.navigate(baseUrl() + "/duty-log");
        assertThat(incoming.locator(".open-entries")).containsText(CALL);
        incoming.navigate(baseUrl() + "/handover");
        assertThat(incoming.locator(".carried-in")).containsText(CALL);
        assertThat(incoming.locator(".carried-in")).containsText("明早8点前向带班领导报告夜间雨情");
        assertThat(incoming.locator("input[value*='十里铺村']")).hasCount(1);
        screenshot(incoming, "handover-next-shift");
    }

    private static String shiftEndOf(Page print) {
        return print.locator(".handover-print").getAttribute("data-shift-end");
    }
}
