package org.zhiban.audit;

import org.zhiban.shared.ChainHash;

/**
 * The hash that chains audit records: the chain position, every stored field and the previous record's hash
 * ({@link ChainHash}). Records chained before ADR 0016 have their number as position, so their hashes still hold.
 */
final class AuditHashing {

    static final String GENESIS = ChainHash.GENESIS;

    private AuditHashing() {
    }

    static String hash(AuditRecord record) {
        return ChainHash.of(Long.toString(record.chainSeq()), Long.toString(record.occurredAt().toEpochMilli()),
                record.accountId() == null ? null : record.accountId().toString(), record.username(),
                record.unitId() == null ? null : record.unitId().toString(), record.action(), record.target(),
                record.outcome().name(), record.detail(), record.clientAddress(), record.prevHash());
    }
}
