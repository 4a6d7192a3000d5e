package org.zhiban.notification;

import java.time.Instant;
import java.util.UUID;

/** One message to one account: what it is about, the unit and the deadline. */
public record Notification(UUID id, UUID accountId, Category category, String title, String unitName,
        Instant deadline, String link, UUID obligationId, Instant createdAt, Instant readAt) {

    /** What the stored title holds. A title is made of a prefix and a title that may itself reach this length. */
    public static final int TITLE_LENGTH = 200;

    /** A title too long for its column is shortened, never refused: the message must go out. */
    public Notification {
        if (title != null && title.length() > TITLE_LENGTH) {
            title = title.substring(0, TITLE_LENGTH - 1) + "…";
        }
    }

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
