package org.zhiban.audit;

import org.zhiban.shared.ChainHash;

/**
 * The hash that chains audit records, by the chain's algorithm: the chain position, every stored field and the
 * previous record's hash ({@link ChainHash}). Records chained before ADR 0016 have their number as position, so their
 * hashes still hold.
 */
record AuditHashing(ChainHash hashes, String algorithm) {

    String hash(AuditRecord record) {
        return hashes.of(algorithm, Long.toString(record.chainSeq()), Long.toString(record.occurredAt().toEpochMilli()),
                record.accountId() == null ? null : record.accountId().toString(), record.username(),
                record.unitId() == null ? null : record.unitId().toString(), record.action(), record.target(),
                record.outcome().name(), record.detail(), record.clientAddress(), record.prevHash());
    }

    /** A record chained at {@code position} onto {@code previous}, with its hash. */
    AuditRecord chained(AuditRecord r, long position, String previous) {
        AuditRecord positioned = new AuditRecord(r.seq(), r.occurredAt(), r.accountId(), r.username(), r.unitId(),
                r.action(), r.target(), r.outcome(), r.detail(), r.clientAddress(), previous, null, position);
        return new AuditRecord(r.seq(), r.occurredAt(), r.accountId(), r.username(), r.unitId(), r.action(),
                r.target(), r.outcome(), r.detail(), r.clientAddress(), previous, hash(positioned), position);
    }
}
