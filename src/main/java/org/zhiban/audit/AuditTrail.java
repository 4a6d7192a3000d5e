package org.zhiban.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.zhiban.audit.internal.AuditRepository;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.ChainHash;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/**
 * Appends to the audit trail and reads it. A record joins the caller's transaction, so a change and
 * its audit record commit together or not at all; the {@link AuditSealer} chains it a moment later (ADR 0016).
 * Nothing here changes what a record says or deletes one.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditRepository repository;
    private final AuditSealer sealer;
    private final ChainHash hashes;
    private final Clock clock;

    AuditTrail(AuditRepository repository, AuditSealer sealer, ChainHash hashes, Clock clock) {
        this.repository = repository;
        this.sealer = sealer;
        this.hashes = hashes;
        this.clock = clock;
    }

    /** Records an action of the account acting in the current request. */
    @Transactional
    public void record(String action, String target, AuditOutcome outcome, String detail) {
        AuditSubject subject = CurrentActor.find().map(AuditSubject::of).orElse(AuditSubject.anonymous(null));
        record(subject, action, target, outcome, detail);
    }

    /** Records an action of a given subject, e.g. a login attempt before anyone is signed in. */
    @Transactional
    public void record(AuditSubject subject, String action, String target, AuditOutcome outcome, String detail) {
        repository.append(new AuditRecord(0, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                subject.accountId(), truncate(subject.username(), 50), subject.unitId(), action,
                truncate(target, 200), outcome, truncate(detail, 1000), clientAddress(), null, null, null));
    }

    /**
     * Records a refused request (GB/T 22239-2019 8.1.4.3: 重要的用户行为和重要安全事件): who asked, by which method and
     * path, and why it was refused — a 403, or an id outside the caller's scope answered as 404.
     */
    @Transactional
    public void recordDenial(HttpServletRequest request, String reason) {
        record("ACCESS_DENIED", request.getMethod() + " " + request.getRequestURI(), AuditOutcome.DENIED, reason);
    }

    /** Searches the trail; for audit administrators only. */
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query) {
        requireAuditAdmin();
        AcceptedDates.requireDate("from", query.from(), clock);
        AcceptedDates.requireDate("to", query.to(), clock);
        sealer.sealPending();
        return repository.search(query);
    }

    @Transactional(readOnly = true)
    public List<String> actions() {
        requireAuditAdmin();
        return repository.actions();
    }

    /** Re-computes the whole chain and records that the check was run. */
    @Transactional
    public ChainCheckReport checkChain() {
        requireAuditAdmin();
        sealer.sealPending();
        Instant checkedAt = clock.instant();
        // Held until the check ends: nothing is chained while the chain is walked.
        AuditRepository.Head head = repository.lockHead();
        AuditChainVerifier verifier = new AuditChainVerifier(new AuditHashing(hashes, head.algorithm()), head.genesis());
        repository.forEachInOrder(verifier);
        ChainCheckReport report = ChainCheckReport.of(checkedAt, head.algorithm(), verifier.checked(),
                verifier.finish(head.seq(), head.hash()));
        record("AUDIT_CHAIN_CHECKED", "audit-trail", AuditOutcome.SUCCESS, head.algorithm() + " "
                + (report.intact() ? "完整，共 " + report.checked() + " 条"
                        : "发现 " + report.breaks().size() + " 处断裂，共 " + report.checked() + " 条"));
        return report;
    }

    /** On start, a chain written before HMAC-SM3 is re-sealed once, and the trail says how it went (ADR 0023). */
    @EventListener(ApplicationReadyEvent.class)
    void resealOnStart() {
        AuditSealer.Reseal reseal = sealer.resealOnce();
        if (reseal == null) {
            return;
        }
        AuditSubject system = AuditSubject.anonymous("system");
        if (reseal.breaks() > 0) {
            log.error("审计日志哈希链有 {} 处断裂，未改用 HMAC-SM3 重新密封；请安全审计员核查（the audit chain has {} breaks and "
                    + "was not re-sealed）", reseal.breaks(), reseal.breaks());
            record(system, "AUDIT_CHAIN_RESEAL_REFUSED", "audit-trail", AuditOutcome.FAILURE,
                    reseal.from() + " 链有 " + reseal.breaks() + " 处断裂，未重新密封");
            return;
        }
        record(system, "AUDIT_CHAIN_RESEALED", "audit-trail", AuditOutcome.SUCCESS, "由 " + reseal.from()
                + " 改用 HMAC-SM3 重新密封 " + reseal.records() + " 条；原链尾 " + reseal.oldFinalHash());
    }

    private static void requireAuditAdmin() {
        if (!CurrentActor.require().has(Role.AUDIT_ADMIN)) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有安全审计员可以查看审计日志");
        }
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
