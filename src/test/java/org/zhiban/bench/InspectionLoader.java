package org.zhiban.bench;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.zhiban.organization.UnitKind;
import org.zhiban.shared.Zones;

/**
 * A year's supervision over the province of {@link ProvinceLoader}: phone spot checks by every government's duty
 * office of the units directly below it, a fifth of those units never reached, one check in three failed and one
 * in three off-hours; site visits; and a roll call a month by each government of half the units it reaches, every one marked. Written by COPY
 * as {@code SpotChecks.record}, {@code Inspections.record} and {@code RollCalls.mark} leave them.
 */
final class InspectionLoader {

    private static final String[] RESULTS = { "11", "11", "11", "11", "11", "11", "12", "21", "22" };

    private final DataSource dataSource;
    private final Clock clock;
    private final Report report;
    private final Random random = new Random(19);

    InspectionLoader(DataSource dataSource, Clock clock, Report report) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.report = report;
    }

    void load(ProvinceLoader.Province province, int checks, int visits) throws SQLException {
        Map<UUID, List<ProvinceLoader.Office>> children = new HashMap<>();
        province.offices().stream().filter(o -> o.parentId != null)
                .forEach(o -> children.computeIfAbsent(o.parentId, k -> new ArrayList<>()).add(o));
        List<ProvinceLoader.Office> inspectors = province.offices().stream()
                .filter(o -> o.kind == UnitKind.PEOPLES_GOVERNMENT && children.containsKey(o.id)).toList();
        // The units each inspector reaches this year: four in five of those below it.
        Map<UUID, List<ProvinceLoader.Office>> reached = new HashMap<>();
        List<ProvinceLoader.Office> weighted = new ArrayList<>();
        for (ProvinceLoader.Office inspector : inspectors) {
            List<ProvinceLoader.Office> below = children.get(inspector.id);
            reached.put(inspector.id, below.subList(0, Math.max(1, below.size() * 4 / 5)));
            below.forEach(b -> weighted.add(inspector));
        }
        Instant now = clock.instant();
        int year = now.atZone(Zones.CHINA).getYear();
        Instant yearStart = LocalDate.of(year, 1, 1).atStartOfDay(Zones.CHINA).toInstant();
        long span = Math.max(3600, now.getEpochSecond() - yearStart.getEpochSecond());
        try (PgCopy copy = new PgCopy(dataSource, 50_000)
                .table("spot_check", "id, inspector_unit_id, unit_id, check_year, called_at, result, failed, "
                        + "off_hours, rings, answered_by, on_roster, knew_leader, standard_greeting, notes, recorded_at, "
                        + "recorded_by")
                .table("inspection", "id, inspector_unit_id, unit_id, check_year, kind, held_at, findings, "
                        + "recorded_at, recorded_by")
                .table("roll_call", "id, organiser_unit_id, starts_at, agenda, scheduled_at, scheduled_by, ended_at, "
                        + "ended_by, version")
                .table("roll_call_unit", "roll_call_id, unit_id, position, online_at, online_by, result, marked_at, "
                        + "marked_by, officer_present, leader_present, log_in_order")) {
            for (int n = 0; n < checks; n++) {
                ProvinceLoader.Office inspector = weighted.get(random.nextInt(weighted.size()));
                List<ProvinceLoader.Office> targets = reached.get(inspector.id);
                ProvinceLoader.Office unit = targets.get(random.nextInt(targets.size()));
                Instant at = yearStart.plusSeconds(random.nextLong(span));
                String result = RESULTS[random.nextInt(RESULTS.length)];
                boolean answered = result.startsWith("1");
                copy.row("spot_check", UUID.randomUUID(), inspector.id, unit.id, year, at, result,
                        !"11".equals(result), random.nextInt(3) == 0, answered ? 1 + random.nextInt(4) : null, answered ? "值班员" : null,
                        answered ? Boolean.TRUE : null, answered ? random.nextBoolean() : null,
                        answered ? Boolean.TRUE : null, null, at, ProvinceLoader.PROVINCE_USER);
            }
            for (int n = 0; n < visits; n++) {
                ProvinceLoader.Office inspector = weighted.get(random.nextInt(weighted.size()));
                List<ProvinceLoader.Office> targets = reached.get(inspector.id);
                Instant at = yearStart.plusSeconds(random.nextLong(span));
                copy.row("inspection", UUID.randomUUID(), inspector.id, targets.get(random.nextInt(targets.size())).id,
                        year, n % 3 == 0 ? "YEARLY_INSPECTION" : "SITE_VISIT", at, "值班人员在岗，值班记录规范", at,
                        ProvinceLoader.PROVINCE_USER);
            }
            for (ProvinceLoader.Office organiser : inspectors) {
                List<ProvinceLoader.Office> below = reached.get(organiser.id);
                for (int month = 0; month < 12; month++) {
                    Instant at = yearStart.plusSeconds(random.nextLong(span));
                    UUID call = UUID.randomUUID();
                    copy.row("roll_call", call, organiser.id, at, "传达领导同志指示批示精神\n点评近期值班工作",
                            at.minusSeconds(86_400), ProvinceLoader.PROVINCE_USER, at.plusSeconds(1800),
                            ProvinceLoader.PROVINCE_USER, 1);
                    int position = 0;
                    for (int i = month % 2; i < below.size(); i += 2) {
                        copy.row("roll_call_unit", call, below.get(i).id, position++, at.minusSeconds(600), "bench",
                                "ON_TIME", at.plusSeconds(60L * position), ProvinceLoader.PROVINCE_USER, true, true,
                                true);
                    }
                }
            }
            report.line(String.format("supervision in %d: %,d phone spot checks, %,d site visits and inspections, "
                    + "%,d roll calls marking %,d units, by %,d governments' duty offices", year,
                    copy.rows("spot_check"), copy.rows("inspection"), copy.rows("roll_call"),
                    copy.rows("roll_call_unit"), inspectors.size()));
        }
    }
}
