package org.zhiban.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.PageSession;
import org.zhiban.support.TestDatabase;

class WebIntegrationTests extends IntegrationTestSupport {

    @Test
    void healthIsUpWithoutLogin() {
        Api.Response health = api().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
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
    void staticFilesAreServedUnderTheirOwnPrefixesAndEveryOtherUnknownAddressIsNotFound() {
        PageSession session = new PageSession(baseUrl()).logIn("baoji");
        String dashboard = session.get("/").body();
        // Webjar links carry their version, so the browser may keep them for a year.
        assertThat(dashboard).contains("/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css");
        var bootstrap = session.get("/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css");
        assertThat(bootstrap.statusCode()).isEqualTo(200);
        assertThat(bootstrap.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000");
        assertThat(session.get("/css/zhiban.css").statusCode()).isEqualTo(200);
        assertThat(session.get("/js/zhiban.js").statusCode()).isEqualTo(200);
        assertThat(session.get("/favicon.ico").statusCode()).isEqualTo(200);
        assertThat(session.get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(session.get("/css/no-such.css").statusCode()).isEqualTo(404);
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
