package org.zhiban.bench;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.shared.Zones;

/**
 * Open leaders' instructions over the province of {@link ProvinceLoader}: registered by the province's, the cities'
 * and the counties' general duty offices, each forwarded to one lead unit below and, for two in five, a supporting
 * one, at every stage short of accepted — with the obligations the use case opens for each (the office's feedback
 * upward; each unit's report to its head and its feedback), a third of them overdue. Written by COPY as
 * {@code Instructions.register} and the acting units' steps leave them.
 */
final class InstructionLoader {

    private static final String CITATION = "宝政办发〔2022〕43号 第十五条";
    private static final String[] STATUSES = { "FORWARDED", "SIGNED", "SIGNED", "IN_PROGRESS", "INITIAL_FILED",
        "FINAL_FILED", "RETURNED" };
    private static final String[] LEADERS = { "赵刚", "钱明", "孙立", "李强", "周平", "吴军", "郑华", "王伟" };
    private static final String[] TEXTS = { "请认真核查渭河采砂管理情况，举一反三，确保安全。",
        "请抓紧排查辖区燃气管道隐患，限期整改并报结果。", "请妥善处置群众反映的供暖问题，及时回应关切。",
        "请加强汛期值守，落实巡查防守措施，确保度汛安全。" };

    private final DataSource dataSource;
    private final Clock clock;
    private final Report report;
    private final Random random = new Random(18);

    InstructionLoader(DataSource dataSource, Clock clock, Report report) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.report = report;
    }

    /** {@code count} open instructions: a tenth by the province, three in ten by cities, the rest counties. */
    void load(ProvinceLoader.Province province, int count) throws SQLException {
        Map<UUID, List<ProvinceLoader.Office>> children = new HashMap<>();
        province.offices().stream().filter(o -> o.parentId != null)
                .forEach(o -> children.computeIfAbsent(o.parentId, k -> new ArrayList<>()).add(o));
        List<ProvinceLoader.Office> cities = governments(province, UnitLevel.CITY);
        List<ProvinceLoader.Office> counties = governments(province, UnitLevel.COUNTY);
        Map<UUID, Integer> seqs = new HashMap<>();
        Instant now = clock.instant();
        int year = now.atZone(Zones.CHINA).getYear();
        long overdue = 0;
        try (PgCopy copy = new PgCopy(dataSource, 50_000)
                .table("instruction", "id, unit_id, reg_year, seq, number, source, leader_name, leader_post, "
                        + "given_at, received_at, registered_at, registered_by, registered_late, body, kind, "
                        + "incident_id, previous_id, complex, due_at, citation, provisional, version")
                .table("instruction_assignment", "id, instruction_id, unit_id, assigner_unit_id, parent_id, lead, "
                        + "status, forwarded_at, forwarded_by, feedback_due_at, feedback_citation, signed_at, "
                        + "signed_by, reported_at, reported_to, reported_by, version")
                .table("obligation", "id, obligor_unit_id, kind, subject_module, subject_id, title, citation, "
                        + "opened_at, due_at, status, overdue, reminder_at, superior_escalation_at, next_step, "
                        + "next_fire_at, fulfilled_at, lateness_seconds, waived_reason, closed_by, version")) {
            for (int n = 0; n < count; n++) {
                double r = random.nextDouble();
                ProvinceLoader.Office office = r < 0.1 ? province.root()
                        : r < 0.4 ? cities.get(random.nextInt(cities.size()))
                                : counties.get(random.nextInt(counties.size()));
                int seq = seqs.merge(office.id, 1, Integer::sum);
                Instant registered = now.minusSeconds(60 + random.nextInt(20 * 86_400));
                Instant received = registered.minus(Duration.ofMinutes(10));
                Instant due = registered.plus(Duration.ofDays(7));
                UUID id = UUID.randomUUID();
                String number = year + "-批-" + String.format("%03d", seq);
                String leader = LEADERS[random.nextInt(LEADERS.length)];
                copy.row("instruction", id, office.id, year, seq, number, office == province.root() ? "PROVINCE"
                        : "CITY", leader, "副省长", received.minus(Duration.ofHours(2)), received, registered,
                        ProvinceLoader.PROVINCE_USER, false, TEXTS[n % TEXTS.length], "ACTION", null, null, false,
                        due, CITATION, false, 0);
                overdue += obligation(copy, office.id, "instruction:" + id, number + " " + leader + "批示落实情况反馈",
                        received, due, now, false);
                List<ProvinceLoader.Office> below = children.get(office.id);
                int acting = random.nextDouble() < 0.4 && below.size() > 1 ? 2 : 1;
                for (int a = 0; a < acting; a++) {
                    ProvinceLoader.Office unit = below.get((n + a * 7) % below.size());
                    String status = STATUSES[random.nextInt(STATUSES.length)];
                    boolean signed = !"FORWARDED".equals(status);
                    UUID assignment = UUID.randomUUID();
                    Instant unitDue = due.minus(Duration.ofHours(12));
                    copy.row("instruction_assignment", assignment, id, unit.id, office.id, null, a == 0, status,
                            registered, ProvinceLoader.PROVINCE_USER, unitDue, CITATION,
                            signed ? registered.plusSeconds(600) : null, signed ? "bench" : null,
                            signed ? registered.plusSeconds(900) : null, signed ? "单位负责同志" : null,
                            signed ? "bench" : null, 1);
                    String subject = "instruction-assignment:" + assignment;
                    copy.row("obligation", UUID.randomUUID(), unit.id, "INSTRUCTION_REPORTED_TO_HEAD", "instruction",
                            subject, number + " " + leader + "批示向本单位负责同志报告", "宝政办发〔2022〕43号 第十八条",
                            registered, registered.plus(Duration.ofHours(1)), signed ? "FULFILLED" : "OPEN", !signed,
                            null, registered.plus(Duration.ofMinutes(90)), null, null,
                            signed ? registered.plusSeconds(900) : null, signed ? 0L : null, null,
                            signed ? "bench" : null, 1);
                    boolean filed = status.endsWith("_FILED");
                    overdue += obligation(copy, unit.id, subject, number + " " + leader + "批示落实情况反馈", received,
                            unitDue, now, filed);
                }
            }
            report.line(String.format("instructions: %,d open (%,d assignments), %,d obligations (%,d overdue)",
                    copy.rows("instruction"), copy.rows("instruction_assignment"), copy.rows("obligation"), overdue));
        }
        // The ledger's rows as InstructionRepository.enterInLedger writes them: every unit above each party.
        int rows = new JdbcTemplate(dataSource).update("""
                INSERT INTO instruction_ledger (unit_id, instruction_id, registered_at, still_open)
                SELECT DISTINCT c.ancestor_id, i.id, i.registered_at, TRUE FROM instruction i
                JOIN (SELECT id AS instruction_id, unit_id FROM instruction
                      UNION SELECT instruction_id, unit_id FROM instruction_assignment) p ON p.instruction_id = i.id
                JOIN unit_closure c ON c.descendant_id = p.unit_id""");
        report.line(String.format("ledger rows: %,d (every unit above each party to an instruction)", rows));
    }

    /** A feedback obligation as Obligations.open plans it (a day's reminder, a day to escalation); 1 when overdue. */
    private static int obligation(PgCopy copy, UUID unit, String subject, String title, Instant opened, Instant due,
            Instant now, boolean fulfilled) throws SQLException {
        boolean overdue = !now.isBefore(due);
        Instant reminder = due.minus(Duration.ofDays(1));
        Instant escalation = due.plus(Duration.ofDays(1));
        String next = fulfilled ? null : reminder.isAfter(now) ? "REMINDER" : due.isAfter(now) ? "OVERDUE"
                : escalation.isAfter(now) ? "SUPERIOR_ESCALATION" : null;
        Instant nextAt = next == null ? null : switch (next) {
            case "REMINDER" -> reminder;
            case "OVERDUE" -> due;
            default -> escalation;
        };
        copy.row("obligation", UUID.randomUUID(), unit, "INSTRUCTION_FEEDBACK", "instruction", subject, title, CITATION,
                opened, due, fulfilled ? "FULFILLED" : "OPEN", overdue && !fulfilled, reminder, escalation, next,
                nextAt, fulfilled ? now.minusSeconds(3_600) : null, fulfilled ? 0L : null, null,
                fulfilled ? "bench" : null, 1);
        return overdue && !fulfilled ? 1 : 0;
    }

    private static List<ProvinceLoader.Office> governments(ProvinceLoader.Province province, UnitLevel level) {
        return province.offices().stream().filter(o -> o.level == level && o.kind == UnitKind.PEOPLES_GOVERNMENT)
                .toList();
    }
}
