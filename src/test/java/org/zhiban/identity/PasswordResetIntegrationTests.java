package org.zhiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Resets of passwords: no platform administrator takes over another's account (三员分立), and whoever's password
 * someone else set must choose a new one at the next login.
 */
class PasswordResetIntegrationTests extends IntegrationTestSupport {

    private static final String TEMPORARY = "Kq#82nVx-ta";

    @Test
    void theSystemAdministratorCannotTakeOverTheAuditAdministrator() {
        Api.Response requested = resetAs("admin", "auditor", TEMPORARY);
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().get("status").asString()).isEqualTo("PENDING");
        String resetId = requested.json().get("id").asString();

        assertThat(login("auditor", TEMPORARY).status()).isEqualTo(401);
        assertThat(login("auditor", Api.DEMO_PASSWORD).status()).isEqualTo(200);
        assertThat(decide("admin", resetId, "approval").status()).as("the requester").isEqualTo(403);
        assertThat(decide("auditor", resetId, "approval").status()).as("the target").isEqualTo(403);
        assertThat(login("auditor", TEMPORARY).status()).isEqualTo(401);
        // Nor any other way: the system administrator neither changes the auditor's roles nor reads the trail.
        assertThat(api().as("admin").put("/api/v1/accounts/" + accountId("auditor") + "/roles",
                Map.of("roles", List.of("SYSTEM_ADMIN"))).status()).isEqualTo(403);
        assertThat(api().as("admin").get("/api/v1/audit-records").status()).isEqualTo(403);

        assertThat(pendingSeenBy("admin", resetId).get("mayDecide").asBoolean()).isFalse();
        assertThat(pendingSeenBy("security", resetId).get("mayDecide").asBoolean()).isTrue();
        assertThat(decide("security", resetId, "rejection").json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(login("auditor", TEMPORARY).status()).isEqualTo(401);
        assertThat(login("auditor", Api.DEMO_PASSWORD).status()).isEqualTo(200);
        assertThat(audited("PASSWORD_RESET_REQUESTED", "account:auditor")).isPositive();
        assertThat(audited("PASSWORD_RESET_REJECTED", "account:auditor")).isPositive();
    }

    @Test
    void theSecurityAdministratorCannotTakeOverTheSystemAdministrator() {
        Api.Response requested = resetAs("security", "admin", TEMPORARY);
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        String resetId = requested.json().get("id").asString();

        assertThat(login("admin", TEMPORARY).status()).isEqualTo(401);
        assertThat(decide("security", resetId, "approval").status()).isEqualTo(403);
        assertThat(decide("admin", resetId, "approval").status()).isEqualTo(403);
        assertThat(login("admin", TEMPORARY).status()).isEqualTo(401);
        assertThat(login("admin", Api.DEMO_PASSWORD).status()).isEqualTo(200);
        assertThat(decide("auditor", resetId, "rejection").status()).isEqualTo(200);
    }

    @Test
    void anApprovedResetTakesEffectAndItsOwnerMustChooseANewPassword() {
        String username = "audit-" + suffix();
        String first = "Lm#47pQz-we";
        assertThat(api().as("admin").post("/api/v1/accounts", Map.of("username", username, "displayName", "第二审计员",
                "password", first, "roles", List.of("AUDIT_ADMIN"))).status()).isEqualTo(201);
        Api.Response firstLogin = login(username, first);
        assertThat(firstLogin.status()).as("an administrator chose the first password").isEqualTo(403);
        assertThat(firstLogin.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        String own = "Rt#93kWx-mb";
        assertThat(change(username, first, own).status()).isEqualTo(204);
        assertThat(login(username, own).status()).isEqualTo(200);

        String resetId = resetAs("security", username, TEMPORARY).json().get("id").asString();
        assertThat(login(username, TEMPORARY).status()).isEqualTo(401);
        assertThat(login(username, own).status()).as("the old password works until approved").isEqualTo(200);
        Api.Response approved = decide("admin", resetId, "approval");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");

        assertThat(login(username, own).status()).isEqualTo(401);
        Api.Response afterReset = login(username, TEMPORARY);
        assertThat(afterReset.status()).isEqualTo(403);
        assertThat(afterReset.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(afterReset.json().get("detail").asString()).contains("须先修改密码");
        Api.Response same = change(username, TEMPORARY, TEMPORARY);
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        assertThat(change(username, "not-the-password", "Hv#28sNq-pd").status()).isEqualTo(401);
        assertThat(change(username, TEMPORARY, "Hv#28sNq-pd").status()).isEqualTo(204);
        assertThat(login(username, "Hv#28sNq-pd").status()).isEqualTo(200);
        assertThat(audited("PASSWORD_RESET_APPROVED", "account:" + username)).isEqualTo(1);
        assertThat(audited("PASSWORD_RESET", "account:" + username)).isEqualTo(1);
    }

    @Test
    void aPendingResetExpiresAfterADayAndASecondRequestReplacesTheFirst() {
        String username = "security-" + suffix();
        assertThat(api().as("admin").post("/api/v1/accounts", Map.of("username", username, "password", "Lm#47pQz-we",
                "roles", List.of("SECURITY_ADMIN"))).status()).isEqualTo(201);
        String first = resetAs("admin", username, TEMPORARY).json().get("id").asString();
        String second = resetAs("admin", username, "Zp#61tRb-ke").json().get("id").asString();
        Api.Response replaced = decide("auditor", first, "approval");
        assertThat(replaced.status()).isEqualTo(409);
        assertThat(replaced.json().get("detail").asString()).contains("取代");
        assertThat(pendingSeenBy("auditor", second)).isNotNull();

        clock.advance(Duration.ofHours(24));
        Api.Response expired = decide("auditor", second, "approval");
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.json().get("detail").asString()).contains("过期");
        assertThat(api().as("auditor").get("/api/v1/password-resets").json().findValuesAsString("id"))
                .doesNotContain(first, second);
        assertThat(login(username, "Zp#61tRb-ke").status()).isEqualTo(401);
    }

    @Test
    void aUnitAccountsResetByItsUnitAdministratorTakesEffectAtOnce() {
        String username = unitAccount("Lm#47pQz-we");
        Api.Response reset = resetAs("jintai-admin", username, TEMPORARY);
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        assertThat(login(username, "Lm#47pQz-we").status()).isEqualTo(401);
        assertThat(login(username, TEMPORARY).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(change(username, TEMPORARY, "Hv#28sNq-pd").status()).isEqualTo(204);
        assertThat(login(username, "Hv#28sNq-pd").status()).isEqualTo(200);
    }

    @Test
    void aResetToTheCurrentPasswordIsRefused() {
        String username = unitAccount("Lm#47pQz-we");
        Api.Response same = resetAs("jintai-admin", username, "Lm#47pQz-we");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(same.json().get("detail").asString()).isEqualTo("新密码不能与当前密码相同");
        assertThat(resetAs("jintai-admin", username, "Q7#" + username.toUpperCase()).json().get("detail").asString())
                .isEqualTo("密码不能包含用户名");
        assertThat(resetAs("jintai-admin", username, "Password1").status()).isEqualTo(400);
    }

    @Test
    void nobodyResetsTheirOwnPassword() {
        assertThat(resetAs("admin", "admin", TEMPORARY).status()).isEqualTo(403);
        assertThat(resetAs("security", "security", TEMPORARY).status()).isEqualTo(403);
    }

    @Test
    void theDemoAccountsKeepTheirDocumentedPasswordWithoutAChange() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE username IN ('admin', 'security', 'auditor', 'jintai', "
                + "'jintai-head', 'baoji', 'longting', 'xdistrict') AND password_change_required = TRUE")
                .query(Long.class).single()).isZero();
        assertThat(login("jintai-head", Api.DEMO_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theLoginFormLeadsToTheChangeOfPasswordAndNothingElseOpens() throws Exception {
        String username = unitAccount("Lm#47pQz-we");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> submitted = postForm(browser, "/login", Map.of("username", username, "password",
                "Lm#47pQz-we"));
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith("/login/password-change");
        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).as("not signed in").isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login/password-change"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("请先修改密码").contains("value=\"" + username + "\"");
        HttpResponse<String> weak = postForm(browser, "/login/password-change", Map.of("username", username,
                "currentPassword", "Lm#47pQz-we", "newPassword", "Password1", "confirmation", "Password1"));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("常用密码");
        HttpResponse<String> changed = postForm(browser, "/login/password-change", Map.of("username", username,
                "currentPassword", "Lm#47pQz-we", "newPassword", "Hv#28sNq-pd", "confirmation", "Hv#28sNq-pd"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/login?changed");
        HttpResponse<String> signedIn = postForm(browser, "/login", Map.of("username", username, "password",
                "Hv#28sNq-pd"));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
    }

    /** Posts a page form as a browser does: with the CSRF token of the page it was on. */
    private HttpResponse<String> postForm(HttpClient browser, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        String page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        StringBuilder body = new StringBuilder("_csrf=" + csrf.group(1));
        fields.forEach((name, value) -> body.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A new account in a street below 金台区 that 金台区's unit administrator created, with the password given; in a
     * unit no other test counts the accounts or messages of.
     */
    private String unitAccount(String password) {
        String username = "officer-" + suffix();
        String unitId = unitId("西关街道办事处");
        String personId = null;
        for (JsonNode person : api().as("jintai-admin").get("/api/v1/units/" + unitId + "/people").json()) {
            if (person.get("formalStaff").asBoolean()) {
                personId = person.get("id").asString();
            }
        }
        Api.Response created = api().as("jintai-admin").post("/api/v1/accounts", Map.of("username", username,
                "personId", personId, "password", password, "roles", List.of("DUTY_OFFICER")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    private Api.Response resetAs(String requester, String target, String password) {
        return api().as(requester).post("/api/v1/accounts/" + accountId(target) + "/password-resets",
                Map.of("password", password));
    }

    private Api.Response decide(String approver, String resetId, String decision) {
        return api().as(approver).post("/api/v1/password-resets/" + resetId + "/" + decision, Map.of());
    }

    private JsonNode pendingSeenBy(String username, String resetId) {
        for (JsonNode reset : api().as(username).get("/api/v1/password-resets").json()) {
            if (reset.get("id").asString().equals(resetId)) {
                return reset;
            }
        }
        throw new AssertionError(username + " does not see reset " + resetId);
    }

    private long audited(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = ? AND target = ?").params(action, target)
                .query(Long.class).single();
    }

    private Api.Response login(String username, String password) {
        return api().post("/api/v1/auth/tokens", null, Map.of("username", username, "password", password));
    }

    private Api.Response change(String username, String current, String wanted) {
        return api().post("/api/v1/auth/password-changes", null, Map.of("username", username, "currentPassword",
                current, "newPassword", wanted));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
