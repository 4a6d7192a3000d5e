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
import org.zhiban.shared.ChainHash;
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
    private final ChainHash hashes;
    private final TransactionTemplate transaction;

    AuditSealer(AuditRepository repository, ChainHash hashes, PlatformTransactionManager transactions,
            @Value("${zhiban.audit.seal-interval:PT0.25S}") Duration interval) {
        super("audit-sealer", interval);
        this.repository = repository;
        this.hashes = hashes;
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
        AuditHashing hashing = new AuditHashing(hashes, head.algorithm());
        List<AuditRecord> sealed = new ArrayList<>(pending.size());
        long position = head.seq();
        String previous = head.hash();
        for (AuditRecord r : pending) {
            AuditRecord chained = hashing.chained(r, ++position, previous);
            sealed.add(chained);
            previous = chained.hash();
        }
        repository.seal(sealed);
        return sealed.size();
    }

    /**
     * Re-seals a chain still hashed with plain SHA-256 with HMAC-SM3, once (ADR 0023): every record is hashed again
     * in chain order, the first onto the old chain's final value, which the head keeps as genesis. A chain that does
     * not hold is left as it is, since re-sealing it would hide what was changed; null when there was nothing to do.
     */
    public Reseal resealOnce() {
        sealPending();
        return transaction.execute(status -> {
            AuditRepository.Head head = repository.lockHead();
            if (ChainHash.HMAC_SM3.equals(head.algorithm())) {
                return null;
            }
            AuditChainVerifier old = new AuditChainVerifier(new AuditHashing(hashes, head.algorithm()), head.genesis());
            repository.forEachInOrder(old);
            int breaks = old.finish(head.seq(), head.hash()).size();
            if (breaks > 0) {
                return new Reseal(head.algorithm(), head.seq(), head.hash(), breaks);
            }
            AuditHashing sealing = new AuditHashing(hashes, ChainHash.HMAC_SM3);
            String previous = head.hash();
            long position = 0;
            for (List<AuditRecord> page = repository.chainedAfter(position, BATCH); !page.isEmpty();
                    page = repository.chainedAfter(position, BATCH)) {
                List<AuditRecord> resealed = new ArrayList<>(page.size());
                for (AuditRecord r : page) {
                    AuditRecord chained = sealing.chained(r, r.chainSeq(), previous);
                    resealed.add(chained);
                    previous = chained.hash();
                    position = r.chainSeq();
                }
                repository.rehash(resealed);
            }
            repository.resealHead(ChainHash.HMAC_SM3, head.hash(), previous);
            return new Reseal(head.algorithm(), head.seq(), head.hash(), 0);
        });
    }

    /** What re-sealing found: the old algorithm, how many records, the old chain's final value, its breaks. */
    public record Reseal(String from, long records, String oldFinalHash, int breaks) {
    }

    @Override
    protected int pass() {
        return sealPending();
    }
}
