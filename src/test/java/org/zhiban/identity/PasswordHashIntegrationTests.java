package org.zhiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

/** Hashes of another algorithm than the configured one are made again at their owner's next login. */
class PasswordHashIntegrationTests extends IntegrationTestSupport {

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void aHashOfAnotherAlgorithmIsMadeAgainAtTheNextLoginWithoutAgeingThePassword() {
        UUID account = UUID.fromString(accountId("baoji-leader"));
        String pbkdf2 = "{pbkdf2-sm3}" + new Pbkdf2Sm3PasswordEncoder(1000).encode(Api.DEMO_PASSWORD);
        jdbc.sql("UPDATE account SET password_hash = ? WHERE id = ?").params(pbkdf2, account).update();
        OffsetDateTime changedAt = passwordChangedAt(account);

        assertThat(api().post("/api/v1/auth/tokens", null, Map.of("username", "baoji-leader", "password",
                "wrong-password")).status()).isEqualTo(401);
        assertThat(hash(account)).as("a wrong password changes nothing").isEqualTo(pbkdf2);
        assertThat(api().post("/api/v1/auth/tokens", null, Map.of("username", "baoji-leader", "password",
                Api.DEMO_PASSWORD)).status()).isEqualTo(200);

        assertThat(hash(account)).startsWith("{bcrypt}");
        assertThat(passwordEncoder.matches(Api.DEMO_PASSWORD, hash(account))).isTrue();
        assertThat(passwordChangedAt(account)).isEqualTo(changedAt);
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'PASSWORD_HASH_UPGRADED' ORDER BY seq DESC "
                + "LIMIT 1").query(String.class).single()).isEqualTo("pbkdf2-sm3 → bcrypt");
    }

    /** PBKDF2-HMAC-SM3: salted (two hashes of one password differ), and fewer iterations than set are upgraded. */
    @Test
    void pbkdf2WithSm3IsSaltedAndKnowsWhenItIsWeakerThanConfigured() {
        Pbkdf2Sm3PasswordEncoder encoder = new Pbkdf2Sm3PasswordEncoder(2000);
        String one = encoder.encode("值班密码#2026");
        assertThat(one).startsWith("2000$").isNotEqualTo(encoder.encode("值班密码#2026"));
        assertThat(encoder.matches("值班密码#2026", one)).isTrue();
        assertThat(encoder.matches("值班密码#2027", one)).isFalse();
        assertThat(encoder.matches("值班密码#2026", "not-a-hash")).isFalse();
        assertThat(encoder.upgradeEncoding(one)).isFalse();
        assertThat(new Pbkdf2Sm3PasswordEncoder(4000).upgradeEncoding(one)).isTrue();
    }

    private String hash(UUID account) {
        return jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(account).query(String.class).single();
    }

    private OffsetDateTime passwordChangedAt(UUID account) {
        return jdbc.sql("SELECT password_changed_at FROM account WHERE id = ?").param(account)
                .query(OffsetDateTime.class).single();
    }
}
