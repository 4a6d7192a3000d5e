package org.zhiban.notification;

import java.time.Instant;
import java.util.UUID;

/** One message to one account: what it is about, the unit and the deadline. */
public record Notification(UUID id, UUID accountId, Category category, String title, String unitName,
        Instant deadline, String link, UUID obligationId, Instant createdAt, Instant readAt) {

    public boolean isRead() {
        return readAt != null;
    }

    /** Why a message was sent. */
    public enum Category {
        REMINDER("即将到期"),
        OVERDUE("已逾期"),
        ESCALATION("下级逾期"),
        INFO("通知");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
