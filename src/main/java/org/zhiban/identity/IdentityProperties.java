package org.zhiban.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login settings.
 *
 * @param maxFailedAttempts consecutive wrong passwords that lock an account
 * @param lockoutDuration   how long a locked account stays locked
 * @param tokenLifetime     how long an API token lives at most
 * @param tokenIdleTimeout  an API token unused for this long ends, like an idle page session
 * @param failureMemory     wrong passwords older than this are forgotten, for accounts and unknown names alike
 */
@ConfigurationProperties("zhiban.identity")
public record IdentityProperties(
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("PT30M") Duration lockoutDuration,
        @DefaultValue("PT8H") Duration tokenLifetime,
        @DefaultValue("PT30M") Duration tokenIdleTimeout,
        @DefaultValue("PT24H") Duration failureMemory) {
}
