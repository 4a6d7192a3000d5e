package org.zhiban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.reporting.ReportChannel;
import org.zhiban.reporting.ReportStage;
import org.zhiban.reporting.ReportingEvents;
import org.zhiban.support.IntegrationTestSupport;

/** A message is written once per account and cause, however often its event is handled (after a crash, a retry). */
class NotificationIntegrationTests extends IntegrationTestSupport {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Messenger messenger;

    @Test
    void aReportHandledTwiceTellsTheSuperiorsDutyOfficeOnce() {
        UUID unit = UUID.fromString(unitId("金台区人民政府"));
        UUID superior = UUID.fromString(unitId("宝鸡市人民政府"));
        ReportingEvents.ReportFiled filed = new ReportingEvents.ReportFiled(UUID.randomUUID(), UUID.randomUUID(), unit,
                superior, List.of(), ReportStage.INITIAL, ReportChannel.WRITTEN, "交通事故");
        String key = "report:" + filed.reportId() + ":" + superior;

        transactions.executeWithoutResult(status -> events.publishEvent(filed));
        awaitEventsHandled();
        long once = messagesFor(key);
        assertThat(once).as("the superior's duty office has accounts").isPositive();

        transactions.executeWithoutResult(status -> events.publishEvent(filed));
        awaitEventsHandled();
        assertThat(messagesFor(key)).isEqualTo(once);
    }

    @Test
    void anObligationsMessageOfOneKindIsWrittenOnce() {
        UUID account = UUID.fromString(accountId("jintai"));
        UUID obligation = UUID.randomUUID();

        assertThat(messenger.send(reminder(account, obligation), null)).isTrue();
        assertThat(messenger.send(reminder(account, obligation), null)).as("the same reminder again").isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE obligation_id = ?").param(obligation)
                .query(Long.class).single()).isEqualTo(1);
    }

    private Notification reminder(UUID account, UUID obligation) {
        return new Notification(UUID.randomUUID(), account, Notification.Category.REMINDER, "【即将到期】书面报告：交通事故",
                "金台区人民政府", clock.instant(), "/#obligation-" + obligation, obligation, clock.instant(), null);
    }

    private long messagesFor(String eventKey) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE event_key = ?").param(eventKey).query(Long.class)
                .single();
    }
}
