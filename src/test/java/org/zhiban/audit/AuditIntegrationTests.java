package org.zhiban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.internal.AuditRepository;
import org.zhiban.shared.ChainHash;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

class AuditIntegrationTests extends IntegrationTestSupport {

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditSealer sealer;

    @Autowired
    ChainHash chainHash;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AuditRepository repository;

    /**
     * On start, a trail chained with plain SHA-256 (written before ADR 0023) is re-sealed with HMAC-SM3 once, onto the
     * old chain's final value, which the head keeps as genesis.
     */
    @Test
    void aTrailChainedWithSha256IsResealedOnceOntoItsOldEnd() {
        chainedAsBefore();
        JsonNode before = api().as("auditor").post("/api/v1/audit-records/chain-checks", Map.of()).json();
        assertThat(before.get("algorithm").asString()).as(before.toString()).isEqualTo("SHA-256");
        assertThat(before.get("intact").asBoolean()).as(before.toString()).isTrue();
        // The check itself was recorded, and chained with SHA-256 onto the old chain: its end is the old chain's end.
        sealer.sealPending();
        String oldEnd = jdbc.sql("SELECT last_hash FROM audit_chain_head").query(String.class).single();

        AuditSealer.Reseal reseal = sealer.resealOnce();

        assertThat(reseal.from()).isEqualTo("SHA-256");
        assertThat(reseal.breaks()).isZero();
        assertThat(reseal.oldFinalHash()).isEqualTo(oldEnd);
        JsonNode after = api().as("auditor").post("/api/v1/audit-records/chain-checks", Map.of()).json();
        assertThat(after.get("algorithm").asString()).isEqualTo("HMAC-SM3");
        assertThat(after.get("intact").asBoolean()).as(after.toString()).isTrue();
        assertThat(jdbc.sql("SELECT genesis FROM audit_chain_head").query(String.class).single()).isEqualTo(oldEnd);
        assertThat(sealer.resealOnce()).as("once").isNull();
    }

    /** Rewrites the sealed trail as before ADR 0023, the head locked so that nothing is chained meanwhile. */
    private void chainedAsBefore() {
        sealer.sealPending();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
            AuditHashing old = new AuditHashing(chainHash, ChainHash.SHA_256);
            List<AuditRecord> records = new ArrayList<>();
            repository.forEachInOrder(records::add);
            String previous = ChainHash.GENESIS;
            for (int i = 0; i < records.size(); i++) {
                AuditRecord chained = old.chained(records.get(i), records.get(i).chainSeq(), previous);
                previous = chained.hash();
                records.set(i, chained);
            }
            repository.rehash(records);
            repository.resealHead(ChainHash.SHA_256, ChainHash.GENESIS, previous);
        });
    }

    @Test
    void loginsSuccessfulAndFailedAreRecordedWithClientAddress() {
        api().post("/api/v1/auth/tokens", null, Map.of("username", "baoji-head", "password", "not-it"));
        api().post("/api/v1/auth/tokens", null, Map.of("username", "baoji-head", "password", Api.DEMO_PASSWORD));
        JsonNode records = api().as("auditor").get("/api/v1/audit-records?username=baoji-head&action=LOGIN").json()
                .get("records");
        assertThat(records.size()).isGreaterThanOrEqualTo(2);
        assertThat(records.get(0).get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(records.get(1).get("outcome").asString()).isEqualTo("FAILURE");
        assertThat(records.get(0).get("clientAddress").asString()).isNotBlank();
    }

    @Test
    void onlyTheAuditAdministratorReadsTheTrail() {
        assertThat(api().as("admin").get("/api/v1/audit-records").status()).isEqualTo(403);
        assertThat(api().as("jintai").get("/api/v1/audit-records").status()).isEqualTo(403);
        assertThat(api().as("auditor").get("/api/v1/audit-records").status()).isEqualTo(200);
    }

    @Test
    void changingOneRowInTheDatabaseIsReportedByTheChainCheck() {
        JsonNode before = api().as("auditor").post("/api/v1/audit-records/chain-checks", Map.of()).json();
        assertThat(before.get("intact").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.get("algorithm").asString()).isEqualTo("HMAC-SM3");

        long seq = jdbc.sql("SELECT MIN(chain_seq) FROM audit_record WHERE action = 'PERSON_CREATED'")
                .query(Long.class).single();
        String original = jdbc.sql("SELECT detail FROM audit_record WHERE chain_seq = ?").param(seq)
                .query(String.class).single();
        jdbc.sql("UPDATE audit_record SET detail = ? WHERE chain_seq = ?").params("篡改后的内容", seq).update();
        try {
            JsonNode report = api().as("auditor").post("/api/v1/audit-records/chain-checks", Map.of()).json();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("breaks").size()).isEqualTo(1);
            assertThat(report.get("breaks").get(0).get("seq").asLong()).isEqualTo(seq);
            assertThat(report.get("breaks").get(0).get("reason").asString()).contains("改动");
        }
        finally {
            jdbc.sql("UPDATE audit_record SET detail = ? WHERE chain_seq = ?").params(original, seq).update();
        }
        assertThat(api().as("auditor").post("/api/v1/audit-records/chain-checks", Map.of()).json().get("intact")
                .asBoolean()).isTrue();
    }

    @Test
    void deletingARowIsReportedByTheChainCheck() {
        long seq = jdbc.sql("SELECT MIN(chain_seq) FROM audit_record WHERE action = 'UNIT_CREATED'")
                .query(Long.class).single();
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_record WHERE chain_seq = ?").param(seq).query()
                .singleRow();
        jdbc.sql("DELETE FROM audit_record WHERE chain_seq = ?").param(seq).update();
        try {
            JsonNode report = api().as("auditor").post("/api/v1/audit-records/chain-checks", Map.of()).json();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("breaks").get(0).get("seq").asLong()).isEqualTo(seq + 1);
        }
        finally {
            jdbc.sql("INSERT INTO audit_record (seq, occurred_at, account_id, username, unit_id, action, target, "
                    + "outcome, detail, client_address, prev_hash, hash, chain_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                    .params(row.get("seq"), row.get("occurred_at"), row.get("account_id"), row.get("username"),
                            row.get("unit_id"), row.get("action"), row.get("target"), row.get("outcome"),
                            row.get("detail"), row.get("client_address"), row.get("prev_hash"), row.get("hash"),
                            row.get("chain_seq"))
                    .update();
        }
    }

    @Test
    void concurrentWritersAndARolledBackOneLeaveTheChainWholeOnceSealed() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int writer = t;
            writes.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    audit.record(AuditSubject.anonymous(null), "SEAL_TEST", "writer:" + writer, AuditOutcome.SUCCESS,
                            "第 " + i + " 条");
                }
            }));
        }
        for (java.util.concurrent.Future<?> write : writes) {
            write.get();
        }
        pool.shutdown();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(AuditSubject.anonymous(null), "SEAL_TEST", "rolled-back", AuditOutcome.SUCCESS, "不应留下");
            status.setRollbackOnly();
        });
        sealer.sealPending();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'SEAL_TEST' AND chain_seq IS NOT NULL")
                .query(Long.class).single()).isEqualTo(160);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE target = 'rolled-back'").query(Long.class).single())
                .isZero();
        JsonNode report = api().as("auditor").post("/api/v1/audit-records/chain-checks", Map.of()).json();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
    }
}
