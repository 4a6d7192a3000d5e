package org.zhiban.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The holiday deadline burst over HTTP: every office files its daily (mostly nil) report with its own token, at a
 * fixed arrival rate spread over client threads (open loop: a slow answer does not slow the arrivals), while the
 * province's duty office has its inbox open — its live stream, and the page refreshing its list as htmx does on each
 * {@code obligations} event (hx-trigger "obligations-changed from:body delay:300ms", a debounce), plus a probe that
 * fetches the same fragment once a second to time it under the load.
 */
final class HolidayBurst {

    private static final long DEBOUNCE = TimeUnit.MILLISECONDS.toNanos(300);
    private static final long ANNOUNCE_INTERVAL = TimeUnit.SECONDS.toNanos(1);
    private static final Pattern FILED = Pattern.compile(">日报告(?:（零报告）)? [0-9]{2}:[0-9]{2}<");

    /** One office that files: its unit, its token, and whether the province's inbox lists it (a direct subordinate). */
    record Filer(UUID unitId, String token, boolean listedByProvince) {
    }

    private final String base;
    private final List<Filer> filers;
    private final double perSecond;
    private final int threads;
    private final BrowserSession province;
    private final String fragment;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Map<UUID, List<Long>> events = new ConcurrentHashMap<>();
    private final AtomicLong lastEvent = new AtomicLong();
    private final List<Refresh> refreshes = new CopyOnWriteArrayList<>();
    private final List<Refresh> probes = new CopyOnWriteArrayList<>();
    private volatile boolean filing = true;

    // What a run measured: each filing's answer, its event at the province's page, the fragment fetches, and when
    // each filing of a direct subordinate showed on the page as shipped.
    Latencies filed;
    Latencies toEvent;
    int eventsMissing;
    Latencies fetches;
    long fragmentBytes;
    Latencies visible;

    HolidayBurst(String base, List<Filer> filers, double perSecond, int threads, BrowserSession province,
            String fragment) {
        this.base = base;
        this.filers = filers;
        this.perSecond = perSecond;
        this.threads = threads;
        this.province = province;
        this.fragment = fragment;
    }

    /** A refresh of the province's list: when it was asked for, when it arrived, how many filings it showed. */
    record Refresh(long started, long ended, int shown, long bytes) {
    }

    void run(Report report) throws Exception {
        AutoCloseable stream = province.listen("/notifications/stream", (event, data) -> {
            if (event.equals("obligations")) {
                long now = System.nanoTime();
                events.computeIfAbsent(UUID.fromString(data), unit -> new CopyOnWriteArrayList<>()).add(now);
                lastEvent.set(now);
            }
        });
        // Events still on their way from before (the pass that opened the day's obligations) must not count.
        long quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < quietUntil && System.nanoTime() - lastEvent.get() < TimeUnit.SECONDS.toNanos(1)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        events.clear();
        int shownBefore = shown(province.fragment(fragment).body());
        Thread page = daemon("inbox-as-shipped", this::refreshAsShipped);
        Thread probe = daemon("inbox-probe", this::probe);
        int n = filers.size();
        long[] sent = new long[n];
        long[] answered = new long[n];
        int[] status = new int[n];
        String[] firstError = new String[1];
        AtomicInteger next = new AtomicInteger();
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        Profile profile = new Profile();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    // Pacing the arrivals: each filing leaves at its own moment of the schedule.
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    Filer filer = filers.get(i);
                    String body = i % 10 == 0 ? "{\"kind\":\"DAILY\",\"nil\":false,\"content\":\"今日辖区平稳，无突发事件，值班正常。\"}"
                            : "{\"kind\":\"DAILY\",\"nil\":true}";
                    sent[i] = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/daily-reports")).header("Authorization", "Bearer " + filer.token())
                                .header("Content-Type", "application/json").header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        answered[i] = System.nanoTime();
                        status[i] = response.statusCode();
                        if (response.statusCode() / 100 != 2 && firstError[0] == null) {
                            firstError[0] = response.statusCode() + " " + response.body();
                        }
                    }
                    catch (Exception e) {
                        answered[i] = System.nanoTime();
                        status[i] = -1;
                        firstError[0] = firstError[0] == null ? e.toString() : firstError[0];
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        String requests = profile.summary(Profile.REQUEST_THREADS, 6);
        String listener = profile.summary("live-listen", 6);
        profile.close();
        long lastAnswer = java.util.Arrays.stream(answered).max().orElse(0);
        // The events of the last filings, and the refresh the page makes once they stop, arrive within seconds.
        long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < wait && (events.size() < n || System.nanoTime() - lastEvent.get() < 2 * DEBOUNCE
                || refreshes.isEmpty() || refreshes.get(refreshes.size() - 1).started() < lastEvent.get())) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        filing = false;
        page.join(10_000);
        probe.join(10_000);
        stream.close();

        Latencies filed = new Latencies(n);
        Map<Integer, Integer> statuses = new TreeMap<>();
        long maxLag = 0;
        for (int i = 0; i < n; i++) {
            statuses.merge(status[i], 1, Integer::sum);
            maxLag = Math.max(maxLag, sent[i] - (start + i * interval));
            if (status[i] / 100 == 2) {
                filed.add(answered[i] - sent[i]);
            }
        }
        double seconds = (sent[n - 1] - sent[0]) / 1e9;
        report.line(String.format("burst: %,d filings in %.1f s (%.0f/s asked, %.0f/s sent, %d client threads; "
                + "largest lag behind the schedule %.0f ms); answers by status %s", n, seconds, perSecond,
                (n - 1) / Math.max(seconds, 1e-9), threads, maxLag / 1e6, statuses));
        if (firstError[0] != null) {
            report.line("burst: first failure: " + firstError[0]);
        }
        this.filed = filed;

        Latencies toEvent = new Latencies(n);
        int missing = 0;
        for (int i = 0; i < n; i++) {
            if (status[i] / 100 != 2) {
                continue;
            }
            long sentAt = sent[i];
            Long at = events.getOrDefault(filers.get(i).unitId(), List.of()).stream().filter(e -> e >= sentAt)
                    .findFirst().orElse(null);
            if (at == null) {
                missing++;
            }
            else {
                // An event may reach the page before the filing's own answer reaches its client: that counts as 0.
                toEvent.add(Math.max(0, at - answered[i]));
            }
        }
        this.toEvent = toEvent;
        this.eventsMissing = missing;
        report.line(String.format("burst: 2xx → event at the province's page, p50 of the first tenth of the filings "
                + "%.0f ms, of the last tenth %.0f ms; events reached the page at %.0f/s", tenth(sent, answered, status,
                0), tenth(sent, answered, status, 9), events.values().stream().mapToInt(List::size).sum()
                / Math.max(1e-9, (lastEvent.get() - sent[0]) / 1e9)));
        report.line("burst: where the request threads' time went: " + requests);
        report.line("burst: where the live listener's time went (thread live-listen): " + listener);

        Latencies fetches = new Latencies(probes.size() + refreshes.size());
        probes.forEach(p -> fetches.add(p.ended() - p.started()));
        this.fetches = fetches;
        this.fragmentBytes = probes.isEmpty() ? 0 : probes.get(probes.size() - 1).bytes();

        Latencies visible = new Latencies(n);
        int listed = 0;
        int neverShown = 0;
        for (int i = 0; i < n; i++) {
            if (!filers.get(i).listedByProvince() || status[i] / 100 != 2) {
                continue;
            }
            listed++;
            long okAt = answered[i];
            Refresh shownBy = refreshes.stream().filter(r -> r.started() >= okAt).findFirst().orElse(null);
            if (shownBy == null) {
                neverShown++;
            }
            else {
                visible.add(shownBy.ended() - okAt);
            }
        }
        this.visible = visible;
        int shownAfter = refreshes.isEmpty() ? shownBefore : refreshes.get(refreshes.size() - 1).shown();
        long during = refreshes.stream().filter(r -> r.started() < lastAnswer).count();
        report.line(String.format("burst: the province's inbox (as shipped: announced at most once a second, "
                + "fetched 300 ms later) refreshed %d times, %d of them while filings arrived; it listed %d → %d "
                + "filed daily reports of its %d direct subordinates (%d never shown)", refreshes.size(), during, shownBefore, shownAfter, listed, neverShown));
        if (!probes.isEmpty()) {
            StringBuilder rising = new StringBuilder();
            for (int i = 0; i < probes.size(); i += Math.max(1, probes.size() / 12)) {
                rising.append(probes.get(i).shown()).append(' ');
            }
            report.line("burst: filed daily reports the inbox showed, probed about once a second: " + rising.toString().trim()
                    + " … " + probes.get(probes.size() - 1).shown());
        }
    }

    /** The median time from a filing's answer to its event, over one tenth of the filings in the order they left. */
    private double tenth(long[] sent, long[] answered, int[] status, int which) {
        int n = sent.length;
        Latencies latencies = new Latencies(n / 10 + 1);
        for (int i = which * n / 10; i < (which + 1) * n / 10; i++) {
            long sentAt = sent[i];
            Long at = events.getOrDefault(filers.get(i).unitId(), List.of()).stream().filter(e -> e >= sentAt)
                    .findFirst().orElse(null);
            if (status[i] / 100 == 2 && at != null) {
                latencies.add(Math.max(0, at - answered[i]));
            }
        }
        return latencies.count() == 0 ? Double.NaN : latencies.quantile(0.5) / 1e6;
    }

    /**
     * The page as shipped: zhiban.js announces a change at most once a second, the last one always (its first event
     * waits until a second after the previous announcement), and htmx fetches the fragment 300 ms after an
     * announcement (its {@code delay:300ms}, which announcements a second apart never restart).
     */
    private void refreshAsShipped() {
        long handled = 0;
        long announced = System.nanoTime() - ANNOUNCE_INTERVAL;
        while (filing || lastEvent.get() > handled) {
            if (lastEvent.get() <= handled) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                continue;
            }
            announced = Math.max(System.nanoTime(), announced + ANNOUNCE_INTERVAL);
            parkUntil(announced);
            handled = lastEvent.get();
            parkUntil(announced + DEBOUNCE);
            long started = System.nanoTime();
            BrowserSession.Page page = province.fragment(fragment);
            refreshes.add(new Refresh(started, System.nanoTime(), shown(page.body()), page.bytes()));
        }
    }

    private static void parkUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private void probe() {
        while (filing) {
            long started = System.nanoTime();
            BrowserSession.Page page = province.fragment(fragment);
            probes.add(new Refresh(started, System.nanoTime(), shown(page.body()), page.bytes()));
            LockSupport.parkNanos(Math.max(0, started + TimeUnit.SECONDS.toNanos(1) - System.nanoTime()));
        }
    }

    static int shown(String inbox) {
        Matcher matcher = FILED.matcher(inbox);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
