package org.zhiban.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.TestDatabase;

/**
 * Issue 19: the year's inspection coverage — which units directly below a superior were inspected, how, and how far
 * each of them covered its own — over a province of about 10,000 units with 100,000 phone spot checks, site visits
 * and a roll call a month per government on PostgreSQL, as the province's, a city's and a county's duty officer ask
 * for it over HTTP, and the inspections page the province's officer opens. Run by bench/inspection-coverage.sh.
 */
class InspectionCoverageBenchmark extends ProvinceScaleSupport {

    private static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    private static final int CHECKS = Integer.getInteger("bench.checks", 100_000);
    private static final int VISITS = Integer.getInteger("bench.visits", 5_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 20);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
    private static final double BUDGET_MILLIS = 200;

    @Test
    void measure() throws Exception {
        if (!TestDatabase.isPostgres()) {
            throw new IllegalStateException("the coverage benchmark runs on PostgreSQL only "
                    + "(bench/inspection-coverage.sh)");
        }
        Report report = new Report();
        report.line("Inspection coverage (issue 19): PostgreSQL " + jdbcTemplate.queryForObject("SHOW server_version",
                String.class) + ", Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, scale " + SCALE + ", clock " + clock.instant());
        ProvinceLoader loader = loader(SCALE, report);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(loader.admin(),
                null, List.of()));
        InspectionLoader supervision = new InspectionLoader(dataSource, clock, report);
        ProvinceLoader.Province province = loader.loadOffices(true, "supervision", p -> {
            try {
                supervision.load(p, CHECKS, VISITS);
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        SecurityContextHolder.clearContext();
        jdbcTemplate.execute("ANALYZE");
        report.line(String.format("subtree: %,d units below the province",
                jdbcTemplate.queryForObject("SELECT COUNT(*) FROM unit_closure WHERE ancestor_id = ?", Long.class,
                        province.root().id)));

        int year = Zones.china(clock.instant()).getYear();
        Map<String, Reading> readings = new LinkedHashMap<>();
        readings.put("province: coverage API", new Reading(ProvinceLoader.PROVINCE_USER, "/api/v1/units/"
                + province.root().id + "/inspection-coverage?year=" + year));
        readings.put("city: coverage API", new Reading(ProvinceLoader.CITY_USER, "/api/v1/units/"
                + province.city().id + "/inspection-coverage?year=" + year));
        readings.put("county: coverage API", new Reading(ProvinceLoader.COUNTY_USER, "/api/v1/units/"
                + province.county().id + "/inspection-coverage?year=" + year));
        readings.put("province: inspections page", new Reading(ProvinceLoader.PROVINCE_USER,
                "/supervision/inspections"));
        readings.put("county: inspections page", new Reading(ProvinceLoader.COUNTY_USER, "/supervision/inspections"));
        boolean met = true;
        for (Map.Entry<String, Reading> entry : readings.entrySet()) {
            Reading reading = entry.getValue();
            Fetch fetch = fetcher(reading);
            int bytes = 0;
            for (int i = 0; i < WARM_UP; i++) {
                fetch.bytes();
            }
            Latencies latencies = new Latencies(SAMPLES);
            for (int i = 0; i < SAMPLES; i++) {
                long start = System.nanoTime();
                bytes = fetch.bytes();
                latencies.add(System.nanoTime() - start);
            }
            long p95 = latencies.quantile(0.95);
            met &= p95 / 1e6 <= BUDGET_MILLIS;
            report.line(latencies.report(entry.getKey()) + String.format("  p95=%6.1f ms  %,d bytes", p95 / 1e6,
                    bytes));
        }
        report.line("coverage: p95 against " + (int) BUDGET_MILLIS + " ms — " + (met ? "MET" : "NOT MET"));
        report.write(Path.of("target", "bench", "inspection-coverage.txt"));
    }

    /** The API with the officer's bearer token, fetched once; a page in the officer's logged-in session. */
    private Fetch fetcher(Reading reading) {
        if (reading.path().startsWith("/api/")) {
            Api api = new Api(baseUrl());
            return () -> {
                Api.Response response = api.as(reading.username()).get(reading.path());
                if (response.status() != 200) {
                    throw new IllegalStateException("coverage answered " + response.status() + ": " + response.body());
                }
                return response.body().getBytes(StandardCharsets.UTF_8).length;
            };
        }
        BrowserSession session = BrowserSession.logIn(baseUrl(), reading.username(), Api.DEMO_PASSWORD);
        return () -> {
            BrowserSession.Page page = session.get(reading.path());
            if (page.status() != 200) {
                throw new IllegalStateException("the page answered " + page.status() + ": " + page.body());
            }
            return (int) page.bytes();
        };
    }

    private interface Fetch {
        int bytes();
    }

    private record Reading(String username, String path) {
    }
}
