package org.zhiban.dutylog;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A file attached to a duty-log entry, without its content. */
public record Attachment(UUID id, UUID entryId, String fileName, String contentType, long size, String sha256,
        OffsetDateTime uploadedAt, String uploadedBy) {
}
