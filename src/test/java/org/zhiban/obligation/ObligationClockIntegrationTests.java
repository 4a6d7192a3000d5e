package org.zhiban.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.notification.DeliveryWorker;
import org.zhiban.notification.Inbox;
import org.zhiban.shared.Actor;
import org.zhiban.shared.PersonalData;
import org.zhiban.shared.Role;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The clock with a clock the test moves: reminder, overdue transition and both escalations each fire once and only
 * once, reach the right people by the channels they chose, and nothing else is sent.
 */
class ObligationClockIntegrationTests extends IntegrationTestSupport {

    @Autowired
    ObligationClock obligationClock;

    @Autowired
    DeliveryWorker deliveries;

    @Autowired
    Inbox inbox;

    @Autowired
    Obligations obligations;

    @BeforeEach
    void drain() throws Exception {
        SMS.failNext(0);
        obligationClock.fireDue();
        awaitEventsHandled();
        deliveries.deliverDue();
        MAIL.purgeEmailFromAllMailboxes();
        SMS.clear();
    }

    @Test
    void eachStepFiresOnceAndReachesItsPeopleByTheirChannels() throws Exception {
        enable("jintai-head", "EMAIL", "head@jintai.example");
        enable("jintai-leader", "SMS", "13800000001");
        enable("baoji-head", "EMAIL", "head@baoji.example");
        String jintai = unitId("金台区人民政府");
        Instant due = clock.instant().plus(Duration.ofHours(3));
        JsonNode opened = api().as("baoji-head").post("/api/v1/obligations", Map.of("unitId", jintai,
                "kind", "ASSIGNED_TASK", "title", "核查辖区防汛物资储备", "dueAt", due.toString(),
                "citation", "宝政办发〔2022〕43号 第十八条")).json();
        UUID id = UUID.fromString(opened.get("id").asString());
        assertThat(opened.get("dueAt").asString()).endsWith("+08:00");

        obligationClock.fireDue();
        assertThat(firings(id)).isEmpty();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        obligationClock.fireDue();
        obligationClock.fireDue();
        assertThat(firings(id)).containsExactly("REMINDER");
        clock.advance(Duration.ofHours(2));
        obligationClock.fireDue();
        assertThat(firings(id)).containsExactly("OVERDUE", "REMINDER");
        assertThat(api().as("jintai").get("/api/v1/obligations/" + id).json().get("overdue").asBoolean()).isTrue();
        clock.advance(Duration.ofHours(2));
        obligationClock.fireDue();
        clock.advance(Duration.ofHours(10));
        obligationClock.fireDue();

        assertThat(firings(id)).containsExactly("OVERDUE", "REMINDER", "SUPERIOR_ESCALATION");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM obligation_firing WHERE obligation_id = ? AND fired_late = TRUE")
                .param(id).query(Long.class).single()).isZero();
        awaitEventsHandled();
        assertThat(recipients(id, "REMINDER")).containsExactlyInAnyOrder("jintai", "jintai-head");
        assertThat(recipients(id, "OVERDUE")).containsExactlyInAnyOrder("jintai-head", "jintai-leader");
        assertThat(recipients(id, "ESCALATION")).containsExactlyInAnyOrder("baoji", "baoji-head");

        deliveries.deliverDue();
        List<MimeMessage> mails = java.util.Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> subject(m).contains("核查辖区防汛物资储备")).toList();
        assertThat(mails).extracting(m -> m.getAllRecipients()[0].toString() + " " + m.getSubject())
                .containsExactlyInAnyOrder(
                        "head@jintai.example 【即将到期】交办事项：核查辖区防汛物资储备",
                        "head@jintai.example 【已逾期】交办事项：核查辖区防汛物资储备",
                        "head@baoji.example 【下级逾期】交办事项：核查辖区防汛物资储备");
        assertThat(((String) mails.get(0).getContent())).contains("金台区人民政府").contains("截止时间");
        List<String> sms = SMS.received().stream().filter(body -> body.contains("核查辖区防汛物资储备")).toList();
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0)).contains("\"mobile\":\"13800000001\"").contains("【已逾期】交办事项")
                .contains("金台区人民政府");
        deliveries.deliverDue();
        assertThat(MAIL.getReceivedMessages()).filteredOn(m -> subject(m).contains("核查辖区防汛物资储备")).hasSize(3);
    }

    @Test
    void aFailedSmsIsRetriedWithBackoffAndEveryAttemptIsRecorded() throws Exception {
        enable("jintai-leader", "SMS", "13800000001");
        UUID id = assign(Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(31));
        obligationClock.fireDue();
        awaitEventsHandled();
        SMS.failNext(2);
        assertThat(deliveries.deliverDue()).isEqualTo(1);
        assertThat(SMS.received()).isEmpty();
        assertThat(deliveries.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(deliveries.deliverDue()).isEqualTo(1);
        assertThat(SMS.received()).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(deliveries.deliverDue()).as("the second wait is twice the first").isZero();
        clock.advance(Duration.ofSeconds(60));
        assertThat(deliveries.deliverDue()).isEqualTo(1);
        assertThat(SMS.received()).hasSize(1);
        assertThat(SMS.received().get(0)).as("the gateway is given the number").contains("13800000001");
        assertThat(jdbc.sql("SELECT d.address FROM notification_delivery d JOIN notification n "
                + "ON n.id = d.notification_id WHERE n.obligation_id = ?").param(id).query(String.class).single())
                .as("the database keeps it sealed (ADR 0024)").startsWith("v").doesNotContain("13800000001");
        assertThat(jdbc.sql("""
                SELECT a.outcome FROM notification_attempt a JOIN notification_delivery d ON d.id = a.delivery_id
                JOIN notification n ON n.id = d.notification_id WHERE n.obligation_id = ? ORDER BY a.attempt""")
                .param(id).query(String.class).list()).containsExactly("FAILED", "FAILED", "SENT");
    }

    /**
     * A delivery whose sealed address was changed by hand fails at once, without an attempt and without holding up
     * the others; the account's own list shows it failed.
     */
    @Test
    void aDeliveryWhoseAddressDoesNotOpenFailsAtOnceAndTheOthersAreSent() {
        enable("jintai-leader", "SMS", "13800000001");
        UUID id = assign(Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(31));
        obligationClock.fireDue();
        awaitEventsHandled();
        List<UUID> sms = jdbc.sql("SELECT d.id FROM notification_delivery d JOIN notification n ON n.id = "
                + "d.notification_id WHERE n.obligation_id = ? AND d.channel = 'SMS' ORDER BY d.id").param(id)
                .query(UUID.class).list();
        assertThat(sms).isNotEmpty();
        UUID changed = sms.get(0);
        jdbc.sql("UPDATE notification_delivery SET address = REPLACE(address, SUBSTRING(address, 5, 4), 'AAAA') "
                + "WHERE id = ?").param(changed).update();
        long sentBefore = SMS.received().size();

        deliveries.deliverDue();

        assertThat(jdbc.sql("SELECT status || ' ' || last_error FROM notification_delivery WHERE id = ?").param(changed)
                .query(String.class).single()).isEqualTo("FAILED 投递地址密文校验失败，无法解密，未发送");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_attempt WHERE delivery_id = ?").param(changed)
                .query(Long.class).single()).isZero();
        assertThat(SMS.received()).hasSize((int) sentBefore + sms.size() - 1);
        Actor leader = new Actor(UUID.fromString(accountId("jintai-leader")), "jintai-leader", "金台区值班领导", null,
                Set.of(Role.LEADER_ON_DUTY));
        assertThat(inbox.deliveries(leader)).filteredOn(d -> "FAILED".equals(d.status())).singleElement()
                .satisfies(d -> assertThat(d.address()).as("the list names it rather than failing")
                        .isEqualTo(PersonalData.UNREADABLE));
    }

    @Test
    void anObligationExtendedAfterItsStepsFiredHasThemFireAgainForTheNewDeadline() {
        UUID id = assign(Duration.ofHours(3));
        clock.advance(Duration.ofHours(3).plusSeconds(1));
        obligationClock.fireDue();
        assertThat(firings(id)).containsExactly("OVERDUE", "REMINDER");

        obligations.extend(id, clock.instant().plus(Duration.ofHours(4)));
        assertThat(obligations.get(id).overdue()).isFalse();
        assertThat(firings(id)).isEmpty();
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        obligationClock.fireDue();
        assertThat(firings(id)).containsExactly("REMINDER");
        clock.advance(Duration.ofHours(2));
        obligationClock.fireDue();
        assertThat(firings(id)).containsExactly("OVERDUE", "REMINDER");
        assertThat(obligations.get(id).overdue()).isTrue();
    }

    @Test
    void aStepMissedWhileEveryInstanceWasDownFiresLateAndOnce() {
        UUID id = assign(Duration.ofHours(3));
        clock.advance(Duration.ofHours(8));
        obligationClock.fireDue();
        obligationClock.fireDue();
        assertThat(firings(id)).containsExactly("OVERDUE", "REMINDER", "SUPERIOR_ESCALATION");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM obligation_firing WHERE obligation_id = ? AND fired_late = TRUE")
                .param(id).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void fulfilmentAfterTheDeadlineRecordsLatenessInTheLedger() {
        String town = unitId("金河镇人民政府");
        Instant start = clock.instant();
        UUID onTime = assignTo(town, Duration.ofMinutes(30));
        UUID late = assignTo(town, Duration.ofMinutes(30));
        assertThat(api().as("jintai").post("/api/v1/obligations/" + onTime + "/fulfilment", Map.of()).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(42));
        JsonNode fulfilled = api().as("jintai").post("/api/v1/obligations/" + late + "/fulfilment", Map.of()).json();
        assertThat(fulfilled.get("status").asString()).isEqualTo("FULFILLED");
        assertThat(fulfilled.get("lateness").asString()).isEqualTo("PT12M");
        assertThat(api().as("jintai").post("/api/v1/obligations/" + late + "/fulfilment", Map.of()).code())
                .isEqualTo("OBLIGATION_CLOSED");
        UUID open = assignTo(town, Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        JsonNode ledger = api().as("jintai").get("/api/v1/obligations/ledger?unitId=" + town + "&from="
                + Api.query(start.minusSeconds(1).toString()) + "&to=" + Api.query(clock.instant().toString())).json();
        JsonNode row = ledger.get(0);
        assertThat(row.get("due").asLong()).isEqualTo(3);
        assertThat(row.get("onTime").asLong()).isEqualTo(1);
        assertThat(row.get("late").asLong()).isEqualTo(1);
        assertThat(row.get("openOverdue").asLong()).isEqualTo(1);
        assertThat(row.get("maxLateness").asString()).isEqualTo("PT12M");
        assertThat(open).isNotNull();
    }

    @Test
    void aSuperiorWaivesWithAReason() {
        UUID id = assign(Duration.ofHours(1));
        assertThat(api().as("jintai").post("/api/v1/obligations/" + id + "/waiver", Map.of("reason", "不办了")).status())
                .isEqualTo(403);
        assertThat(api().as("baoji-head").post("/api/v1/obligations/" + id + "/waiver", Map.of("reason", " ")).status())
                .isEqualTo(400);
        JsonNode waived = api().as("baoji-head").post("/api/v1/obligations/" + id + "/waiver",
                Map.of("reason", "已由市应急局统一核查")).json();
        assertThat(waived.get("status").asString()).isEqualTo("WAIVED");
        clock.advance(Duration.ofHours(5));
        obligationClock.fireDue();
        assertThat(firings(id)).isEmpty();
    }

    @Test
    void badInputGetsAProblem() {
        String jintai = unitId("金台区人民政府");
        String due = clock.instant().plus(Duration.ofHours(1)).toString();
        assertThat(api().as("baoji-head").post("/api/v1/obligations", Map.of("unitId",
                "00000000-0000-0000-0000-000000000000", "kind", "ASSIGNED_TASK", "title", "x", "dueAt", due)).code())
                .isEqualTo("UNIT_NOT_FOUND");
        Api.Response unknownKind = api().as("baoji-head").post("/api/v1/obligations", Map.of("unitId", jintai,
                "kind", "NO_SUCH_KIND", "title", "x", "dueAt", due));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        Api.Response past = api().as("baoji-head").post("/api/v1/obligations", Map.of("unitId", jintai,
                "kind", "ASSIGNED_TASK", "title", "x", "dueAt", clock.instant().minusSeconds(60).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("detail").asString()).contains("截止时间应晚于开启时间");
        assertThat(api().as("baoji-head").post("/api/v1/obligations", Map.of("unitId", jintai, "kind",
                "ASSIGNED_TASK", "title", "x", "dueAt", "tomorrow")).status()).isEqualTo(400);
        assertThat(api().as("jintai").post("/api/v1/obligations", Map.of("unitId", unitId("开封市龙亭区人民政府"),
                "kind", "ASSIGNED_TASK", "title", "x", "dueAt", due)).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM obligation WHERE title = 'x'").query(Long.class).single()).isZero();
    }

    @Test
    void consumerChatAppsAreRefusedAsChannels() {
        Api.Response wechat = api().as("jintai").put("/api/v1/notifications/channels/WECHAT",
                Map.of("address", "wxid_123", "enabled", true));
        assertThat(wechat.status()).isEqualTo(400);
        assertThat(wechat.code()).isEqualTo("CHANNEL_FORBIDDEN");
        assertThat(wechat.json().get("detail").asString())
                .isEqualTo("按规定严禁将值班信息上传微信、QQ 等网络媒体，本系统不提供此类推送渠道");
        assertThat(api().as("jintai").put("/api/v1/notifications/channels/QQ",
                Map.of("address", "10001", "enabled", true)).code()).isEqualTo("CHANNEL_FORBIDDEN");
        assertThat(api().as("jintai").put("/api/v1/notifications/channels/FAX",
                Map.of("address", "0917-1234567", "enabled", true)).status()).isEqualTo(400);
    }

    @Test
    void aClockThatStartedBeforeOpeningCountsFromItsStartAndFiresWhatHasPassedAtOnceAndOnTime() {
        UUID jintai = UUID.fromString(unitId("金台区人民政府"));
        Instant learned = clock.instant().minus(Duration.ofHours(3));
        Obligation opened = obligations.open(new OpenObligation(jintai, ObligationKinds.ASSIGNED_TASK.code(),
                "obligation", "started-earlier:" + UUID.randomUUID(), "接报后补录的报告", learned.plus(Duration.ofMinutes(30)),
                null, learned));
        assertThat(opened.openedAt()).isEqualTo(learned.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(opened.reminderAt()).isNull();

        obligationClock.fireDue();
        assertThat(firings(opened.id())).containsExactly("OVERDUE", "SUPERIOR_ESCALATION");
        assertThat(jdbc.sql("SELECT fired_late FROM obligation_firing WHERE obligation_id = ?").param(opened.id())
                .query(Boolean.class).list()).containsOnly(false);
        assertThat(obligations.get(opened.id()).overdue()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(obligations.fulfil(opened.id(), "jintai").lateness()).isEqualTo(Duration.ofMinutes(150).plusSeconds(1));
    }

    @Test
    void aClockCannotStartInTheFuture() {
        UUID jintai = UUID.fromString(unitId("金台区人民政府"));
        Instant later = clock.instant().plus(Duration.ofMinutes(5));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.zhiban.shared.ZhibanException.class,
                () -> obligations.open(new OpenObligation(jintai, ObligationKinds.ASSIGNED_TASK.code(), "obligation",
                        "future:" + UUID.randomUUID(), "x", later.plus(Duration.ofMinutes(30)), null, later)))
                .status()).isEqualTo(400);
    }

    private void enable(String username, String channel, String address) {
        Api.Response response = api().as(username).put("/api/v1/notifications/channels/" + channel,
                Map.of("address", address, "enabled", true));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private UUID assign(Duration in) {
        return assignTo(unitId("金台区人民政府"), in);
    }

    private UUID assignTo(String unitId, Duration in) {
        Api.Response response = api().as("baoji-head").post("/api/v1/obligations", Map.of("unitId", unitId,
                "kind", "ASSIGNED_TASK", "title", "报送辖区重点场所安全检查情况", "dueAt", clock.instant().plus(in).toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> firings(UUID id) {
        return jdbc.sql("SELECT step FROM obligation_firing WHERE obligation_id = ? ORDER BY step").param(id)
                .query(String.class).list();
    }

    private List<String> recipients(UUID id, String category) {
        return jdbc.sql("SELECT a.username FROM notification n JOIN account a ON a.id = n.account_id "
                + "WHERE n.obligation_id = ? AND n.category = ?").params(id, category).query(String.class).list();
    }
}
