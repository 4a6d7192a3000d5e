package org.zhiban.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PersonalDataSeals.class);

    private final List<SealedPersonalData> tables;
    private final PersonalData personal;
    private final KeyRing keys;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    PersonalDataSeals(List<SealedPersonalData> tables, PersonalData personal, KeyRing keys,
            TransactionTemplate transaction, AuditTrail audit) {
        this.tables = tables;
        this.personal = personal;
        this.keys = keys;
        this.transaction = transaction;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void sealOnStart() {
        Map<String, Long> sealed = sealPending(line -> log.info(line));
        if (!sealed.isEmpty()) {
            audit.record(AuditSubject.anonymous("system"), "PERSONAL_DATA_SEALED", "personal-data",
                    AuditOutcome.SUCCESS, "以第 " + keys.currentVersion(KeyRing.PERSONAL) + " 版密钥 SM4 加密存放："
                            + describe(sealed));
        }
    }

    /**
     * Rotates the personal-data key: a new version, unless an earlier rotation has rows still to do (then it goes
     * on with that one), and every table's values sealed again under it, reporting progress after each batch.
     */
    public Rotation rotate(Consumer<String> progress) {
        String before = personal.currentPrefix();
        if (before == null) {
            throw new IllegalStateException("个人信息未加密存放（测量设置），无需轮换密钥");
        }
        boolean resumed = tables.stream().anyMatch(table -> table.countNotSealedWith(before) > 0);
        int version = resumed ? keys.currentVersion(KeyRing.PERSONAL) : keys.addVersion(KeyRing.PERSONAL);
        progress.accept((resumed ? "继续上次未完成的轮换：第 " : "已生成第 ") + version + " 版个人信息密钥");
        Map<String, Long> sealed = sealPending(progress);
        audit.record(AuditSubject.anonymous("system"), "PERSONAL_KEY_ROTATED", "personal-data", AuditOutcome.SUCCESS,
                "个人信息密钥轮换至第 " + version + " 版" + (resumed ? "（续做）" : "") + "，重新加密："
                        + (sealed.isEmpty() ? "无" : describe(sealed)));
        return new Rotation(version, resumed, sealed);
    }

    /** The rows sealed per table, in the order of the tables; a table with nothing to do is left out. */
    private Map<String, Long> sealPending(Consumer<String> progress) {
        String prefix = personal.currentPrefix();
        Map<String, Long> sealed = new LinkedHashMap<>();
        if (prefix == null) {
            return sealed;
        }
        for (SealedPersonalData table : tables) {
            long total = table.countNotSealedWith(prefix);
            long done = 0;
            while (done < total) {
                Integer batch = transaction.execute(status -> table.resealBatch(prefix, BATCH));
                if (batch == null || batch == 0) {
                    break;
                }
                done += batch;
                progress.accept(String.format("个人信息加密：%s %d/%d 行（%s）", table.what(), done, total,
                        prefix.substring(0, prefix.length() - 1)));
            }
            if (done > 0) {
                sealed.put(table.what(), done);
            }
        }
        return sealed;
    }

    private static String describe(Map<String, Long> sealed) {
        return sealed.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " 行")
                .collect(Collectors.joining("，"));
    }

    /**
     * @param resumed whether an unfinished earlier rotation was carried on rather than a new key made
     * @param sealed the rows sealed again, per table that had any
     */
    public record Rotation(int version, boolean resumed, Map<String, Long> sealed) {

        public long total() {
            return sealed.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
