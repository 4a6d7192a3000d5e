package org.zhiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.PageSession;

/**
 * Every page, error page and htmx fragment carries the strict Content-Security-Policy; Swagger UI carries its own;
 * the REST API carries one that allows nothing at all.
 */
class ContentSecurityPolicyIntegrationTests extends IntegrationTestSupport {

    private PageSession browser;

    @Test
    void pagesErrorPagesAndFragmentsAllowScriptsAndStylesFromTheApplicationOnly() {
        assertStrict(get("/login", Map.of()));
        logIn("jintai");
        HttpResponse<String> home = get("/", Map.of());
        assertThat(home.statusCode()).isEqualTo(200);
        assertStrict(home);
        HttpResponse<String> missing = get("/units/00000000-0000-0000-0000-000000000000", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("zb-error");
        assertStrict(missing);
        HttpResponse<String> fragment = get("/dashboard/obligations", Map.of("HX-Request", "true"));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html");
        assertStrict(fragment);
    }

    /**
     * HSTS and Secure cookies come with HTTPS that the application serves itself (server.ssl, docs/transport.md); on
     * plain HTTP — the embedded default, tests, behind a gateway that terminated TLS — it sends neither, since a
     * browser told to insist on HTTPS for a host that has none could no longer reach it.
     */
    @Test
    void onPlainHttpNeitherHstsNorSecureCookiesAreSent() {
        HttpResponse<String> login = get("/login", Map.of());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void swaggerUiHasAPolicyOfItsOwnAndTheOpenApiDocumentNeedsNoLogin() {
        HttpResponse<String> swaggerUi = get("/swagger-ui/index.html", Map.of());
        assertThat(swaggerUi.statusCode()).isEqualTo(200);
        Map<String, String> policy = directives(swaggerUi);
        assertThat(policy.get("style-src")).isEqualTo("'self' 'unsafe-inline'");
        assertThat(policy.get("script-src")).isEqualTo("'self'");
        assertThat(policy.get("frame-ancestors")).isEqualTo("'none'");
        HttpResponse<String> apiDocs = get("/v3/api-docs", Map.of("Accept", "application/json"));
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("\"/api/v1/units\"");
        assertStrict(apiDocs);
    }

    @Test
    void theRestApiAllowsABrowserNothing() {
        HttpResponse<String> units = get("/api/v1/units",
                Map.of("Authorization", "Bearer " + api().token("jintai"), "Accept", "application/json"));
        assertThat(units.statusCode()).isEqualTo(200);
        assertThat(directives(units)).containsExactlyInAnyOrderEntriesOf(
                Map.of("default-src", "'none'", "frame-ancestors", "'none'"));
    }

    private static void assertStrict(HttpResponse<String> response) {
        Map<String, String> policy = directives(response);
        assertThat(policy).containsAllEntriesOf(Map.of("default-src", "'self'", "script-src", "'self'",
                "style-src", "'self'", "img-src", "'self' data:", "connect-src", "'self'", "font-src", "'self'",
                "object-src", "'none'", "base-uri", "'self'", "form-action", "'self'", "frame-ancestors", "'none'"));
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .doesNotContain("unsafe", "nonce-");
    }

    private static Map<String, String> directives(HttpResponse<String> response) {
        String header = response.headers().firstValue("Content-Security-Policy")
                .orElseThrow(() -> new AssertionError(response.uri() + " has no Content-Security-Policy"));
        return Arrays.stream(header.split(";")).map(String::trim).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.split(" ", 2)[1]));
    }

    private void logIn(String username) {
        browser().logIn(username);
    }

    /** A GET as a browser sends it (asking for HTML) unless the headers ask for something else. */
    private HttpResponse<String> get(String path, Map<String, String> headers) {
        return browser().get(path, headers);
    }

    private PageSession browser() {
        if (browser == null) {
            browser = new PageSession(baseUrl());
        }
        return browser;
    }
}
