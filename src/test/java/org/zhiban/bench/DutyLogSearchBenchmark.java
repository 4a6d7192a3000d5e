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

    private static final String[] PLACES = words("金台大道 渭滨路 宝光路 虢镇 十里铺 卧龙寺 蟠龙 硖石 陈仓 千河 清姜 高家镇 "
            + "马营 八鱼 石鼓 金河 太白山 秦岭隧道 渭河大桥 火车站 汽车站 人民医院 第一中学 实验小学 中心市场 开发区 工业园 "
            + "东风路 中山东路 中山西路 西关 东关 北坡 南坡 磻溪 钓渭 天王 拓石 凤阁岭 坪头");
    private static final String[] EVENTS = words("暴雨导致道路积水 山体滑坡阻断交通 发生一起交通事故 燃气管道泄漏 供暖管道漏水 "
            + "居民楼停电 自来水停水 民房墙体开裂 森林火情 河道水位上涨 学生食物中毒疑似病例 企业安全生产检查 群众集访 "
            + "道路结冰 大风刮倒广告牌 化工厂异味 电梯困人 独居老人走失 网传水管爆裂 树木倒伏压住车辆 桥梁伸缩缝破损 "
            + "农田灌溉纠纷 施工噪音扰民 雪天车辆滞留 冬季取暖安全隐患 防汛物资清点 寒潮大风预警 地震应急演练 疫情防控检查 "
            + "电力线路故障");
    private static final String[] ACTIONS = words("已通知属地街道到场处置 已转区住建局办理 已报告带班领导 已电话核实情况属实 "
            + "请相关部门30分钟内反馈 已派应急队伍赶赴现场 暂无人员伤亡 已安排专人持续关注 已按程序上报市政府总值班室 "
            + "待责任单位反馈处理结果 已协调交警疏导交通 已通知供电公司抢修");
    private static final String[] CALLERS = words("张伟 王芳 李娜 刘洋 陈静 杨磊 赵敏 黄勇 周杰 吴刚 徐丽 孙强 马超 朱琳 胡军 "
            + "郭涛 何平 高峰 林霞 罗斌");
    private static final String[] CALLER_UNITS = words("区应急管理局 区住建局 区交通局 区卫健局 市政府总值班室 金台公安分局 "
            + "供电公司 自来水公司 燃气公司 消防救援大队 街道办事处 村委会");

    @Autowired
    Units units;

    @Autowired
    DutyLog dutyLog;

    @Autowired
    JdbcTemplate jdbcTemplate;

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
        String[] texts = { "暴雨", "积水", "滑坡", "泄漏", "电梯困人", "金台大道", "十里铺", "食物中毒", "渭河大桥", "已报告带班领导",
                "水管爆裂", "寒潮", "虢镇供暖", "磻溪", "伸缩缝", "走失", "火情", "噪音", "桥梁", "隧道" };
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
            EntryKind kind = EntryKind.values()[random.nextInt(EntryKind.values().length)];
            String summary = pick(random, PLACES) + pick(random, EVENTS) + "，" + pick(random, ACTIONS) + "（第" + i + "号）";
            String callerName = kind.isCall() ? pick(random, CALLERS) : null;
            String callerUnit = kind.isCall() ? pick(random, CALLER_UNITS) : null;
            String callerPhone = kind.isCall() ? "0917-" + (3_000_000 + random.nextInt(999_999)) : null;
            UUID rowId = UUID.randomUUID();
            UUID entryId = UUID.randomUUID();
            int year = LocalDate.ofInstant(at, Zones.CHINA).getYear();
            int number = i / UNITS + 1;
            entries.add(new Object[] { rowId, entryId, unit, year, number, 1, number, kind.name(),
                    at.atOffset(ZoneOffset.UTC), summary, callerName, callerUnit, callerPhone, "DONE",
                    at.atOffset(ZoneOffset.UTC), "bench", "0", "0" });
            String content = SearchText.entry(summary, null, null, null, null, callerName, callerUnit, callerPhone);
            search.add(new Object[] { entryId, rowId, unit, at.atOffset(ZoneOffset.UTC), kind.name(),
                    SearchText.caller(callerName, callerUnit, callerPhone), content, SearchText.grams(content) });
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

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String[] words(String words) {
        return words.split(" ");
    }
}
