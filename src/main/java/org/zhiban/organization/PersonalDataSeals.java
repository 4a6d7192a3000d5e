package org.zhiban.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditSubject;
import org.zhiban.audit.AuditTrail;
import org.zhiban.shared.KeyRing;
import org.zhiban.shared.PersonalData;

/**
 * Brings every table of personal data ({@link SealedPersonalData}: people's numbers, the addresses notifications go
 * to) under the current personal-data key (GB/T 39786 8.4 e, ADR 0024): on start, the clear values from before the
 * upgrade and any left under an older key by an interrupted rotation; on command, a rotation to a new key version.
 * Each batch is a transaction of its own holding its rows, so a stop loses at most one batch's work and a new run
 * simply goes on with the rows still not sealed under the current key.
 */
@Component
public class PersonalDataSeals {

    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PersonalDataSeals.class);

    private final int batch;
    private final List<SealedPersonalData> tables;
    private final PersonalData personal;
    private final KeyRing keys;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    @Autowired
    PersonalDataSeals(List<SealedPersonalData> tables, PersonalData personal, KeyRing keys,
            TransactionTemplate transaction, AuditTrail audit) {
        this(tables, personal, keys, transaction, audit, BATCH);
    }

    /** @param batch rows a transaction seals: smaller in the test that needs a table to take many batches */
    PersonalDataSeals(List<SealedPersonalData> tables, PersonalData personal, KeyRing keys,
            TransactionTemplate transaction, AuditTrail audit, int batch) {
        this.batch = batch;
        this.tables = tables;
        this.personal = personal;
        this.keys = keys;
        this.transaction = transaction;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void sealOnStart() {
        Outcome outcome = sealPending(new Pass(line -> log.info(line), null));
        if (!outcome.sealed().isEmpty()) {
            audit.record(AuditSubject.anonymous("system"), "PERSONAL_DATA_SEALED", "personal-data",
                    AuditOutcome.SUCCESS, "以第 " + keys.currentVersion(KeyRing.PERSONAL) + " 版密钥 SM4 加密存放："
                            + describe(outcome.sealed()) + unreadable(outcome));
        }
        if (!outcome.unreadable().isEmpty()) {
            log.warn("个人信息密文校验失败，已保持原样（sealed personal data that does not open, left as it was）：{}",
                    describe(outcome.unreadable()));
        }
    }

    /**
     * Rotates the personal-data key: a new version, unless an earlier rotation has rows still to do (then it goes
     * on with that one), and every table's values sealed again under it, reporting progress after each batch. Values
     * that do not open (changed by hand) are left as they are and named in the result, never counted as done.
     */
    public Rotation rotate(Consumer<String> progress) {
        if (personal.currentPrefix() == null) {
            throw new IllegalStateException("个人信息未加密存放（测量设置），无需轮换密钥");
        }
        int current = keys.currentVersion(KeyRing.PERSONAL);
        // Rows still under an older key after sealing on start can only be an interrupted rotation's.
        Outcome carried = sealPending(new Pass(progress, "继续上次未完成的轮换：第 " + current + " 版个人信息密钥"));
        boolean resumed = !carried.sealed().isEmpty();
        int version = resumed ? current : keys.addVersion(KeyRing.PERSONAL);
        if (!resumed) {
            progress.accept("已生成第 " + version + " 版个人信息密钥");
        }
        Outcome outcome = resumed ? carried : sealPending(new Pass(progress, null));
        audit.record(AuditSubject.anonymous("system"), "PERSONAL_KEY_ROTATED", "personal-data", AuditOutcome.SUCCESS,
                "个人信息密钥轮换至第 " + version + " 版" + (resumed ? "（续做）" : "") + "，重新加密："
                        + (outcome.sealed().isEmpty() ? "无" : describe(outcome.sealed())) + unreadable(outcome));
        return new Rotation(version, resumed, outcome.sealed(), outcome.unreadable());
    }

    /** Rows sealed and rows whose value does not open, per table that had any, in the order of the tables. */
    private Outcome sealPending(Pass pass) {
        String prefix = personal.currentPrefix();
        Outcome outcome = new Outcome(new LinkedHashMap<>(), new LinkedHashMap<>());
        if (prefix == null) {
            return outcome;
        }
        for (SealedPersonalData table : tables) {
            long total = table.countNotSealedWith(prefix);
            SealedPersonalData.Batch done = SealedPersonalData.Batch.NONE;
            while (done.examined() < total) {
                int skip = done.unreadable();
                SealedPersonalData.Batch sealed = transaction.execute(status -> table.resealBatch(prefix, skip, batch));
                if (sealed == null || sealed.examined() == 0) {
                    break;
                }
                done = done.plus(sealed);
                pass.report(sealed.sealed() > 0, String.format("个人信息加密：%s %d/%d 行（%s）%s", table.what(),
                        done.examined(), total, prefix.substring(0, prefix.length() - 1),
                        done.unreadable() == 0 ? "" : "，其中无法解密 " + done.unreadable() + " 行"));
            }
            if (done.sealed() > 0) {
                outcome.sealed().put(table.what(), (long) done.sealed());
            }
            if (done.unreadable() > 0) {
                outcome.unreadable().put(table.what(), (long) done.unreadable());
            }
        }
        return outcome;
    }

    private static String unreadable(Outcome outcome) {
        return outcome.unreadable().isEmpty() ? ""
                : "；密文校验失败、保持原样：" + describe(outcome.unreadable());
    }

    private static String describe(Map<String, Long> sealed) {
        return sealed.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " 行")
                .collect(Collectors.joining("，"));
    }

    /**
     * @param resumed whether an unfinished earlier rotation was carried on rather than a new key made
     * @param sealed the rows sealed again, per table that had any
     * @param unreadable the rows left as they were because their value does not open, per table that had any
     */
    public record Rotation(int version, boolean resumed, Map<String, Long> sealed, Map<String, Long> unreadable) {

        public long total() {
            return sealed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Outcome(Map<String, Long> sealed, Map<String, Long> unreadable) {
    }

    /**
     * Where a pass's progress goes. A pass looking for an interrupted rotation's rows says so, with its heading, only
     * once it has sealed one; before that its lines (of rows that do not open, met again by the next pass) are not
     * progress.
     */
    private static final class Pass {

        private final Consumer<String> progress;
        private final String heading;
        private boolean reporting;

        Pass(Consumer<String> progress, String heading) {
            this.progress = progress;
            this.heading = heading;
            this.reporting = heading == null;
        }

        void report(boolean sealedSome, String line) {
            if (!reporting && sealedSome) {
                progress.accept(heading);
                reporting = true;
            }
            if (reporting) {
                progress.accept(line);
            }
        }
    }
}
