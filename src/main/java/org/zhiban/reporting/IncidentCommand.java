package org.zhiban.reporting;

import java.time.OffsetDateTime;

/**
 * A new incident of the caller's own unit. {@code category} and {@code severity} are the enum names; unknown ones
 * are refused with the field named. {@code classified} true is refused: classified matters take the classified channel.
 */
public record IncidentCommand(String category, String severity, OffsetDateTime occurredAt, OffsetDateTime learnedAt,
        String place, String title, String summary, String casualties, String losses, Boolean classified) {
}
