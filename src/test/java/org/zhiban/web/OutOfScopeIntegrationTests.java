package org.zhiban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.handover.Handover;
import org.zhiban.handover.HandoverCommand;
import org.zhiban.handover.Handovers;
import org.zhiban.roster.OnDuty;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

/**
 * An account of one tree (龙亭区) asking for anything of another (宝鸡市's 金台区) by its id is told it does not
 * exist — 404, for reads and writes alike, for every kind of thing — and the answer names nobody and no unit of the
 * other tree. (Each such answer is a denial, which the problem handler records in the audit trail.)
 */
class OutOfScopeIntegrationTests extends IntegrationTestSupport {

    @Autowired
    Handovers handovers;

    @Autowired
    OnDuty onDuty;

    @Test
    void everyIdOfAnotherTreeAnswersNotFoundAndNamesNothingOfIt() {
        String unit = unitId("金台区人民政府");
        String person = personOf("jintai");
        String account = accountId("jintai");
        String roster = jdbc.sql("SELECT id FROM duty_roster WHERE unit_id = ? LIMIT 1").param(UUID.fromString(unit))
                .query(String.class).single();
        String slot = jdbc.sql("SELECT s.id FROM duty_slot s JOIN duty_shift h ON h.id = s.shift_id WHERE h.roster_id = ? "
                + "LIMIT 1").param(UUID.fromString(roster)).query(String.class).single();
        String incident = api().as("jintai").post("/api/v1/incidents", incident()).json().get("id").asString();
        String entry = api().as("jintai").post("/api/v1/duty-log/entries", Map.of("kind", "EVENT", "summary",
                "区应急局通报：今晚有寒潮")).json().get("id").asString();
        String verification = api().as("baoji").post("/api/v1/verification-requests", Map.of("targetUnitIds",
                List.of(unit), "subject", "核实某路段积水", "details", "请核实")).json().get("id").asString();
        String obligation = jdbc.sql("SELECT id FROM obligation WHERE obligor_unit_id = ? LIMIT 1")
                .param(UUID.fromString(unit)).query(String.class).single();
        String handover = handoverBelow(unit);
        String year = String.valueOf(LocalDate.now(clock.withZone(Zones.CHINA)).getYear());
        String month = YearMonth.now(clock.withZone(Zones.CHINA)).toString();

        Map<String, String> reads = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/units/" + unit, "/api/v1/units/" + unit + "/people",
                "/api/v1/units/" + unit + "/children", "/api/v1/people/" + person, "/api/v1/accounts/" + account,
                "/api/v1/units/" + unit + "/on-duty", "/api/v1/units/" + unit + "/on-duty/subordinates",
                "/api/v1/units/" + unit + "/rosters/" + month, "/api/v1/rosters/" + roster,
                "/api/v1/rosters/" + roster + "/violations", "/api/v1/rosters/" + roster + "/history",
                "/api/v1/units/" + unit + "/shift-pattern", "/api/v1/units/" + unit + "/duty-staff",
                "/api/v1/units/" + unit + "/duty-unavailability", "/api/v1/units/" + unit + "/swaps",
                "/api/v1/people/" + person + "/upcoming-shifts", "/api/v1/units/" + unit + "/holiday-filings",
                "/api/v1/units/" + unit + "/policy", "/api/v1/incidents/" + incident,
                "/api/v1/verification-requests/" + verification, "/api/v1/obligations/" + obligation,
                "/api/v1/obligations?unitId=" + unit, "/api/v1/duty-log/entries/" + entry + "/versions",
                "/api/v1/duty-log/entries/" + entry + "/attachments", "/api/v1/duty-log/books/" + year + "?unitId=" + unit,
                "/api/v1/duty-log/years?unitId=" + unit, "/api/v1/duty-log/search?unitId=" + unit,
                "/api/v1/duty-log/chain-check?unitId=" + unit + "&year=" + year, "/api/v1/handovers/" + handover,
                "/api/v1/handovers?unitId=" + unit + "&from=" + LocalDate.now(clock.withZone(Zones.CHINA)).minusDays(3)
                        + "&to=" + LocalDate.now(clock.withZone(Zones.CHINA)))) {
            reads.put("GET " + path, api().as("longting").get(path).toString());
        }
        Map<String, String> writes = new LinkedHashMap<>();
        Api.As longting = api().as("longting");
        writes.put("PUT shift-pattern", longting.put("/api/v1/units/" + unit + "/shift-pattern", Map.of("shifts",
                List.of(Map.of("name", "24小时班", "start", "08:30", "duration", "PT24H", "officers", 1)))).toString());
        writes.put("POST rosters", longting.post("/api/v1/units/" + unit + "/rosters", Map.of("month", month)).toString());
        writes.put("PUT roster-slot", longting.put("/api/v1/roster-slots/" + slot, Map.of()).toString());
        writes.put("POST publication", longting.post("/api/v1/rosters/" + roster + "/publication", Map.of()).toString());
        writes.put("POST unavailability", longting.post("/api/v1/duty-staff/" + person + "/unavailability", Map.of(
                "firstDay", month + "-28", "lastDay", month + "-28", "reason", "年休假")).toString());
        writes.put("POST correction", longting.post("/api/v1/duty-log/entries/" + entry + "/corrections", Map.of(
                "kind", "EVENT", "summary", "改", "correctionNote", "改")).toString());
        writes.put("POST acceptance", longting.post("/api/v1/handovers/" + handover + "/acceptance", Map.of()).toString());
        writes.put("POST feedback", longting.post("/api/v1/verification-requests/" + verification + "/feedback",
                Map.of("channel", "WRITTEN", "content", "已核实")).toString());
        writes.put("POST lapse", longting.post("/api/v1/reporting-lapses", Map.of("unitId", unit, "kind", "MISSED",
                "title", "某事", "finding", "漏报")).toString());

        List<String> names = otherTreesNames();
        Map<String, String> all = new HashMap<>(reads);
        all.putAll(writes);
        all.forEach((call, answer) -> {
            assertThat(answer).as(call).startsWith("404 ");
            names.forEach(name -> assertThat(answer).as(call).doesNotContain(name));
        });
    }

    /** A handover of a town under 金台区, signed by the head for its officer at the change of shift. */
    private String handoverBelow(String jintai) {
        Actor baojiHead = new Actor(null, "scope-test", "测试", UUID.fromString(jintai),
                Set.of(Role.DUTY_OFFICE_HEAD, Role.DUTY_OFFICER));
        OnDuty.View town = onDuty.below(baojiHead, UUID.fromString(jintai), clock.instant()).stream()
                .filter(view -> view.shift() != null && !view.dutyOfficers().isEmpty()
                        && jdbc.sql("SELECT COUNT(*) FROM handover WHERE unit_id = ?").param(view.unitId())
                                .query(Long.class).single() == 0)
                .findFirst().orElseThrow();
        Actor head = new Actor(null, "scope-test", "测试", town.unitId(), Set.of(Role.DUTY_OFFICE_HEAD, Role.DUTY_OFFICER));
        clock.set(town.shift().end().toInstant().minus(Duration.ofMinutes(30)));
        Handover draft = handovers.current(head);
        Handover signed = handovers.prepare(head, new HandoverCommand(draft.items(), draft.equipment(), null,
                town.dutyOfficers().get(0).personId()));
        return signed.id().toString();
    }

    private List<String> otherTreesNames() {
        UUID baoji = UUID.fromString(unitId("宝鸡市人民政府"));
        List<String> names = new ArrayList<>(jdbc.sql("SELECT u.name FROM unit u JOIN unit_closure c ON c.descendant_id = u.id "
                + "WHERE c.ancestor_id = ?").param(baoji).query(String.class).list());
        names.addAll(jdbc.sql("SELECT p.name FROM person p JOIN unit_closure c ON c.descendant_id = p.unit_id "
                + "WHERE c.ancestor_id = ?").param(baoji).query(String.class).list());
        return names;
    }

    private Map<String, Object> incident() {
        Instant learned = clock.instant().minus(Duration.ofMinutes(2));
        Map<String, Object> body = new HashMap<>();
        body.put("category", "ACCIDENT");
        body.put("severity", "IV");
        body.put("occurredAt", Zones.china(learned.minus(Duration.ofMinutes(5))).toString());
        body.put("learnedAt", Zones.china(learned).toString());
        body.put("place", "十里铺");
        body.put("title", "一般交通事故");
        body.put("summary", "两车轻微剐蹭，无人员伤亡");
        return body;
    }
}
