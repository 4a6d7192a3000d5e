package org.zhiban.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.TestDatabase;

import tools.jackson.databind.json.JsonMapper;

/**
 * Report intake against the framework's own ceiling, in one run on one server with one kind of token: 32 clients,
 * each a duty office, register incidents and file their initial written reports over HTTP (bearer token, JSON,
 * deadlines opened and met, audit record, events to the superior); then 32 clients read one unit over
 * {@code GET /api/v1/units/{id}} with the same token. Intake is measured against that authenticated read, which has
 * the same HTTP, security and JSON cost and almost no database work. pgbench's raw single-row insert rate on the same
 * database is printed for information. Run by bench/report-intake.sh.
 */
class ReportIntakeBenchmark extends IntegrationTestSupport {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 15));
    /** Each measured phase, read and intake in turn, this many times. */
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 6);
    private static final int PGBENCH_SECONDS = Integer.getInteger("bench.pgbench-seconds", 10);
    private static final double TARGET_RATIO = 0.5;
    private static final double TARGET_P99_MS = 100;
    private static final String[] SEVERITIES = { "IV", "IV", "III", "II" };
    private static final String REGISTER = "POST /api/v1/incidents";
    private static final String REPORT = "POST /api/v1/incidents/{id}/reports";
    private static final String READ = "GET /api/v1/units/{id}";
    private static final String CLIENT_THREAD = "bench-client-";

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void measure() throws Exception {
        if (!TestDatabase.isPostgres()) {
            throw new IllegalStateException("the intake benchmark compares with pgbench and runs on PostgreSQL only");
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("PostgreSQL %s, Java %s, %d cores, %d clients per phase, warm-up %d s each, measured "
                + "%d rounds of %d s read then %d s intake; load average at start %s",
                jdbc.sql("SHOW server_version").query(String.class).single(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), CLIENTS, WARM_UP.toSeconds(), ROUNDS, MEASURED.toSeconds(),
                MEASURED.toSeconds(), loadAverage()));
        double raw = pgbenchInsertRate();

        String token = api().token("jintai");
        String unitId = jdbc.sql("SELECT unit_id FROM account WHERE username = 'jintai'").query(String.class).single();
        Step intake = (client, n, record) -> {
            String severity = SEVERITIES[(int) (n % SEVERITIES.length)];
            long start = System.nanoTime();
            HttpResponse<String> registered = post(token, "/api/v1/incidents", incident(client, n, severity));
            if (!record.done(REGISTER, start, registered.statusCode() == 201)) {
                return;
            }
            String id = mapper.readTree(registered.body()).get("id").asString();
            start = System.nanoTime();
            HttpResponse<String> filed = post(token, "/api/v1/incidents/" + id + "/reports",
                    "{\"stage\":\"INITIAL\",\"channel\":\"WRITTEN\",\"content\":\"首报：" + client + "-" + n
                            + " 现场情况已核实，正在处置\",\"signer\":\"值班室主任\"}");
            record.done(REPORT, start, filed.statusCode() == 201);
        };
        Step read = (client, n, record) -> {
            long start = System.nanoTime();
            HttpResponse<String> unit = get(token, "/api/v1/units/" + unitId);
            record.done(READ, start, unit.statusCode() == 200);
        };

        // The test clock stands still unless moved; here it follows real time, so that what expires after a few
        // seconds (a resolved token) expires during the run as it would in production.
        ScheduledExecutorService ticking = followRealTime();
        try {
            run(intake, WARM_UP);
            awaitEventsHandled();
            run(read, WARM_UP);
            // Rounds of each in turn, so that what else the machine runs weighs on both alike.
            Phase reads = Phase.NONE;
            Phase intakes = Phase.NONE;
            long backlog = 0;
            double drained = 0;
            for (int round = 0; round < ROUNDS; round++) {
                reads = reads.and(run(read, MEASURED));
                intakes = intakes.and(run(intake, MEASURED));
                // The listeners' work after intake (messages to the superior) is intake's, not the next read's.
                backlog = Math.max(backlog, unfinishedPublications());
                long drainStart = System.nanoTime();
                awaitEventsHandled();
                drained = Math.max(drained, (System.nanoTime() - drainStart) / 1e9);
            }
            report(lines, raw, intakes, reads, backlog, drained);
        }
        finally {
            ticking.shutdownNow();
        }
        Path out = Path.of("target", "bench", "report-intake-postgres.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    private void report(List<String> lines, double raw, Phase intakes, Phase reads, long backlog, double drained) {
        Latencies intake = intakes.all();
        Latencies read = reads.all();
        double intakeRate = intake.count() / intakes.seconds;
        double readRate = read.count() / reads.seconds;
        double ratio = intakeRate / readRate;
        double p99 = intake.quantile(0.99) / 1e6;
        lines.add(String.format("intake (register + initial report): %7.0f requests/s  (%.0f pairs/s)  p50 %5.1f ms  "
                + "p99 %5.1f ms", intakeRate, intakes.latencies(REPORT).count() / intakes.seconds,
                intake.quantile(0.50) / 1e6, p99));
        lines.add("  " + intakes.latencies(REGISTER).report(REGISTER));
        lines.add("  " + intakes.latencies(REPORT).report(REPORT));
        lines.add(String.format("authenticated read of one unit:     %7.0f requests/s                  p50 %5.1f ms  "
                + "p99 %5.1f ms", readRate, read.quantile(0.50) / 1e6, read.quantile(0.99) / 1e6));
        lines.add("  " + read.report(READ));
        lines.add(String.format("ratio intake / read: %.2f (target ≥ %.2f); intake p99 %.1f ms (target ≤ %.0f ms): %s",
                ratio, TARGET_RATIO, p99, TARGET_P99_MS,
                ratio >= TARGET_RATIO && p99 <= TARGET_P99_MS ? "target met" : "target NOT met"));
        lines.add(String.format("database work per request: intake %.1f transactions, %.1f rows written; read %.1f "
                + "transactions", intakes.transactions / intake.count(), intakes.rowsWritten / intake.count(),
                reads.transactions / read.count()));
        lines.add(String.format("CPU per request: intake %.2f ms in the application, %.2f ms in PostgreSQL; read %.2f ms"
                + " and %.2f ms (clients' threads not counted)", 1e3 * intakes.serverCpuSeconds / intake.count(),
                1e3 * intakes.databaseCpuSeconds / intake.count(), 1e3 * reads.serverCpuSeconds / read.count(),
                1e3 * reads.databaseCpuSeconds / read.count()));
        lines.add(String.format("information: pgbench raw single-row INSERT, %d clients: %.0f rows/s; intake is %.1f %%"
                + " of it", CLIENTS, raw, 100 * intakeRate / raw));
        lines.add(String.format("events unhandled when an intake round stopped: at most %d, handled at most %.1f s "
                + "later", backlog, drained));
        lines.add("failed requests: intake " + intakes.failures + ", read " + reads.failures
                + "; load average at end " + loadAverage());
    }

    /** One client's turn: one or more requests, each reported to the recorder as it completes. */
    @FunctionalInterface
    private interface Step {
        void run(int client, long n, Recorder record) throws Exception;
    }

    /** One client's latencies by request, counting only requests that complete within the phase. */
    private static final class Recorder {

        private final long end;
        private final Map<String, Latencies> latencies = new LinkedHashMap<>();
        private long failures;

        Recorder(long end) {
            this.end = end;
        }

        /** Whether the request succeeded, so that a pair goes on to its second request. */
        boolean done(String request, long start, boolean succeeded) {
            long finished = System.nanoTime();
            if (!succeeded) {
                failures++;
            }
            else if (finished <= end) {
                latencies.computeIfAbsent(request, k -> new Latencies()).add(finished - start);
            }
            return succeeded;
        }
    }

    /** What a phase measured: latencies by request over its whole length, and the database's work meanwhile. */
    private record Phase(double seconds, Map<String, Latencies> latencies, long failures, double transactions,
            double rowsWritten, double serverCpuSeconds, double databaseCpuSeconds) {

        static final Phase NONE = new Phase(0, Map.of(), 0, 0, 0, 0, 0);

        /** Both phases as one. */
        Phase and(Phase other) {
            Map<String, Latencies> merged = new LinkedHashMap<>();
            for (Map<String, Latencies> each : List.of(latencies, other.latencies)) {
                each.forEach((request, l) -> merged.computeIfAbsent(request, k -> new Latencies()).addAll(l));
            }
            return new Phase(seconds + other.seconds, merged, failures + other.failures,
                    transactions + other.transactions, rowsWritten + other.rowsWritten,
                    serverCpuSeconds + other.serverCpuSeconds, databaseCpuSeconds + other.databaseCpuSeconds);
        }

        Latencies latencies(String request) {
            return latencies.getOrDefault(request, new Latencies());
        }

        Latencies all() {
            Latencies all = new Latencies();
            latencies.values().forEach(all::addAll);
            return all;
        }
    }

    /** Runs the step on every client, back to back, for the duration; the rate is what completes within it. */
    private Phase run(Step step, Duration duration) throws Exception {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS,
                runnable -> new Thread(runnable, CLIENT_THREAD + threadNumber.incrementAndGet()));
        CyclicBarrier ready = new CyclicBarrier(CLIENTS);
        long[] before = databaseCounters();
        double serverCpu = -serverCpuSeconds();
        double databaseCpu = -databaseCpuSeconds();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long end = start + duration.toNanos();
        List<Future<Recorder>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                Recorder record = new Recorder(end);
                ready.await();
                while (System.nanoTime() < start) {
                    Thread.onSpinWait();
                }
                for (long n = 0; System.nanoTime() < end; n++) {
                    step.run(client, n, record);
                }
                return record;
            }));
        }
        Map<String, Latencies> merged = new LinkedHashMap<>();
        long failures = 0;
        for (Future<Recorder> client : clients) {
            Recorder record = client.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
            record.latencies.forEach((request, l) -> merged.computeIfAbsent(request, k -> new Latencies()).addAll(l));
            failures += record.failures;
        }
        System.out.println("phase of " + duration.toSeconds() + " s ran from " + java.time.LocalTime.now().minus(
                Duration.ofNanos(System.nanoTime() - start)) + " to " + java.time.LocalTime.now());
        serverCpu += serverCpuSeconds();
        databaseCpu += databaseCpuSeconds();
        pool.shutdown();
        long[] after = databaseCounters();
        return new Phase(duration.toNanos() / 1e9, merged, failures, after[0] - before[0], after[1] - before[1],
                serverCpu, databaseCpu);
    }

    /**
     * CPU used by this JVM except the clients' threads (the benchmark's own and the HTTP client's). The machine is
     * shared, so rates move with what else runs; CPU per request does much less, and shows what a change saved.
     */
    private static double serverCpuSeconds() {
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long clients = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().startsWith(CLIENT_THREAD)
                    || thread.getThreadName().startsWith("HttpClient-"))) {
                clients += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return (process - clients) / 1e9;
    }

    /** CPU used so far by the PostgreSQL sessions connected to the test database (read from /proc). */
    private double databaseCpuSeconds() {
        long ticks = 0;
        for (Integer pid : jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
                .query(Integer.class).list()) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
            catch (Exception gone) {
                // A session that ended meanwhile; its CPU is not counted.
            }
        }
        return ticks / 100.0;
    }

    /** Committed and rolled-back transactions, and rows written, in the test database so far. */
    private long[] databaseCounters() {
        return jdbc.sql("SELECT xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted "
                + "FROM pg_stat_database WHERE datname = current_database()")
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
    }

    private long unfinishedPublications() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single();
    }

    private ScheduledExecutorService followRealTime() {
        Instant startInstant = clock.instant();
        long startNanos = System.nanoTime();
        ScheduledExecutorService ticking = Executors.newSingleThreadScheduledExecutor();
        ticking.scheduleAtFixedRate(() -> clock.set(startInstant.plusNanos(System.nanoTime() - startNanos)
                .truncatedTo(ChronoUnit.MICROS)), 10, 10, TimeUnit.MILLISECONDS);
        return ticking;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (Exception e) {
            return "unknown";
        }
    }

    /** pgbench with a single-row INSERT script, the same client count, on the test database. */
    private double pgbenchInsertRate() throws Exception {
        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_raw_insert (id BIGSERIAL PRIMARY KEY, unit_id UUID NOT NULL, "
                + "content VARCHAR(4000) NOT NULL, filed_at TIMESTAMP WITH TIME ZONE NOT NULL)").update();
        Path script = Files.createTempFile("insert", ".sql");
        Files.writeString(script, "INSERT INTO bench_raw_insert (unit_id, content, filed_at) VALUES "
                + "('" + unitId("金台区人民政府") + "', '首报：现场情况已核实，正在处置', now());\n");
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):?(\\d*)/([^?]+)").matcher(TestDatabase.url());
        if (!url.find()) {
            throw new IllegalStateException("cannot read " + TestDatabase.url());
        }
        Process pgbench = new ProcessBuilder("pgbench", "-n", "-h", url.group(1), "-p",
                url.group(2).isEmpty() ? "5432" : url.group(2), "-U", TestDatabase.user(), "-c",
                String.valueOf(CLIENTS), "-j", String.valueOf(Runtime.getRuntime().availableProcessors()), "-T",
                String.valueOf(PGBENCH_SECONDS), "-f", script.toString(), url.group(3))
                .redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes());
        if (pgbench.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no rate in pgbench output:\n" + output);
        }
        jdbc.sql("DROP TABLE bench_raw_insert").update();
        return Double.parseDouble(tps.group(1));
    }

    private String incident(int client, long n, String severity) {
        OffsetDateTime learned = OffsetDateTime.ofInstant(clock.instant(), Zones.CHINA);
        return "{\"category\":\"ACCIDENT\",\"severity\":\"" + severity + "\",\"occurredAt\":\"" + learned.minusMinutes(5)
                + "\",\"learnedAt\":\"" + learned + "\",\"place\":\"金台区第" + client + "号路口\",\"title\":\"交通事故 "
                + client + "-" + n + "\",\"summary\":\"两车相撞，交警已到场处置\"}";
    }

    private HttpResponse<String> post(String token, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
