package org.zhiban.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.internal.AuditRepository;
import org.zhiban.shared.RepeatingPass;

/**
 * Chains committed audit records (ADR 0016). Writers only insert, numbered by a sequence, so that no request waits
 * for another's audit record; this pass, on any instance, locks the chain's head, gives the records written since
 * their positions in the order they were numbered, hashes each onto the one before and moves the head — in its own
 * transaction, a batch at a time. A record written by a transaction that commits late is chained in a later pass.
 */
@Component
public class AuditSealer extends RepeatingPass {

    private static final int BATCH = 1000;

    private final AuditRepository repository;
    private final TransactionTemplate transaction;

    AuditSealer(AuditRepository repository, PlatformTransactionManager transactions,
            @Value("${zhiban.audit.seal-interval:PT0.25S}") Duration interval) {
        super("audit-sealer", interval);
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Chains every committed record not yet chained; returns how many. */
    public int sealPending() {
        int total = 0;
        while (true) {
            Integer sealed = transaction.execute(status -> sealBatch());
            if (sealed == null || sealed == 0) {
                return total;
            }
            total += sealed;
        }
    }

    private int sealBatch() {
        // An idle installation takes no lock (and writes nothing) four times a second.
        if (!repository.hasUnsealed()) {
            return 0;
        }
        AuditRepository.Head head = repository.lockHead();
        List<AuditRecord> pending = repository.unsealed(BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        List<AuditRecord> sealed = new ArrayList<>(pending.size());
        long position = head.seq();
        String previous = head.hash();
        for (AuditRecord r : pending) {
            AuditRecord positioned = new AuditRecord(r.seq(), r.occurredAt(), r.accountId(), r.username(), r.unitId(),
                    r.action(), r.target(), r.outcome(), r.detail(), r.clientAddress(), previous, null, ++position);
            String hash = AuditHashing.hash(positioned);
            sealed.add(new AuditRecord(r.seq(), r.occurredAt(), r.accountId(), r.username(), r.unitId(), r.action(),
                    r.target(), r.outcome(), r.detail(), r.clientAddress(), previous, hash, position));
            previous = hash;
        }
        repository.seal(sealed);
        return sealed.size();
    }

    @Override
    protected int pass() {
        return sealPending();
    }
}
