package org.zhiban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.ChainHash;

class AuditChainVerifierTests {

    private static final AuditHashing SEALING = new AuditHashing(new ChainHash("审计链测试密钥".repeat(3).getBytes(
            StandardCharsets.UTF_8)), ChainHash.HMAC_SM3);

    private final List<AuditRecord> chain = chainOf(SEALING, 5);

    @Test
    void anIntactChainHasNoBreaks() {
        assertThat(verify(chain, 5, chain.get(4).hash())).isEmpty();
    }

    @Test
    void aChangedRecordIsReportedBySequence() {
        AuditRecord original = chain.get(2);
        chain.set(2, new AuditRecord(original.seq(), original.occurredAt(), original.accountId(), "mallory",
                original.unitId(), original.action(), original.target(), original.outcome(), original.detail(),
                original.clientAddress(), original.prevHash(), original.hash(), original.chainSeq()));
        assertThat(verify(chain, 5, chain.get(4).hash()))
                .extracting(ChainCheckReport.Break::seq).containsExactly(3L);
    }

    @Test
    void aDeletedRecordIsReported() {
        chain.remove(1);
        assertThat(verify(chain, 5, chain.get(3).hash()))
                .extracting(ChainCheckReport.Break::seq).containsExactly(3L);
    }

    @Test
    void deletingTheNewestRecordIsReportedAtTheHead() {
        String headHash = chain.get(4).hash();
        chain.remove(4);
        assertThat(verify(chain, 5, headHash)).extracting(ChainCheckReport.Break::seq).containsExactly(5L);
    }

    /** Whoever writes the database but lacks the key cannot seal a changed chain again so that it holds. */
    @Test
    void aChainSealedAgainWithoutTheKeyDoesNotHold() {
        AuditHashing otherKey = new AuditHashing(new ChainHash(new byte[32]), ChainHash.HMAC_SM3);
        List<AuditRecord> forged = chainOf(otherKey, 5);
        assertThat(verify(forged, 5, forged.get(4).hash())).extracting(ChainCheckReport.Break::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    private static List<ChainCheckReport.Break> verify(List<AuditRecord> records, long headSeq, String headHash) {
        AuditChainVerifier verifier = new AuditChainVerifier(SEALING, ChainHash.GENESIS);
        records.forEach(verifier);
        return verifier.finish(headSeq, headHash);
    }

    private static List<AuditRecord> chainOf(AuditHashing hashing, int length) {
        List<AuditRecord> records = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            AuditRecord unhashed = new AuditRecord(seq, Instant.parse("2026-11-25T00:00:00Z").plusSeconds(seq),
                    UUID.randomUUID(), "jintai", UUID.randomUUID(), "LOGIN", "account:jintai", AuditOutcome.SUCCESS,
                    "网页登录", "127.0.0.1", previous, null, (long) seq);
            String hash = hashing.hash(unhashed);
            records.add(new AuditRecord(seq, unhashed.occurredAt(), unhashed.accountId(), unhashed.username(),
                    unhashed.unitId(), unhashed.action(), unhashed.target(), unhashed.outcome(), unhashed.detail(),
                    unhashed.clientAddress(), previous, hash, (long) seq));
            previous = hash;
        }
        return records;
    }
}
