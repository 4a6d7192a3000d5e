package org.zhiban.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks the sealed audit records in chain order (positions, {@link AuditRecord#chainSeq()}) and reports every place where the chain does not hold:
 * a record whose content no longer matches its hash (changed), a record that does not link to the
 * one before it or a gap in the numbers (deleted), and a chain whose end is not the recorded head
 * (newest records deleted).
 */
final class AuditChainVerifier implements Consumer<AuditRecord> {

    private final List<ChainCheckReport.Break> breaks = new ArrayList<>();
    private final AuditHashing hashing;
    private long expectedSeq = 1;
    private String previousHash;
    private long checked;

    /** A walk from the chain's genesis: zeros, or the final value of the chain it re-sealed. */
    AuditChainVerifier(AuditHashing hashing, String genesis) {
        this.hashing = hashing;
        this.previousHash = genesis;
    }

    @Override
    public void accept(AuditRecord record) {
        checked++;
        long position = record.chainSeq();
        if (position != expectedSeq) {
            breaks.add(new ChainCheckReport.Break(position,
                    "缺少第 " + expectedSeq + (position - 1 > expectedSeq ? "–" + (position - 1) : "")
                            + " 号记录（已被删除）"));
        }
        else if (!previousHash.equals(record.prevHash())) {
            breaks.add(new ChainCheckReport.Break(position, "与前一条记录的链接不符"));
        }
        if (!hashing.hash(record).equals(record.hash())) {
            breaks.add(new ChainCheckReport.Break(position, "记录内容与其哈希不符（已被改动）"));
        }
        expectedSeq = position + 1;
        previousHash = record.hash();
    }

    List<ChainCheckReport.Break> finish(long headSeq, String headHash) {
        if (headSeq != expectedSeq - 1 || !headHash.equals(previousHash)) {
            breaks.add(new ChainCheckReport.Break(headSeq,
                    "链尾应为第 " + headSeq + " 号记录，实际为第 " + (expectedSeq - 1) + " 号（最新记录被删除或改动）"));
        }
        return List.copyOf(breaks);
    }

    long checked() {
        return checked;
    }
}
