package org.zhiban.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/** 宝政办发〔2022〕43号 第二十五条: each quarter's directory review, coming before its last week, open in it, done by the unit. */
class DirectoryReviewIntegrationTests extends IntegrationTestSupport {

    @Autowired
    DirectoryReviews reviews;

    @Test
    void everyBaojiUnitOwesTheCurrentQuartersReviewDueAtTheEndOfItsLastDayFromTheStart() {
        ReviewQuarter quarter = ReviewQuarter.at(clock.instant());
        reviews.openCurrentQuarter();
        for (String unit : new String[] { "宝鸡市人民政府", "金台区人民政府", "蟠龙镇人民政府", "宝鸡市水利局" }) {
            JsonNode review = reviewOf(unit, quarter);
            assertThat(review).as(unit).isNotNull();
            assertThat(review.get("citation").asString()).isEqualTo("宝政办发〔2022〕43号 第二十五条");
            assertThat(OffsetDateTime.parse(review.get("openedAt").asString()).toInstant()).isEqualTo(quarter.opensAt());
        }
        assertThat(reviewOf("北书店街道办事处", quarter)).as("龙亭区's rules are silent on it").isNull();
    }

    @Test
    void aReviewIsDoneInTheQuartersLastWeekTheNextIsComingAndRefusedTillItsWeekAndTheCitySeesWhoReviewed() {
        ReviewQuarter current = ReviewQuarter.at(clock.instant());
        reviews.openCurrentQuarter();
        if (clock.instant().isBefore(current.opensAt())) {
            clock.set(current.opensAt().plus(Duration.ofHours(10)));
        }
        String path = "/api/v1/units/" + unitId("金台区人民政府") + "/directory-reviews";
        assertThat(api().as("jintai").post(path, Map.of()).status()).as("duty officers do not confirm").isEqualTo(403);
        Api.Response done = api().as("jintai-head").post(path, Map.of("note", "更新区长办公电话，其余核对无误"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get(0).get("quarter").asString()).isEqualTo(current.code());
        assertThat(done.json().get(0).get("late").asBoolean()).isFalse();
        assertThat(reviewOf("金台区人民政府", current).get("status").asString()).isEqualTo("FULFILLED");

        ReviewQuarter next = ReviewQuarter.at(current.dueAt().plusSeconds(1));
        reviews.openQuarter(next);
        JsonNode coming = reviewOf("金台区人民政府", next);
        assertThat(coming.get("coming").asBoolean()).isTrue();
        assertThat(coming.get("status").asString()).isEqualTo("OPEN");
        Api.Response early = api().as("jintai-head").post(path, Map.of("note", "已核对"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("起进行").contains("第二十五条");

        JsonNode below = api().as("baoji").get("/api/v1/units/" + unitId("宝鸡市人民政府")
                + "/directory-reviews/subordinates?quarter=" + current.code()).json();
        JsonNode jintai = below.valueStream().filter(r -> r.get("unitName").asString().equals("金台区人民政府"))
                .findFirst().orElseThrow();
        assertThat(jintai.get("fulfilled").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(jintai.get("due").asLong()).as("its towns and departments owe theirs too")
                .isGreaterThan(jintai.get("fulfilled").asLong());
        assertThat(api().as("baoji").get("/api/v1/units/" + unitId("宝鸡市人民政府")
                + "/directory-reviews/subordinates?quarter=Q4").status()).isEqualTo(400);
        Api.Response silent = api().as("admin").get("/api/v1/units/" + unitId("开封市龙亭区人民政府")
                + "/directory-reviews");
        assertThat(silent.json().size()).as("龙亭区's rules ask for no review").isZero();
    }

    private JsonNode reviewOf(String unitName, ReviewQuarter quarter) {
        JsonNode page = api().as("admin").get("/api/v1/obligations?unitId=" + unitId(unitName)
                + "&kind=DIRECTORY_REVIEW&size=20").json();
        Instant due = quarter.dueAt();
        return page.get("items").valueStream()
                .filter(o -> OffsetDateTime.parse(o.get("dueAt").asString()).toInstant().equals(due))
                .findFirst().orElse(null);
    }
}
