package org.zhiban.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhiban.organization.EmploymentType;
import org.zhiban.organization.People;
import org.zhiban.organization.PersonCommand;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.Units;
import org.zhiban.roster.DutyRole;
import org.zhiban.roster.DutyStaff;
import org.zhiban.roster.OnDuty;
import org.zhiban.roster.Roster;
import org.zhiban.roster.Rosters;
import org.zhiban.roster.ShiftPatterns;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * Automatic rostering and who-is-on-duty at scale, through the real use cases: one duty office of 30 people (day and
 * night shifts, two officers each) solved for several months; a county of 300 units × 10 people solved at once; and
 * on-duty for all 1,500 units below a superior over HTTP. Run by bench/roster.sh.
 */
class RosterBenchmark extends IntegrationTestSupport {

    private static final LocalDate TRAINED = LocalDate.of(2026, 1, 5);
    private static final int COUNTIES = Integer.getInteger("bench.counties", 5);
    private static final int UNITS_PER_COUNTY = Integer.getInteger("bench.unitsPerCounty", 300);
    private static final Duration UNIT_LIMIT = Duration.ofMillis(Long.getLong("bench.unitLimitMillis", 1_800));
    private static final Duration COUNTY_LIMIT = Duration.ofSeconds(60);
    private static final int ON_DUTY_CALLS = 500;

    @Autowired
    Units units;

    @Autowired
    People people;

    @Autowired
    DutyStaff dutyStaff;

    @Autowired
    ShiftPatterns patterns;

    @Autowired
    Rosters rosters;

    @Autowired
    OnDuty onDuty;

    @Autowired
    JsonMapper mapper;

    private final Actor admin = new Actor(null, "bench", "基准", null, Set.of(Role.SYSTEM_ADMIN));
    /** The duty business is the duty office's: platform administrators build the tree but roster nothing. */
    private Actor dutyOffice;
    private int mobiles;

    @Test
    void measure() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(admin, null, List.of()));
        List<String> lines = new ArrayList<>();
        lines.add("database: " + (TestDatabase.isPostgres() ? "PostgreSQL" : "H2 (in memory)") + ", Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        UUID baoji = UUID.fromString(unitId("宝鸡市人民政府"));
        dutyOffice = new Actor(null, "bench", "基准", baoji, Set.of(Role.DUTY_OFFICE_HEAD));
        if (!Boolean.getBoolean("bench.skipUnit")) {
            oneOfficeOfThirty(baoji, lines);
        }
        UUID city = unit(baoji, "基准测试市人民政府", UnitKind.PEOPLES_GOVERNMENT, UnitLevel.CITY);
        for (int county = 1; county <= COUNTIES; county++) {
            countyOf300(city, county, lines);
        }
        if (COUNTIES > 0) {
            onDutyBelow(city, lines);
        }
        SecurityContextHolder.clearContext();

        lines.forEach(System.out::println);
        Path out = Path.of("target", "bench", "roster-" + (TestDatabase.isPostgres() ? "postgres" : "h2") + ".txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    /** 6 leaders and 24 officers (4 part-time); a day shift and a night shift, each with a leader and 2 officers. */
    private void oneOfficeOfThirty(UUID parent, List<String> lines) {
        UUID office = unit(parent, "基准测试局", UnitKind.WORKING_DEPARTMENT, UnitLevel.CITY);
        staff(office, 6, 24, 4);
        patterns.replace(dutyOffice, office, List.of(
                new ShiftPatterns.ShiftDefinition("白班", LocalTime.of(8, 30), Duration.ofHours(9), 2),
                new ShiftPatterns.ShiftDefinition("夜班", LocalTime.of(17, 30), Duration.ofHours(15), 2)));
        for (int m = 1; m <= 6; m++) {
            LocalDate month = LocalDate.of(2027, m, 1);
            Rosters.SubtreeResult result = rosters.solveSubtree(dutyOffice, office, month, UNIT_LIMIT, UNIT_LIMIT);
            Spread spread = spread(List.of(office), month);
            lines.add(String.format("30-person unit %s: %d positions, complete (0 hard, 0 empty) after %s; at the "
                            + "%d ms limit hard=%d empty=%d, total with load/save %d ms; spread leaders %d, officers %d",
                    month.toString().substring(0, 7), result.positions(), millis(result.completeAfter()),
                    UNIT_LIMIT.toMillis(), -result.hardScore(), -result.mediumScore(), result.took().toMillis(),
                    spread.leaders(), spread.officers()));
        }
    }

    /** A county government with 299 units below it, 10 people each (3 leaders, 7 officers, 1 part-time). */
    private void countyOf300(UUID city, int number, List<String> lines) {
        long building = System.nanoTime();
        UUID county = unit(city, "基准第" + number + "县人民政府", UnitKind.PEOPLES_GOVERNMENT, UnitLevel.COUNTY);
        List<UUID> all = new ArrayList<>(List.of(county));
        staff(county, 3, 7, 1);
        for (int i = 1; i < UNITS_PER_COUNTY; i++) {
            boolean town = i % 3 == 0;
            UUID unit = unit(county, "基准第" + number + "县第" + i + (town ? "镇人民政府" : "局"),
                    town ? UnitKind.TOWN_STREET : UnitKind.WORKING_DEPARTMENT, town ? UnitLevel.TOWN : UnitLevel.COUNTY);
            staff(unit, 3, 7, 1);
            all.add(unit);
        }
        long built = System.nanoTime();
        LocalDate month = LocalDate.of(2027, 1, 1);
        boolean measured = number == 1;
        Duration limit = measured ? COUNTY_LIMIT : Duration.ofSeconds(15);
        Rosters.SubtreeResult result = rosters.solveSubtree(dutyOffice, county, month, limit,
                measured ? Duration.ofSeconds(10) : Duration.ofSeconds(3));
        long published = System.nanoTime();
        int refused = 0;
        for (UUID unit : all) {
            Roster roster = rosters.find(admin, unit, month).orElseThrow();
            try {
                rosters.publish(dutyOffice, roster.id());
            }
            catch (RuntimeException e) {
                refused++;
            }
        }
        Spread spread = spread(all, month);
        lines.add(String.format("county %d (%d units × 10 people) 2027-01: built in %d s; %d positions, complete after "
                        + "%s; at the end (limit %d s) hard=%d empty=%d, total %d ms; worst spread in a unit: leaders "
                        + "%d, officers %d (units with both ≤ 1: %d of %d); published %d in %d s, refused %d",
                number, all.size(), (built - building) / 1_000_000_000, result.positions(),
                millis(result.completeAfter()), limit.toSeconds(), -result.hardScore(), -result.mediumScore(),
                result.took().toMillis(), spread.leaders(), spread.officers(), spread.unitsWithinOne(), all.size(),
                all.size() - refused, (System.nanoTime() - published) / 1_000_000_000, refused));
    }

    /**
     * GET on-duty/subordinates for the superior over HTTP, as a dashboard would, after warming up: now (the clock
     * moved to a day of the solved month), answered from the in-memory board; and for an instant three days
     * earlier, read from the database. In process and JSON alone too, to show where the time goes.
     */
    private void onDutyBelow(UUID superior, List<String> lines) throws IOException, InterruptedException {
        if (TestDatabase.isPostgres()) {
            // A production database has statistics; freshly bulk-loaded tables have none until autovacuum runs.
            jdbc.sql("ANALYZE").update();
        }
        Instant now = Instant.parse("2027-01-15T02:00:00Z");
        clock.set(now);
        String base = baseUrl() + "/api/v1/units/" + superior + "/on-duty/subordinates";
        onDutyOver(lines, "now (in-memory board)", URI.create(base), superior, now);
        Instant past = now.minus(Duration.ofDays(3));
        onDutyOver(lines, "3 days ago (database)", URI.create(base + "?at=" + past), superior, past);
    }

    private void onDutyOver(List<String> lines, String label, URI uri, UUID superior, Instant at)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + api().token("baoji"))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
        int units = first.body().split("\"unitId\"", -1).length - 1;
        int gaps = first.body().split("\"shift\":null", -1).length - 1;
        for (int i = 0; i < ON_DUTY_CALLS / 5; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        Latencies latencies = new Latencies(ON_DUTY_CALLS);
        for (int i = 0; i < ON_DUTY_CALLS; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Latencies inProcess = new Latencies(ON_DUTY_CALLS);
        Latencies json = new Latencies(ON_DUTY_CALLS);
        for (int i = 0; i < ON_DUTY_CALLS; i++) {
            long start = System.nanoTime();
            List<OnDuty.View> views = onDuty.below(admin, superior, at);
            long between = System.nanoTime();
            mapper.writeValueAsBytes(views);
            inProcess.add(between - start);
            json.add(System.nanoTime() - between);
        }
        lines.add(String.format("on-duty/subordinates %s over HTTP: status %d, %d units, %d without anyone on duty, "
                + "%d KB", label, first.statusCode(), units, gaps, first.body().length() / 1024));
        lines.add(latencies.report("  HTTP, whole response") + "  p95="
                + String.format("%.1f ms", latencies.quantile(0.95) / 1_000_000.0));
        lines.add(inProcess.report("  of which OnDuty.below in process"));
        lines.add(json.report("  of which writing its JSON"));
    }

    private UUID unit(UUID parent, String name, UnitKind kind, UnitLevel level) {
        Unit unit = units.create(admin, new UnitCommand(parent, name, kind, level, "值班室", "0917-3260000", null, null,
                null, null));
        return unit.id();
    }

    private void staff(UUID unit, int leaders, int officers, int partTime) {
        for (int i = 0; i < leaders + officers; i++) {
            boolean leader = i < leaders;
            UUID person = people.create(admin, unit, new PersonCommand("基准" + (leader ? "领导" : "值班员") + i,
                    leader ? "副主任" : "科员", String.format("139%08d", ++mobiles), null, EmploymentType.CIVIL_SERVANT,
                    null, null, true, null)).id();
            dutyStaff.put(dutyOffice, person, leader ? DutyRole.LEADER : DutyRole.OFFICER,
                    !leader && i >= leaders + officers - partTime, TRAINED);
        }
    }

    /** Max − min shifts per person within each unit, leaders and officers apart, and the worst unit's. */
    private Spread spread(List<UUID> unitIds, LocalDate month) {
        int worstLeaders = 0;
        int worstOfficers = 0;
        int withinOne = 0;
        for (UUID unit : unitIds) {
            Map<UUID, Integer> counts = new HashMap<>();
            Map<UUID, DutyRole> roles = new HashMap<>();
            dutyStaff.members(unit).forEach(m -> {
                counts.put(m.personId(), 0);
                roles.put(m.personId(), m.role());
            });
            rosters.find(admin, unit, month).orElseThrow().shifts().forEach(shift -> shift.positions().stream()
                    .filter(p -> p.personId() != null).forEach(p -> counts.merge(p.personId(), 1, Integer::sum)));
            int leaders = spreadOf(counts, roles, DutyRole.LEADER);
            int officers = spreadOf(counts, roles, DutyRole.OFFICER);
            worstLeaders = Math.max(worstLeaders, leaders);
            worstOfficers = Math.max(worstOfficers, officers);
            withinOne += officers <= 1 && leaders <= 1 ? 1 : 0;
        }
        return new Spread(worstLeaders, worstOfficers, withinOne);
    }

    private static int spreadOf(Map<UUID, Integer> counts, Map<UUID, DutyRole> roles, DutyRole role) {
        IntSummaryStatistics stats = counts.entrySet().stream().filter(e -> roles.get(e.getKey()) == role)
                .mapToInt(Map.Entry::getValue).summaryStatistics();
        return stats.getCount() == 0 ? 0 : stats.getMax() - stats.getMin();
    }

    private static String millis(Duration duration) {
        return duration == null ? "never" : duration.toMillis() + " ms";
    }

    private record Spread(int leaders, int officers, int unitsWithinOne) {
    }
}
