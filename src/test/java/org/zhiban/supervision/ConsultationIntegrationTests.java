package org.zhiban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Consultations before holidays and important periods (宝政办发〔2022〕43号 第二十七条; X区 第八条), with the work
 * reminder each unit reminded acknowledges. The period declared here is withdrawn at the end.
 */
class ConsultationIntegrationTests extends IntegrationTestSupport {

    private static final String BAOJI = "宝政办发〔2022〕43号 ";

    @Autowired
    OwedConsultations owedConsultations;

    @Test
    void beforeADeclaredPeriodTheCityOwesAConsultationWhichItsRecordFulfilsAndJintaiAcknowledgesItsReminder() {
        Instant starts = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        JsonNode period = api().as("baoji-head").post("/api/v1/units/" + unitId("宝鸡市人民政府") + "/important-periods",
                Map.of("name", "全市重大活动期间", "startsAt", Zones.china(starts).toString(), "endsAt",
                        Zones.china(starts.plus(Duration.ofDays(1))).toString())).json();
        String key = "period:" + period.get("id").asString();
        try {
            owedConsultations.openOwed();
            JsonNode upcoming = api().as("baoji").get("/api/v1/consultations/upcoming").json().valueStream()
                    .filter(p -> p.get("key").asString().equals(key)).findFirst().orElseThrow();
            assertThat(upcoming.get("citation").asString()).isEqualTo(BAOJI + "第二十七条");
            assertThat(upcoming.get("owed").get("status").asString()).isEqualTo("OPEN");
            assertThat(Instant.parse(upcoming.get("owed").get("dueAt").asString()))
                    .isEqualTo(Instant.parse(period.get("startsAt").asString()));

            Api.Response recorded = api().as("baoji").post("/api/v1/consultations", Map.of("subject",
                    "重大活动期间值班会商", "periodKey", key, "participants", "市应急局、市公安局、市气象局",
                    "risks", "活动期间人员密集，防范踩踏和极端天气", "reminder", "请严格落实领导带班和24小时值班",
                    "unitIds", List.of(unitId("金台区人民政府"))));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            JsonNode consultation = recorded.json();
            assertThat(consultation.get("citation").asString()).isEqualTo(BAOJI + "第二十七条");
            assertThat(consultation.get("owed").get("status").asString()).isEqualTo("FULFILLED");
            String id = consultation.get("id").asString();

            JsonNode seen = api().as("jintai").get("/api/v1/consultations/" + id).json();
            assertThat(seen.get("reminder").asString()).contains("领导带班");
            assertThat(seen.get("risks").isNull()).as("the organiser's analysis stays with it").isTrue();
            JsonNode acknowledged = api().as("jintai").post("/api/v1/consultations/" + id + "/acknowledge", Map.of())
                    .json();
            assertThat(acknowledged.get("reminded").get(0).get("acknowledgedBy").asString()).isEqualTo("jintai");
            assertThat(api().as("jintai").post("/api/v1/consultations/" + id + "/acknowledge", Map.of()).status())
                    .isEqualTo(409);
            assertThat(api().as("baoji").get("/api/v1/consultations/" + id).json().get("reminded").get(0)
                    .get("acknowledgedAt").isNull()).isFalse();
        }
        finally {
            api().as("baoji-head").delete("/api/v1/important-periods/" + period.get("id").asString());
        }
    }

    @Test
    void aConsultationMissingItsSubjectParticipantsAndRisksIsRefusedNamingEachAndWritesNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM consultation").query(Long.class).single();
        Api.Response refused = api().as("baoji").post("/api/v1/consultations", Map.of("reminder", "注意值守",
                "unitIds", List.of(unitId("宝鸡市人民政府"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("subject", "participants", "risks", "unitIds", "请填写会商主题");
        assertThat(api().as("baoji").post("/api/v1/consultations", Map.of("subject", "会商", "participants", "值班室",
                "risks", "无", "classified", true)).status()).as("classified content never enters").isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consultation").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void xDistrictRecordsAConsultationCitingArticle8AndOwesNone() {
        Api.Response recorded = api().as("xdistrict").post("/api/v1/consultations", Map.of("subject", "节前值班会商",
                "participants", "区应急办、区值班室", "risks", "节日期间火灾风险"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("citation").asString()).endsWith("第八条");
        assertThat(api().as("xdistrict").get("/api/v1/consultations/upcoming").json().valueStream()
                .allMatch(p -> p.get("dueAt").isNull())).isTrue();
    }
}
