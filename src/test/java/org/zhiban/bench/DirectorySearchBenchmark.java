package org.zhiban.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhiban.directory.DutyDirectory;
import org.zhiban.organization.UnitLevel;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.support.TestDatabase;

/**
 * Issue 17: the directory's search through the real use case over a province of about 10,000 units and 100,000 people
 * on PostgreSQL, as the province's duty officer — a unit's name, a person's name, pinyin initials, a post, a whole
 * mobile number, one level only, and a number nobody has. Run by bench/directory-search.sh.
 */
class DirectorySearchBenchmark extends ProvinceScaleSupport {

    private static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 20);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
    private static final long BUDGET_NANOS = 100_000_000L;

    @Autowired
    DutyDirectory directory;

    @Test
    void measure() throws Exception {
        if (!TestDatabase.isPostgres()) {
            throw new IllegalStateException("the directory benchmark runs on PostgreSQL only (bench/directory-search.sh)");
        }
        Report report = new Report();
        report.line("Directory search (issue 17): PostgreSQL " + jdbcTemplate.queryForObject("SHOW server_version",
                String.class) + ", Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, scale " + SCALE);
        ProvinceLoader loader = loader(SCALE, report);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(loader.admin(),
                null, List.of()));
        ProvinceLoader.Province province = loader.loadDirectory();
        SecurityContextHolder.clearContext();
        long unitsBelow = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM unit_closure WHERE ancestor_id = ?",
                Long.class, province.root().id);
        long peopleBelow = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM person p JOIN unit_closure c ON "
                + "c.descendant_id = p.unit_id WHERE c.ancestor_id = ?", Long.class, province.root().id);
        report.line(String.format("subtree searched: %,d units, %,d people", unitsBelow, peopleBelow));

        Actor officer = new Actor(null, "bench-directory", "省值班员", province.root().id, Set.of(Role.DUTY_OFFICER));
        String[] row = jdbcTemplate.queryForObject("SELECT CAST(id AS VARCHAR(36)), mobile, name FROM person "
                + "WHERE unit_id = ? ORDER BY sort_order OFFSET 3 ROWS FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) },
                province.county().id);
        String mobile = personal.open("person.mobile:" + row[0], row[1]);
        String county = province.county().name;
        Map<String, Query> queries = new LinkedHashMap<>();
        queries.put("a unit's name, 2 characters (" + county.substring(0, 2) + ")", new Query(county.substring(0, 2), null));
        queries.put("a person's full name (" + row[2] + ")", new Query(row[2], null));
        queries.put("a surname, 1 character, very common (王)", new Query("王", null));
        queries.put("pinyin initials, 3 letters (dzs)", new Query("dzs", null));
        queries.put("a post (值班室主任)", new Query("值班室主任", null));
        queries.put("a whole mobile number, as typed with spaces", new Query(mobile.substring(0, 3) + " "
                + mobile.substring(3, 7) + " " + mobile.substring(7), null));
        queries.put("a number nobody has", new Query("13000000000", null));
        queries.put("a person's name, towns only", new Query(row[2].substring(0, 1), UnitLevel.TOWN));
        Latencies all = new Latencies();
        boolean met = true;
        for (Map.Entry<String, Query> query : queries.entrySet()) {
            Query q = query.getValue();
            for (int i = 0; i < WARM_UP; i++) {
                directory.search(officer, null, q.text(), q.level());
            }
            Latencies latencies = new Latencies(SAMPLES);
            int found = 0;
            for (int i = 0; i < SAMPLES; i++) {
                long started = System.nanoTime();
                DutyDirectory.SearchResult result = directory.search(officer, null, q.text(), q.level());
                latencies.add(System.nanoTime() - started);
                found = result.units().size() + result.people().size();
            }
            long p95 = latencies.quantile(0.95);
            met &= p95 <= BUDGET_NANOS;
            report.line(latencies.report(query.getKey()) + String.format("  p95=%6.1f ms  found %d", p95 / 1e6, found));
            all.addAll(latencies);
        }
        long p95 = all.quantile(0.95);
        report.line(String.format("all searches: p95 %.1f ms against 100 ms — %s", p95 / 1e6,
                p95 <= BUDGET_NANOS && met ? "MET" : "NOT MET"));
        report.write(Path.of("target", "bench", "directory-search.txt"));
    }

    private record Query(String text, UnitLevel level) {
    }
}
