package org.zhiban.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhiban.support.Api;
import org.zhiban.support.TestDatabase;

/**
 * Issue 18: the 督办台账 — every open instruction across a subtree, newest first, a page of 100 with each acting
 * unit's deadline marked — over a province of about 10,000 units and 50,000 open instructions on PostgreSQL, as the
 * page a logged-in duty officer opens over HTTP (the province's, a city's and a county's). Run by
 * bench/instruction-ledger.sh.
 */
class InstructionLedgerBenchmark extends ProvinceScaleSupport {

    private static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    private static final int INSTRUCTIONS = Integer.getInteger("bench.instructions", 50_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 20);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
    private static final double BUDGET_MILLIS = 300;

    @Test
    void measure() throws Exception {
        if (!TestDatabase.isPostgres()) {
            throw new IllegalStateException("the ledger benchmark runs on PostgreSQL only "
                    + "(bench/instruction-ledger.sh)");
        }
        Report report = new Report();
        report.line("Instruction ledger (issue 18): PostgreSQL " + jdbcTemplate.queryForObject("SHOW server_version",
                String.class) + ", Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, scale " + SCALE + ", clock " + clock.instant());
        ProvinceLoader loader = loader(SCALE, report);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(loader.admin(),
                null, List.of()));
        InstructionLoader instructions = new InstructionLoader(dataSource, clock, report);
        ProvinceLoader.Province province = loader.loadOffices(true, "instructions", p -> {
            try {
                instructions.load(p, INSTRUCTIONS);
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        SecurityContextHolder.clearContext();
        report.line(String.format("subtree: %,d units below the province",
                jdbcTemplate.queryForObject("SELECT COUNT(*) FROM unit_closure WHERE ancestor_id = ?", Long.class,
                        province.root().id)));

        Map<String, Ledger> ledgers = new LinkedHashMap<>();
        ledgers.put("province: open instructions of the whole subtree, first page", new Ledger(
                ProvinceLoader.PROVINCE_USER, province.root(), true));
        ledgers.put("province: every instruction of the subtree, first page", new Ledger(
                ProvinceLoader.PROVINCE_USER, province.root(), false));
        ledgers.put("city: open instructions of its subtree, first page", new Ledger(ProvinceLoader.CITY_USER,
                province.city(), true));
        ledgers.put("county: open instructions of its subtree, first page", new Ledger(ProvinceLoader.COUNTY_USER,
                province.county(), true));
        boolean met = true;
        for (Map.Entry<String, Ledger> entry : ledgers.entrySet()) {
            Ledger ledger = entry.getValue();
            BrowserSession session = BrowserSession.logIn(baseUrl(), ledger.username(), Api.DEMO_PASSWORD);
            String path = "/instructions?unitId=" + ledger.unit().id + "&subtree=true&open=" + ledger.openOnly();
            BrowserSession.Page last = null;
            for (int i = 0; i < WARM_UP; i++) {
                last = require(session.get(path));
            }
            Latencies latencies = new Latencies(SAMPLES);
            for (int i = 0; i < SAMPLES; i++) {
                BrowserSession.Page page = require(session.get(path));
                latencies.add(page.nanos());
                last = page;
            }
            long p95 = latencies.quantile(0.95);
            met &= p95 / 1e6 <= BUDGET_MILLIS;
            int rows = last.body().split("id=\"instruction-", -1).length - 1;
            report.line(latencies.report(entry.getKey()) + String.format("  p95=%6.1f ms  %d rows, %,d bytes",
                    p95 / 1e6, rows, last.bytes()));
        }
        report.line("ledger pages: p95 against " + (int) BUDGET_MILLIS + " ms — " + (met ? "MET" : "NOT MET"));
        report.write(Path.of("target", "bench", "instruction-ledger.txt"));
    }

    private static BrowserSession.Page require(BrowserSession.Page page) {
        if (page.status() != 200) {
            throw new IllegalStateException("the ledger answered " + page.status() + ": " + page.body());
        }
        return page;
    }

    private record Ledger(String username, ProvinceLoader.Office unit, boolean openOnly) {
    }
}
