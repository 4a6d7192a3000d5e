package org.zhiban.obligation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One thing one unit must do by one deadline.
 *
 * @param subjectModule the module that opened it, e.g. "reporting"
 * @param subjectId     what it is about in that module, e.g. an incident's id
 * @param openedAt      when it was opened, or when its window opens where that is later (it is coming until then)
 * @param lateness      how late it was fulfilled; zero when on time, null while open or when waived
 * @param closingReason why it was closed without being fulfilled: the waiver's reason or the breach found
 */
public record Obligation(
        UUID id,
        UUID obligorUnitId,
        String kind,
        String subjectModule,
        String subjectId,
        String title,
        String citation,
        Instant openedAt,
        Instant dueAt,
        ObligationStatus status,
        boolean overdue,
        Instant reminderAt,
        Instant fulfilledAt,
        Duration lateness,
        String closingReason) {

    public boolean isOpen() {
        return status == ObligationStatus.OPEN;
    }

    /** Open, but its window not yet begun (a quarter's review before its last week): listed, not yet owed. */
    public boolean isComing(Instant now) {
        return isOpen() && openedAt.isAfter(now);
    }

    /** Whether the reminder time has passed for an open obligation (the dashboard shows it amber). */
    public boolean isInReminderWindow(Instant now) {
        return isOpen() && !overdue && reminderAt != null && !now.isBefore(reminderAt);
    }
}
