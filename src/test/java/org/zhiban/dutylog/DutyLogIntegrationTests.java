package org.zhiban.dutylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhiban.dutylog.internal.DutyLogRepository;
import org.zhiban.dutylog.web.LogBookPages;
import org.zhiban.identity.AccountCommand;
import org.zhiban.identity.Accounts;
import org.zhiban.organization.PersonalDataSeals;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.Units;
import org.zhiban.roster.OnDuty;
import org.zhiban.shared.Actor;
import org.zhiban.shared.ChainHash;
import org.zhiban.shared.PersonalData;
import org.zhiban.shared.Role;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.PageSession;
import tools.jackson.databind.JsonNode;

/** The log book: gapless numbers under concurrent writers, corrections as versions, the chain check, bad input. */
class DutyLogIntegrationTests extends IntegrationTestSupport {

    @Autowired
    DutyLog dutyLog;

    @Autowired
    DutyLogRepository repository;

    @Autowired
    LogBookSeals logBookSeals;

    @Autowired
    PersonalDataSeals seals;

    @Autowired
    PersonalData personal;

    @Autowired
    ChainHash chainHash;

    @Autowired
    Units units;

    @Autowired
    OnDuty onDuty;

    @Autowired
    Accounts accounts;

    @Autowired
    com.zaxxer.hikari.HikariDataSource pool;

    @Test
    void twentyWritersOfAThousandEntriesGetNumbersOneToAThousand() throws Exception {
        UUID unit = newUnit("并发测试值班室");
        Actor officer = new Actor(null, "concurrent", "值班员", unit, Set.of(Role.DUTY_OFFICER));
        ExecutorService writers = Executors.newFixedThreadPool(20);
        List<Future<Integer>> numbers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            numbers.add(writers.submit(() -> dutyLog.record(officer, event("第" + n + "条")).sequence()));
        }
        List<Integer> got = new ArrayList<>();
        for (Future<Integer> number : numbers) {
            got.add(number.get());
        }
        writers.shutdown();
        assertThat(got).hasSize(1000).doesNotHaveDuplicates().allMatch(n -> n >= 1 && n <= 1000);
        int year = LocalDate.now(clock.withZone(Zones.CHINA)).getYear();
        assertThat(dutyLog.checkChain(officer, unit, year).intact()).isTrue();
        assertThat(dutyLog.checkChain(officer, unit, year).checked()).isEqualTo(1000);
    }

    /**
     * More offices than the connection pool holds write their year's first entry at once (midnight on 1 January):
     * each makes its year's counter on its own connection, so none waits for a second one and none fails.
     */
    @Test
    void moreOfficesThanThePoolHoldsBeginTheirYearAtOnce() throws Exception {
        int offices = pool.getMaximumPoolSize() + 4;
        List<Actor> officers = new ArrayList<>();
        for (int i = 0; i < offices; i++) {
            officers.add(new Actor(null, "new-year-" + i, "值班员", newUnit("新年值班室" + i), Set.of(Role.DUTY_OFFICER)));
        }
        ExecutorService writers = Executors.newFixedThreadPool(offices);
        java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(1);
        List<Future<Integer>> numbers = new ArrayList<>();
        for (Actor officer : officers) {
            numbers.add(writers.submit(() -> {
                together.await();
                return dutyLog.record(officer, event("新年第一条")).sequence();
            }));
        }
        together.countDown();
        for (Future<Integer> number : numbers) {
            assertThat(number.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
        }
        writers.shutdown();
    }

    @Test
    void aCallIsLoggedCorrectedAsANewVersionAndAChangeInTheDatabaseIsReported() {
        Api.As officer = api().as("jintai");
        Api.Response call = officer.post("/api/v1/duty-log/entries", Map.of("kind", "INCOMING_CALL",
                "summary", "昨夜暴雨导致金台大道积水", "callerName", "王强", "callerUnit", "区住建局", "callerPhone", "0917-3260001",
                "followUp", "PENDING"));
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        String id = call.json().get("id").asString();
        assertThat(call.json().get("number").asString()).matches("\\d{4}-\\d{6}");
        assertThat(call.json().get("occurredAt").asString()).endsWith(":00+08:00");

        Map<String, Object> corrected = new HashMap<>(Map.of("kind", "INCOMING_CALL", "summary",
                "昨夜暴雨导致金台大道东段积水约30厘米", "callerName", "王强", "callerUnit", "区住建局",
                "correctionNote", "补充积水位置和深度", "followUp", "TRACKING"));
        assertThat(officer.post("/api/v1/duty-log/entries/" + id + "/corrections", corrected).status()).isEqualTo(200);
        JsonNode versions = officer.get("/api/v1/duty-log/entries/" + id + "/versions").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("summary").asString()).isEqualTo("昨夜暴雨导致金台大道积水");
        assertThat(versions.get(1).get("number").asString()).isEqualTo(versions.get(0).get("number").asString());

        String unit = unitId("金台区人民政府");
        int year = call.json().get("year").asInt();
        String check = "/api/v1/duty-log/chain-check?unitId=" + unit + "&year=" + year;
        JsonNode intact = officer.get(check).json();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("algorithm").asString()).isEqualTo("HMAC-SM3");
        jdbc.sql("UPDATE duty_log_entry SET summary = '无事' WHERE entry_id = ? AND entry_version = 1")
                .param(UUID.fromString(id)).update();
        JsonNode broken = officer.get(check).json();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("breaks").get(0).asString()).contains(call.json().get("number").asString());
        jdbc.sql("UPDATE duty_log_entry SET summary = '昨夜暴雨导致金台大道积水' WHERE entry_id = ? AND entry_version = 1")
                .param(UUID.fromString(id)).update();
        assertThat(officer.get(check).json().get("intact").asBoolean()).isTrue();
    }

    /**
     * ADR 0024: a caller's number is kept sealed, left out of the search text and found by the whole number, in any
     * written form, through its keyed index; a sealed number changed in the database is reported by the chain check
     * and shown as unreadable, never a failure.
     */
    @Test
    void aCallersNumberIsSealedFoundByTheWholeNumberAndATamperedOneIsReported() {
        Api.As officer = api().as("jintai");
        Api.Response call = loggedCall("群众反映路灯不亮", "李娜", "139 0917 5566");
        String id = call.json().get("id").asString();
        assertThat(call.json().get("callerPhone").asString()).isEqualTo("139 0917 5566");
        String stored = jdbc.sql("SELECT caller_phone FROM duty_log_entry WHERE entry_id = ?")
                .param(UUID.fromString(id)).query(String.class).single();
        assertThat(stored).startsWith("v").doesNotContain("5566");
        assertThat(jdbc.sql("SELECT content || ' ' || caller FROM duty_log_search WHERE entry_id = ?")
                .param(UUID.fromString(id)).query(String.class).single()).doesNotContain("5566");

        assertThat(searchIds("text=" + Api.query("13909175566"))).contains(id);
        assertThat(searchIds("caller=" + Api.query("139-0917-5566"))).contains(id);
        assertThat(searchIds("text=" + Api.query("路灯不亮"))).contains(id);
        assertThat(searchIds("caller=" + Api.query("5566"))).as("a part of a number is not searchable").doesNotContain(id);

        String check = chainCheckOf(call);
        assertThat(officer.get(check).json().get("intact").asBoolean()).isTrue();
        String other = personal.seal(DutyLogRepository.CALLER_PHONE + UUID.randomUUID(), "13909175566");
        jdbc.sql("UPDATE duty_log_entry SET caller_phone = ? WHERE entry_id = ?").params(other, UUID.fromString(id))
                .update();
        JsonNode broken = officer.get(check).json();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("breaks").get(0).asString()).contains(call.json().get("number").asString());
        Api.Response versions = officer.get("/api/v1/duty-log/entries/" + id + "/versions");
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.json().get(0).get("callerPhone").asString()).contains("密文校验失败");
        jdbc.sql("UPDATE duty_log_entry SET caller_phone = ? WHERE entry_id = ?").params(stored, UUID.fromString(id))
                .update();
        assertThat(officer.get(check).json().get("intact").asBoolean()).isTrue();
    }

    /** The longest caller's number the form takes, in Chinese, still fits once sealed (V31). */
    @Test
    void theLongestCallersNumberInChineseIsKeptSealedAndReadBack() {
        String longest = "市应急管理局值班室转总机".repeat(3).substring(0, 30);
        Api.Response call = loggedCall("询问防汛物资调拨", "钱峰", longest);
        assertThat(call.json().get("callerPhone").asString()).isEqualTo(longest);
        assertThat(api().as("jintai").get("/api/v1/duty-log/entries/" + call.json().get("id").asString() + "/versions")
                .json().get(0).get("callerPhone").asString()).isEqualTo(longest);
    }

    /** A number in clear from before the upgrade is sealed on start, its entry's search row made again; the chain holds. */
    @Test
    void aCallersNumberInClearFromBeforeTheUpgradeIsSealedOnStartAndTheChainStillHolds() {
        Api.Response call = loggedCall("询问停水时间", "赵敏", "0917-3267788");
        UUID entry = UUID.fromString(call.json().get("id").asString());
        jdbc.sql("UPDATE duty_log_entry SET caller_phone = '0917-3267788' WHERE entry_id = ?").param(entry).update();
        jdbc.sql("UPDATE duty_log_search SET content = content || ? , caller = caller || ' 0917-3267788', "
                + "caller_phone_index = NULL WHERE entry_id = ?").params("\n0917-3267788", entry).update();

        seals.sealOnStart();

        assertThat(jdbc.sql("SELECT caller_phone FROM duty_log_entry WHERE entry_id = ?").param(entry)
                .query(String.class).single()).startsWith("v").doesNotContain("7788");
        assertThat(jdbc.sql("SELECT content || ' ' || caller FROM duty_log_search WHERE entry_id = ?").param(entry)
                .query(String.class).single()).doesNotContain("7788");
        assertThat(searchIds("caller=" + Api.query("09173267788"))).contains(entry.toString());
        assertThat(api().as("jintai").get(chainCheckOf(call)).json().get("intact").asBoolean()).isTrue();
    }

    private Api.Response loggedCall(String summary, String callerName, String callerPhone) {
        Api.Response call = api().as("jintai").post("/api/v1/duty-log/entries", Map.of("kind", "INCOMING_CALL",
                "summary", summary, "callerName", callerName, "callerPhone", callerPhone, "followUp", "DONE"));
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        return call;
    }

    private String chainCheckOf(Api.Response call) {
        return "/api/v1/duty-log/chain-check?unitId=" + unitId("金台区人民政府") + "&year=" + call.json().get("year").asInt();
    }

    private List<String> searchIds(String query) {
        List<String> ids = new ArrayList<>();
        api().as("jintai").get("/api/v1/duty-log/search?" + query).json().forEach(e -> ids.add(e.get("id").asString()));
        return ids;
    }

    @Test
    void badInputGetsAProblemAndWritesNothing() {
        Api.As officer = api().as("jintai");
        long before = jdbc.sql("SELECT COUNT(*) FROM duty_log_entry").query(Long.class).single();
        Api.Response noCaller = officer.post("/api/v1/duty-log/entries", Map.of("kind", "INCOMING_CALL",
                "summary", "询问值班安排"));
        assertThat(noCaller.status()).isEqualTo(400);
        assertThat(noCaller.json().get("detail").asString()).contains("来电人");
        Api.Response future = officer.post("/api/v1/duty-log/entries", Map.of("kind", "EVENT", "summary", "演练",
                "occurredAt", clock.instant().plusSeconds(7200).atOffset(java.time.ZoneOffset.ofHours(8)).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asString()).contains("本班次内");
        Api.Response everything = officer.post("/api/v1/duty-log/entries", Map.of("kind", "INCOMING_CALL",
                "occurredAt", clock.instant().plusSeconds(7200).atOffset(java.time.ZoneOffset.ofHours(8)).toString(),
                "place", "金".repeat(201), "callerPhone", "0".repeat(31)));
        assertThat(everything.status()).isEqualTo(400);
        assertThat(everything.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("occurredAt", "summary", "callerName", "place", "callerPhone");
        assertThat(everything.json().get("detail").asString()).startsWith("5 处填写有误：");
        Api.Response classified = officer.post("/api/v1/duty-log/entries", Map.of("kind", "DOCUMENT",
                "summary", "收到文件", "classified", true));
        assertThat(classified.status()).isEqualTo(400);
        assertThat(classified.code()).isEqualTo("CLASSIFIED_REFUSED");
        assertThat(classified.json().get("detail").asString()).contains("涉密渠道");
        assertThat(officer.post("/api/v1/duty-log/entries", Map.of("kind", "NOT_A_KIND", "summary", "x")).status())
                .isEqualTo(400);
        assertThat(api().as("jintai-leader").post("/api/v1/duty-log/entries", Map.of("kind", "EVENT", "summary", "x"))
                .status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_log_entry").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aSearchFindsChineseSubstringsByKindDateAndCallerAndASuperiorSearchesItsSubordinates() {
        UUID office = newUnit("检索测试区值班室");
        UUID town = newUnit(office, "检索测试镇");
        Actor superior = new Actor(null, "search-a", "甲", office, Set.of(Role.DUTY_OFFICER));
        Actor below = new Actor(null, "search-b", "乙", town, Set.of(Role.DUTY_OFFICER));
        dutyLog.record(superior, event("昨夜暴雨导致金台大道积水"));
        clock.advance(Duration.ofMinutes(1));
        DutyLogEntry call = dutyLog.record(below, new EntryCommand(EntryKind.INCOMING_CALL, null, "虢镇", "暴雨致村道塌方",
                "吴刚", "镇应急办", "0917-6211000", null, null, null, FollowUp.PENDING, false, null));
        dutyLog.record(below, event("暴 雨二字之间有空格，不应被找到"));

        assertThat(search(superior, office, false, "暴雨", null, null)).extracting(DutyLogEntry::summary)
                .containsExactly("昨夜暴雨导致金台大道积水");
        assertThat(search(superior, office, true, "暴雨", null, null)).extracting(DutyLogEntry::summary)
                .containsExactly("暴雨致村道塌方", "昨夜暴雨导致金台大道积水");
        assertThat(search(superior, office, true, "暴雨", EntryKind.INCOMING_CALL, null)).extracting(DutyLogEntry::id)
                .containsExactly(call.id());
        assertThat(search(superior, office, true, null, null, "镇应急")).extracting(DutyLogEntry::id)
                .containsExactly(call.id());
        assertThat(search(superior, office, true, "0917 6211000", null, null)).extracting(DutyLogEntry::id)
                .containsExactly(call.id());
        assertThat(search(superior, office, true, "虢镇", null, null)).extracting(DutyLogEntry::id).containsExactly(call.id());
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        assertThat(dutyLog.search(superior, new LogSearch(office, true, "暴雨", null, today, today, null, null))).hasSize(2);
        assertThat(dutyLog.search(superior, new LogSearch(office, true, "暴雨", null, today.minusDays(9),
                today.minusDays(1), null, null))).isEmpty();
        assertThatThrownBy(() -> search(below, office, true, "暴雨", null, null))
                .isInstanceOfSatisfying(ZhibanException.class, e -> assertThat(e.status()).isIn(403, 404));

        dutyLog.correct(below, call.id(), new EntryCommand(EntryKind.INCOMING_CALL, null, "虢镇", "大雨致村道塌方",
                "吴刚", "镇应急办", "0917-6211000", null, null, null, FollowUp.TRACKING, false, "更正雨情用词"));
        assertThat(search(superior, office, true, "大雨致", null, null)).extracting(DutyLogEntry::version).containsExactly(2);
        assertThat(search(superior, office, true, "暴雨致", null, null)).isEmpty();

        Api.Response reversed = api().as("jintai").get("/api/v1/duty-log/search?text=暴雨&from=2026-12-01&to=2026-11-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("detail").asString()).contains("开始日期不能晚于结束日期");
    }

    /**
     * ADR 0024: a file marked as holding personal information is kept sealed, downloads as it was uploaded, is sealed
     * again by a key rotation, and once changed in the database is refused rather than handed out.
     */
    @Test
    void aFileMarkedSensitiveIsKeptSealedRotatedWithTheKeyAndRefusedOnceChanged() {
        Api.As officer = api().as("jintai");
        String id = officer.post("/api/v1/duty-log/entries", Map.of("kind", "EVENT", "summary", "登记走失老人身份信息"))
                .json().get("id").asString();
        byte[] scan = "%PDF-1.7\n身份证复印件".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Response stored = officer.postFile("/api/v1/duty-log/entries/" + id + "/attachments?sensitive=true", "file",
                "身份证.pdf", scan);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("sensitive").asBoolean()).isTrue();
        UUID file = UUID.fromString(stored.json().get("id").asString());
        Map<String, Object> row = jdbc.sql("SELECT content, sealed_with FROM duty_log_attachment WHERE id = ?")
                .param(file).query().singleRow();
        assertThat(new String((byte[]) row.get("content"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("%PDF");
        assertThat((String) row.get("sealed_with")).startsWith("v");
        String download = "/api/v1/duty-log/attachments/" + file;
        assertThat(officer.bytes(download)).isEqualTo(scan);

        seals.rotate(line -> { });
        assertThat(jdbc.sql("SELECT sealed_with FROM duty_log_attachment WHERE id = ?").param(file)
                .query(String.class).single()).isNotEqualTo(row.get("sealed_with")).isEqualTo(personal.currentPrefix());
        assertThat(officer.bytes(download)).isEqualTo(scan);

        byte[] current = jdbc.sql("SELECT content FROM duty_log_attachment WHERE id = ?").param(file)
                .query(byte[].class).single();
        jdbc.sql("UPDATE duty_log_attachment SET content = ? WHERE id = ?").params(row.get("content"), file).update();
        assertThat(officer.get(download).code()).isEqualTo("ATTACHMENT_ALTERED");
        jdbc.sql("UPDATE duty_log_attachment SET content = ? WHERE id = ?").params(current, file).update();
        assertThat(officer.bytes(download)).isEqualTo(scan);
    }

    @Test
    void aFileIsAttachedAndDownloadedAndAForbiddenOrOversizedFileIsRefusedWritingNothing() {
        Api.As officer = api().as("jintai");
        String id = officer.post("/api/v1/duty-log/entries", Map.of("kind", "FAX", "summary", "收到市应急局传真：寒潮预警"))
                .json().get("id").asString();
        byte[] pdf = "%PDF-1.7\n寒潮预警".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Response stored = officer.postFile("/api/v1/duty-log/entries/" + id + "/attachments", "file", "传真.pdf", pdf);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(officer.bytes("/api/v1/duty-log/attachments/" + stored.json().get("id").asString())).isEqualTo(pdf);

        long before = jdbc.sql("SELECT COUNT(*) FROM duty_log_attachment").query(Long.class).single();
        Api.Response program = officer.postFile("/api/v1/duty-log/entries/" + id + "/attachments", "file", "传真.pdf",
                new byte[] { 'M', 'Z', 0, 0 });
        assertThat(program.status()).isEqualTo(415);
        assertThat(program.json().get("detail").asString()).contains("文件内容与扩展名不符");
        Api.Response script = officer.postFile("/api/v1/duty-log/entries/" + id + "/attachments", "file", "run.bat",
                "echo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(script.status()).isEqualTo(415);
        byte[] large = new byte[11 * 1024 * 1024];
        System.arraycopy(pdf, 0, large, 0, 8);
        Api.Response tooLarge = officer.postFile("/api/v1/duty-log/entries/" + id + "/attachments", "file", "大.pdf", large);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asString()).contains("10 MB");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_log_attachment").query(Long.class).single()).isEqualTo(before);

        Actor jintai = new Actor(null, "jintai", "值班员", UUID.fromString(unitId("金台区人民政府")), Set.of(Role.DUTY_OFFICER));
        long entries = jdbc.sql("SELECT COUNT(*) FROM duty_log_entry").query(Long.class).single();
        assertThatThrownBy(() -> dutyLog.record(jintai, event("附带一个程序"), List.of(new Upload("a.exe", new byte[] { 'M', 'Z' }))))
                .isInstanceOfSatisfying(ZhibanException.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_log_entry").query(Long.class).single()).isEqualTo(entries);
    }

    @Test
    void aYearsBookShowsCorrectionsTheChainAndHowLongItIsKept() {
        UUID longting = UUID.fromString(unitId("开封市龙亭区人民政府"));
        Actor officer = new Actor(null, "book-officer", "值班员", longting, Set.of(Role.DUTY_OFFICER));
        DutyLogEntry first = dutyLog.record(officer, event("区防指通知：明日起启动冬季防火巡查"));
        dutyLog.correct(officer, first.id(), new EntryCommand(EntryKind.EVENT, null, null,
                "区防指通知：明日8时起启动冬季森林防火巡查", null, null, null, null, null, null, null, false, "补充起始时间"));
        int year = first.year();

        LogBook book = dutyLog.book(officer, longting, year);
        LogBook.Page page = book.pages().stream().filter(p -> p.entry().id().equals(first.id())).findFirst().orElseThrow();
        assertThat(page.entry().version()).isEqualTo(2);
        assertThat(page.earlier()).extracting(DutyLogEntry::summary).containsExactly("区防指通知：明日起启动冬季防火巡查");
        assertThat(book.chain().intact()).isTrue();
        assertThat(book.archived()).isFalse();
        assertThat(book.retention()).get().satisfies(retention -> {
            assertThat(retention.keepUntil()).isEqualTo(LocalDate.of(year + 1, 12, 31));
            assertThat(retention.citation()).isEqualTo("龙政办〔2023〕2号 六（二）");
            assertThat(retention.statement()).isEqualTo("保存1年以上，至少至 " + (year + 1) + "-12-31（龙政办〔2023〕2号 六（二））");
            assertThat(retention.localDefault()).isFalse();
        });
        assertThat(dutyLog.years(officer, longting)).first().satisfies(y -> {
            assertThat(y.year()).isEqualTo(year);
            assertThat(y.entries()).isEqualTo(book.pages().size());
            assertThat(y.retention()).isEqualTo(book.retention());
        });
        assertThat(dutyLog.book(officer, longting, year - 1).pages()).isEmpty();
    }

    /**
     * What the user's test in LibreOffice found: the year book named the login name (jintai) as 记录人 and said nothing of
     * how long it is kept. The book names the person behind the account, and Baoji's silence on keeping is stated as
     * the local default it is — in the API, on the print page and in the .docx.
     */
    @Test
    void theYearBookNamesThePersonWhoWroteAndHowLongTheUnitsPolicyKeepsIt() throws IOException {
        String unit = unitId("金台区人民政府");
        String person = personNameOf("jintai");
        Api.Response written = api().as("jintai").post("/api/v1/duty-log/entries", Map.of("kind", "EVENT",
                "summary", "巡查值班设备，运行正常"));
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        String number = written.json().get("number").asString();
        int year = written.json().get("year").asInt();

        JsonNode retention = api().as("jintai").get("/api/v1/duty-log/years?unitId=" + unit).json().get(0)
                .get("retention");
        assertThat(retention.get("statement").asString())
                .isEqualTo("本地默认：长期保存（宝政办发〔2022〕43号 第十一条未明确，待当地确认）");
        assertThat(retention.get("localDefault").asBoolean()).isTrue();
        assertThat(retention.get("keepUntil").isNull()).isTrue();
        JsonNode book = api().as("jintai").get("/api/v1/duty-log/books/" + year + "?unitId=" + unit).json();
        assertThat(book.get("pages").valueStream().filter(p -> p.get("entry").get("number").asString().equals(number))
                .findFirst().orElseThrow().get("recorder").asString()).isEqualTo(person);

        PageSession browser = new PageSession(baseUrl()).logIn("jintai");
        assertThat(browser.get("/duty-log/book?year=" + year).body()).contains("保存期限：" + retention.get("statement")
                .asString());
        byte[] docx = browser.bytes("/duty-log/book.docx?year=" + year);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("保存期限：" + retention.get("statement").asString());
            XWPFTable entries = document.getTables().get(0);
            assertThat(entries.getRow(0).getCell(7).getText()).isEqualTo("记录人");
            XWPFTableRow row = entries.getRows().stream().filter(r -> r.getCell(0).getText().equals(number))
                    .findFirst().orElseThrow();
            // Followed by the officers it was written for when jintai is not on the shift the demo roster has now.
            assertThat(row.getCell(7).getText()).startsWith(person).doesNotContain("jintai");
        }
    }

    @Test
    void aTimeSetByHandWithinTheShiftIsAuditedWithTheMinuteItWasWritten() {
        UUID unit = newUnit("补记测试值班室");
        Actor officer = new Actor(null, "late-writer", "值班员", unit, Set.of(Role.DUTY_OFFICER));
        OffsetDateTime earlier = clock.instant().minus(Duration.ofMinutes(40)).atOffset(ZoneOffset.ofHours(8));
        DutyLogEntry entry = dutyLog.record(officer, new EntryCommand(EntryKind.EVENT, earlier, null, "补记：巡查时发现值班电话线路松动，已修复",
                null, null, null, null, null, null, null, false, null));
        String detail = jdbc.sql("SELECT detail FROM audit_record WHERE action = 'DUTY_LOG_RECORDED' AND target = ?")
                .param("duty-log:" + entry.id()).query(String.class).single();
        assertThat(detail).contains("时间填为 " + Zones.MINUTE.format(earlier.toInstant())).contains("录入于 "
                + Zones.MINUTE.format(clock.instant()));
    }

    private List<DutyLogEntry> search(Actor actor, UUID unit, boolean subordinates, String text, EntryKind kind,
            String caller) {
        return dutyLog.search(actor, new LogSearch(unit, subordinates, text, kind, null, null, caller, null));
    }

    /**
     * On start, a year's book chained with plain SHA-256 (written before ADR 0023) is re-sealed with HMAC-SM3 once,
     * onto the old chain's final value; a book whose old chain does not hold is left as it is, so that what was
     * changed stays visible.
     */
    @Test
    void aBookChainedWithSha256IsResealedOnceOntoItsOldEndAndABrokenOneIsLeftAsItIs() {
        int year = LocalDate.now(clock.withZone(Zones.CHINA)).getYear();
        UUID unit = newUnit("重新密封测试值班室");
        Actor officer = new Actor(null, "reseal", "值班员", unit, Set.of(Role.DUTY_OFFICER));
        UUID broken = newUnit("断链测试值班室");
        Actor brokenOfficer = new Actor(null, "reseal-broken", "值班员", broken, Set.of(Role.DUTY_OFFICER));
        for (int i = 1; i <= 3; i++) {
            dutyLog.record(officer, event("重新密封第" + i + "条"));
            dutyLog.record(brokenOfficer, event("断链第" + i + "条"));
        }
        String oldEnd = chainedAsBefore(unit, year);
        chainedAsBefore(broken, year);
        jdbc.sql("UPDATE duty_log_entry SET summary = '篡改' WHERE unit_id = ? AND log_year = ? AND entry_number = 2")
                .params(broken, year).update();
        assertThat(dutyLog.checkChain(officer, unit, year)).extracting(DutyLog.ChainCheck::algorithm,
                DutyLog.ChainCheck::intact).containsExactly("SHA-256", true);

        logBookSeals.resealOnStart();

        DutyLog.ChainCheck resealed = dutyLog.checkChain(officer, unit, year);
        assertThat(resealed).extracting(DutyLog.ChainCheck::algorithm, DutyLog.ChainCheck::intact,
                DutyLog.ChainCheck::checked).containsExactly("HMAC-SM3", true, 3);
        assertThat(jdbc.sql("SELECT genesis FROM duty_log_counter WHERE unit_id = ? AND log_year = ?")
                .params(unit, year).query(String.class).single()).isEqualTo(oldEnd);
        assertThat(dutyLog.resealOnce(unit, year)).as("once").isZero();
        DutyLog.ChainCheck left = dutyLog.checkChain(brokenOfficer, broken, year);
        assertThat(left).extracting(DutyLog.ChainCheck::algorithm, DutyLog.ChainCheck::intact)
                .containsExactly("SHA-256", false);
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'LOG_BOOK_RESEAL_REFUSED' ORDER BY seq DESC")
                .query(String.class).list().get(0)).contains(broken + "/" + year);
        // Sealed again, it no longer stands in the way of later tests' upgrades.
        jdbc.sql("UPDATE duty_log_entry SET summary = '断链第2条' WHERE unit_id = ? AND log_year = ? AND entry_number = 2")
                .params(broken, year).update();
        assertThat(dutyLog.resealOnce(broken, year)).isEqualTo(3);
    }

    /** Rewrites a unit's year as a book written before ADR 0023: each row hashed with plain SHA-256 from zeros. */
    private String chainedAsBefore(UUID unit, int year) {
        List<DutyLogRepository.EntryRow> rows = new ArrayList<>();
        repository.forEachInChainOrder(unit, year, rows::add);
        String previous = ChainHash.GENESIS;
        for (DutyLogRepository.EntryRow row : rows) {
            String hash = DutyLog.hash(chainHash, ChainHash.SHA_256, row.linkedTo(previous));
            jdbc.sql("UPDATE duty_log_entry SET prev_hash = ?, hash = ? WHERE id = ?").params(previous, hash, row.id())
                    .update();
            previous = hash;
        }
        jdbc.sql("UPDATE duty_log_counter SET algorithm = 'SHA-256', genesis = ?, last_hash = ? WHERE unit_id = ? "
                + "AND log_year = ?").params(ChainHash.GENESIS, previous, unit, year).update();
        return previous;
    }

    private UUID newUnit(String name) {
        return newUnit(UUID.fromString(unitId("金台区人民政府")), name);
    }

    private UUID newUnit(UUID parent, String name) {
        Actor admin = new Actor(null, "test", "测试", null, Set.of(Role.SYSTEM_ADMIN));
        return units.create(admin, new UnitCommand(parent, name,
                UnitKind.WORKING_DEPARTMENT, UnitLevel.COUNTY, null, null, null, null, null, null)).id();
    }

    /** An entry written by someone not on the shift says who wrote it for whom, in the log and the printed book. */
    @Test
    void anEntryWrittenBySomeoneNotOnTheShiftSaysWhoWroteItForWhom() {
        Actor admin = new Actor(null, "admin", "系统管理员", null, Set.of(Role.SYSTEM_ADMIN));
        // Not 金台区: the obligation clock's tests count who there is told of a deadline.
        UUID unit = onDuty.below(admin, UUID.fromString(unitId("宝鸡市人民政府")), clock.instant()).stream()
                .filter(view -> !view.dutyOfficers().isEmpty()
                        && !view.unitId().toString().equals(unitId("金台区人民政府")))
                .map(OnDuty.View::unitId).findFirst().orElseThrow();
        OnDuty.PersonOnDuty onShift = onDuty.current(unit, clock.instant()).dutyOfficers().get(0);
        String username = "officer-" + onShift.personId().toString().substring(0, 8);
        UUID account = jdbc.sql("SELECT id FROM account WHERE username = ?").param(username).query(UUID.class)
                .optional().orElseGet(() -> accounts.create(admin, new AccountCommand(username, null,
                        onShift.personId(), Api.DEMO_PASSWORD, Set.of(Role.DUTY_OFFICER))).id());
        Actor officer = new Actor(account, username, onShift.name(), unit, Set.of(Role.DUTY_OFFICER));
        Actor head = new Actor(null, "qishan-head", "周主任", unit, Set.of(Role.DUTY_OFFICE_HEAD, Role.DUTY_OFFICER));

        DutyLogEntry own = dutyLog.record(officer, event("本班值班员自记：巡查设备正常"));
        assertThat(own.writtenFor()).isNull();
        DutyLogEntry forThem = dutyLog.record(head, event("值班室主任代记：接县应急局通知"));
        assertThat(forThem.writtenFor()).isEqualTo("由 周主任 代本班值班员 " + String.join("、", onDuty.current(unit,
                clock.instant()).dutyOfficers().stream().map(OnDuty.PersonOnDuty::name).toList()) + " 记录");

        LogBook book = dutyLog.book(head, unit, forThem.year());
        assertThat(book.pages()).anySatisfy(page -> {
            assertThat(page.entry().id()).isEqualTo(forThem.id());
            assertThat(LogBookPages.recorder(page)).isEqualTo("qishan-head（代" + forThem.writtenForName() + " 记录）");
        });
        assertThat(dutyLog.checkChain(head, unit, forThem.year()).intact()).isTrue();
    }

    private static EntryCommand event(String summary) {
        return new EntryCommand(EntryKind.EVENT, null, null, summary, null, null, null, null, null, null, null, null,
                null);
    }
}
