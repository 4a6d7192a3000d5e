package org.zhiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.shared.SecretTokens;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

/** The lockout answers a name that matches no account exactly as it answers a real one. */
class LoginLockoutIntegrationTests extends IntegrationTestSupport {

    @Autowired
    Logins logins;

    @Test
    void anUnknownUsernameLocksAfterAsManyFailuresWithTheSameAnswer() {
        String real = "baoji-leader";
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            for (int attempt = 1; attempt <= 6; attempt++) {
                Api.Response realAnswer = login(real, "wrong-password");
                Api.Response ghostAnswer = login(ghost, "wrong-password");
                assertThat(ghostAnswer.status()).as("attempt " + attempt).isEqualTo(realAnswer.status());
                assertThat(ghostAnswer.code()).isEqualTo(realAnswer.code());
                assertThat(ghostAnswer.json().get("detail")).isEqualTo(realAnswer.json().get("detail"));
                assertThat(realAnswer.code()).isEqualTo(attempt < 5 ? "BAD_CREDENTIALS" : "ACCOUNT_LOCKED");
            }
            Api.Response realRight = login(real, Api.DEMO_PASSWORD);
            assertThat(realRight.status()).isEqualTo(423);
            assertThat(login(ghost, Api.DEMO_PASSWORD).json().get("detail")).isEqualTo(realRight.json().get("detail"));

            clock.advance(Duration.ofMinutes(31));
            assertThat(login(ghost, "wrong-password").code()).isEqualTo("BAD_CREDENTIALS");
            assertThat(login(real, Api.DEMO_PASSWORD).status()).isEqualTo(200);
        }
        finally {
            api().as("security").post("/api/v1/accounts/" + accountId(real) + "/unlock", Map.of());
        }
    }

    @Test
    void failuresADayOldAreForgottenForAccountsAndUnknownNamesAlike() {
        String real = "baoji-leader";
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            for (int attempt = 1; attempt <= 4; attempt++) {
                login(real, "wrong-password");
                login(ghost, "wrong-password");
            }
            clock.advance(Duration.ofHours(24));
            assertThat(login(real, "wrong-password").code()).isEqualTo("BAD_CREDENTIALS");
            assertThat(login(ghost, "wrong-password").code()).isEqualTo("BAD_CREDENTIALS");
        }
        finally {
            api().as("security").post("/api/v1/accounts/" + accountId(real) + "/unlock", Map.of());
        }
    }

    @Test
    void theCountsOfUnknownNamesAreKeptByHashAndPrunedOnceForgotten() {
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        login(ghost, "wrong-password");
        assertThat(rowsOf(ghost)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE name_hash = ?").param(ghost).query(Long.class)
                .single()).as("the name itself is not stored").isZero();

        clock.advance(Duration.ofHours(23));
        logins.pruneUnknownNames();
        assertThat(rowsOf(ghost)).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        logins.pruneUnknownNames();
        assertThat(rowsOf(ghost)).isZero();
    }

    private long rowsOf(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE name_hash = ?").param(SecretTokens.hash(name))
                .query(Long.class).single();
    }

    private Api.Response login(String username, String password) {
        return api().post("/api/v1/auth/tokens", null, Map.of("username", username, "password", password));
    }
}
