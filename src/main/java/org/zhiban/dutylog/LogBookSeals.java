package org.zhiban.dutylog;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditSubject;
import org.zhiban.audit.AuditTrail;
import org.zhiban.dutylog.internal.DutyLogRepository;
import org.zhiban.shared.ChainHash;

/**
 * On start, every year's log book still chained with plain SHA-256 is re-sealed with HMAC-SM3, once, each in a
 * transaction of its own; a book whose chain does not hold is left as it is and named (ADR 0023).
 */
@Component
class LogBookSeals {

    private static final Logger log = LoggerFactory.getLogger(LogBookSeals.class);

    private final DutyLogRepository repository;
    private final DutyLog dutyLog;
    private final AuditTrail audit;

    LogBookSeals(DutyLogRepository repository, DutyLog dutyLog, AuditTrail audit) {
        this.repository = repository;
        this.dutyLog = dutyLog;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resealOnStart() {
        int books = 0;
        long rows = 0;
        List<String> refused = new ArrayList<>();
        for (DutyLogRepository.UnitYear book : repository.chainsNotSealedWith(ChainHash.HMAC_SM3)) {
            int resealed = dutyLog.resealOnce(book.unitId(), book.year());
            if (resealed < 0) {
                refused.add(book.unitId() + "/" + book.year());
            }
            else {
                books++;
                rows += resealed;
            }
        }
        AuditSubject system = AuditSubject.anonymous("system");
        if (books > 0) {
            log.info("值班日志 {} 本（{} 条）改用 HMAC-SM3 重新密封（{} log books re-sealed with HMAC-SM3）", books, rows, books);
            audit.record(system, "LOG_BOOK_RESEALED", "duty-log", AuditOutcome.SUCCESS,
                    "值班日志 " + books + " 本、" + rows + " 条由 SHA-256 改用 HMAC-SM3 重新密封");
        }
        if (!refused.isEmpty()) {
            log.error("值班日志 {} 本哈希链有断裂，未重新密封：{}（log books not re-sealed, their chains do not hold）",
                    refused.size(), refused);
            audit.record(system, "LOG_BOOK_RESEAL_REFUSED", "duty-log", AuditOutcome.FAILURE,
                    "哈希链有断裂，未重新密封（单位/年度）：" + String.join("，", refused));
        }
    }
}
