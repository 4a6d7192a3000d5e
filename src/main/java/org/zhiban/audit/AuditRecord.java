package org.zhiban.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One record of the audit trail, as stored.
 *
 * @param seq      the record's number, given when it is written (numbers of rolled-back writes are skipped)
 * @param chainSeq its position in the chain, given when the sealer chains it; null (and no hashes) until then
 */
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
        String hash,
        Long chainSeq) {

    public boolean sealed() {
        return chainSeq != null;
    }
}
