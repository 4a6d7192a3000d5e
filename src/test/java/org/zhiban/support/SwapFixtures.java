package org.zhiban.support;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Finding a swap the rules allow in the demo rosters, which the solver made and other tests may have changed. */
public final class SwapFixtures {

    private SwapFixtures() {
    }

    /**
     * One of a person's upcoming shifts, two days or more from now and from every shift of the colleague — so that
     * the colleague taking it over leaves them their rest (24-hour shifts, 24 hours' rest).
     */
    public static JsonNode shiftFarFrom(Api api, Clock clock, String person, String colleague) {
        List<OffsetDateTime> busy = api.as("jintai").get("/api/v1/people/" + colleague + "/upcoming-shifts").json()
                .valueStream().map(p -> OffsetDateTime.parse(p.get("start").asString())).toList();
        return api.as("jintai").get("/api/v1/people/" + person + "/upcoming-shifts").json().valueStream()
                .filter(p -> start(p).isAfter(OffsetDateTime.now(clock).plusDays(2)))
                .filter(p -> busy.stream().allMatch(b -> Duration.between(b, start(p)).abs()
                        .compareTo(Duration.ofHours(48)) >= 0))
                .findFirst().orElseThrow(() -> new AssertionError("no shift of " + person + " far from " + colleague));
    }

    private static OffsetDateTime start(JsonNode position) {
        return OffsetDateTime.parse(position.get("start").asString());
    }
}
