package org.zhiban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhiban.dutylog.DutyLog;
import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.LogSearch;
import org.zhiban.dutylog.SearchText;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.Zones;
import org.zhiban.dutylog.internal.DutyLogRepository;
import org.zhiban.shared.PersonalData;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.TestDatabase;

/**
 * Searching the duty log at scale through the real use case: a county of 200 duty offices with 1,000,000 entries over
 * the last year, searched by a unit and by the county across all of them — Chinese substrings of two to six
 * characters, common and rare, alone and with kind, date range and caller. Run by bench/dutylog-search.sh.
 */
class DutyLogSearchBenchmark extends IntegrationTestSupport {

    private static final int ENTRIES = Integer.getInteger("bench.entries", 1_000_000);
    private static final int UNITS = 200;
    private static final int RUNS = Integer.getInteger("bench.runs", 20);

    @Autowired
    Units units;

    @Autowired
    DutyLog dutyLog;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    PersonalData personal;

    private final Actor admin = new Actor(null, "bench", "基准", null, Set.of(Role.SYSTEM_ADMIN));

    @Test
    void measure() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("database: " + (TestDatabase.isPostgres() ? "PostgreSQL" : "H2 (in memory)") + ", Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        UUID county = units.create(admin, new UnitCommand(UUID.fromString(unitId("宝鸡市人民政府")), "检索基准县人民政府",
                UnitKind.PEOPLES_GOVERNMENT, UnitLevel.COUNTY, null, null, null, null, null, null)).id();
        List<UUID> offices = new ArrayList<>();
        for (int i = 1; i <= UNITS; i++) {
            offices.add(units.create(admin, new UnitCommand(county, "检索基准单位" + i, UnitKind.WORKING_DEPARTMENT,
                    UnitLevel.COUNTY, null, null, null, null, null, null)).id());
        }
        long loading = System.nanoTime();
        load(offices);
        lines.add(String.format("loaded %,d entries in %d units (latest version each, one year) in %d s", ENTRIES,
                UNITS, (System.nanoTime() - loading) / 1_000_000_000));

        Actor countyOfficer = new Actor(null, "bench-county", "县值班员", county, Set.of(Role.DUTY_OFFICER));
        Actor officeOfficer = new Actor(null, "bench-office", "单位值班员", offices.get(7), Set.of(Role.DUTY_OFFICER));
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        Map<String, Function<String, LogSearch>> shapes = new LinkedHashMap<>();
        shapes.put("county, all subordinates, text", text -> new LogSearch(county, true, text, null, null, null, null, null));
        shapes.put("county, all subordinates, text + incoming calls + last 30 days", text -> new LogSearch(county, true,
                text, EntryKind.INCOMING_CALL, today.minusDays(30), today, null, null));
        shapes.put("county, all subordinates, text + caller", text -> new LogSearch(county, true, text, null, null,
                null, "应急", null));
        shapes.put("one unit, text", text -> new LogSearch(offices.get(7), false, text, null, null, null, null, null));
        String[] texts = DutyLogTexts.SEARCH_WORDS;
        Latencies all = new Latencies(shapes.size() * texts.length * RUNS);
        for (Map.Entry<String, Function<String, LogSearch>> shape : shapes.entrySet()) {
            Actor actor = shape.getKey().startsWith("county") ? countyOfficer : officeOfficer;
            Latencies these = new Latencies(texts.length * RUNS);
            long found = 0;
            for (String text : texts) {
                dutyLog.search(actor, shape.getValue().apply(text));
            }
            for (int run = 0; run < RUNS; run++) {
                for (String text : texts) {
                    long started = System.nanoTime();
                    found += dutyLog.search(actor, shape.getValue().apply(text)).size();
                    long took = System.nanoTime() - started;
                    these.add(took);
                    all.add(took);
                }
            }
            lines.add(these.report(shape.getKey()) + String.format("  p95=%6.1f ms  avg hits %.1f",
                    these.quantile(0.95) / 1e6, found / (double) (texts.length * RUNS)));
        }
        lines.add(all.report("all searches") + String.format("  p95=%6.1f ms", all.quantile(0.95) / 1e6));
        lines.forEach(System.out::println);
        Path out = Path.of("target", "bench", "dutylog-search-" + (TestDatabase.isPostgres() ? "postgres" : "h2")
                + ".txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    /**
     * Writes the entries and their search rows directly, in batches, as a bulk import would: the chain hashes are
     * placeholders since only search is measured. The gram index is built once after the load.
     */
    private void load(List<UUID> offices) {
        if (TestDatabase.isPostgres()) {
            jdbcTemplate.execute("DROP INDEX duty_log_search_grams_idx");
        }
        Random random = new Random(2026);
        Instant now = clock.instant();
        int batch = 2_000;
        List<Object[]> entries = new ArrayList<>(batch);
        List<Object[]> search = new ArrayList<>(batch);
        for (int i = 0; i < ENTRIES; i++) {
            UUID unit = offices.get(i % UNITS);
            Instant at = now.minus(Duration.ofSeconds(31L * i + 60)).truncatedTo(ChronoUnit.MINUTES);
            DutyLogTexts.Entry text = DutyLogTexts.next(random, i);
            EntryKind kind = text.kind();
            UUID rowId = UUID.randomUUID();
            UUID entryId = UUID.randomUUID();
            int year = LocalDate.ofInstant(at, Zones.CHINA).getYear();
            int number = i / UNITS + 1;
            entries.add(new Object[] { rowId, entryId, unit, year, number, 1, number, kind.name(),
                    at.atOffset(ZoneOffset.UTC), text.summary(), text.callerName(), text.callerUnit(),
                    personal.seal(DutyLogRepository.CALLER_PHONE + rowId, text.callerPhone()), "DONE", at.atOffset(ZoneOffset.UTC), "bench", "0", "0" });
            String content = text.content();
            search.add(new Object[] { entryId, rowId, unit, at.atOffset(ZoneOffset.UTC), kind.name(), text.caller(),
                    content, SearchText.grams(content) });
            if (entries.size() == batch || i == ENTRIES - 1) {
                jdbcTemplate.batchUpdate("INSERT INTO duty_log_entry (id, entry_id, unit_id, log_year, entry_number, "
                        + "entry_version, chain_seq, kind, occurred_at, summary, caller_name, caller_unit, caller_phone, "
                        + "follow_up, recorded_at, recorded_by, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        entries);
                jdbcTemplate.batchUpdate("INSERT INTO duty_log_search (entry_id, row_id, unit_id, occurred_at, kind, "
                        + "caller, content, grams) VALUES (?,?,?,?,?,?,?,?)", search);
                entries.clear();
                search.clear();
            }
        }
        if (TestDatabase.isPostgres()) {
            jdbcTemplate.execute("CREATE INDEX duty_log_search_grams_idx ON duty_log_search USING gin "
                    + "(string_to_array(grams, ' '))");
            jdbcTemplate.execute("ANALYZE duty_log_search");
            jdbcTemplate.execute("ANALYZE duty_log_entry");
        }
    }

}
