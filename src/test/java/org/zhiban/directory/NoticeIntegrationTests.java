package org.zhiban.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.ObligationStatus;
import org.zhiban.obligation.Obligations;
import org.zhiban.organization.People;
import org.zhiban.organization.PersonCommand;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Absence and obituary notices against the deadlines of the filing unit's own policy, the superior's inbox, approval
 * where the X-district standard asks for it, the return and the overdue return, and a principal's change reported up.
 */
class NoticeIntegrationTests extends IntegrationTestSupport {

    private static final String BAOJI_15 = "宝政办发〔2022〕43号 第十五条";

    @Autowired
    AbsenceNotices absences;

    @Autowired
    Obligations obligations;

    @Autowired
    People people;

    @Test
    void anAbsenceNoticeTwoDaysAheadIsLateAndFiveDaysAheadIsOnTimeAndTheSuperiorReceivesBoth() {
        String principal = principalOf("金台区人民政府", "区长");
        Api.Response early = fileAbsence("jintai", principal, clock.instant().plus(Duration.ofDays(5)), "赴西安参加全省会议");
        Api.Response late = fileAbsence("jintai", principal, clock.instant().plus(Duration.ofDays(2)).plusSeconds(60),
                "赴北京汇报工作");

        assertThat(late.status()).as(late.body()).isEqualTo(201);
        assertThat(late.json().get("late").asBoolean()).isTrue();
        assertThat(late.json().get("citation").asString()).isEqualTo(BAOJI_15);
        assertThat(early.status()).as(early.body()).isEqualTo(201);
        assertThat(early.json().get("late").asBoolean()).isFalse();
        assertThat(early.json().get("citation").asString()).isEqualTo(BAOJI_15);
        OffsetDateTime depart = OffsetDateTime.parse(early.json().get("departAt").asString());
        assertThat(OffsetDateTime.parse(early.json().get("dueAt").asString()).toInstant()).as("the end of the third day before")
                .isEqualTo(depart.atZoneSameInstant(Zones.CHINA).toLocalDate().minusDays(2).atStartOfDay(Zones.CHINA)
                        .toInstant());
        assertThat(early.json().get("status").asString()).isEqualTo("NOTIFIED");

        awaitEventsHandled();
        List<String> inbox = titles("baoji");
        assertThat(inbox).as("the title names the person and the dates, never the reason")
                .anyMatch(t -> t.startsWith("【外出报备·逾期】") && !t.contains("赴北京")
                        && t.contains(late.json().get("personName").asString()));
        assertThat(inbox).anyMatch(t -> t.startsWith("【外出报备】") && t.contains(early.json().get("personName").asString()));
        assertThat(jdbc.sql("SELECT status || ' ' || CAST(lateness_seconds > 0 AS VARCHAR(5)) FROM obligation "
                + "WHERE subject_id = ?").param("absence:" + late.json().get("id").asString()).query(String.class)
                .single()).as("counted late in the timeliness ledger").isEqualToIgnoringCase("FULFILLED true");
    }

    @Test
    void anAbsenceOfSomeoneNotMarkedPrincipalOrWithEveryFieldMissingIsRefusedNamingEachAndWritesNothing() {
        long before = count();
        Api.Response notPrincipal = fileAbsence("jintai", personOf("jintai"), clock.instant().plus(Duration.ofDays(9)),
                "休假");
        assertThat(notPrincipal.status()).isEqualTo(400);
        assertThat(notPrincipal.body()).contains("personId").contains("不是本单位标明的主要负责同志");

        Api.Response empty = api().as("jintai").post("/api/v1/absence-notices", Map.of("returnAt", "not a time"));
        assertThat(empty.status()).isEqualTo(400);
        Api.Response blank = api().as("jintai").post("/api/v1/absence-notices", Map.of("urgent", false));
        assertThat(blank.status()).isEqualTo(400);
        List<String> fields = blank.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("personId", "reason", "destination", "departAt", "returnAt");

        Map<String, Object> backwards = absenceBody(principalOf("金台区人民政府", "区长"),
                clock.instant().plus(Duration.ofDays(9)), "休假");
        backwards.put("returnAt", OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(8)), Zones.CHINA).toString());
        backwards.put("classified", true);
        assertThat(api().as("jintai").post("/api/v1/absence-notices", backwards).code()).isEqualTo("CLASSIFIED_REFUSED");
        backwards.remove("classified");
        Api.Response refused = api().as("jintai").post("/api/v1/absence-notices", backwards);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("returnAt").contains("返回时间应晚于离开时间");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anObituaryOneDayBeforeTheCeremonyIsLateAndThreeDaysBeforeIsOnTime() {
        Api.Response late = fileObituary("某院士甲", clock.instant().plus(Duration.ofDays(1)));
        Api.Response onTime = fileObituary("某院士乙", clock.instant().plus(Duration.ofDays(3)));
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        assertThat(late.json().get("late").asBoolean()).isTrue();
        assertThat(late.json().get("citation").asString()).isEqualTo(BAOJI_15);
        assertThat(onTime.json().get("late").asBoolean()).isFalse();
        assertThat(onTime.json().get("citation").asString()).isEqualTo(BAOJI_15);
        assertThat(onTime.json().get("categoryLabel").asString()).isEqualTo("两院院士");
        assertThat(jdbc.sql("SELECT contact_phone FROM obituary_notice WHERE id = ?")
                .param(UUID.fromString(onTime.json().get("id").asString())).query(String.class).single())
                .as("sealed at rest").startsWith("v").doesNotContain("3265");
        awaitEventsHandled();
        assertThat(titles("baoji")).anyMatch(t -> t.startsWith("【讣告·逾期】某院士甲"))
                .anyMatch(t -> t.startsWith("【讣告】某院士乙"));

        Api.Response bad = api().as("jintai").post("/api/v1/obituary-notices", Map.of("contactPhone", "12345"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .contains("name", "formerPost", "category", "diedAt", "farewellAt", "farewellPlace", "contact",
                        "contactPhone");
    }

    /** X区 第十条: a principal's absence is asked of the district, which approves or refuses; the standard sets no lead. */
    @Test
    void underTheXDistrictStandardTheDistrictApprovesAndTwoPrincipalsAwayAtOnceAreWarnedOf() {
        UUID street = UUID.fromString(unitId("城关街道办事处"));
        Actor office = new Actor(null, "chengguan-duty", "城关街道值班员", street, Set.of(Role.DUTY_OFFICER));
        Actor district = new Actor(null, "x-head", "X区值班室负责人", UUID.fromString(unitId("X区人民政府")),
                Set.of(Role.DUTY_OFFICE_HEAD));
        Instant depart = clock.instant().plus(Duration.ofDays(20));
        AbsenceNotice first = absences.file(office, command(principalOf("城关街道办事处", "街道党工委书记"), depart));
        AbsenceNotice second = absences.file(office, command(principalOf("城关街道办事处", "街道办事处主任"),
                depart.plus(Duration.ofHours(6))));

        assertThat(first.status()).isEqualTo(AbsenceStatus.AWAITING_APPROVAL);
        assertThat(first.approvalCitation()).isEqualTo("X区值班工作标准规范 第十条");
        assertThat(first.dueAt()).as("the standard sets no lead").isNull();
        assertThat(first.late()).isFalse();
        assertThat(second.warnings()).singleElement().asString().contains(first.personName()).contains("同期外出");

        assertThatThrownBy(() -> absences.decide(office, first.id(), true, null)).isInstanceOf(ZhibanException.class);
        assertThatThrownBy(() -> absences.decide(district, first.id(), false, " "))
                .hasMessageContaining("不予批准的理由");
        AbsenceNotice approved = absences.decide(district, first.id(), true, null);
        assertThat(approved.status()).isEqualTo(AbsenceStatus.APPROVED);
        assertThat(absences.decide(district, second.id(), false, "同期须有一名主要负责同志在岗").status())
                .isEqualTo(AbsenceStatus.REFUSED);
        assertThat(absences.get(office, first.id()).warnings()).as("the refused one is not away").isEmpty();
    }

    @Test
    void aReturnNotRecordedByTheNotifiedDateOpensAnOverdueObligationThatTheReturnFulfilsLate() {
        Actor office = new Actor(null, "jintai", "金台区值班员", UUID.fromString(unitId("金台区人民政府")),
                Set.of(Role.DUTY_OFFICER));
        AbsenceNotice notice = absences.file(office, command(principalOf("金台区人民政府", "区长"),
                clock.instant().plus(Duration.ofDays(6))));
        String subject = "absence-return:" + notice.id();
        absences.openOverdueReturns();
        assertThat(obligations.forSubject("directory", subject)).as("nothing before the return is due").isEmpty();

        clock.advance(Duration.ofDays(8));
        // Two instances' passes at the same moment: the return is claimed by one of them.
        var other = java.util.concurrent.CompletableFuture.supplyAsync(absences::openOverdueReturns);
        assertThat(absences.openOverdueReturns() + other.join()).isPositive();
        assertThat(absences.openOverdueReturns()).isZero();
        assertThat(obligations.forSubject("directory", subject)).as("once").hasSize(1);
        Obligation overdue = obligations.forSubject("directory", subject).get(0);
        assertThat(overdue.citation()).isEqualTo(BAOJI_15);
        assertThat(overdue.dueAt()).isEqualTo(notice.returnAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        AbsenceNotice back = absences.recordReturn(office, notice.id(), null);
        assertThat(back.status()).isEqualTo(AbsenceStatus.RETURNED);
        assertThat(back.returnLate()).isTrue();
        Obligation closed = obligations.get(overdue.id());
        assertThat(closed.status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(closed.lateness()).isPositive();
    }

    @Test
    void aPrincipalsChangeOfPostIsKeptInTheHistoryAndReportedToTheSuperior() {
        UUID principal = UUID.fromString(principalOf("渭滨区人民政府", "区长"));
        Actor admin = new Actor(null, "admin", "系统管理员", null, Set.of(Role.SYSTEM_ADMIN));
        var person = people.getForEdit(admin, principal);
        people.update(admin, principal, new PersonCommand(person.name(), "区长（兼）", "13909171234",
                person.officePhone(), person.employmentType(), person.remark(), null, true, null));

        assertThat(people.history(admin, principal)).extracting(c -> c.fieldLabel() + "：" + c.oldValue() + "→"
                + c.newValue()).contains("职务：区长→区长（兼）", "手机：" + mask(person.mobile()) + "→139****1234");
        awaitEventsHandled();
        assertThat(titles("baoji")).anyMatch(t -> t.equals("【主要负责同志信息变动】" + person.name() + "：职务、手机已更新"));
        assertThat(people.get(admin, principal).directoryRoles()).as("roles kept when not sent")
                .contains(org.zhiban.organization.DirectoryRole.PRINCIPAL);
    }

    private static String mask(String mobile) {
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    private AbsenceNoticeCommand command(String personId, Instant depart) {
        return new AbsenceNoticeCommand(UUID.fromString(personId), "外出学习", "西安市", Zones.china(depart),
                Zones.china(depart.plus(Duration.ofDays(1))), null, "13909170000", false, null, null);
    }

    private Api.Response fileAbsence(String username, String personId, Instant depart, String reason) {
        return api().as(username).post("/api/v1/absence-notices", absenceBody(personId, depart, reason));
    }

    private Map<String, Object> absenceBody(String personId, Instant depart, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("reason", reason);
        body.put("destination", "西安市");
        body.put("departAt", OffsetDateTime.ofInstant(depart, Zones.CHINA).toString());
        body.put("returnAt", OffsetDateTime.ofInstant(depart.plus(Duration.ofDays(2)), Zones.CHINA).toString());
        body.put("contact", "13909175566");
        return body;
    }

    private Api.Response fileObituary(String name, Instant farewell) {
        ZonedDateTime died = farewell.minus(Duration.ofDays(4)).atZone(Zones.CHINA);
        return api().as("jintai").post("/api/v1/obituary-notices", Map.of("name", name, "formerPost", "中国科学院院士",
                "category", "ACADEMICIAN", "diedAt", died.toOffsetDateTime().toString(), "place", "西安市",
                "farewellAt", farewell.atZone(Zones.CHINA).toOffsetDateTime().toString(), "farewellPlace", "宝鸡市殡仪馆",
                "contact", "治丧办", "contactPhone", "0917-3265001"));
    }

    private String principalOf(String unitName, String position) {
        return jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM person WHERE unit_id = ? AND position = ?")
                .params(UUID.fromString(unitId(unitName)), position).query(String.class).single();
    }

    private List<String> titles(String username) {
        JsonNode messages = api().as(username).get("/api/v1/notifications").json();
        return messages.valueStream().map(m -> m.get("title").asString()).toList();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM absence_notice").query(Long.class).single();
    }
}
