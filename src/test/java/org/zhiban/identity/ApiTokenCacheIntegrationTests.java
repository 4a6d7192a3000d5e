package org.zhiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.SecretTokens;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

/**
 * A token resolved to its account is kept for a few seconds per instance (ADR 0020): what ends a token — revoking it,
 * a new role, disabling or locking the account, expiry — ends it at once on this instance, and within a second on
 * the others; a change made beside the application within the window. Each test uses an account of its own, in a
 * street below 金台区 that no other test counts accounts of.
 */
class ApiTokenCacheIntegrationTests extends IntegrationTestSupport {

    private static final String PASSWORD = "Lm#47pQz-we";

    @Autowired
    Accounts accounts;

    @Test
    void aRevocationOnAnotherInstanceEndsTheTokenWithinASecond() {
        String token = tokenOf(newAccount());
        assertThat(read(token).status()).isEqualTo(200);

        // What ApiTokens.revoke does on another instance: the row and the revision, in one transaction.
        jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE token_hash = ?").param(SecretTokens.hash(token)).update();
        jdbc.sql("UPDATE cache_revision SET revision = revision + 1 WHERE name = 'api-token'").update();
        assertThat(read(token).status()).as("this instance has not looked at the revision yet").isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(read(token).code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void aChangeBesideTheApplicationEndsTheTokenWithinFiveSeconds() {
        String token = tokenOf(newAccount());
        assertThat(read(token).status()).isEqualTo(200);

        // An administrator's SQL, which moves no revision.
        jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE token_hash = ?").param(SecretTokens.hash(token)).update();
        clock.advance(ApiTokens.RESOLVED_FOR.minusMillis(1));
        assertThat(read(token).status()).as("still within the window").isEqualTo(200);

        clock.advance(Duration.ofMillis(1));
        assertThat(read(token).code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void aNewRoleEndsTheTokenAtOnce() {
        String username = newAccount();
        String token = tokenOf(username);
        assertThat(read(token).status()).isEqualTo(200);

        Api.Response changed = api().as("jintai-admin").put("/api/v1/accounts/" + accountId(username) + "/roles",
                Map.of("roles", List.of("LEADER_ON_DUTY")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(read(token).code()).isEqualTo("TOKEN_INVALID");
        assertThat(read(tokenOf(username)).status()).as("a new token carries the new role").isEqualTo(200);
    }

    @Test
    void disablingTheAccountEndsTheTokenAtOnce() {
        String username = newAccount();
        String token = tokenOf(username);
        assertThat(read(token).status()).isEqualTo(200);

        accounts.setEnabled(systemAdministrator(), UUID.fromString(accountId(username)), false);
        assertThat(read(token).code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void lockingTheAccountEndsTheTokenAtOnce() {
        String username = newAccount();
        String token = tokenOf(username);
        assertThat(read(token).status()).isEqualTo(200);

        for (int attempt = 1; attempt <= 5; attempt++) {
            login(username, "wrong-password");
        }
        assertThat(login(username, PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(read(token).code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void aTokenEndsAtItsExpiryEvenWhenReadAMomentBefore() {
        String username = newAccount();
        Api.Response issued = login(username, PASSWORD);
        String token = issued.json().get("token").asString();
        OffsetDateTime expiresAt = OffsetDateTime.parse(issued.json().get("expiresAt").asString());
        // Used every 29 minutes, so that it never ends for idleness, until two seconds before it expires.
        while (clock.instant().plus(Duration.ofMinutes(29)).isBefore(expiresAt.toInstant())) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(read(token).status()).isEqualTo(200);
        }
        clock.set(expiresAt.toInstant().minusSeconds(2));
        assertThat(read(token).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(2));
        assertThat(read(token).code()).as("expired, though read within the window").isEqualTo("TOKEN_INVALID");
    }

    private Api.Response read(String token) {
        return api().get("/api/v1/units/" + unitId("西关街道办事处"), token);
    }

    private String tokenOf(String username) {
        Api.Response issued = login(username, PASSWORD);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json().get("token").asString();
    }

    private Api.Response login(String username, String password) {
        return api().post("/api/v1/auth/tokens", null, Map.of("username", username, "password", password));
    }

    /** A duty officer's account of a person of 西关街道办事处, with a password its owner may keep. */
    private String newAccount() {
        String username = "token-" + UUID.randomUUID().toString().substring(0, 8);
        UUID personId = jdbc.sql("SELECT p.id FROM person p JOIN unit u ON u.id = p.unit_id "
                + "WHERE u.name = '西关街道办事处' ORDER BY p.id FETCH FIRST 1 ROWS ONLY").query(UUID.class).single();
        accounts.create(systemAdministrator(), new AccountCommand(username, null, personId, PASSWORD,
                Set.of(Role.DUTY_OFFICER)), Accounts.FirstLogin.KEEP_PASSWORD);
        return username;
    }

    private Actor systemAdministrator() {
        return new Actor(UUID.fromString(accountId("admin")), "admin", "系统管理员", null, Set.of(Role.SYSTEM_ADMIN));
    }
}
