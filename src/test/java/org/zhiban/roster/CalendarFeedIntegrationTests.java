package org.zhiban.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.RosterFixtures;
import tools.jackson.databind.JsonNode;

/**
 * 金台区's leader on duty subscribes to their duty calendar: a calendar app reads it without logging in, every
 * published shift of theirs is in it with who else stands it and no mobile numbers; a new address or revoking one
 * stops the old address at once.
 */
class CalendarFeedIntegrationTests extends IntegrationTestSupport {

    /** A mobile number standing on its own — not eleven digits inside an event's UUID. */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Fa-f])1[3-9]\\d{9}(?![0-9A-Fa-f])");

    @Test
    void aCalendarAppReadsThePublishedShiftsAtTheSecretAddressUntilItIsRevoked() throws Exception {
        JsonNode shift = firstShiftLedBy(personOf("jintai-leader"));
        Api.As leader = api().as("jintai-leader");
        Api.Response issued = leader.post("/api/v1/calendar-feeds", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String path = URI.create(issued.json().get("url").asString()).getPath();
        assertThat(path).matches("/feeds/duty/[A-Za-z0-9_-]{43}\\.ics");

        Api.Response feed = api().fetch(path, "text/calendar, */*");
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        assertThat(MOBILE.matcher(feed.body()).find()).as("no mobile number leaves the system").isFalse();
        assertThat(feed.body().split("\r\n")).as("RFC 5545 3.1: lines of at most 75 octets")
                .allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");

        VEvent event = events.stream()
                .filter(e -> e.getUid().orElseThrow().getValue().equals(shift.get("id").asString() + "@zhiban"))
                .findFirst().orElseThrow();
        assertThat(Instant.from(event.getDateTimeStart().getDate()))
                .isEqualTo(OffsetDateTime.parse(shift.get("start").asString()).toInstant());
        assertThat(event.getSummary().getValue()).isEqualTo("值班：金台区人民政府 " + shift.get("name").asString()
                + "（带班领导）");
        assertThat(event.getDescription().getValue()).contains("值班员：");
        assertThat(leader.get("/api/v1/calendar-feeds").json().get(0).get("lastReadAt").isNull()).isFalse();

        Api.Response renewed = leader.post("/api/v1/calendar-feeds", null);
        String newPath = URI.create(renewed.json().get("url").asString()).getPath();
        assertThat(api().fetch(path, "text/calendar").status()).as("the old address stops").isEqualTo(404);
        assertThat(api().fetch(newPath, "text/calendar").status()).isEqualTo(200);

        String id = renewed.json().get("feed").get("id").asString();
        assertThat(api().as("jintai").delete("/api/v1/calendar-feeds/" + id).status())
                .as("nobody revokes another's feed").isEqualTo(404);
        assertThat(leader.delete("/api/v1/calendar-feeds/" + id).status()).isEqualTo(204);
        Api.Response revoked = api().fetch(newPath, "application/json");
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(revoked.json().get("detail").asString()).isEqualTo("订阅地址无效或已停用，请在“我的值班”中重新生成");
        assertThat(leader.get("/api/v1/calendar-feeds").json().valueStream()
                .noneMatch(f -> f.get("revokedAt").isNull())).isTrue();
    }

    @Test
    void anAccountWithoutAPersonHasNoDutyCalendar() {
        Api.Response refused = api().as("admin").post("/api/v1/calendar-feeds", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ACCOUNT_WITHOUT_PERSON");
        assertThat(api().fetch("/feeds/duty/not-a-token.ics", "text/calendar").status()).isEqualTo(404);
    }

    private JsonNode firstShiftLedBy(String personId) {
        YearMonth next = YearMonth.now(clock.withZone(Zones.CHINA)).plusMonths(1);
        JsonNode roster = RosterFixtures.publishedMonth(api().as("jintai-head"), unitId("金台区人民政府"), next);
        return roster.get("shifts").valueStream()
                .filter(s -> s.get("positions").get(0).get("personId").asString().equals(personId))
                .findFirst().orElseThrow();
    }
}
