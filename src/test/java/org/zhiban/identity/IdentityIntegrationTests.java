package org.zhiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

class IdentityIntegrationTests extends IntegrationTestSupport {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    FirstAdministrator firstAdministrator;

    @Test
    void aDemoAccountGetsATokenThatOpensTheApi() {
        Api.Response response = api().post("/api/v1/auth/tokens", null,
                Map.of("username", "jintai", "password", Api.DEMO_PASSWORD));
        assertThat(response.status()).isEqualTo(200);
        String token = response.json().get("token").asString();
        assertThat(response.json().get("expiresAt").asString()).endsWith("+08:00");
        assertThat(api().get("/api/v1/units", token).status()).isEqualTo(200);
    }

    @Test
    void withoutATokenTheApiAnswers401InChinese() {
        Api.Response response = api().get("/api/v1/units", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api().get("/api/v1/units", "forged-token").code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(login("jintai", "wrong-password").code()).isEqualTo("BAD_CREDENTIALS");
        }
        assertThat(login("jintai", "wrong-password").code()).isEqualTo("ACCOUNT_LOCKED");
        Api.Response sixth = login("jintai", "wrong-password");
        assertThat(sixth.status()).isEqualTo(423);
        assertThat(sixth.code()).isEqualTo("ACCOUNT_LOCKED");
        Api.Response right = login("jintai", Api.DEMO_PASSWORD);
        assertThat(right.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(right.json().get("detail").asString()).contains("锁定");

        clock.advance(Duration.ofMinutes(31));
        assertThat(login("jintai", Api.DEMO_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theSecurityAdministratorUnlocksALockedAccount() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            login("xdistrict", "wrong-password");
        }
        assertThat(login("xdistrict", Api.DEMO_PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
        String id = accountId("xdistrict");
        assertThat(api().as("admin").post("/api/v1/accounts/" + id + "/unlock", Map.of()).status()).isEqualTo(403);
        assertThat(api().as("security").post("/api/v1/accounts/" + id + "/unlock", Map.of()).status()).isEqualTo(200);
        assertThat(login("xdistrict", Api.DEMO_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anIdleTokenEnds() {
        String token = login("longting", Api.DEMO_PASSWORD).json().get("token").asString();
        clock.advance(Duration.ofMinutes(20));
        assertThat(api().get("/api/v1/units", token).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(api().get("/api/v1/units", token).code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void noAccountMayHoldTwoPlatformRoles() {
        String id = accountId("auditor");
        Api.Response response = api().as("security").put("/api/v1/accounts/" + id + "/roles",
                Map.of("roles", List.of("AUDIT_ADMIN", "SYSTEM_ADMIN")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("不同账号");
        assertThat(api().as("security").get("/api/v1/accounts/" + id).json().get("roles").size()).isEqualTo(1);
    }

    @Test
    void aUnitAdministratorCannotGrantPlatformRoles() {
        String id = accountId("jintai-head");
        Api.Response response = api().as("jintai-admin").put("/api/v1/accounts/" + id + "/roles",
                Map.of("roles", List.of("SECURITY_ADMIN")));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void aWeakPasswordIsRefusedWhenCreatingAnAccount() {
        JsonNode person = api().as("jintai-admin").get("/api/v1/people?q=" + Api.query("")).json();
        assertThat(person.isArray()).isTrue();
        String unitId = api().as("jintai-admin").get("/api/v1/units").json().get(0).get("id").asString();
        String personId = api().as("jintai-admin").get("/api/v1/units/" + unitId + "/people").json().get(5).get("id")
                .asString();
        Api.Response response = api().as("jintai-admin").post("/api/v1/accounts", Map.of("username", "weak-one",
                "personId", personId, "password", "abcdefgh", "roles", List.of("DUTY_OFFICER")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE username = 'weak-one'").query(Long.class).single())
                .isZero();
    }

    @Test
    void pageSessionsEndAfterThirtyIdleMinutes() {
        org.springframework.session.Session session = sessions.createSession();
        assertThat(session.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void passwordsAreStoredWithAnAdaptiveHash() {
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE username = 'jintai'").query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
    }

    @Test
    void theSetupPageIsGoneOnceAccountsExist() {
        assertThat(firstAdministrator.isNeeded()).isFalse();
        assertThat(api().get("/setup", null).status()).isEqualTo(404);
    }

    private Api.Response login(String username, String password) {
        return api().post("/api/v1/auth/tokens", null, Map.of("username", username, "password", password));
    }

}
