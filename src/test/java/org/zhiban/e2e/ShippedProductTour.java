package org.zhiban.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;

import tools.jackson.databind.JsonNode;

/**
 * The product as shipped, toured as its users would: the packaged jar started as README says (see
 * {@link ShippedApplication}), a day's first work done through the REST API and the pages, then every demo account
 * logs in through the form, opens every page its navigation offers and one page of every kind linked from them, and
 * calls every read-only API operation whose parameters the tour can supply. Any 5xx, any failed page or link, any
 * console or script error and any failed request fails the tour — except the live stream, which the browser cuts
 * off on every navigation. A page added later joins the tour by being linked from the navigation or from a page it
 * links to. Run by Failsafe after the jar is packaged ({@code ./mvnw verify}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShippedProductTour {

    private static final String LIVE_STREAM = "/notifications/stream";
    private static final String INCIDENT_TITLE = "渭河金台段河道采砂船只侧翻";
    private static final String VERIFICATION = "核实网传金台区东风路水管爆裂情况";
    private static final int DETAIL_PAGES_PER_ACCOUNT = 80;

    private ShippedApplication application;
    private Api api;
    private Playwright playwright;
    private Browser browser;
    private final Map<String, JsonNode> accounts = new LinkedHashMap<>();
    /** Ids of one resource of each kind, by the path segment that names the kind, for the API operations. */
    private final Map<String, String> ids = new HashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> shapesVisited = new TreeSet<>();

    @BeforeAll
    void start() throws IOException {
        application = ShippedApplication.start();
        api = new Api(application.baseUrl());
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        api.as("admin").get("/api/v1/accounts").json().valueStream()
                .forEach(account -> accounts.put(account.get("username").asString(), account));
        beginTheDay();
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (application != null) {
            application.close();
            application.errorLines().forEach(line -> System.out.println("[shipped application] " + line));
        }
    }

    @BeforeEach
    void forgetTheLastTestsProblems() {
        problems.clear();
    }

    @Test
    @Order(1)
    void anOfficerRegistersAnIncidentSeesTheVerificationRequestAndTheSuperiorSignsTheWrittenReport() {
        Page officer = loginAs("jintai");
        visit(officer, "/reporting/incidents/new");
        officer.locator("#title").fill(INCIDENT_TITLE);
        officer.locator("#severity").selectOption("II");
        officer.locator("#category").selectOption("ACCIDENT");
        officer.locator("#place").fill("金台区渭河金台段");
        officer.locator("#summary").fill("一艘采砂船只在渭河金台段侧翻，船上 3 人落水，已有 2 人获救，1 人下落不明，正在搜救");
        officer.locator("#register-incident").click();
        officer.waitForLoadState(LoadState.LOAD);
        assertThat(officer.locator("h1")).containsText(INCIDENT_TITLE);
        assertThat(officer.locator(".alert-success")).containsText("已登记");
        assertThat(officer.locator(".deadline .countdown").first()).containsText("剩余");

        officer.locator("#stage").selectOption("INITIAL");
        officer.locator("input[name=channel][value=WRITTEN]").check();
        officer.locator("#content").fill("渭河金台段采砂船侧翻，3 人落水，2 人获救，1 人失联，搜救中");
        officer.locator("#signer").fill("王建国");
        officer.locator("#file-report").click();
        officer.waitForLoadState(LoadState.LOAD);
        assertThat(officer.locator(".alert-success")).containsText("已书面报送首报");

        visit(officer, "/reporting");
        Locator request = officer.locator("[id^=verification-]").filter(new Locator.FilterOptions()
                .setHasText(VERIFICATION));
        assertThat(request.first()).isVisible();
        assertThat(request.first().locator(".countdown").first()).containsText("剩余");

        Page superior = loginAs("baoji");
        visit(superior, "/reporting/inbox");
        Locator row = superior.locator("#to-sign tr").filter(new Locator.FilterOptions().setHasText(INCIDENT_TITLE));
        assertThat(row).hasCount(1);
        row.locator(".sign-report").click();
        superior.waitForLoadState(LoadState.LOAD);
        assertThat(superior.locator(".alert-success")).containsText("已签收");
        assertThat(superior.locator("#to-sign")).not().containsText(INCIDENT_TITLE);
        officer.context().close();
        superior.context().close();
        assertThat(problems).as("problems met on the way").isEmpty();
    }

    @Test
    @Order(2)
    void everyAccountOpensEveryPageOfItsNavigationAndOneOfEachKindLinkedFromThem() throws IOException {
        for (String username : accounts.keySet()) {
            long started = System.nanoTime();
            int pages = tourAs(username);
            System.out.printf("Toured as %s: %d pages in %d ms%n", username, pages,
                    (System.nanoTime() - started) / 1_000_000);
        }
        System.out.println("Detail pages visited, one of each kind: " + shapesVisited);
        Files.write(Path.of("target", "tour-problems.txt"), problems);
        assertThat(problems).as("problems met on the tour").isEmpty();
        assertThat(shapesVisited).as("the tour reached the detail pages").contains("/reporting/incidents/{id}",
                "/units/{id}", "/accounts/{id}", "/duty-log/entries/{id}/correct");
        assertThat(shapesVisited).anyMatch(shape -> shape.startsWith("/roster?") && shape.contains("month="));
    }

    @Test
    @Order(3)
    void everyReadOnlyApiOperationAnswersEveryAccountWithoutAServerError() {
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        assertThat(paths).as("the OpenAPI document is readable without login").isNotNull();
        Set<String> called = new TreeSet<>();
        Set<String> skipped = new TreeSet<>();
        for (String username : accounts.keySet()) {
            for (var entry : paths.properties()) {
                JsonNode get = entry.getValue().get("get");
                if (get == null) {
                    continue;
                }
                Optional<String> uri = fill(entry.getKey(), get, username);
                if (uri.isEmpty()) {
                    skipped.add(entry.getKey());
                    continue;
                }
                called.add(entry.getKey());
                Api.Response response = api.as(username).get(uri.get());
                if (response.status() >= 500) {
                    problems.add(username + " GET " + uri.get() + " → " + response.status() + " " + response.body());
                }
            }
        }
        System.out.println("API operations called as every account: " + called.size() + "; skipped (a parameter "
                + "the tour cannot supply): " + skipped);
        assertThat(called).as("read-only operations called").hasSizeGreaterThan(40);
        assertThat(problems).as("server errors").isEmpty();
    }

    /** The day's first work, as its users would do it, so that the pages have something of every kind to show. */
    private void beginTheDay() {
        String jintai = accounts.get("jintai").get("unitId").asString();
        ids.put("units", jintai);
        ids.put("people", accounts.get("jintai").get("personId").asString());
        OffsetDateTime now = serverNow();
        JsonNode entry = created(api.as("jintai").post("/api/v1/duty-log/entries", Map.of("kind", "INCOMING_CALL",
                "summary", "市应急管理局来电询问今晚值班人员在岗情况", "callerName", "李明", "callerUnit", "宝鸡市应急管理局",
                "callerPhone", "0917-3260000", "handling", "已如实答复", "followUp", "DONE")), "a duty-log entry");
        ids.put("entries", entry.get("id").asString());
        Map<String, Object> incident = new HashMap<>(Map.of("category", "NATURAL_DISASTER", "severity", "II",
                "occurredAt", now.minusMinutes(20).toString(), "learnedAt", now.minusMinutes(5).toString(),
                "place", "金台区陈仓镇", "title", "陈仓镇山体滑坡阻断村道", "summary", "强降雨引发山体滑坡，阻断村道约 50 米，暂无人员伤亡"));
        String incidentId = created(api.as("jintai").post("/api/v1/incidents", incident), "an incident").get("id")
                .asString();
        ids.put("incidents", incidentId);
        created(api.as("jintai").post("/api/v1/incidents/" + incidentId + "/reports", Map.of("stage", "INITIAL",
                "channel", "PHONE", "content", "陈仓镇山体滑坡阻断村道，暂无人员伤亡", "phoneTakenBy", "市总值班室 张伟")),
                "a phone report");
        JsonNode request = created(api.as("baoji").post("/api/v1/verification-requests", Map.of("targetUnitIds",
                List.of(jintai), "subject", VERIFICATION, "details", "请核实是否属实、影响范围及处置情况")),
                "a verification request");
        ids.put("verification-requests", request.get("id").asString());
        Map<String, Object> instruction = new HashMap<>(Map.of("source", "PROVINCE", "kind", "ACTION",
                "leaderName", "赵刚", "leaderPost", "副省长", "givenAt", now.minusMinutes(40).toString(),
                "receivedAt", now.minusMinutes(10).toString(), "text", "请核实陈仓镇山体滑坡情况，妥善处置，确保群众安全。",
                "leadUnitId", jintai, "incidentId", incidentId));
        JsonNode registered = created(api.as("baoji").post("/api/v1/instructions", instruction),
                "a leader's instruction");
        ids.put("instructions", registered.get("id").asString());
        // The written instruction attached, so that an instruction's file is among the downloads.
        created(api.as("baoji").postFile("/api/v1/instructions/" + registered.get("id").asString() + "/attachments",
                "file", "批示原件.pdf", "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                "an instruction's attachment");
        // An extension asked for, so that the instruction's page shows one awaiting the city's decision.
        Api.Response extension = api.as("jintai").post("/api/v1/instructions/" + registered.get("id").asString()
                + "/extensions", Map.of("reason", "需等待地质部门勘测结论", "newDueAt", OffsetDateTime.parse(registered
                        .get("assignments").get(0).get("feedbackDueAt").asString()).plusDays(3).toString()));
        assertThat(extension.status()).as(extension.body()).isEqualTo(200);
        // A second one fed back, so that a written reply (.docx) is among the downloads.
        instruction.put("text", "请做好滑坡点位群众转移安置，落实情况及时反馈。");
        String fedBack = created(api.as("baoji").post("/api/v1/instructions", instruction), "a second instruction")
                .get("id").asString();
        created(api.as("jintai").post("/api/v1/instructions/" + fedBack + "/feedback", Map.of("stage", "FINAL",
                "done", "已转移安置群众 12 户 36 人", "problems", "临时安置点容量有限", "nextSteps", "持续监测滑坡体")),
                "a feedback on it");
        // A roll call within the hour, and video asked for, so that 金台区's dashboard and the supervision pages
        // show both.
        ids.put("roll-calls", created(api.as("baoji").post("/api/v1/roll-calls", Map.of("startsAt",
                now.plusHours(1).toString(), "agenda", List.of("传达省政府总值班室视频点名会议要求", "部署夜间值班工作"),
                "unitIds", List.of(jintai))), "a roll call").get("id").asString());
        ids.put("video-requests", created(api.as("baoji").post("/api/v1/video-requests", Map.of("unitId", jintai,
                "subject", "陈仓镇山体滑坡现场画面")), "a video request").get("id").asString());
        // A failed phone spot check and a site visit demanding rectification, so that the inspection page shows a
        // check, an inspection and the notices, and 金台区 has a rectification to report.
        ids.put("spot-checks", created(api.as("baoji").post("/api/v1/spot-checks", Map.of("unitId", jintai,
                "result", "21", "notes", "连拨两次无人接听")), "a spot check").get("id").asString());
        ids.put("rectifications", created(api.as("baoji").post("/api/v1/inspections", Map.of("unitId", jintai,
                "kind", "SITE_VISIT", "findings", "交接班记录未签字", "demand", "落实交接班签字制度")),
                "a site visit").get("rectification").get("id").asString());
        // A consultation with a work reminder, so that 金台区 has one to acknowledge.
        ids.put("consultations", created(api.as("baoji").post("/api/v1/consultations", Map.of("subject",
                "节前值班会商", "participants", "市应急局、市气象局", "risks", "寒潮降温，防范燃气中毒和道路结冰",
                "reminder", "请落实领导带班和24小时值班", "unitIds", List.of(jintai))), "a consultation")
                .get("id").asString());
        JsonNode roster = api.as("jintai").get("/api/v1/units/" + jintai + "/rosters/" + YearMonth.from(now)).json();
        ids.put("rosters", roster.get("id").asString());
        api.as("jintai").get("/api/v1/obligations?unitId=" + jintai).json().get("items").valueStream().findFirst()
                .ifPresent(obligation -> ids.put("obligations", obligation.get("id").asString()));
        handOverTheShift();
    }

    /**
     * The office head signs the running shift's handover, as the rules let them for the shift's officer; whether they
     * may depends on the hour the tour runs (how long before the shift ends), so a refusal is shown, not failed.
     */
    private void handOverTheShift() {
        Api.Response current = api.as("jintai-head").get("/api/v1/handovers/current");
        if (current.status() != 200) {
            System.out.println("No handover to sign now: " + current);
            return;
        }
        JsonNode draft = current.json();
        Api.Response signed = api.as("jintai-head").post("/api/v1/handovers", Map.of("items", draft.get("items"),
                "equipment", draft.get("equipment"), "notes", "交接试运行"));
        if (signed.status() / 100 == 2) {
            ids.put("handovers", signed.json().get("id").asString());
        }
        else {
            System.out.println("The shift's handover could not be signed now: " + signed);
        }
    }

    /** Tours as one account; returns how many pages and downloads it opened. */
    private int tourAs(String username) {
        Page page = loginAs(username);
        Set<String> navigation = new LinkedHashSet<>(links(page, "#shell a[href]"));
        Set<String> shapes = new LinkedHashSet<>();
        List<String> details = new ArrayList<>();
        for (String path : navigation) {
            visit(page, path);
            for (String link : links(page, "main a[href]")) {
                if (!navigation.contains(link) && shapes.add(shape(link)) && details.size() < DETAIL_PAGES_PER_ACCOUNT) {
                    details.add(link);
                }
            }
        }
        for (String link : details) {
            if (isDownload(link)) {
                var download = page.context().request().get(application.baseUrl() + link);
                if (download.status() >= 400) {
                    problems.add(username + " download " + link + " → " + download.status());
                }
            }
            else {
                visit(page, link);
            }
            shapesVisited.add(shape(link));
        }
        page.context().close();
        return navigation.size() + details.size();
    }

    private Page loginAs(String username) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)
                .setLocale("zh-CN"));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        watch(page, username);
        visit(page, "/login");
        page.fill("#username", username);
        page.fill("#password", Api.DEMO_PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(application.baseUrl() + "/");
        page.waitForLoadState(LoadState.LOAD);
        return page;
    }

    /** Every answer and every message of the page, watched for what a person would see go wrong. */
    private void watch(Page page, String username) {
        page.onResponse(response -> {
            if (response.status() >= 500) {
                problems.add(username + " " + response.request().method() + " " + response.url() + " → "
                        + response.status());
            }
        });
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add(username + " console error on " + page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> problems.add(username + " script error on " + page.url() + ": " + error));
        page.onRequestFailed(request -> {
            boolean liveStreamCutOff = URI.create(request.url()).getPath().equals(LIVE_STREAM);
            if (!liveStreamCutOff) {
                problems.add(username + " request failed on " + page.url() + ": " + request.method() + " "
                        + request.url() + " (" + request.failure() + ")");
            }
        });
    }

    private void visit(Page page, String path) {
        Response response = page.navigate(application.baseUrl() + path);
        if (response == null || response.status() >= 400) {
            problems.add("page " + path + " → " + (response == null ? "no answer" : response.status()));
            return;
        }
        page.waitForLoadState(LoadState.LOAD);
        // Fragments that load themselves (htmx) finish before the tour moves on, so their answers are checked too.
        page.waitForFunction("() => !document.querySelector('.htmx-request')");
        // Swagger UI is the developers' view of the API, a third party's markup that the project does not render.
        if (!path.startsWith("/swagger-ui/")) {
            ScreenCheck.atBothSizes(page).forEach(failure -> problems.add("page " + path + " at " + failure));
        }
    }

    /** The same-origin links a page offers to be followed, as paths with their query. */
    private List<String> links(Page page, String selector) {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) page.locator(selector).evaluateAll(
                "links => links.map(a => a.href)");
        String origin = application.baseUrl();
        return hrefs.stream().filter(href -> href.startsWith(origin + "/")).map(href -> href.substring(origin.length()))
                .map(href -> href.contains("#") ? href.substring(0, href.indexOf('#')) : href)
                .filter(href -> !href.isEmpty() && !href.startsWith("/logout")).distinct().toList();
    }

    /** A link's kind: ids and numbers replaced, query values dropped, so one page of each kind is opened. */
    static String shape(String link) {
        String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
        String shape = path.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
                .replaceAll("/\\d[\\d-]*(?=/|$)", "/{n}");
        if (link.contains("?")) {
            List<String> names = new ArrayList<>();
            for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
                names.add(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) + "=" : pair);
            }
            shape += "?" + String.join("&", new TreeSet<>(names));
        }
        return shape;
    }

    private static boolean isDownload(String link) {
        String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
        return path.endsWith(".docx") || path.endsWith(".xlsx") || path.endsWith(".ics") || path.endsWith("/document")
                || path.endsWith("/xlsx") || path.contains("/attachments/");
    }

    /** The URI of a GET operation with every parameter it requires, or empty when the tour cannot supply one. */
    private Optional<String> fill(String template, JsonNode operation, String username) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("required").asBoolean(false) || "header".equals(parameter.get("in").asString())) {
                continue;
            }
            String name = parameter.get("name").asString();
            Optional<String> value = value(template, name, parameter.path("schema").path("format").asString(""),
                    username);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if ("path".equals(parameter.get("in").asString())) {
                path = path.replace("{" + name + "}", value.get());
            }
            else {
                query.add(name + "=" + Api.query(value.get()));
            }
        }
        return Optional.of(query.isEmpty() ? path : path + "?" + String.join("&", query));
    }

    private Optional<String> value(String template, String name, String format, String username) {
        JsonNode account = accounts.get(username);
        ZonedDateTime now = serverNow().atZoneSameInstant(Zones.CHINA);
        LocalDate today = now.toLocalDate();
        String ownUnit = account.get("unitId").isNull() ? ids.get("units") : account.get("unitId").asString();
        return switch (name) {
            case "id" -> Optional.ofNullable(idFor(template, account, ownUnit));
            case "unitId" -> Optional.of(ownUnit);
            case "personId" -> Optional.of(ids.get("people"));
            case "year" -> Optional.of(String.valueOf(today.getYear()));
            case "month" -> Optional.of(YearMonth.from(today).toString());
            case "day", "date" -> Optional.of(today.toString());
            case "days" -> Optional.of("5");
            case "code" -> Optional.of("baoji-2022");
            case "holiday" -> api.as(username).get("/api/v1/calendar/years/" + today.getYear() + "/holidays").json()
                    .valueStream().findFirst().map(h -> h.get("firstDay").asString());
            case "from" -> Optional.of("date-time".equals(format) ? now.minusDays(7).toOffsetDateTime().toString()
                    : today.minusDays(7).toString());
            case "to" -> Optional.of("date-time".equals(format) ? now.plusDays(1).toOffsetDateTime().toString()
                    : today.toString());
            default -> Optional.empty();
        };
    }

    /** The id an operation's path takes, by the kind its path names before the id. */
    private String idFor(String template, JsonNode account, String ownUnit) {
        String before = template.substring(0, template.indexOf("/{id}"));
        String kind = before.substring(before.lastIndexOf('/') + 1);
        return switch (kind) {
            case "units" -> ownUnit;
            case "accounts" -> account.get("id").asString();
            default -> ids.get(kind);
        };
    }

    /** The shipped application's own time, from its answer's Date header: the tour never reads the test's clock. */
    private OffsetDateTime serverNow() {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create(application.baseUrl() + "/actuator/health")).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return ZonedDateTime.parse(response.headers().firstValue("Date").orElseThrow(),
                    DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(Zones.CHINA).toOffsetDateTime();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode created(Api.Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new AssertionError("Could not create " + what + " on the shipped application: " + response);
        }
        return response.json();
    }
}
