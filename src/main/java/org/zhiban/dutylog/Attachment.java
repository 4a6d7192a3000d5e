package org.zhiban.dutylog;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A file attached to a duty-log entry, without its content.
 *
 * @param sensitive holds personal information; its content is kept sealed with SM4
 */
public record Attachment(UUID id, UUID entryId, String fileName, String contentType, long size, String sha256,
        OffsetDateTime uploadedAt, String uploadedBy, boolean sensitive) {
}
