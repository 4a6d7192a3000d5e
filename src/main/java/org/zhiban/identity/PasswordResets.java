package org.zhiban.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.identity.internal.AccountRepository;
import org.zhiban.identity.internal.PasswordResetRepository;
import org.zhiban.identity.internal.PasswordResetRepository.ResetRow;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/**
 * Password resets by an administrator. A unit account's reset takes effect at once. A platform administrator's
 * (system, security or audit administrator) takes effect only when a platform administrator who is neither the
 * requester nor the target approves it (三员分立, GB/T 22239-2019 8.1.4.2 d): no single administrator can take over
 * another's account. Until then the old password keeps working; a pending reset expires after a day, and a second
 * request replaces the first. Request, approval and rejection are each audited.
 */
@Service
public class PasswordResets {

    static final Duration PENDING_FOR = Duration.ofHours(24);

    private final Accounts accounts;
    private final AccountRepository accountRepository;
    private final PasswordResetRepository resets;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;

    PasswordResets(Accounts accounts, AccountRepository accountRepository, PasswordResetRepository resets,
            PasswordEncoder passwordEncoder, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.accountRepository = accountRepository;
        this.resets = resets;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Resets someone else's password: empty when it took effect at once, or the reset that now waits for approval.
     * Either way the new password must satisfy the policy, against the account's current one too.
     */
    @Transactional
    public Optional<PasswordReset> request(Actor actor, UUID accountId, String newPassword) {
        Account account = accounts.requireResettable(actor, accountId);
        accounts.requireStrong("password", newPassword, account);
        String hash = passwordEncoder.encode(newPassword);
        if (!needsApproval(account)) {
            accounts.applyReset(account, hash, "由 " + actor.username() + " 重置，下次登录须修改密码");
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean replaced = resets.replacePending(accountId) > 0;
        UUID id = UUID.randomUUID();
        resets.insert(id, accountId, hash, actor.accountId(), now, now.plus(PENDING_FOR));
        audit.record("PASSWORD_RESET_REQUESTED", "account:" + account.username(), AuditOutcome.SUCCESS,
                "待另一名平台管理员批准，" + PENDING_FOR.toHours() + " 小时内有效" + (replaced ? "；取代此前未批准的申请" : ""));
        return Optional.of(view(resets.find(id).orElseThrow(), actor, now));
    }

    /** 三员分立: a platform administrator's password is reset only with a third platform administrator's approval. */
    static boolean needsApproval(Account target) {
        return Role.anyPlatformRole(target.roles());
    }

    /** Whether an account may decide a reset: a platform administrator, neither its requester nor its target. */
    static boolean mayDecide(Actor actor, UUID requestedBy, UUID target) {
        return Role.anyPlatformRole(actor.roles()) && !actor.accountId().equals(requestedBy)
                && !actor.accountId().equals(target);
    }

    /** Approves a pending reset: the new password takes effect, and its owner must change it at the next login. */
    @Transactional
    public PasswordReset approve(Actor actor, UUID resetId) {
        Instant now = clock.instant();
        ResetRow row = requireDecidable(actor, resetId, now);
        Account account = accountRepository.findById(row.accountId()).orElseThrow();
        resets.decide(resetId, PasswordReset.Status.APPROVED.name(), actor.accountId(), now);
        audit.record("PASSWORD_RESET_APPROVED", "account:" + account.username(), AuditOutcome.SUCCESS,
                "批准 " + row.requestedBy() + " 的申请");
        accounts.applyReset(account, row.passwordHash(),
                "由 " + row.requestedBy() + " 申请、" + actor.username() + " 批准，下次登录须修改密码");
        return view(resets.find(resetId).orElseThrow(), actor, now);
    }

    /** Rejects a pending reset: the account keeps its password. */
    @Transactional
    public PasswordReset reject(Actor actor, UUID resetId) {
        Instant now = clock.instant();
        ResetRow row = requireDecidable(actor, resetId, now);
        resets.decide(resetId, PasswordReset.Status.REJECTED.name(), actor.accountId(), now);
        audit.record("PASSWORD_RESET_REJECTED", "account:" + row.username(), AuditOutcome.SUCCESS,
                "驳回 " + row.requestedBy() + " 的申请");
        return view(resets.find(resetId).orElseThrow(), actor, now);
    }

    /** The pending resets, for the platform administrators: those they may decide and those they asked for. */
    @Transactional(readOnly = true)
    public List<PasswordReset> pending(Actor actor) {
        requirePlatformAdministrator(actor);
        Instant now = clock.instant();
        return resets.pending(now).stream().map(row -> view(row, actor, now)).toList();
    }

    /** The latest reset of an account the actor may see, for the account's page. */
    @Transactional(readOnly = true)
    public Optional<PasswordReset> latestOf(Actor actor, UUID accountId) {
        accounts.get(actor, accountId);
        Instant now = clock.instant();
        return resets.latestOf(accountId).map(row -> view(row, actor, now));
    }

    private ResetRow requireDecidable(Actor actor, UUID resetId, Instant now) {
        requirePlatformAdministrator(actor);
        ResetRow row = resets.lock(resetId).orElseThrow(() -> ZhibanException.notFound("PASSWORD_RESET_NOT_FOUND",
                "密码重置申请不存在：" + resetId));
        if (!mayDecide(actor, row.requestedById(), row.accountId())) {
            throw ZhibanException.forbidden("FORBIDDEN", "申请人和被重置密码的管理员本人不能审批，须由另一名平台管理员审批");
        }
        PasswordReset.Status status = status(row, now);
        if (status != PasswordReset.Status.PENDING) {
            throw ZhibanException.conflict("PASSWORD_RESET_NOT_PENDING", "该密码重置申请" + status.label() + "，不能再审批");
        }
        return row;
    }

    private static void requirePlatformAdministrator(Actor actor) {
        if (!Role.anyPlatformRole(actor.roles())) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有平台管理员（系统管理员、安全管理员、安全审计员）可以审批密码重置");
        }
    }

    /** A pending reset past its time has expired, whether or not anyone looked at it since. */
    private static PasswordReset.Status status(ResetRow row, Instant now) {
        PasswordReset.Status stored = PasswordReset.Status.valueOf(row.status());
        return stored == PasswordReset.Status.PENDING && !now.isBefore(row.expiresAt()) ? PasswordReset.Status.EXPIRED
                : stored;
    }

    private static PasswordReset view(ResetRow row, Actor actor, Instant now) {
        PasswordReset.Status status = status(row, now);
        return new PasswordReset(row.id(), row.accountId(), row.username(), row.requestedById(), row.requestedBy(),
                row.requestedAt(), row.expiresAt(), status, row.decidedBy(), row.decidedAt(),
                status == PasswordReset.Status.PENDING && mayDecide(actor, row.requestedById(), row.accountId()));
    }
}
