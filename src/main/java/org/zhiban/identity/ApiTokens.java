package org.zhiban.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.identity.internal.AccountRepository;
import org.zhiban.identity.internal.TokenRepository;
import org.zhiban.shared.Actor;
import org.zhiban.shared.SecretTokens;

/**
 * Bearer tokens for the REST API. A token is 256 random bits; only its SHA-256 is stored. It ends at its
 * expiry, after {@link IdentityProperties#tokenIdleTimeout()} without use, when revoked, or when its account is
 * disabled or locked.
 */
@Service
public class ApiTokens {

    /** Writing the last-use time on every request would turn reads into writes; once a minute is enough. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final TokenRepository tokens;
    private final AccountRepository accounts;
    private final IdentityProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(TokenRepository tokens, AccountRepository accounts, IdentityProperties properties, AuditTrail audit,
            Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
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
    @Transactional
    public Optional<Actor> authenticate(String token) {
        String hash = SecretTokens.hash(token);
        Instant now = clock.instant();
        return tokens.find(hash)
                .filter(t -> !t.revoked() && now.isBefore(t.expiresAt())
                        && now.isBefore(t.lastUsedAt().plus(properties.tokenIdleTimeout())))
                .flatMap(t -> {
                    if (!now.isBefore(t.lastUsedAt().plus(TOUCH_INTERVAL))) {
                        tokens.touch(hash, now);
                    }
                    return accounts.findById(t.accountId());
                })
                .filter(account -> account.enabled() && !account.isLockedAt(now))
                .map(Account::toActor);
    }

    @Transactional
    public void revoke(String token) {
        tokens.revoke(SecretTokens.hash(token));
        audit.record("LOGOUT", "api-token", AuditOutcome.SUCCESS, "注销 API 令牌");
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void purgeExpired() {
        tokens.deleteExpired(clock.instant());
    }

    /** A new token and when it expires at the latest. */
    public record IssuedToken(String token, Instant expiresAt) {
    }
}
