package org.zhiban.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zhiban.obligation.ObligationKinds;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.support.CleanDatabase;
import org.zhiban.support.TestDatabase;

/**
 * The obligation clock on the real clock: with 1,000,000 open obligations in the table, how long after its due
 * time each of a measured cohort becomes overdue (p50, p99, max), whether any fires twice or not at all, and how
 * many obligations per second can be opened and fulfilled. Run by bench/obligation-clock.sh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zhiban.demo.enabled=false", "zhiban.obligation.sweep-interval=PT0.25S",
        "zhiban.notification.delivery-interval=0", "zhiban.instance-name=bench",
        "spring.datasource.hikari.maximum-pool-size=16" })
@ActiveProfiles("test")
@Import(CleanDatabase.class)
class ObligationClockBenchmark {

    private static final int BACKGROUND = Integer.getInteger("bench.background", 1_000_000);
    private static final int COHORT = Integer.getInteger("bench.cohort", 30_000);
    private static final Duration COHORT_SPREAD = Duration.ofSeconds(60);
    private static final int BURST = 10_000;
    private static final int THROUGHPUT = 20_000;
    private static final int THREADS = 4;

    @Autowired
    Obligations obligations;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void measure() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("database: " + (TestDatabase.isPostgres() ? "PostgreSQL" : "H2") + ", Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        UUID unit = unitWithoutAccounts();

        long started = System.nanoTime();
        jdbc.sql("""
                INSERT INTO obligation (id, obligor_unit_id, kind, subject_module, subject_id, title, opened_at, due_at,
                    status, overdue, next_step, next_fire_at, superior_escalation_at, version)
                SELECT gen_random_uuid(), :unit, 'ASSIGNED_TASK', 'bench-background', CAST(g AS VARCHAR), '背景事项',
                    now(), now() + (g % 43200) * INTERVAL '1 minute' + INTERVAL '1 hour', 'OPEN', FALSE, 'OVERDUE',
                    now() + (g % 43200) * INTERVAL '1 minute' + INTERVAL '1 hour',
                    now() + (g % 43200) * INTERVAL '1 minute' + INTERVAL '3 hour', 0
                FROM generate_series(1, :count) g""").param("unit", unit).param("count", BACKGROUND).update();
        jdbc.sql("ANALYZE obligation").update();
        lines.add(String.format("background: %,d open obligations due over the next 30 days, inserted in %.1f s",
                BACKGROUND, (System.nanoTime() - started) / 1e9));

        UUID[] opened = new UUID[THROUGHPUT];
        double opensPerSecond = parallel(THROUGHPUT, i -> opened[i] = open(unit, "throughput",
                clock.instant().plus(Duration.ofDays(40))));
        double fulfilsPerSecond = parallel(THROUGHPUT, i -> obligations.fulfil(opened[i], "bench"));
        lines.add(String.format("open: %,.0f obligations/s, fulfil: %,.0f obligations/s (%d threads, %,d each)",
                opensPerSecond, fulfilsPerSecond, THREADS, THROUGHPUT));

        Instant first = clock.instant().plusSeconds(20);
        parallel(COHORT, i -> open(unit, "cohort", first.plus(COHORT_SPREAD.multipliedBy(i).dividedBy(COHORT))));
        awaitOverdue("cohort", COHORT, first.plus(COHORT_SPREAD).plusSeconds(60));
        lines.add(delays("cohort", String.format("%,d obligations due over %d s (%,.0f/s)", COHORT,
                COHORT_SPREAD.toSeconds(), COHORT / (double) COHORT_SPREAD.toSeconds())));

        Instant burstAt = clock.instant().plusSeconds(20).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        parallel(BURST, i -> open(unit, "burst", burstAt.plusMillis(i % 1000)));
        awaitOverdue("burst", BURST, burstAt.plusSeconds(90));
        lines.add(delays("burst", String.format("%,d obligations due in the same second", BURST)));

        lines.add("duplicates (a step fired twice): " + jdbc.sql("SELECT COUNT(*) FROM (SELECT obligation_id, step "
                + "FROM obligation_firing GROUP BY obligation_id, step HAVING COUNT(*) > 1) d").query(Long.class).single());
        lines.add("misses (due, still not overdue): " + jdbc.sql("SELECT COUNT(*) FROM obligation WHERE status = 'OPEN' "
                + "AND due_at < ? AND overdue = FALSE").param(java.time.OffsetDateTime.ofInstant(clock.instant()
                        .minusSeconds(5), java.time.ZoneOffset.UTC)).query(Long.class).single());
        lines.add(String.format("open obligations in the table at the end: %,d", jdbc.sql(
                "SELECT COUNT(*) FROM obligation WHERE status = 'OPEN'").query(Long.class).single()));

        lines.forEach(System.out::println);
        Path out = Path.of("target", "bench", "obligation-clock.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    private UUID open(UUID unit, String module, Instant due) {
        return obligations.open(new OpenObligation(unit, ObligationKinds.ASSIGNED_TASK.code(), "bench-" + module,
                UUID.randomUUID().toString(), "基准事项", due, null)).id();
    }

    private String delays(String module, String what) {
        return jdbc.sql("""
                SELECT COUNT(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY f.delay_ms),
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY f.delay_ms), MAX(f.delay_ms)
                FROM obligation_firing f JOIN obligation o ON o.id = f.obligation_id
                WHERE o.subject_module = ? AND f.step = 'OVERDUE'""")
                .param("bench-" + module)
                .query((rs, n) -> String.format("%s: %,d overdue transitions, delay after due time p50 = %.0f ms, "
                        + "p99 = %.0f ms, max = %d ms", what, rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getLong(4)))
                .single();
    }

    private void awaitOverdue(String module, int count, Instant until) {
        while (jdbc.sql("SELECT COUNT(*) FROM obligation WHERE subject_module = ? AND overdue = TRUE")
                .param("bench-" + module).query(Long.class).single() < count) {
            if (clock.instant().isAfter(until)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** Runs {@code count} calls on a few threads and returns calls per second. */
    private double parallel(int count, java.util.function.IntConsumer call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = thread; i < count; i += THREADS) {
                    call.accept(i);
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private UUID unitWithoutAccounts() {
        Actor admin = new Actor(null, "bench", "基准", null, Set.of(Role.SYSTEM_ADMIN));
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(admin, null, List.of()));
        try {
            Unit top = units.create(admin, new UnitCommand(null, "基准测试上级", UnitKind.OTHER, UnitLevel.COUNTY, null,
                    null, null, null, null, null));
            return units.create(admin, new UnitCommand(top.id(), "基准测试单位", UnitKind.OTHER, UnitLevel.TOWN, null,
                    null, null, null, null, null)).id();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
