package org.zhiban.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.TestDatabase;

import tools.jackson.databind.JsonNode;

class WebIntegrationTests extends IntegrationTestSupport {

    @Test
    void healthIsUpWithoutLogin() {
        Api.Response health = api().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentDescribesTheRestApi() {
        JsonNode paths = api().get("/v3/api-docs", null).json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/units", "/api/v1/units/{id}", "/api/v1/units/{id}/children",
                "/api/v1/units/{id}/people", "/api/v1/people/{id}/phone-reveals", "/api/v1/auth/tokens",
                "/api/v1/accounts", "/api/v1/audit-records", "/api/v1/audit-records/chain-checks");
    }

    @Test
    void pagesRequireLoginAndShowItInChinese() {
        Api.Response page = api().get("/units", null);
        assertThat(page.status()).isEqualTo(302);
        Api.Response login = api().get("/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("登录").contains("lang=\"zh-CN\"");
        // The banner marks the embedded database only.
        assertThat(login.body().contains("试用模式")).isEqualTo(!TestDatabase.isPostgres());
    }

    @Test
    void unknownApiPathsAnswerWithAProblem() {
        Api.Response response = api().as("jintai").get("/api/v1/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("地址不存在");
    }

    @Test
    void theErrorPathAskedForDirectlyIsAPageThatDoesNotExist() {
        Api.Response page = api().get("/error", null);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.json().get("detail").asString()).isEqualTo("页面不存在，请检查地址是否正确。");
    }

    @Test
    void aRevokedTokenNoLongerWorksAndTheLogoutIsAudited() {
        String token = api().post("/api/v1/auth/tokens", null,
                java.util.Map.of("username", "baoji-leader", "password", Api.DEMO_PASSWORD)).json().get("token")
                .asString();
        assertThat(api().delete("/api/v1/auth/tokens/current", token).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/units", token).code()).isEqualTo("TOKEN_INVALID");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'LOGOUT' AND username = 'baoji-leader'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
