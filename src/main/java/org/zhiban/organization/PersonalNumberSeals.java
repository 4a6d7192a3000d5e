package org.zhiban.organization;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditSubject;
import org.zhiban.audit.AuditTrail;
import org.zhiban.organization.internal.PersonRepository;
import org.zhiban.shared.KeyRing;
import org.zhiban.shared.PersonalData;

/**
 * Brings every person's numbers under the current personal-data key (GB/T 39786 8.4 e, ADR 0024): on start, the
 * clear numbers from before the upgrade and any left under an older key by an interrupted rotation; on command, a
 * rotation to a new key version. Each batch is a transaction of its own holding its rows, so a stop loses at most
 * one batch's work and a new run simply goes on with the rows still not sealed under the current key.
 */
@Component
public class PersonalNumberSeals {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PersonalNumberSeals.class);

    private final PersonRepository people;
    private final PersonalData personal;
    private final KeyRing keys;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    PersonalNumberSeals(PersonRepository people, PersonalData personal, KeyRing keys, TransactionTemplate transaction,
            AuditTrail audit) {
        this.people = people;
        this.personal = personal;
        this.keys = keys;
        this.transaction = transaction;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealOnStart() {
        long sealed = sealPending(line -> log.info(line));
        if (sealed > 0) {
            audit.record(AuditSubject.anonymous("system"), "PERSONAL_DATA_SEALED", "person", AuditOutcome.SUCCESS,
                    sealed + " 人的电话号码以第 " + keys.currentVersion(KeyRing.PERSONAL) + " 版密钥 SM4 加密存放");
        }
    }

    /**
     * Rotates the personal-data key: a new version, unless an earlier rotation has rows still to do (then it goes
     * on with that one), and every number sealed again under it, reporting progress after each batch.
     *
     * @return the people whose numbers were sealed again
     */
    public Rotation rotate(Consumer<String> progress) {
        if (personal.currentPrefix() == null) {
            throw new IllegalStateException("个人信息未加密存放（测量设置），无需轮换密钥");
        }
        boolean resumed = people.countNotSealedWith(personal.currentPrefix()) > 0;
        int version = resumed ? keys.currentVersion(KeyRing.PERSONAL) : keys.addVersion(KeyRing.PERSONAL);
        progress.accept((resumed ? "继续上次未完成的轮换：第 " : "已生成第 ") + version + " 版个人信息密钥");
        long sealed = sealPending(progress);
        audit.record(AuditSubject.anonymous("system"), "PERSONAL_KEY_ROTATED", "person", AuditOutcome.SUCCESS,
                "个人信息密钥轮换至第 " + version + " 版" + (resumed ? "（续做）" : "") + "，重新加密 " + sealed + " 人");
        return new Rotation(version, resumed, sealed);
    }

    private long sealPending(Consumer<String> progress) {
        String prefix = personal.currentPrefix();
        if (prefix == null) {
            return 0;
        }
        long total = people.countNotSealedWith(prefix);
        long done = 0;
        while (done < total) {
            Integer batch = transaction.execute(status -> {
                List<PersonRepository.StoredRow> rows = people.notSealedWith(prefix, BATCH);
                rows.forEach(people::reseal);
                return rows.size();
            });
            if (batch == null || batch == 0) {
                break;
            }
            done += batch;
            progress.accept(String.format("个人信息加密：%d/%d 人（%s）", done, total, prefix.substring(0, prefix.length() - 1)));
        }
        return done;
    }

    /** @param resumed whether an unfinished earlier rotation was carried on rather than a new key made */
    public record Rotation(int version, boolean resumed, long sealed) {
    }
}
