package org.zhiban.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.JsonNode;

/**
 * The clients of the kill drill (bench/drill-kill-under-load.sh). Each is the officer on duty of one drill unit,
 * writing one thing after another through its instance until the drill tells it to stop (a file {@code stop} in the
 * work folder): an incident (levels II, II, III, IV in
 * turn), on two incidents of every three an initial report right away — by phone (which meets the phone deadline
 * only) or in writing (which meets both) — and two duty-log entries, a call and an event. The clients of one unit
 * are spread over the instances, so that its log numbers are drawn on both at once.
 *
 * <p>Across the kill each client keeps going. A request refused at connection was never sent: the client sends it
 * again every 250 ms until the instance is back. A request sent and never answered has an unknown outcome: the
 * client records it and goes on to its next write, as an officer would. Every attempt and every answer — status,
 * the id and the log number returned, and each deadline the answer says was opened — is a line of
 * {@code attempts-<client>.tsv} in the work folder, so that acknowledged means exactly "answered 2xx".
 *
 * <pre>usage: KillDrillLoad work-dir clients base-url...</pre>
 */
final class KillDrillLoad {

    private static final String[] SEVERITIES = { "II", "II", "III", "IV" };
    /** The initial report filed right after registering, by turns: by phone, in writing, none. */
    private static final String[] CHANNELS = { "PHONE", "WRITTEN", null };
    private static final long RETRY_MILLIS = 250;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Map<String, LongAdder> TALLY = new ConcurrentHashMap<>();

    record Unit(String id, String name, String username, String token) {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int clients = Integer.parseInt(args[1]);
        Path stop = work.resolve("stop");
        List<DrillApi> instances = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            instances.add(new DrillApi(args[i], Duration.ofSeconds(30)));
        }
        List<Unit> units = Files.readAllLines(work.resolve("plan.tsv")).stream().map(line -> line.split("\t"))
                .map(f -> new Unit(f[0], f[1], f[2], f[3])).toList();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            // Client c writes in unit c mod U through instance (c div U) mod I: every unit on every instance.
            int instance = (c / units.size()) % instances.size();
            Client client = new Client(c, units.get(c % units.size()), instances.get(instance),
                    Character.toString('a' + instance), stop, work.resolve("attempts-" + c + ".tsv"));
            Thread thread = new Thread(client::run, "drill-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        TALLY.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("  %-22s %7d%n", e.getKey(), e.getValue().sum()));
    }

    /** One officer writing through one instance, recording every attempt. */
    private static final class Client {

        private final int number;
        private final Unit unit;
        private final DrillApi api;
        private final String instance;
        private final Path stop;
        private final Path file;
        private BufferedWriter out;

        Client(int number, Unit unit, DrillApi api, String instance, Path stop, Path file) {
            this.number = number;
            this.unit = unit;
            this.api = api;
            this.instance = instance;
            this.stop = stop;
            this.file = file;
        }

        void run() {
            try (BufferedWriter writer = Files.newBufferedWriter(file)) {
                out = writer;
                for (long n = 0; !Files.exists(stop); n++) {
                    String tag = "D" + number + "-" + n;
                    incident(tag, SEVERITIES[(int) (n % SEVERITIES.length)], CHANNELS[(int) (n / 4 % CHANNELS.length)]);
                    entry(tag + "a", Map.of("kind", "INCOMING_CALL", "callerName", "群众", "callerPhone", "13800000000",
                            "place", unit.name() + "辖区"), "来电反映 " + tag + "a：路面积水，已转交相关部门处置");
                    entry(tag + "b", Map.of("kind", "EVENT", "responsibleUnit", unit.name()),
                            "事件 " + tag + "b：辖区停电，供电公司正在抢修");
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void incident(String tag, String severity, String channel) throws IOException, InterruptedException {
            OffsetDateTime learned = OffsetDateTime.now(CHINA).minusSeconds(1);
            String title = "演练事件 " + tag;
            Map<String, Object> command = new LinkedHashMap<>();
            command.put("category", "ACCIDENT");
            command.put("severity", severity);
            command.put("occurredAt", learned.minusMinutes(5).toString());
            command.put("learnedAt", learned.toString());
            command.put("place", unit.name() + "辖区");
            command.put("title", title);
            command.put("summary", "两车相撞，交警已到场处置");
            Optional<Sent> sent = send("incident", tag, "/api/v1/incidents", command, severity, title);
            if (sent.isEmpty()) {
                return;
            }
            JsonNode body = sent.get().answer().body();
            String id = sent.get().answer().ok() ? body.get("id").asString() : null;
            record(sent.get(), id, null, null, severity, title);
            if (id == null) {
                return;
            }
            for (JsonNode deadline : body.get("obligations")) {
                line("deadline", tag, sent.get().sentAt(), sent.get().answeredAt(), "ack", sent.get().answer().status(),
                        deadline.get("id").asString(), id, null, deadline.get("kind").asString(), null, null);
            }
            if (channel != null) {
                report(tag, id, channel);
            }
        }

        private void report(String tag, String incidentId, String channel) throws IOException, InterruptedException {
            String content = "首报 " + tag + "：现场情况已核实，正在处置";
            Map<String, Object> command = new LinkedHashMap<>();
            command.put("stage", "INITIAL");
            command.put("channel", channel);
            command.put("content", content);
            command.put(channel.equals("PHONE") ? "phoneTakenBy" : "signer",
                    channel.equals("PHONE") ? "上级值班室接报员" : "值班室主任");
            Optional<Sent> sent = send("report", tag, "/api/v1/incidents/" + incidentId + "/reports", command, channel,
                    content);
            if (sent.isPresent()) {
                String reportId = null;
                if (sent.get().answer().ok()) {
                    JsonNode latest = null;
                    for (JsonNode report : sent.get().answer().body().get("reports")) {
                        if (latest == null || report.get("seq").asInt() > latest.get("seq").asInt()) {
                            latest = report;
                        }
                    }
                    reportId = latest.get("id").asString();
                }
                record(sent.get(), reportId, incidentId, null, channel, content);
            }
        }

        private void entry(String tag, Map<String, String> fields, String summary)
                throws IOException, InterruptedException {
            Map<String, Object> command = new LinkedHashMap<>(fields);
            command.put("summary", summary);
            Optional<Sent> sent = send("log", tag, "/api/v1/duty-log/entries", command, fields.get("kind"), summary);
            if (sent.isPresent()) {
                JsonNode body = sent.get().answer().body();
                boolean ok = sent.get().answer().ok();
                record(sent.get(), ok ? body.get("id").asString() : null, null, ok ? body.get("number").asString() : null,
                        fields.get("kind"), summary);
            }
        }

        /** A write answered: what it was, when it went and came back, and the answer. */
        record Sent(String op, String tag, long sentAt, long answeredAt, DrillApi.Answer answer) {
        }

        /**
         * Sends a write; a refusal at connection is recorded and the same request sent again after a pause, until it
         * is answered or the drill stops. Empty when there was no answer (recorded here).
         */
        private Optional<Sent> send(String op, String tag, String path, Object command, String detail, String content)
                throws IOException, InterruptedException {
            String json = DrillApi.JSON.writeValueAsString(command);
            while (true) {
                long sentAt = System.currentTimeMillis();
                try {
                    DrillApi.Answer answer = api.send("POST", path, unit.token(), json);
                    return Optional.of(new Sent(op, tag, sentAt, System.currentTimeMillis(), answer));
                }
                catch (DrillApi.NotConnected refused) {
                    line(op, tag, sentAt, System.currentTimeMillis(), "refused", 0, null, null, null, detail, content,
                            refused.getCause().getClass().getSimpleName());
                    if (Files.exists(stop)) {
                        return Optional.empty();
                    }
                    Thread.sleep(RETRY_MILLIS);
                }
                catch (IOException noAnswer) {
                    line(op, tag, sentAt, System.currentTimeMillis(), "unknown", 0, null, null, null, detail, content,
                            noAnswer.getClass().getSimpleName());
                    return Optional.empty();
                }
            }
        }

        private void record(Sent sent, String id, String parentId, String logNumber, String detail, String content)
                throws IOException {
            int status = sent.answer().status();
            String outcome = sent.answer().ok() ? "ack" : status < 500 ? "rejected" : "failed";
            line(sent.op(), sent.tag(), sent.sentAt(), sent.answeredAt(), outcome, status, id, parentId, logNumber, detail,
                    content, sent.answer().ok() ? null : sent.answer().body().path("code").asString(""));
        }

        private void line(String op, String tag, long sentAt, long answeredAt, String outcome, int status, String id,
                String parentId, String logNumber, String detail, String content, String error) throws IOException {
            TALLY.computeIfAbsent(op + " " + outcome, k -> new LongAdder()).increment();
            out.write(String.join("\t", Integer.toString(number), op, tag, instance, Long.toString(sentAt),
                    Long.toString(answeredAt), outcome, Integer.toString(status), nullable(id), nullable(parentId),
                    nullable(logNumber), nullable(detail), nullable(content), nullable(error)));
            out.newLine();
        }

        private static String nullable(String value) {
            return value == null || value.isEmpty() ? "\\N" : value;
        }
    }
}
