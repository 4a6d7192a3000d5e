package org.zhiban.dutylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/** The log book: gapless numbers under concurrent writers, corrections as versions, the chain check, bad input. */
class DutyLogIntegrationTests extends IntegrationTestSupport {

    @Autowired
    DutyLog dutyLog;

    @Autowired
    Units units;

    @Test
    void twentyWritersOfAThousandEntriesGetNumbersOneToAThousand() throws Exception {
        UUID unit = newUnit("并发测试值班室");
        Actor officer = new Actor(null, "concurrent", "值班员", unit, Set.of(Role.DUTY_OFFICER));
        ExecutorService writers = Executors.newFixedThreadPool(20);
        List<Future<Integer>> numbers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            numbers.add(writers.submit(() -> dutyLog.record(officer, event("第" + n + "条")).sequence()));
        }
        List<Integer> got = new ArrayList<>();
        for (Future<Integer> number : numbers) {
            got.add(number.get());
        }
        writers.shutdown();
        assertThat(got).hasSize(1000).doesNotHaveDuplicates().allMatch(n -> n >= 1 && n <= 1000);
        int year = LocalDate.now(clock.withZone(Zones.CHINA)).getYear();
        assertThat(dutyLog.checkChain(officer, unit, year).intact()).isTrue();
        assertThat(dutyLog.checkChain(officer, unit, year).checked()).isEqualTo(1000);
    }

    @Test
    void aCallIsLoggedCorrectedAsANewVersionAndAChangeInTheDatabaseIsReported() {
        Api.As officer = api().as("jintai");
        Api.Response call = officer.post("/api/v1/duty-log/entries", Map.of("kind", "INCOMING_CALL",
                "summary", "昨夜暴雨导致金台大道积水", "callerName", "王强", "callerUnit", "区住建局", "callerPhone", "0917-3260001",
                "followUp", "PENDING"));
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        String id = call.json().get("id").asString();
        assertThat(call.json().get("number").asString()).matches("\\d{4}-\\d{6}");
        assertThat(call.json().get("occurredAt").asString()).endsWith(":00+08:00");

        Map<String, Object> corrected = new HashMap<>(Map.of("kind", "INCOMING_CALL", "summary",
                "昨夜暴雨导致金台大道东段积水约30厘米", "callerName", "王强", "callerUnit", "区住建局",
                "correctionNote", "补充积水位置和深度", "followUp", "TRACKING"));
        assertThat(officer.post("/api/v1/duty-log/entries/" + id + "/corrections", corrected).status()).isEqualTo(200);
        JsonNode versions = officer.get("/api/v1/duty-log/entries/" + id + "/versions").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("summary").asString()).isEqualTo("昨夜暴雨导致金台大道积水");
        assertThat(versions.get(1).get("number").asString()).isEqualTo(versions.get(0).get("number").asString());

        String unit = unitId("金台区人民政府");
        int year = call.json().get("year").asInt();
        String check = "/api/v1/duty-log/chain-check?unitId=" + unit + "&year=" + year;
        assertThat(officer.get(check).json().get("intact").asBoolean()).isTrue();
        jdbc.sql("UPDATE duty_log_entry SET summary = '无事' WHERE entry_id = ? AND entry_version = 1")
                .param(UUID.fromString(id)).update();
        JsonNode broken = officer.get(check).json();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("breaks").get(0).asString()).contains(call.json().get("number").asString());
        jdbc.sql("UPDATE duty_log_entry SET summary = '昨夜暴雨导致金台大道积水' WHERE entry_id = ? AND entry_version = 1")
                .param(UUID.fromString(id)).update();
        assertThat(officer.get(check).json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void badInputGetsAProblemAndWritesNothing() {
        Api.As officer = api().as("jintai");
        long before = jdbc.sql("SELECT COUNT(*) FROM duty_log_entry").query(Long.class).single();
        Api.Response noCaller = officer.post("/api/v1/duty-log/entries", Map.of("kind", "INCOMING_CALL",
                "summary", "询问值班安排"));
        assertThat(noCaller.status()).isEqualTo(400);
        assertThat(noCaller.json().get("detail").asString()).contains("来电人");
        Api.Response future = officer.post("/api/v1/duty-log/entries", Map.of("kind", "EVENT", "summary", "演练",
                "occurredAt", clock.instant().plusSeconds(7200).atOffset(java.time.ZoneOffset.ofHours(8)).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asString()).contains("本班次内");
        Api.Response classified = officer.post("/api/v1/duty-log/entries", Map.of("kind", "DOCUMENT",
                "summary", "收到文件", "classified", true));
        assertThat(classified.status()).isEqualTo(400);
        assertThat(classified.code()).isEqualTo("CLASSIFIED_REFUSED");
        assertThat(classified.json().get("detail").asString()).contains("涉密渠道");
        assertThat(officer.post("/api/v1/duty-log/entries", Map.of("kind", "NOT_A_KIND", "summary", "x")).status())
                .isEqualTo(400);
        assertThat(api().as("jintai-leader").post("/api/v1/duty-log/entries", Map.of("kind", "EVENT", "summary", "x"))
                .status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_log_entry").query(Long.class).single()).isEqualTo(before);
    }

    private UUID newUnit(String name) {
        Actor admin = new Actor(null, "test", "测试", null, Set.of(Role.SYSTEM_ADMIN));
        return units.create(admin, new UnitCommand(UUID.fromString(unitId("金台区人民政府")), name,
                UnitKind.WORKING_DEPARTMENT, UnitLevel.COUNTY, null, null, null, null, null, null)).id();
    }

    private static EntryCommand event(String summary) {
        return new EntryCommand(EntryKind.EVENT, null, null, summary, null, null, null, null, null, null, null, null,
                null);
    }
}
