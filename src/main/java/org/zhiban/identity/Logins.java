package org.zhiban.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditSubject;
import org.zhiban.audit.AuditTrail;
import org.zhiban.identity.internal.AccountRepository;
import org.zhiban.identity.internal.LoginFailureRepository;
import org.zhiban.shared.SecretTokens;

/**
 * Checks a username and password under the lockout policy, for both the login form and API tokens.
 * Every attempt is audited, and its outcome commits even when the attempt fails. A name that matches no account
 * answers exactly as an account does — the same words, status and work (a password hash compared, a row locked and
 * counted), locked after as many failures — so that nobody learns from the answers which usernames exist.
 */
@Service
public class Logins {

    private final AccountRepository accounts;
    private final LoginFailureRepository unknownNames;
    private final PasswordEncoder passwordEncoder;
    private final LockoutPolicy lockout;
    private final AuditTrail audit;
    private final ApiTokens tokens;
    private final Clock clock;
    /** Compared against when the username is unknown, so that the answer takes as long as for a real one. */
    private final String decoyHash;

    Logins(AccountRepository accounts, LoginFailureRepository unknownNames, PasswordEncoder passwordEncoder,
            IdentityProperties properties, AuditTrail audit, ApiTokens tokens, Clock clock) {
        this.accounts = accounts;
        this.unknownNames = unknownNames;
        this.passwordEncoder = passwordEncoder;
        this.lockout = LockoutPolicy.of(properties);
        this.audit = audit;
        this.tokens = tokens;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode("decoy-password-never-valid");
    }

    @Transactional
    public LoginResult attempt(String username, String password, String channel) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.trim();
        Optional<Account> found = accounts.lockByUsername(name);
        if (found.isEmpty()) {
            // The same steps as for an account, on the unknown name's own row: no password can ever be right.
            AuditSubject nobody = AuditSubject.anonymous(name);
            String key = SecretTokens.hash(name);
            LoginFailureRepository.Failures stored = unknownNames.lock(key, now);
            if (stored.isLockedAt(now)) {
                return locked(nobody, name, channel + "：用户名不存在", stored.lockedUntil());
            }
            passwordEncoder.matches(password == null ? "" : password, decoyHash);
            return failed(nobody, name, channel + "：用户名不存在", now, stored.failedAttempts(), stored.lastFailedAt(),
                    (failures, until) -> unknownNames.record(key, failures, until, now));
        }
        Account account = found.get();
        AuditSubject subject = new AuditSubject(account.id(), account.username(), account.unitId());
        if (account.isLockedAt(now)) {
            return locked(subject, name, channel, account.lockedUntil());
        }
        AccountRepository.Credentials credentials = accounts.credentials(account.id());
        if (password == null || !passwordEncoder.matches(password, credentials.passwordHash())) {
            LoginResult result = failed(subject, name, channel + "：密码错误", now, account.failedAttempts(),
                    credentials.lastFailedAt(), (failures, until) -> accounts.recordFailure(account.id(), failures,
                            until, now));
            if (result instanceof LoginResult.Locked) {
                // A locked account's tokens stop with it, on every instance, not only at their next reading.
                tokens.forgetResolved();
            }
            return result;
        }
        if (!account.enabled()) {
            audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.DENIED, channel + "：账号已停用");
            return new LoginResult.Disabled();
        }
        if (account.failedAttempts() > 0 || account.lockedUntil() != null) {
            accounts.clearFailures(account.id());
        }
        upgradeHash(subject, account, password, credentials.passwordHash());
        if (account.passwordChangeRequired()) {
            audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.DENIED, channel + "：须先修改密码");
            return new LoginResult.PasswordChangeRequired(account.toActor());
        }
        audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.SUCCESS, channel);
        return new LoginResult.Success(account.toActor());
    }

    /**
     * A hash of another algorithm than the configured one (or weaker settings) is made again from the password just
     * proven right: the only moment the clear password is at hand. Not a change of password, so its age stays.
     */
    private void upgradeHash(AuditSubject subject, Account account, String password, String hash) {
        if (passwordEncoder.upgradeEncoding(hash)) {
            String upgraded = passwordEncoder.encode(password);
            accounts.rehashPassword(account.id(), upgraded);
            audit.record(subject, "PASSWORD_HASH_UPGRADED", "account:" + account.username(), AuditOutcome.SUCCESS,
                    algorithm(hash) + " → " + algorithm(upgraded));
        }
    }

    private static String algorithm(String hash) {
        return hash.startsWith("{") && hash.indexOf('}') > 0 ? hash.substring(1, hash.indexOf('}')) : "未标明";
    }

    private LoginResult locked(AuditSubject subject, String name, String channel, Instant until) {
        audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.DENIED, channel + "：已锁定");
        return new LoginResult.Locked(until);
    }

    /** Counts one more failure on the account's or the unknown name's row, and locks it after too many. */
    private LoginResult failed(AuditSubject subject, String name, String what, Instant now, int storedFailures,
            Instant lastFailedAt, BiConsumer<Integer, Instant> record) {
        int failures = lockout.remembered(storedFailures, lastFailedAt, now) + 1;
        if (lockout.locksAfter(failures)) {
            Instant until = lockout.lockedUntil(now);
            record.accept(0, until);
            audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.FAILURE,
                    what + "，连续 " + failures + " 次，锁定至 " + until);
            return new LoginResult.Locked(until);
        }
        record.accept(failures, null);
        audit.record(subject, "LOGIN", "account:" + name, AuditOutcome.FAILURE, what + "，连续 " + failures + " 次");
        return new LoginResult.BadCredentials();
    }

    /** Forgets the failures of unknown names once they are older than the memory, so that the table stays small. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public int pruneUnknownNames() {
        Instant now = clock.instant();
        return unknownNames.prune(lockout.forgottenBefore(now), now);
    }
}
