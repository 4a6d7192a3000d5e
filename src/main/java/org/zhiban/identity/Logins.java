package org.zhiban.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditSubject;
import org.zhiban.audit.AuditTrail;
import org.zhiban.identity.internal.AccountRepository;

/**
 * Checks a username and password under the lockout policy, for both the login form and API tokens.
 * Every attempt is audited, and its outcome commits even when the attempt fails.
 */
@Service
public class Logins {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LockoutPolicy lockout;
    private final AuditTrail audit;
    private final Clock clock;
    /** Compared against when the username is unknown, so that the answer takes as long as for a real one. */
    private final String decoyHash;

    Logins(AccountRepository accounts, PasswordEncoder passwordEncoder, IdentityProperties properties,
            AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.lockout = LockoutPolicy.of(properties);
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode("decoy-password-never-valid");
    }

    @Transactional
    public LoginResult attempt(String username, String password, String channel) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.trim();
        Optional<Account> found = accounts.lockByUsername(name);
        if (found.isEmpty()) {
            passwordEncoder.matches(password == null ? "" : password, decoyHash);
            audit.record(AuditSubject.anonymous(name), "LOGIN", "account:" + name, AuditOutcome.FAILURE,
                    channel + "：用户名不存在");
            return new LoginResult.BadCredentials();
        }
        Account account = found.get();
        AuditSubject subject = new AuditSubject(account.id(), account.username(), account.unitId());
        if (account.isLockedAt(now)) {
            audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.DENIED, channel + "：账号已锁定");
            return new LoginResult.Locked(account.lockedUntil());
        }
        String hash = accounts.passwordHash(account.id()).orElseThrow();
        if (password == null || !passwordEncoder.matches(password, hash)) {
            int failures = account.failedAttempts() + 1;
            if (lockout.locksAfter(failures)) {
                Instant until = lockout.lockedUntil(now);
                accounts.recordFailure(account.id(), 0, until);
                audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.FAILURE,
                        channel + "：密码错误，连续 " + failures + " 次，账号锁定至 " + until);
                return new LoginResult.Locked(until);
            }
            accounts.recordFailure(account.id(), failures, null);
            audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.FAILURE,
                    channel + "：密码错误，连续 " + failures + " 次");
            return new LoginResult.BadCredentials();
        }
        if (!account.enabled()) {
            audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.DENIED, channel + "：账号已停用");
            return new LoginResult.Disabled();
        }
        if (account.failedAttempts() > 0 || account.lockedUntil() != null) {
            accounts.clearFailures(account.id());
        }
        audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.SUCCESS, channel);
        return new LoginResult.Success(account.toActor());
    }
}
