package org.zhiban.support;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.zhiban.shared.Zones;

import tools.jackson.databind.JsonNode;

/** Rosters for tests: a month made, filled and published; a swap the rules allow in the demo rosters. */
public final class RosterFixtures {

    private RosterFixtures() {
    }

    /**
     * One of a person's upcoming shifts, two days or more from now and from every shift of the colleague — so that
     * the colleague taking it over leaves them their rest (24-hour shifts, 24 hours' rest).
     */
    public static JsonNode shiftFarFrom(Api api, Clock clock, String person, String colleague) {
        Optional<JsonNode> found = farShift(api, clock, person, colleague);
        // The demo months are those of the day the suite started, solved against a time limit: the suite's clock may
        // have moved past them since, and under load the solver may leave no such shift. The months ahead of the
        // clock, solved and published for the test, give further chances.
        String unitId = api.as("jintai-head").get("/api/v1/people/" + person).json().get("unitId").asString();
        YearMonth month = YearMonth.now(clock.withZone(Zones.CHINA));
        for (int ahead = 1; found.isEmpty() && ahead <= 3; ahead++) {
            publishedMonth(api.as("jintai-head"), unitId, month.plusMonths(ahead));
            found = farShift(api, clock, person, colleague);
        }
        return found.orElseThrow(() -> new AssertionError("no shift of " + person + " far from " + colleague));
    }

    private static Optional<JsonNode> farShift(Api api, Clock clock, String person, String colleague) {
        List<OffsetDateTime> busy = api.as("jintai").get("/api/v1/people/" + colleague + "/upcoming-shifts").json()
                .valueStream().map(p -> OffsetDateTime.parse(p.get("start").asString())).toList();
        return api.as("jintai").get("/api/v1/people/" + person + "/upcoming-shifts").json().valueStream()
                .filter(p -> start(p).isAfter(OffsetDateTime.now(clock).plusDays(2)))
                .filter(p -> busy.stream().allMatch(b -> Duration.between(b, start(p)).abs()
                        .compareTo(Duration.ofHours(48)) >= 0))
                .findFirst();
    }

    /** A unit's month created (unless it exists), filled by the solver and published; returns the roster. */
    public static JsonNode publishedMonth(Api.As as, String unitId, YearMonth month) {
        Api.Response existing = as.get("/api/v1/units/" + unitId + "/rosters/" + month);
        String roster = existing.status() == 200 ? existing.json().get("id").asString()
                : as.post("/api/v1/units/" + unitId + "/rosters", Map.of("month", month.toString())).json().get("id")
                        .asString();
        if (as.get("/api/v1/rosters/" + roster).json().get("status").asString().equals("DRAFT")) {
            as.post("/api/v1/rosters/" + roster + "/solving", Map.of());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!as.get("/api/v1/rosters/" + roster + "/solving").json().get("finished").asBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("solving " + month + " still running after 60 s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
            Api.Response published = as.post("/api/v1/rosters/" + roster + "/publication", Map.of());
            if (published.status() != 200) {
                throw new AssertionError("publishing " + month + ": " + published);
            }
        }
        return as.get("/api/v1/rosters/" + roster).json();
    }

    private static OffsetDateTime start(JsonNode position) {
        return OffsetDateTime.parse(position.get("start").asString());
    }
}
