package org.zhiban.reporting;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A superior's finding that a subordinate failed an incident report: {@code kind} MISSED (漏报, learned of
 * elsewhere), CONCEALED (瞒报) or FALSE (谎报); {@code dueAt} when the report was due (default now).
 */
public record LapseCommand(UUID unitId, @Schema(implementation = ReportingLapses.Kind.class) String kind, String title,
        OffsetDateTime dueAt, String finding) {
}
