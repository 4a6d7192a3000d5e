package org.zhiban.audit;

import java.time.Instant;
import java.util.UUID;

/** One record of the audit trail, as stored. */
public record AuditRecord(
        long seq,
        Instant occurredAt,
        UUID accountId,
        String username,
        UUID unitId,
        String action,
        String target,
        AuditOutcome outcome,
        String detail,
        String clientAddress,
        String prevHash,
        String hash) {
}
