package org.zhiban.directory;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A unit's review of its directory for a quarter, as the API shows it. */
public record DirectoryReview(UUID unitId, String quarter, String quarterLabel, OffsetDateTime opensAt,
        OffsetDateTime dueAt, String citation, OffsetDateTime reviewedAt, String reviewedBy, String note,
        boolean late) {
}
