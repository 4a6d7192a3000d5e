package org.zhiban.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.identity.internal.AccountRepository;
import org.zhiban.identity.internal.TokenRepository;
import org.zhiban.shared.Actor;
import org.zhiban.shared.RevisionedCache;
import org.zhiban.shared.SecretTokens;

/**
 * Bearer tokens for the REST API. A token is 256 random bits; only its SHA-256 is stored. It ends at its
 * expiry, after {@link IdentityProperties#tokenIdleTimeout()} without use, when revoked, or when its account is
 * disabled, locked or given other roles.
 * <p>
 * A token once resolved to its account is kept on this instance for {@link #RESOLVED_FOR} (ADR 0020): reading it and
 * its account on every request cost three queries and a transaction. Revoking, disabling, locking and re-roling clear
 * what every instance keeps — this one at once, the others within a second; expiry and idleness are checked on
 * every request against what was read.
 */
@Service
public class ApiTokens {

    /** Writing the last-use time on every request would turn reads into writes; once a minute is enough. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** How long a resolved token is trusted without reading it again, whatever else happens (ADR 0020). */
    static final Duration RESOLVED_FOR = Duration.ofSeconds(5);

    private final TokenRepository tokens;
    private final AccountRepository accounts;
    private final IdentityProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RevisionedCache<String, ResolvedToken> resolved;

    ApiTokens(TokenRepository tokens, AccountRepository accounts, IdentityProperties properties, AuditTrail audit,
            TransactionTemplate transaction, JdbcClient jdbc, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.resolved = new RevisionedCache<>("api-token", jdbc, clock);
    }

    @Transactional
    public IssuedToken issue(Actor actor) {
        String token = SecretTokens.generate();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        tokens.insert(SecretTokens.hash(token), actor.accountId(), now, expiresAt);
        return new IssuedToken(token, expiresAt);
    }

    /** The actor a token stands for, if the token is still good. */
    public Optional<Actor> authenticate(String token) {
        Instant now = clock.instant();
        ResolvedToken good = resolved.get(SecretTokens.hash(token), r -> r.freshAt(now),
                hash -> transaction.execute(status -> resolve(hash, now)));
        return Optional.ofNullable(good).map(ResolvedToken::actor);
    }

    /** Reads a token and its account; {@code null} unless both are good now. */
    private ResolvedToken resolve(String hash, Instant now) {
        return tokens.find(hash)
                .filter(t -> !t.revoked() && now.isBefore(t.expiresAt())
                        && now.isBefore(t.lastUsedAt().plus(properties.tokenIdleTimeout())))
                .flatMap(t -> {
                    Instant lastUsedAt = t.lastUsedAt();
                    if (!now.isBefore(lastUsedAt.plus(TOUCH_INTERVAL))) {
                        tokens.touch(hash, now);
                        lastUsedAt = now;
                    }
                    Instant used = lastUsedAt;
                    return accounts.findById(t.accountId())
                            .filter(account -> account.enabled() && !account.isLockedAt(now))
                            .map(account -> new ResolvedToken(account.toActor(), t.expiresAt(),
                                    used.plus(properties.tokenIdleTimeout()), now));
                })
                .orElse(null);
    }

    @Transactional
    public void revoke(String token) {
        tokens.revoke(SecretTokens.hash(token));
        resolved.invalidate();
        audit.record("LOGOUT", "api-token", AuditOutcome.SUCCESS, "注销 API 令牌");
    }

    /** Ends every token of an account, in the caller's transaction: its roles changed, it was disabled or reset. */
    void revokeAllOf(UUID accountId) {
        tokens.revokeAll(accountId);
        resolved.invalidate();
    }

    /** Every token is read again before its next use: an account was locked, and its tokens end with the lock. */
    void forgetResolved() {
        resolved.invalidate();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void purgeExpired() {
        Instant now = clock.instant();
        tokens.deleteExpired(now);
        resolved.removeValuesIf(r -> !r.freshAt(now));
    }

    /**
     * A token read from the database at {@code resolvedAt}, and until when it is good as read: its expiry and the end
     * of its idle time. Trusted for {@link #RESOLVED_FOR}, and never once the clock has been set back before its
     * reading.
     */
    private record ResolvedToken(Actor actor, Instant expiresAt, Instant idleAt, Instant resolvedAt) {

        boolean freshAt(Instant now) {
            return !now.isBefore(resolvedAt) && now.isBefore(resolvedAt.plus(RESOLVED_FOR)) && now.isBefore(expiresAt)
                    && now.isBefore(idleAt);
        }
    }

    /** A new token and when it expires at the latest. */
    public record IssuedToken(String token, Instant expiresAt) {
    }
}
