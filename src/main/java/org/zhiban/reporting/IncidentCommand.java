package org.zhiban.reporting;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new incident of the caller's own unit. {@code category} and {@code severity} are the enum names; unknown ones
 * are refused with the field named. {@code classified} true is refused: classified matters take the classified channel.
 * The codes stay strings, as in the other commands of this module, because the page form sends the same command: the
 * use case checks them with the field's Chinese name, and the API document shows the enum's values (ADR 22).
 */
public record IncidentCommand(@Schema(implementation = IncidentCategory.class) String category,
        @Schema(implementation = Severity.class) String severity, OffsetDateTime occurredAt, OffsetDateTime learnedAt,
        String place, String title, String summary, String casualties, String losses, Boolean classified) {
}
