package org.zhiban.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.Units;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.TestDatabase;

/**
 * In-process latency of effective-policy resolution for a unit four levels deep (宝鸡市 → 金台区 → 陈仓镇 → a
 * community) and of counting 250 working days. Run by bench/calendar-policy.sh; prints p50, p99 and max.
 */
class CalendarPolicyBenchmark extends IntegrationTestSupport {

    private static final int WARM_CALLS = 200_000;
    private static final int COLD_UNITS = 2_000;

    @Autowired
    DutyPolicies policies;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Units units;

    @Test
    void measure() throws IOException {
        List<UUID> deepUnits = createFourthLevelUnits();
        List<String> lines = new ArrayList<>();
        lines.add("database: " + (TestDatabase.isPostgres() ? "PostgreSQL" : "H2 (in memory)") + ", Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");

        Latencies cold = new Latencies(COLD_UNITS);
        for (UUID unit : deepUnits) {
            long start = System.nanoTime();
            policies.effective(unit);
            cold.add(System.nanoTime() - start);
        }
        lines.add(cold.report("effective policy, 4 levels deep, first resolution (cold)"));

        UUID deep = deepUnits.get(0);
        for (int i = 0; i < WARM_CALLS; i++) {
            policies.effective(deep);
        }
        Latencies warm = new Latencies(WARM_CALLS);
        for (int i = 0; i < WARM_CALLS; i++) {
            long start = System.nanoTime();
            policies.effective(deepUnits.get(i % deepUnits.size()));
            warm.add(System.nanoTime() - start);
        }
        lines.add(warm.report("effective policy, 4 levels deep, resolved before (warm)"));

        Random random = new Random(7);
        LocalDate first = LocalDate.of(2023, 1, 1);
        for (int i = 0; i < WARM_CALLS / 4; i++) {
            calendar.workingDaysAfter(first.plusDays(random.nextInt(1461)), 250);
        }
        Latencies working = new Latencies(WARM_CALLS);
        for (int i = 0; i < WARM_CALLS; i++) {
            LocalDate from = first.plusDays(random.nextInt(1461));
            long start = System.nanoTime();
            calendar.workingDaysAfter(from, 250);
            working.add(System.nanoTime() - start);
        }
        lines.add(working.report("working-days, N = 250, from a random day of 2023–2026"));

        lines.forEach(System.out::println);
        Path out = Path.of("target", "bench", "calendar-policy-" + (TestDatabase.isPostgres() ? "postgres" : "h2")
                + ".txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    /** Communities below a town below 金台区 below 宝鸡市, created through the real use case. */
    private List<UUID> createFourthLevelUnits() {
        Actor admin = new Actor(null, "bench", "基准", null, Set.of(Role.SYSTEM_ADMIN));
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(admin, null, List.of()));
        UUID town = UUID.fromString(unitId("陈仓镇人民政府"));
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < COLD_UNITS; i++) {
            Unit unit = units.create(admin, new UnitCommand(town, "第" + i + "社区居民委员会", UnitKind.OTHER,
                    UnitLevel.TOWN, null, null, null, null, null, null));
            created.add(unit.id());
        }
        SecurityContextHolder.clearContext();
        return created;
    }
}
