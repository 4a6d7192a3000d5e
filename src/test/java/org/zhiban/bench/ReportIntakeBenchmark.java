package org.zhiban.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.TestDatabase;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sustained report intake over HTTP with 64 concurrent clients, each one a duty office registering incidents and
 * filing their initial written reports (bearer token, JSON, deadlines opened and met, audit record, events to the
 * superior), next to pgbench's raw single-row insert rate with 64 clients on the same PostgreSQL database, in the
 * same run, so that their ratio is visible. Run by bench/report-intake.sh.
 */
class ReportIntakeBenchmark extends IntegrationTestSupport {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 64);
    /** Incidents registered and reported before measuring, and then measured (about 15 s and 40 s here). */
    private static final int WARM_UP_PAIRS = Integer.getInteger("bench.warmup-pairs", 2_500);
    private static final int MEASURED_PAIRS = Integer.getInteger("bench.pairs", 7_000);
    private static final int PGBENCH_SECONDS = Integer.getInteger("bench.pgbench-seconds", 20);
    private static final String[] SEVERITIES = { "IV", "IV", "III", "II" };

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void measure() throws Exception {
        if (!TestDatabase.isPostgres()) {
            throw new IllegalStateException("the intake benchmark compares with pgbench and runs on PostgreSQL only");
        }
        List<String> lines = new ArrayList<>();
        lines.add("PostgreSQL, Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + CLIENTS + " clients, warm-up "
                + WARM_UP_PAIRS + " incidents, measured " + MEASURED_PAIRS + " incidents (register + initial report)");
        double raw = pgbenchInsertRate();
        lines.add(String.format("pgbench raw single-row INSERT, %d clients:        %8.0f rows/s", CLIENTS, raw));

        String token = api().token("jintai");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Latencies registrations = new Latencies(MEASURED_PAIRS);
        Latencies reports = new Latencies(MEASURED_PAIRS);
        CountDownLatch warmedUp = new CountDownLatch(WARM_UP_PAIRS);
        CountDownLatch measured = new CountDownLatch(MEASURED_PAIRS);
        // Pairs started from this moment on are measured; it is set once the warm-up is done.
        AtomicLong measuredFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            pool.submit(() -> {
                try {
                    long n = 0;
                    while (running.get()) {
                        String severity = SEVERITIES[(int) (n++ % SEVERITIES.length)];
                        long start = System.nanoTime();
                        HttpResponse<String> registered = post(http, token, "/api/v1/incidents", incident(client, n,
                                severity));
                        long registeredAt = System.nanoTime();
                        if (registered.statusCode() != 201) {
                            failures.incrementAndGet();
                            warmedUp.countDown();
                            continue;
                        }
                        String id = mapper.readTree(registered.body()).get("id").asString();
                        HttpResponse<String> filed = post(http, token, "/api/v1/incidents/" + id + "/reports",
                                "{\"stage\":\"INITIAL\",\"channel\":\"WRITTEN\",\"content\":\"首报：" + client + "-" + n
                                        + " 现场情况已核实，正在处置\",\"signer\":\"值班室主任\"}");
                        long filedAt = System.nanoTime();
                        if (filed.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                        else if (start >= measuredFrom.get()) {
                            synchronized (registrations) {
                                if (measured.getCount() > 0) {
                                    registrations.add(registeredAt - start);
                                    reports.add(filedAt - registeredAt);
                                    measured.countDown();
                                }
                            }
                        }
                        warmedUp.countDown();
                    }
                }
                catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                }
                finally {
                    done.countDown();
                }
            });
        }
        awaitOrFail(warmedUp, "the warm-up");
        measuredFrom.set(System.nanoTime());
        awaitOrFail(measured, "the measured incidents");
        double seconds = (System.nanoTime() - measuredFrom.get()) / 1e9;
        running.set(false);
        done.await();
        pool.shutdown();
        int pairs = reports.count();
        int requests = registrations.count() + pairs;
        Latencies all = new Latencies(2 * pairs);
        registrations.each(all::add);
        reports.each(all::add);
        double intake = requests / seconds;
        lines.add(String.format("report intake over HTTP (register + initial report): %8.0f requests/s  (%.0f incidents/s)",
                intake, pairs / seconds));
        lines.add(String.format("ratio intake / raw insert:                             %7.1f %%", 100 * intake / raw));
        lines.add(all.report("all intake requests"));
        lines.add(registrations.report("POST /api/v1/incidents"));
        lines.add(reports.report("POST /api/v1/incidents/{id}/reports"));
        lines.add("failed requests: " + failures.get());
        Path out = Path.of("target", "bench", "report-intake-postgres.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
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

    /** Waits for a phase of the run; a run that stops making progress fails instead of hanging. */
    private static void awaitOrFail(CountDownLatch phase, String what) throws InterruptedException {
        if (!phase.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(what + " did not finish within 10 minutes");
        }
    }

    private String incident(int client, long n, String severity) {
        OffsetDateTime learned = OffsetDateTime.ofInstant(clock.instant(), Zones.CHINA);
        return "{\"category\":\"ACCIDENT\",\"severity\":\"" + severity + "\",\"occurredAt\":\"" + learned.minusMinutes(5)
                + "\",\"learnedAt\":\"" + learned + "\",\"place\":\"金台区第" + client + "号路口\",\"title\":\"交通事故 "
                + client + "-" + n + "\",\"summary\":\"两车相撞，交警已到场处置\"}";
    }

    private HttpResponse<String> post(HttpClient http, String token, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
