package org.zhiban.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.zhiban.calendar.HolidayPeriod;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.dutylog.DutyLog;
import org.zhiban.dutylog.EntryCommand;
import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.identity.ApiTokens;
import org.zhiban.organization.UnitTree;
import org.zhiban.organization.internal.UnitRepository;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.PolicyRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.reporting.HolidayReports;
import org.zhiban.roster.OnDuty;
import org.zhiban.roster.Rosters;
import org.zhiban.roster.Violation;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.TestDatabase;

/**
 * Issue 15 at province scale on PostgreSQL: the province data set of {@link ProvinceLoader} beside the demo, then each
 * budget measured warm, one user, sequential requests on the real HTTP server — pages as a logged-in session, APIs
 * with a bearer token — the heap after a full GC with the size of each in-memory structure that grows with units,
 * and the holiday deadline burst ({@link HolidayBurst}). Every budget is printed, met or not. Run by bench/province.sh
 * on a clock set to an official holiday (the burst needs one).
 */
class ProvinceBenchmark extends ProvinceScaleSupport {

    private static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 10);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 50);
    private static final int SEARCH_ROUNDS = Integer.getInteger("bench.search-rounds", 3);
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "100"));
    private static final int FILING_THREADS = Integer.getInteger("bench.filing-threads", 32);
    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    Rosters rosters;

    @Autowired
    OnDuty onDuty;

    @Autowired
    DutyLog dutyLog;

    @Autowired
    HolidayReports holidayReports;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    UnitTree unitTree;

    @Autowired
    ApplicationContext context;

    private final Report report = new Report();
    private final List<String> budgets = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void measure() throws Exception {
        if (!TestDatabase.isPostgres()) {
            throw new IllegalStateException("the province benchmark runs on PostgreSQL only (bench/province.sh)");
        }
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        HolidayPeriod holiday = calendar.holidayContaining(today).orElseThrow(() -> new IllegalStateException(
                "the clock (" + clock.instant() + ") is on no official holiday; the burst needs one: set "
                        + "-Dzhiban.test.clock, e.g. 2026-10-03T10:00:00+08:00 (bench/province.sh does)"));
        report.line("Province scale (issue 15): PostgreSQL " + jdbcTemplate.queryForObject("SHOW server_version",
                String.class) + ", Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / MB + " MB, scale " + SCALE + ", clock " + Zones.china(clock.instant())
                + " (" + holiday.name() + ")");
        report.line("machine at start: " + Report.uptime());
        try {
            ProvinceLoader loader = loader(SCALE, report);
            ProvinceLoader.Province province = as(loader.admin(), () -> loader.load());
            as(loader.admin(), () -> checks(loader.admin(), province));
            report.line("machine before measuring: " + Report.uptime());
            pages(province);
            apis(province);
            heap(province);
            report.line("machine before the burst: " + Report.uptime());
            burst(loader.admin(), province, today);
            report.line(String.format("heap after a full GC, after the burst: %d MB", heapAfterGc() / MB));
            report.line("machine at the end: " + Report.uptime());
            report.line("");
            report.line("Budgets:");
            budgets.forEach(report::line);
        }
        finally {
            report.write(Path.of("target", "bench", "province-postgres.txt"));
        }
    }

    // --- consistency of the data set -----------------------------------------------------------------------------

    /** What the use cases say about the loaded data: rosters pass their rules, the board sees them, chains verify. */
    private Object checks(Actor admin, ProvinceLoader.Province province) {
        LocalDate month = LocalDate.now(clock.withZone(Zones.CHINA)).withDayOfMonth(1);
        for (ProvinceLoader.Office office : List.of(province.root(), province.county(), last(province))) {
            UUID roster = rosters.find(admin, office.id, month).orElseThrow().id();
            List<Violation> violations = rosters.check(admin, roster);
            OnDuty.View now = onDuty.current(office.id, clock.instant());
            report.line(String.format("check %s: roster rule violations %d (hard %d); on duty now: %s / %s; "
                    + "log book %d verifies: %s", office.name, violations.size(),
                    violations.stream().filter(Violation::hard).count(),
                    now.leaderOnDuty() == null ? "—" : now.leaderOnDuty().name(),
                    now.dutyOfficers().stream().map(OnDuty.PersonOnDuty::name).toList(), month.getYear(),
                    dutyLog.checkChain(admin, office.id, month.getYear()).intact()));
        }
        // The use case writes on where the bulk load stopped: the next numbers, and a chain that still verifies.
        ProvinceLoader.Office county = province.county();
        int year = LocalDate.now(clock.withZone(Zones.CHINA)).getYear();
        long started = System.nanoTime();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            numbers.add(dutyLog.record(county.filerActor(), new EntryCommand(EntryKind.EVENT, null, "县城区",
                    "基准核对：节日值守情况平稳（第" + i + "条）", null, null, null, null, "已记录", null, FollowUp.DONE,
                    false, null)).number());
        }
        report.line(String.format("check: DutyLog.record after the bulk load, %s: %s … %s, %.0f ms each; log book "
                + "verifies: %s", county.name, numbers.get(0), numbers.get(numbers.size() - 1),
                (System.nanoTime() - started) / 1e6 / 20,
                dutyLog.checkChain(admin, county.id, year).intact()));
        report.line("check: obligation steps due at the clock (what the clock would fire at once): " + jdbc.sql(
                "SELECT COUNT(*) FROM obligation WHERE next_fire_at <= ?").param(java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single());
        return null;
    }

    private static ProvinceLoader.Office last(ProvinceLoader.Province province) {
        return province.offices().get(province.offices().size() - 1);
    }

    // --- pages ---------------------------------------------------------------------------------------------------

    private void pages(ProvinceLoader.Province province) {
        for (Map.Entry<String, String> who : Map.of("province", ProvinceLoader.PROVINCE_USER, "city",
                ProvinceLoader.CITY_USER, "county", ProvinceLoader.COUNTY_USER).entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Collections.reverseOrder())).toList()) {
            BrowserSession session = BrowserSession.logIn(baseUrl(), who.getValue(), Api.DEMO_PASSWORD);
            page(who.getKey() + " office: 值班总览 GET /", session, "/", 300, 150 * KB);
            page(who.getKey() + " office: 报送收件 GET /reporting/inbox", session, "/reporting/inbox", 300, 150 * KB);
        }
        BrowserSession provinceSession = BrowserSession.logIn(baseUrl(), ProvinceLoader.PROVINCE_USER, Api.DEMO_PASSWORD);
        page("province: 在岗情况 page GET /on-duty?unitId=province", provinceSession, "/on-duty?unitId="
                + province.root().id, 500, 0);
        BrowserSession citySession = BrowserSession.logIn(baseUrl(), ProvinceLoader.CITY_USER, Api.DEMO_PASSWORD);
        page("city: 在岗情况 page GET /on-duty?unitId=city", citySession, "/on-duty?unitId=" + province.city().id, 50, 0);
    }

    /** A page's budget; its last answer is kept in target/bench/pages for whoever wants to see what it showed. */
    private void page(String what, BrowserSession session, String path, double targetMillis, long targetBytes) {
        String[] last = new String[1];
        timed(what, () -> {
            BrowserSession.Page page = session.get(path);
            last[0] = page.body();
            return page;
        }, targetMillis, targetBytes);
        try {
            Path file = Path.of("target", "bench", "pages", what.replaceAll("[^A-Za-z0-9]+", "-") + ".html");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, last[0]);
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- APIs ----------------------------------------------------------------------------------------------------

    private void apis(ProvinceLoader.Province province) throws java.io.IOException {
        String provinceToken = api().token(ProvinceLoader.PROVINCE_USER);
        String cityToken = api().token(ProvinceLoader.CITY_USER);
        timed("province: on duty below GET /api/v1/units/{province}/on-duty/subordinates",
                () -> get("/api/v1/units/" + province.root().id + "/on-duty/subordinates", provinceToken), 500, 0);
        timed("city: on duty below GET /api/v1/units/{city}/on-duty/subordinates",
                () -> get("/api/v1/units/" + province.city().id + "/on-duty/subordinates", cityToken), 50, 0);
        OffsetDateTime to = OffsetDateTime.ofInstant(clock.instant(), Zones.CHINA);
        String ledger = "/api/v1/obligations/ledger?unitId=" + province.root().id + "&from="
                + Api.query(to.minusYears(1).toString()) + "&to=" + Api.query(to.toString()) + "&subtree=true";
        timed("province: timeliness ledger of a year, subtree GET /api/v1/obligations/ledger", () -> get(ledger,
                provinceToken), 500, 0);
        String[] words = DutyLogTexts.SEARCH_WORDS;
        Latencies search = new Latencies(words.length * SEARCH_ROUNDS);
        long bytes = 0;
        for (String word : words) {
            require(get(searchPath(province, word), provinceToken));
        }
        try (Profile profile = new Profile()) {
            for (int round = 0; round < SEARCH_ROUNDS; round++) {
                for (String word : words) {
                    Timed call = get(searchPath(province, word), provinceToken);
                    require(call);
                    search.add(call.nanos());
                    bytes = Math.max(bytes, call.bytes());
                }
            }
            if (!budget("province: duty-log search, all subordinates, " + words.length + " words GET "
                    + "/api/v1/duty-log/search", search, 0.95, bytes, 300, 0)) {
                report.line("  where the server's time went: " + profile.summary(Profile.REQUEST_THREADS, 6));
            }
        }
    }

    private static String searchPath(ProvinceLoader.Province province, String word) {
        return "/api/v1/duty-log/search?unitId=" + province.root().id + "&subordinates=true&text=" + Api.query(word);
    }

    private Timed get(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - started;
            return new Timed(response.statusCode(), response.body(), response.body().getBytes(StandardCharsets.UTF_8)
                    .length, took);
        }
        catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    /** A request's answer and time. */
    private record Timed(int status, String body, long bytes, long nanos) {
    }

    private interface Call {
        Timed run();
    }

    /**
     * Warm-up calls, then the measured ones, one at a time, profiled; the budget line for p95 and, where asked, the
     * size, and for a budget missed where the server's time went. A request of seconds is measured fewer times (at
     * least 10), so that one slow page does not take the run's hour.
     */
    private void timed(String what, Call call, double targetMillis, long targetBytes) {
        Timed first = call.run();
        require(first);
        long millis = Math.max(1, first.nanos() / 1_000_000);
        int warmUp = (int) Math.max(2, Math.min(WARM_UP - 1, 20_000 / millis));
        for (int i = 0; i < warmUp; i++) {
            Timed warm = call.run();
            require(warm);
            millis = Math.max(millis, warm.nanos() / 1_000_000);
        }
        int samples = (int) Math.max(10, Math.min(SAMPLES, 90_000 / millis));
        Latencies latencies = new Latencies(samples);
        long bytes = 0;
        try (Profile profile = new Profile()) {
            for (int i = 0; i < samples; i++) {
                Timed timed = call.run();
                require(timed);
                latencies.add(timed.nanos());
                bytes = Math.max(bytes, timed.bytes());
            }
            if (!budget(what, latencies, 0.95, bytes, targetMillis, targetBytes)) {
                report.line("  where the server's time went: " + profile.summary(Profile.REQUEST_THREADS, 6));
            }
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void timed(String what, java.util.function.Supplier<BrowserSession.Page> page, double targetMillis,
            long targetBytes) {
        timed(what, () -> {
            BrowserSession.Page p = page.get();
            return new Timed(p.status(), p.body(), p.bytes(), p.nanos());
        }, targetMillis, targetBytes);
    }

    private void require(Timed timed) {
        if (timed.status() != 200) {
            report.line("FAILED: answered " + timed.status() + ": " + timed.body().substring(0,
                    Math.min(500, timed.body().length())));
            throw new IllegalStateException("answered " + timed.status());
        }
    }

    private boolean budget(String what, Latencies latencies, double quantile, long bytes, double targetMillis,
            long targetBytes) {
        double p50 = latencies.quantile(0.5) / 1e6;
        double measured = latencies.quantile(quantile) / 1e6;
        boolean met = measured <= targetMillis && (targetBytes == 0 || bytes <= targetBytes);
        String label = "p" + Math.round(quantile * 100);
        String line = String.format("%-78s n=%4d  p50 %8.1f ms  %s %8.1f ms  %9s  target %s ≤ %.0f ms%s  %s", what,
                latencies.count(), p50, label, measured, size(bytes), label, targetMillis,
                targetBytes == 0 ? "" : " and ≤ " + size(targetBytes), met ? "MET" : "NOT MET");
        budgets.add(line);
        report.line(line);
        return met;
    }

    private static String size(long bytes) {
        return bytes >= MB ? String.format("%.1f MB", bytes / (double) MB) : String.format("%.0f KB", bytes / (double) KB);
    }

    // --- heap ----------------------------------------------------------------------------------------------------

    /**
     * The heap after a full GC with the province loaded and every cache that grows with units warm for all of them,
     * then each cache's share: the heap after a full GC once that cache alone is emptied, subtracted from the heap
     * before. The caches are emptied through their maps (what a revision change does on the next read).
     */
    private void heap(ProvinceLoader.Province province) {
        report.line(String.format("heap after a full GC, as the measurements left it: %d MB", heapAfterGc() / MB));
        Actor officer = new Actor(null, ProvinceLoader.PROVINCE_USER, "省值班员", province.root().id,
                Set.of(org.zhiban.shared.Role.DUTY_OFFICER));
        for (ProvinceLoader.Office office : province.offices()) {
            unitTree.find(office.id);
            unitTree.isWithin(province.root().id, office.id);
            policies.effective(office.id);
        }
        onDuty.below(officer, province.root().id, clock.instant());
        long warm = heapAfterGc();
        String[][] structures = { { "unitRepository", "byId", "units by id (UnitRepository)" },
                { "unitRepository", "within", "is-below look-ups (UnitRepository)" },
                { "dutyPolicies", "effective", "effective policy per unit (DutyPolicies)" },
                { "onDutyBoard", "days", "on-duty board, one day (OnDutyBoard, ADR 13)" },
                { "dutyPolicies", "policies", "policy documents (DutyPolicies)" },
                { "workingCalendar", "years", "working calendar years (WorkingCalendar)" } };
        long before = warm;
        List<String> sizes = new ArrayList<>();
        for (String[] structure : structures) {
            Map<?, ?> entries = entries(structure[0], structure[1]);
            int count = entries.size();
            entries.clear();
            long after = heapAfterGc();
            sizes.add(String.format("%s: %,d entries, %.1f MB", structure[2], count, (before - after) / (double) MB));
            before = after;
        }
        report.line(String.format("heap after a full GC with the province loaded and its caches warm for all %,d "
                + "units: %d MB; with those caches emptied: %d MB", province.offices().size(), warm / MB, before / MB));
        sizes.forEach(s -> report.line("  in-memory structure " + s));
        String line = String.format("%-78s %d MB (caches warm), %d MB of it in the caches below  target ≤ 512 MB  %s",
                "heap after a full GC with the province loaded", warm / MB, (warm - before) / MB,
                warm <= 512 * MB ? "MET" : "NOT MET");
        budgets.add(line);
        report.line(line);
    }

    private Map<?, ?> entries(String bean, String field) {
        Object target = AopTestUtils.getUltimateTargetObject(context.getBean(bean));
        Object cache = ReflectionTestUtils.getField(target, field);
        return (Map<?, ?>) ReflectionTestUtils.getField(cache, "entries");
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // --- the holiday deadline burst ------------------------------------------------------------------------------

    /**
     * At 15:50 on the holiday the province adopts X区's policy (whose daily report is due at the time it sets), the
     * pass opens the day's obligations, and every office below the province files its daily report over HTTP.
     */
    private void burst(Actor admin, ProvinceLoader.Province province, LocalDate today) throws Exception {
        clock.set(today.atTime(LocalTime.of(15, 50)).atZone(Zones.CHINA).toInstant());
        PolicyRule due = policies.policy("x-district").rule(RuleKey.HOLIDAY_DAILY_REPORT_DUE).orElseThrow();
        report.line("burst: clock " + Zones.china(clock.instant()) + "; X区 policy: daily report due "
                + due.value().display() + " (" + due.article() + ": “" + due.excerpt() + "”" + (due.toBeConfirmed()
                        ? "; marked to be confirmed: " + due.note() : "") + ")");
        long started = System.nanoTime();
        as(admin, () -> policies.attach(admin, province.root().id, "x-district", "某某省基准：节日日报告"));
        report.line(String.format("burst: X区 policy attached to %s in %.0f ms", province.root().name,
                (System.nanoTime() - started) / 1e6));
        started = System.nanoTime();
        int opened = holidayReports.openDue(today);
        report.line(String.format("burst: the holiday pass opened %,d daily-report obligations in %.1f s", opened,
                (System.nanoTime() - started) / 1e9));

        started = System.nanoTime();
        List<HolidayBurst.Filer> filers = new ArrayList<>();
        for (ProvinceLoader.Office office : province.below()) {
            filers.add(new HolidayBurst.Filer(office.id, apiTokens.issue(office.filerActor()).token(),
                    office.parentIndex == 0));
        }
        double issued = (System.nanoTime() - started) / 1e9;
        int sample = Math.min(10, filers.size());
        started = System.nanoTime();
        for (ProvinceLoader.Office office : province.below().subList(0, sample)) {
            new Api(baseUrl()).token(office.filer);
        }
        report.line(String.format("burst: %,d tokens issued in process (ApiTokens.issue) in %.1f s; over HTTP "
                + "(POST /api/v1/auth/tokens, bcrypt) %.0f ms each (%d sampled), so %,.0f s for all", filers.size(),
                issued, (System.nanoTime() - started) / 1e6 / sample, sample,
                (System.nanoTime() - started) / 1e9 / sample * filers.size()));
        Collections.shuffle(filers, new Random(16));

        BrowserSession inbox = BrowserSession.logIn(baseUrl(), ProvinceLoader.PROVINCE_USER, Api.DEMO_PASSWORD);
        HolidayBurst burst = new HolidayBurst(baseUrl(), filers, RATE, FILING_THREADS, inbox, "/reporting/inbox");
        burst.run(report);
        budget("burst: one filing POST /api/v1/daily-reports (" + filers.size() + " offices, up to " + Math.round(RATE)
                + "/s)", burst.filed, 0.99, 0, 200, 0);
        budget("burst: filing's 2xx → obligations event on the province's live stream", burst.toEvent, 0.95, 0, 2_000, 0);
        if (burst.eventsMissing > 0) {
            report.line("burst: filings whose event never reached the province's stream: " + burst.eventsMissing);
        }
        budget("burst: the inbox fragment fetch under the burst (probe, 1/s)", burst.fetches, 0.95,
                burst.fragmentBytes, 2_000, 0);
        double estimate = (burst.toEvent.quantile(0.95) + burst.fetches.quantile(0.95)) / 1e6;
        String line = String.format("%-78s event p95 + fetch p95 = %.0f ms  target ≤ 2000 ms  %s",
                "burst: count rising live on the province's page (event + fragment)", estimate,
                estimate <= 2_000 ? "MET" : "NOT MET");
        budgets.add(line);
        report.line(line);
        if (burst.visible.count() > 0) {
            budget("burst: as shipped (≤1 announcement/s, htmx delay:300ms): 2xx → direct subordinate's filing on the page",
                    burst.visible, 0.95, 0, 2_000, 0);
        }
        report.line("burst: " + jdbc.sql("SELECT COUNT(*) FROM daily_report WHERE report_day = ?").param(today)
                .query(Long.class).single() + " daily reports stored; daily-report obligations by status: "
                + jdbc.sql("SELECT status || CASE WHEN lateness_seconds > 0 THEN ' late' ELSE '' END, COUNT(*) "
                        + "FROM obligation WHERE kind = 'DAILY_REPORT' AND subject_id LIKE ? GROUP BY 1 ORDER BY 1")
                        .param("holiday:" + today + ":%").query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private interface Work<T> {
        T run() throws Exception;
    }

    /** Runs use cases as the given actor, as a request of theirs would (the audit trail names them). */
    private static <T> T as(Actor actor, Work<T> work) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                List.of()));
        try {
            return work.run();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
