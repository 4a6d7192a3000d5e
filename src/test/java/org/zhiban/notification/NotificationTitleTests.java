package org.zhiban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A prefix and a subject of the longest title allowed overflowed the stored title and failed the reminder. */
class NotificationTitleTests {

    @Test
    void aTitleLongerThanItsColumnIsShortenedNotRefused() {
        String title = "【即将到期】书面报告：" + "某".repeat(200);
        Notification n = new Notification(UUID.randomUUID(), UUID.randomUUID(), Notification.Category.REMINDER, title,
                "金台区人民政府", null, "/", null, Instant.parse("2026-10-01T00:00:00Z"), null);
        assertThat(n.title()).hasSize(Notification.TITLE_LENGTH).startsWith("【即将到期】书面报告：某").endsWith("…");
        assertThat(new Notification(n.id(), n.accountId(), n.category(), "短标题", null, null, "/", null, n.createdAt(),
                null).title()).isEqualTo("短标题");
    }
}
