package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.zhiban.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A call logged as pending is handed over by the outgoing officer at the change of shift, accepted by the office head
 * for the incoming officer (an explicit choice the record names), and is still there, to be done, in the next shift.
 * The head, not on the shift, is told so before signing.
 */
class HandoverJourneyTests extends BrowserTestSupport {

    private static final String CALL = "报告十里铺村一处民房墙体开裂，需区住建局派人查看";

    @Test
    void aPendingCallIsHandedOverAcceptedAndFoundInTheNextShift() {
        // Half an hour before one of jintai's own shifts ends — the change of shift, when handing over opens — where
        // the next shift is not the head's own (the head stands duty too), so that the head accepts for its officer.
        String head = personOf("jintai-head");
        OffsetDateTime end = null;
        String nextOfficer = null;
        for (JsonNode shift : api().as("jintai-head").get("/api/v1/people/" + personOf("jintai")
                + "/upcoming-shifts").json()) {
            OffsetDateTime start = OffsetDateTime.parse(shift.get("start").asString());
            OffsetDateTime shiftEnd = OffsetDateTime.parse(onDutyAt(start.plusMinutes(1)).get("shift").get("end")
                    .asString());
            JsonNode next = onDutyAt(shiftEnd.plusMinutes(1)).get("dutyOfficers");
            if (next.size() > 0 && next.valueStream().noneMatch(o -> o.get("personId").asString().equals(head))) {
                end = shiftEnd;
                nextOfficer = next.get(0).get("name").asString();
                break;
            }
        }
        org.assertj.core.api.Assertions.assertThat(end).as("a shift of jintai's followed by one the head is not on")
                .isNotNull();
        clock.set(end.minusMinutes(30).toInstant());
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
        assertThat(incoming.locator(".not-on-shift")).containsText("您不是该班次的值班员");
        assertThat(incoming.locator(".not-on-shift")).containsText(nextOfficer);
        incoming.locator("#acceptingFor").selectOption(new SelectOption().setLabel("代 " + nextOfficer + " 签字"));
        screenshot(incoming, "handover-accept");
        submit(incoming, "text=确认接班（签字）");
        assertThat(incoming.locator(".alert-success")).containsText("已确认接班");
        assertThat(incoming.locator(".incoming-signature")).containsText("代 " + nextOfficer + " 接班");
        assertThat(incoming.locator("h1 .badge")).hasText("已接班");

        submit(incoming, "text=打印交接单");
        assertThat(incoming.locator("h1")).hasText("金台区人民政府值班交接班记录");
        assertThat(incoming.locator(".signatures")).containsText("交班人");
        assertThat(incoming.locator(".signatures")).not().containsText("尚未接班");
        assertThat(incoming.locator(".signatures")).containsText("代 " + nextOfficer + " 接班");
        screenshot(incoming, "handover-print");

        clock.set(OffsetDateTime.parse(shiftEndOf(incoming)).toInstant().plus(Duration.ofMinutes(5)));
        incoming.navigate(baseUrl() + "/duty-log");
        assertThat(incoming.locator(".open-entries")).containsText(CALL);
        incoming.navigate(baseUrl() + "/handover");
        assertThat(incoming.locator(".carried-in")).containsText(CALL);
        assertThat(incoming.locator(".carried-in")).containsText("明早8点前向带班领导报告夜间雨情");
        assertThat(incoming.locator("input[value*='十里铺村']")).hasCount(1);
        screenshot(incoming, "handover-next-shift");
    }

    private JsonNode onDutyAt(OffsetDateTime at) {
        return api().as("jintai-head").get("/api/v1/units/" + unitId("金台区人民政府") + "/on-duty?at="
                + Api.query(at.toString())).json();
    }

    private static String shiftEndOf(Page print) {
        return print.locator(".handover-print").getAttribute("data-shift-end");
    }
}
