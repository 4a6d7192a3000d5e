package org.zhiban.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.calendar.ImportantPeriod;
import org.zhiban.calendar.ImportantPeriods;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.dutylog.LogBookChains;
import org.zhiban.dutylog.SearchText;
import org.zhiban.dutylog.internal.DutyLogRepository.EntryRow;
import org.zhiban.identity.Account;
import org.zhiban.identity.AccountCommand;
import org.zhiban.identity.Accounts;
import org.zhiban.obligation.ObligationKinds;
import org.zhiban.organization.EmploymentType;
import org.zhiban.organization.NameInitials;
import org.zhiban.organization.People;
import org.zhiban.organization.PersonCommand;
import org.zhiban.organization.internal.PersonRepository;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.Units;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.reporting.IncidentCategory;
import org.zhiban.reporting.ReportChannel;
import org.zhiban.reporting.ReportDeadlines;
import org.zhiban.reporting.ReportStage;
import org.zhiban.reporting.ReportingKinds;
import org.zhiban.reporting.Severity;
import org.zhiban.roster.DutyRole;
import org.zhiban.shared.Actor;
import org.zhiban.dutylog.internal.DutyLogRepository;
import org.zhiban.shared.ChainHash;
import org.zhiban.shared.PersonalData;
import org.zhiban.shared.Role;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;

/**
 * The province of issue 15 beside the demo's jurisdictions: 某某省人民政府 with its departments, 11 cities, 10 counties
 * each, their towns and departments — about 10,000 duty offices — and their people, accounts, a published month of
 * rosters, a year of duty log, incidents with their report chains, the timeliness ledger and the open obligations.
 * Units, the policy and the accounts that log in go through the use cases; the bulk goes into the tables by COPY or
 * INSERT … SELECT, written as the use cases write them (numbering, hash chains, next steps), with the caches that
 * read those tables told afterwards (ADR 6, ADR 13). Each part's load time is reported.
 */
final class ProvinceLoader {

    static final String PROVINCE = "某某省人民政府";
    static final String PROVINCE_USER = "province-duty";
    static final String CITY_USER = "city-duty";
    static final String COUNTY_USER = "county-duty";
    /** Rows held before they are copied, parents first. */
    private static final int CHUNK = 50_000;
    private static final String OBLIGATION_COLUMNS = "id, obligor_unit_id, kind, subject_module, subject_id, title, "
            + "citation, opened_at, due_at, status, overdue, reminder_at, superior_escalation_at, next_step, "
            + "next_fire_at, fulfilled_at, lateness_seconds, waived_reason, closed_by, version";

    private static final String[] CITIES = DutyLogTexts.words("东州 西州 南州 北州 江州 河州 山州 海州 云州 林州 石州");
    private static final String[] COUNTIES = DutyLogTexts.words("城区 东区 西区 新区 甲县 乙县 丙县 丁县 戊县 己县");
    private static final String[] TOWNS = DutyLogTexts.words("城关街道办事处 东关街道办事处 西关街道办事处 南关街道办事处 "
            + "北关街道办事处 新华街道办事处 河口镇人民政府 石桥镇人民政府 柳林镇人民政府 高庄镇人民政府 李家乡人民政府 王家乡人民政府");
    private static final String[] DEPARTMENTS = DutyLogTexts.words("应急管理局 公安局 卫生健康委员会 交通运输局 水利局 "
            + "住房和城乡建设局 自然资源局 生态环境局 农业农村局 教育局 民政局 司法局 财政局 人力资源和社会保障局 发展和改革委员会 "
            + "工业和信息化局 商务局 文化和旅游局 市场监督管理局 审计局 统计局 林业局 医疗保障局 退役军人事务局 "
            + "国有资产监督管理委员会 城市管理局 行政审批服务局 信访局 机关事务管理局 乡村振兴局 体育局 粮食和物资储备局 能源局 "
            + "民族宗教事务局 外事办公室 人民防空办公室 地方金融监督管理局 大数据管理局 气象局 地震局 消防救援支队 税务局 邮政管理局 "
            + "烟草专卖局 公路管理局 水文水资源局 防汛抗旱指挥部办公室 森林防火指挥部办公室 疾病预防控制中心 人民医院 中医医院 "
            + "妇幼保健院 急救中心 血液中心 融媒体中心 档案馆 公共资源交易中心 住房公积金管理中心 不动产登记中心 社会保险事业管理中心 "
            + "供电公司 自来水公司 燃气公司 热力公司 公交公司 城市投资集团 交通投资集团 供销合作社 红十字会 总工会 妇女联合会 "
            + "科学技术协会 残疾人联合会 工商业联合会 政务服务中心 网信办 科学技术局");
    private static final String SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛范彭郎鲁韦昌马苗凤花方俞任袁柳鲍史唐费廉岑薛雷贺倪汤";
    private static final String GIVEN = "建华国强志明秀英桂兰海燕丽娟文静晓东宏伟春梅振宇思远嘉怡子涵浩然雨萱俊杰欣怡明轩诗琪鹏程婉婷立新红霞永刚玉兰";

    /** Departments per government and towns per county at full size; {@code bench.scale} scales them. */
    record Shape(int provinceDepartments, int cities, int countiesPerCity, int cityDepartments, int countyDepartments,
            int townsPerCounty, int people, int logEntries, int incidents, int ledgerRows, int openObligations) {

        static Shape scaled(double scale) {
            return new Shape(atLeastOne(48 * scale), CITIES.length, COUNTIES.length, atLeastOne(42 * scale),
                    atLeastOne(73 * scale), atLeastOne(TOWNS.length * scale), (int) Math.round(100_000 * scale),
                    (int) Math.round(1_000_000 * scale), (int) Math.round(50_000 * scale),
                    (int) Math.round(1_000_000 * scale), (int) Math.round(100_000 * scale));
        }

        private static int atLeastOne(double n) {
            return Math.max(1, (int) Math.round(n));
        }
    }

    /** One duty office of the province, with the people who stand its duty and the account that files for it. */
    static final class Office {
        final int index;
        final UUID id;
        final UUID parentId;
        final UnitLevel level;
        final UnitKind kind;
        final String name;
        final int parentIndex;
        final List<UUID> people = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        UUID filerAccount;
        String filer;
        String filerName;

        Office(int index, UUID id, UUID parentId, int parentIndex, UnitLevel level, UnitKind kind, String name) {
            this.index = index;
            this.id = id;
            this.parentId = parentId;
            this.parentIndex = parentIndex;
            this.level = level;
            this.kind = kind;
            this.name = name;
        }

        boolean government() {
            return kind == UnitKind.PEOPLES_GOVERNMENT;
        }

        /** Leaders on duty: the office's first two people; duty officers: the next four. */
        UUID leader(int n) {
            return people.get(n % 2);
        }

        UUID officer(int n) {
            return people.get(2 + n % 4);
        }

        Actor filerActor() {
            return new Actor(filerAccount, filer, filerName, id, Set.of(Role.DUTY_OFFICER));
        }
    }

    /** What the benchmark measures against: the tree, and the three offices whose officers log in. */
    record Province(List<Office> offices, Office root, Office city, Office county) {

        List<Office> below() {
            return offices.subList(1, offices.size());
        }

        Map<UnitLevel, Integer> countsByLevel() {
            Map<UnitLevel, Integer> counts = new EnumMap<>(UnitLevel.class);
            offices.forEach(o -> counts.merge(o.level, 1, Integer::sum));
            return counts;
        }
    }

    private final Shape shape;
    private final ChainHash chainHash;
    private final Units units;
    private final People people;
    private final Accounts accounts;
    private final DutyPolicies policies;
    private final ImportantPeriods importantPeriods;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwordEncoder;
    private final PersonRepository personRows;
    private final PersonalData personal;
    private final Clock clock;
    private final Report report;
    private final Actor admin = new Actor(null, "bench-province", "省级基准", null, Set.of(Role.SYSTEM_ADMIN));
    private final Random random = new Random(15);
    private final List<Office> offices = new ArrayList<>();
    private long loadNanos;

    ProvinceLoader(Shape shape, Units units, People people, Accounts accounts, DutyPolicies policies, ImportantPeriods importantPeriods,
            DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transaction, PasswordEncoder passwordEncoder,
            ChainHash hashes, PersonRepository personRows, PersonalData personal, Clock clock, Report report) {
        this.shape = shape;
        this.personRows = personRows;
        this.personal = personal;
        this.chainHash = hashes;
        this.units = units;
        this.people = people;
        this.accounts = accounts;
        this.policies = policies;
        this.importantPeriods = importantPeriods;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.report = report;
    }

    Actor admin() {
        return admin;
    }

    Province load() throws SQLException {
        Province province = part("units", this::tree);
        part("people and duty staff", () -> people(province));
        part("accounts", () -> accounts(province));
        part("policy", () -> {
            // The province's incident deadlines are the Baoji rules'; the holiday burst attaches X区's later.
            policies.attach(admin, province.root().id, "baoji-2022", "某某省基准数据");
            return province;
        });
        part("rosters", () -> rosters(province));
        part("duty log", () -> withoutSecondaryIndexes(List.of("duty_log_entry", "duty_log_search"),
                () -> dutyLog(province)));
        part("incidents", () -> incidents(province));
        part("timeliness ledger and open obligations", () -> withoutSecondaryIndexes(List.of("obligation"), () -> {
            ledger(province);
            return openObligations(province);
        }));
        part("ANALYZE", () -> {
            jdbc.execute("ANALYZE");
            return province;
        });
        report.line(String.format("load total: %.1f s", loadNanos / 1e9));
        return province;
    }

    /** The tree and its people only, under the Baoji rules: what the directory's search reads. */
    Province loadDirectory() throws SQLException {
        return loadOffices(false, "ANALYZE", province -> { });
    }

    /**
     * The tree, its people, with {@code logins} the officers who log in, and the Baoji rules; then what {@code more}
     * adds on top, and ANALYZE.
     */
    Province loadOffices(boolean logins, String name, java.util.function.Consumer<Province> more) throws SQLException {
        Province province = part("units", this::tree);
        part("people and duty staff", () -> people(province));
        if (logins) {
            part("accounts", () -> accounts(province));
        }
        part("policy", () -> {
            policies.attach(admin, province.root().id, "baoji-2022", "某某省基准数据");
            return province;
        });
        part(name, () -> {
            more.accept(province);
            jdbc.execute("ANALYZE");
            return province;
        });
        return province;
    }

    private interface Part<T> {
        T run() throws SQLException;
    }

    private <T> T part(String name, Part<T> part) throws SQLException {
        long started = System.nanoTime();
        T result = part.run();
        long took = System.nanoTime() - started;
        loadNanos += took;
        report.line(String.format("load %-22s %7.1f s", name, took / 1e9));
        return result;
    }

    // --- units ---------------------------------------------------------------------------------------------------

    /** The tree through {@code Units.create}, one transaction per city, so that closure and caches are the product's. */
    private Province tree() {
        Office root = transaction.execute(status -> {
            Office province = unit(null, PROVINCE, UnitKind.PEOPLES_GOVERNMENT, UnitLevel.PROVINCE, "某某省人民政府总值班室",
                    "0351");
            for (int d = 0; d < shape.provinceDepartments(); d++) {
                unit(province, "某某省" + DEPARTMENTS[d], UnitKind.WORKING_DEPARTMENT, UnitLevel.PROVINCE, null, "0351");
            }
            return province;
        });
        Office firstCity = null;
        Office firstCounty = null;
        for (int c = 0; c < shape.cities(); c++) {
            String stem = CITIES[c];
            String area = "0" + (352 + c);
            Office city = transaction.execute(status -> {
                Office made = unit(root, stem + "市人民政府", UnitKind.PEOPLES_GOVERNMENT, UnitLevel.CITY,
                        stem + "市人民政府总值班室", area);
                for (int d = 0; d < shape.cityDepartments(); d++) {
                    unit(made, stem + "市" + DEPARTMENTS[d], UnitKind.WORKING_DEPARTMENT, UnitLevel.CITY, null, area);
                }
                for (int k = 0; k < shape.countiesPerCity(); k++) {
                    String county = stem + COUNTIES[k];
                    Office government = unit(made, county + "人民政府", UnitKind.PEOPLES_GOVERNMENT, UnitLevel.COUNTY,
                            county + "人民政府总值班室", area);
                    for (int d = 0; d < shape.countyDepartments(); d++) {
                        unit(government, county + DEPARTMENTS[d], UnitKind.WORKING_DEPARTMENT, UnitLevel.COUNTY, null,
                                area);
                    }
                    for (int t = 0; t < shape.townsPerCounty(); t++) {
                        unit(government, TOWNS[t], UnitKind.TOWN_STREET, UnitLevel.TOWN, null, area);
                    }
                }
                return made;
            });
            if (firstCity == null) {
                firstCity = city;
                firstCounty = offices.stream().filter(o -> o.level == UnitLevel.COUNTY && o.government()).findFirst()
                        .orElseThrow();
            }
        }
        Province province = new Province(List.copyOf(offices), root, firstCity, firstCounty);
        report.line("units by level: " + province.countsByLevel() + String.format(" = %,d duty offices", offices.size())
                + String.format(" (per county %d departments + %d towns; per city %d departments; province %d departments)",
                        shape.countyDepartments(), shape.townsPerCounty(), shape.cityDepartments(),
                        shape.provinceDepartments()));
        return province;
    }

    private Office unit(Office parent, String name, UnitKind kind, UnitLevel level, String dutyOffice, String area) {
        String office = dutyOffice != null ? dutyOffice : name.replace("人民政府", "").replace("办事处", "") + "值班室";
        UUID id = units.create(admin, new UnitCommand(parent == null ? null : parent.id, name, kind, level, office,
                phone(area), phone(area), name, "0" + (30_000 + offices.size() % 70_000), null)).id();
        Office made = new Office(offices.size(), id, parent == null ? null : parent.id,
                parent == null ? -1 : parent.index, level, kind, name);
        offices.add(made);
        return made;
    }

    private String phone(String area) {
        return area + "-" + (2 + random.nextInt(7)) + String.format("%06d", random.nextInt(1_000_000));
    }

    // --- people, duty staff, accounts ------------------------------------------------------------------------------

    /**
     * About ten people per office (the exact total spread evenly): two leaders (the first in charge of duty work),
     * the duty office's head and officers, 科员, and in larger offices a contract worker who may not stand duty.
     */
    private Province people(Province province) throws SQLException {
        Instant created = clock.instant().minus(Duration.ofDays(200));
        LocalDate trained = LocalDate.now(clock.withZone(Zones.CHINA)).minusMonths(8);
        int each = shape.people() / offices.size();
        long useCaseNanos = 0;
        int useCaseCount = 0;
        int extra = shape.people() % offices.size();
        try (PgCopy copy = new PgCopy(dataSource, CHUNK).table("person", "id, unit_id, name, name_initials, position, "
                + "mobile, mobile_index, office_phone, office_phone_index, employment_type, remark, directory_roles, "
                + "active, sort_order, version, created_at, updated_at")
                .table("duty_staff", "person_id, unit_id, duty_role, part_time, trained_on")) {
            for (Office office : offices) {
                int count = Math.max(7, each + (office.index < extra ? 1 : 0));
                for (int i = 0; i < count; i++) {
                    String name = name();
                    String position = i == 0 ? "办公室主任" : i == 1 ? "办公室副主任" : i == 2
                            ? (office.government() ? "值班室主任" : "值班室负责人") : i < 6 ? "值班员"
                            : count >= 8 && i == count - 1 ? "值班辅助" : "科员";
                    EmploymentType type = position.equals("值班辅助") ? EmploymentType.CONTRACT
                            : i < 3 || random.nextInt(4) > 0 ? EmploymentType.CIVIL_SERVANT
                            : EmploymentType.PUBLIC_INSTITUTION_STAFF;
                    UUID id;
                    if (office.index == 0) {
                        // The province's own office through the use case, to time it against the copy.
                        long started = System.nanoTime();
                        id = people.create(admin, office.id, new PersonCommand(name, position, mobile(), phone("0351"),
                                type, i == 0 ? "分管值班工作" : null, null, true, null)).id();
                        useCaseNanos += System.nanoTime() - started;
                        useCaseCount++;
                    }
                    else {
                        id = UUID.randomUUID();
                        PersonRepository.StoredNumbers numbers = personRows.stored(id, mobile(), phone("0351"));
                        copy.row("person", id, office.id, name, NameInitials.of(name), position, numbers.mobile(),
                                numbers.mobileIndex(), numbers.officePhone(), numbers.officePhoneIndex(), type.name(),
                                i == 0 ? "分管值班工作" : null, i == 0 ? "OFFICE_DIRECTOR" : "DUTY_OFFICE_STAFF", true,
                                i + 1, 0, created, created);
                    }
                    office.people.add(id);
                    office.names.add(name);
                    if (i < 6) {
                        copy.row("duty_staff", id, office.id, i < 2 ? DutyRole.LEADER.name() : DutyRole.OFFICER.name(), false, trained);
                    }
                }
            }
            report.line(String.format("people: %,d in %,d offices (%d of them through People.create, %.0f ms each; the "
                    + "rest by COPY); duty staff: %,d (2 leaders, 4 officers each)", copy.rows("person") + useCaseCount,
                    offices.size(), useCaseCount, useCaseNanos / 1e6 / Math.max(1, useCaseCount),
                    copy.rows("duty_staff")));
        }
        return province;
    }

    private String name() {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextInt(10) < 7) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    private String mobile() {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /**
     * The three officers who log in (province, city, county) and a sample of filing accounts through
     * {@code Accounts.create}; every other office's filing account as the use case writes it (account and role rows,
     * the same bcrypt hash of the demo password), since a bcrypt hash per account would take minutes.
     */
    private Province accounts(Province province) throws SQLException {
        login(PROVINCE_USER, province.root());
        login(CITY_USER, province.city());
        login(COUNTY_USER, province.county());
        province.root().filer = PROVINCE_USER;
        province.root().filerName = province.root().names.get(3);
        int sample = Math.min(20, offices.size() - 1);
        long started = System.nanoTime();
        for (Office office : province.below().subList(0, sample)) {
            Account account = accounts.create(admin, new AccountCommand(filer(office), null, office.people.get(2),
                    Api.DEMO_PASSWORD, EnumSet.of(Role.DUTY_OFFICER)), Accounts.FirstLogin.KEEP_PASSWORD);
            office.filerAccount = account.id();
            office.filer = account.username();
            office.filerName = account.displayName();
        }
        double perAccount = (System.nanoTime() - started) / 1e6 / sample;
        String hash = passwordEncoder.encode(Api.DEMO_PASSWORD);
        Instant now = clock.instant();
        try (PgCopy copy = new PgCopy(dataSource, CHUNK).table("account", "id, username, password_hash, display_name, "
                + "person_id, unit_id, enabled, failed_attempts, locked_until, password_changed_at, created_at, version, "
                + "password_change_required").table("account_role", "account_id, role")) {
            for (Office office : province.below().subList(sample, offices.size() - 1)) {
                office.filerAccount = UUID.randomUUID();
                office.filer = filer(office);
                office.filerName = office.names.get(2);
                copy.row("account", office.filerAccount, office.filer, hash, office.filerName, office.people.get(2), office.id,
                        true, 0, null, now, now, 0, false);
                copy.row("account_role", office.filerAccount, Role.DUTY_OFFICER.name());
            }
            report.line(String.format("accounts: 3 that log in and %d filing accounts through Accounts.create "
                    + "(%.0f ms each, bcrypt), %,d filing accounts by COPY", sample, perAccount, copy.rows("account")));
        }
        return province;
    }

    private void login(String username, Office office) {
        accounts.create(admin, new AccountCommand(username, null, office.people.get(3), Api.DEMO_PASSWORD,
                EnumSet.of(Role.DUTY_OFFICER)), Accounts.FirstLogin.KEEP_PASSWORD);
    }

    private static String filer(Office office) {
        return String.format("filer%05d", office.index);
    }

    // --- rosters -------------------------------------------------------------------------------------------------

    /**
     * The clock's month, published, for every office: one 24-hour shift a day from 08:30 (the default pattern) with a
     * leader (two alternate) and an officer (four in turn); two officers where the unit's rules want two on duty in
     * an important period (county governments on statutory holidays, 宝政办发〔2022〕43号 第八条). Then the on-duty
     * board is told, as publishing tells it (ADR 13).
     */
    private Province rosters(Province province) throws SQLException {
        LocalDate month = LocalDate.now(clock.withZone(Zones.CHINA)).withDayOfMonth(1);
        Instant published = clock.instant().minus(Duration.ofDays(9));
        Instant monthStart = month.atStartOfDay(Zones.CHINA).toInstant();
        List<ImportantPeriod> holidays = importantPeriods.applying(province.county().id, monthStart,
                month.plusMonths(1).plusDays(1).atStartOfDay(Zones.CHINA).toInstant());
        int minimum = policies.effective(province.county().id).value(org.zhiban.policy.RuleKey.IMPORTANT_PERIOD_MIN_ON_DUTY)
                .map(org.zhiban.policy.RuleValue::asInt).orElse(1);
        try (PgCopy copy = new PgCopy(dataSource, CHUNK)
                .table("duty_roster", "id, unit_id, month_start, status, published_at, published_by, version")
                .table("duty_shift", "id, roster_id, unit_id, name, duty_day, starts_at, ends_at, officers_required")
                .table("duty_slot", "id, shift_id, duty_role, position, person_id, pinned, source")) {
            for (Office office : offices) {
                UUID roster = UUID.randomUUID();
                copy.row("duty_roster", roster, office.id, month, "PUBLISHED", published, "bench-province", 1);
                boolean stricter = office.government() && office.level == UnitLevel.COUNTY;
                int n = 0;
                for (LocalDate day = month; day.getMonth() == month.getMonth(); day = day.plusDays(1), n++) {
                    Instant start = day.atTime(LocalTime.of(8, 30)).atZone(Zones.CHINA).toInstant();
                    Instant end = start.plus(Duration.ofHours(24));
                    int officers = stricter && holidays.stream().anyMatch(p -> p.overlaps(start, end))
                            ? Math.max(1, minimum) : 1;
                    UUID shift = UUID.randomUUID();
                    copy.row("duty_shift", shift, roster, office.id, "24小时班", day, start, end, officers);
                    copy.row("duty_slot", UUID.randomUUID(), shift, DutyRole.LEADER.name(), 0, office.leader(n), false, "SOLVER");
                    for (int i = 0; i < officers; i++) {
                        copy.row("duty_slot", UUID.randomUUID(), shift, DutyRole.OFFICER.name(), i,
                                office.officer(n * officers + i), false, "SOLVER");
                    }
                }
            }
            report.line(String.format("rosters of %s: %,d published, %,d shifts, %,d positions", month.toString()
                    .substring(0, 7), copy.rows("duty_roster"), copy.rows("duty_shift"),
                    copy.rows("duty_slot")));
        }
        jdbc.update("UPDATE cache_revision SET revision = revision + 1 WHERE name = 'duty-board'");
        return province;
    }

    // --- duty log ------------------------------------------------------------------------------------------------

    /**
     * A year of entries up to the clock, numbered per office and year without gaps in the order written, hash-chained
     * as the duty log chains them, with each year's counter holding the chain's end, and their search rows (the gram
     * index built once afterwards, as DutyLogSearchBenchmark does). General duty offices write more than departments.
     */
    private Province dutyLog(Province province) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant first = now.minus(Duration.ofDays(365));
        double[] weights = offices.stream().mapToDouble(o -> o.government() ? 6 : o.kind == UnitKind.TOWN_STREET ? 2 : 1)
                .toArray();
        WeightedPick pick = new WeightedPick(weights);
        int firstYear = LocalDate.ofInstant(first, Zones.CHINA).getYear();
        int[][] numbers = new int[offices.size()][2];
        String[][] hashes = new String[offices.size()][2];
        int entries = shape.logEntries();
        long span = Duration.between(first, now.minus(Duration.ofMinutes(10))).toSeconds();
        try (PgCopy copy = new PgCopy(dataSource, CHUNK).table("duty_log_entry", "id, entry_id, unit_id, log_year, "
                + "entry_number, entry_version, chain_seq, kind, occurred_at, summary, caller_name, caller_unit, "
                + "caller_phone, follow_up, recorded_at, recorded_by, prev_hash, hash")
                .table("duty_log_search", "entry_id, row_id, unit_id, occurred_at, kind, caller, content, grams")) {
            for (int i = 0; i < entries; i++) {
                Office office = offices.get(pick.next(random));
                Instant at = first.plusSeconds(span * i / entries).truncatedTo(ChronoUnit.MINUTES);
                DutyLogTexts.Entry text = DutyLogTexts.next(random, i);
                int year = LocalDate.ofInstant(at, Zones.CHINA).getYear();
                int y = year - firstYear;
                int number = ++numbers[office.index][y];
                String previous = hashes[office.index][y] == null ? ChainHash.GENESIS : hashes[office.index][y];
                FollowUp followUp = random.nextInt(40) == 0 ? FollowUp.TRACKING : FollowUp.DONE;
                String recordedBy = office.filer;
                EntryRow row = new EntryRow(UUID.randomUUID(), UUID.randomUUID(), office.id, year, number, 1, number,
                        text.kind(), at, null, text.summary(), text.callerName(), text.callerUnit(), text.callerPhone(),
                        null, null, null, followUp, null, at.plusSeconds(120), recordedBy, previous, null, null, null);
                String hash = LogBookChains.hash(chainHash, row);
                hashes[office.index][y] = hash;
                copy.row("duty_log_entry", row.id(), row.entryId(), office.id, year, number, 1, number, text.kind().name(), at,
                        text.summary(), text.callerName(), text.callerUnit(),
                        personal.seal(DutyLogRepository.CALLER_PHONE + row.id(), text.callerPhone()), followUp.name(),
                        row.recordedAt(), recordedBy, previous, hash);
                String content = text.content();
                copy.row("duty_log_search", row.entryId(), row.id(), office.id, at, text.kind().name(), text.caller(), content,
                        SearchText.grams(content));
            }
            copy.close();
            report.line(String.format("duty log: %,d entries and search rows over %s .. %s (%.0f s of it in COPY)",
                    copy.rows("duty_log_entry"), Zones.china(first).toLocalDate(), Zones.china(now).toLocalDate(),
                    copy.copySeconds()));
        }
        try (PgCopy counters = new PgCopy(dataSource, CHUNK).table("duty_log_counter", "unit_id, log_year, last_number, "
                + "last_seq, last_hash")) {
            for (Office office : offices) {
                for (int y = 0; y < 2; y++) {
                    if (numbers[office.index][y] > 0) {
                        counters.row("duty_log_counter", office.id, firstYear + y, numbers[office.index][y], numbers[office.index][y],
                                hashes[office.index][y]);
                    }
                }
            }
        }
        return province;
    }

    /** Picks indexes in proportion to their weights. */
    private static final class WeightedPick {
        private final double[] cumulative;

        WeightedPick(double[] weights) {
            cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        int next(Random random) {
            int found = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
            return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
        }
    }

    /**
     * A bulk load as an import would do it: the tables' indexes other than those behind their keys are dropped,
     * and built again afterwards from their own definitions (as the migrations made them), once for all the rows.
     */
    private <T> T withoutSecondaryIndexes(List<String> tables, Part<T> load) throws SQLException {
        List<String> definitions = new ArrayList<>();
        for (String table : tables) {
            List<String[]> indexes = jdbc.query("""
                    SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                    JOIN pg_class t ON t.oid = x.indrelid
                    WHERE t.relname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)""",
                    (rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, table);
            for (String[] index : indexes) {
                jdbc.execute("DROP INDEX " + index[0]);
                definitions.add(index[1]);
            }
        }
        T result = load.run();
        long started = System.nanoTime();
        definitions.forEach(jdbc::execute);
        report.line(String.format("  %d indexes of %s built again in %.1f s", definitions.size(), tables,
                (System.nanoTime() - started) / 1e9));
        return result;
    }

    // --- incidents -----------------------------------------------------------------------------------------------

    /**
     * Incidents of the last year with their chains as {@code Incidents.register} and {@code file} write them: an
     * initial report (by phone for levels I and II, with who took it), follow-ups and a final report in writing
     * (closing the chain), written reports signed for by the superior unless recent; the deadlines of levels I and
     * II under the province's policy (宝政办发〔2022〕43号 第十五条: phone and written report), each fulfilled by the
     * report that meets it (late where it came after the due time), and skip-level where the policy says so.
     */
    private Province incidents(Province province) throws SQLException {
        EffectivePolicy policy = policies.effective(province.root().id);
        Instant now = clock.instant();
        double[] weights = offices.stream().mapToDouble(o -> o.index == 0 ? 0 : o.government() ? 6
                : o.kind == UnitKind.TOWN_STREET ? 3 : 1).toArray();
        WeightedPick pick = new WeightedPick(weights);
        Severity[] severities = Severity.values();
        IncidentCategory[] categories = IncidentCategory.values();
        int obligationsOpened = 0;
        try (PgCopy copy = new PgCopy(dataSource, CHUNK).table("incident", "id, unit_id, superior_unit_id, skip_level, "
                + "category, severity, title, place, occurred_at, learned_at, summary, created_by, created_by_name, "
                + "created_at, closed_at")
                .table("incident_report", "id, incident_id, seq, stage, channel, content, phone_taken_by, signer, "
                        + "filed_by, filed_by_name, filed_at, received_by, received_by_name, received_at")
                .table("obligation", OBLIGATION_COLUMNS)) {
            for (int i = 0; i < shape.incidents(); i++) {
                Office office = offices.get(pick.next(random));
                Office superior = offices.get(office.parentIndex);
                int roll = random.nextInt(100);
                Severity severity = roll < 2 ? severities[0] : roll < 8 ? severities[1] : roll < 25 ? severities[2]
                        : severities[3];
                Instant learned = now.minus(Duration.ofMinutes(180 + random.nextInt(365 * 24 * 60 - 180)))
                        .truncatedTo(ChronoUnit.SECONDS);
                Instant registered = learned.plusSeconds(60 + random.nextInt(120));
                DutyLogTexts.Entry text = DutyLogTexts.next(random, i);
                String title = text.summary().substring(0, text.summary().indexOf('，'));
                UUID id = UUID.randomUUID();
                // The chain: an initial report, follow-ups (the first soon after a major incident's phone report),
                // and a final report that closes it; reports whose time has not come are not filed.
                List<Instant> filedAt = new ArrayList<>();
                Instant at = learned.plusSeconds(severity.isMajor() ? 180 + random.nextInt(2_400) : 600 + random.nextInt(3_000));
                filedAt.add(at);
                int followUps = severity.isMajor() ? 1 + random.nextInt(2) : random.nextInt(3);
                for (int f = 0; f < followUps; f++) {
                    at = at.plusSeconds(severity.isMajor() && f == 0 ? 900 + random.nextInt(2_100)
                            : 1_800 + random.nextInt(12_600));
                    filedAt.add(at);
                }
                Instant finalAt = at.plusSeconds(7_200 + random.nextInt(250_000));
                boolean closed = !finalAt.isAfter(now);
                if (closed) {
                    filedAt.add(finalAt);
                }
                filedAt.removeIf(t -> t.isAfter(now));
                copy.row("incident", id, office.id, superior.id, ReportDeadlines.skipLevel(policy, severity),
                        categories[random.nextInt(categories.length)].name(), severity.name(), title,
                        office.name + "辖区", learned.minusSeconds(300 + random.nextInt(6_000)), learned, text.summary(),
                        office.filer, office.filerName, registered, closed ? finalAt : null);
                Instant firstWritten = null;
                for (int seq = 1; seq <= filedAt.size(); seq++) {
                    boolean last = closed && seq == filedAt.size();
                    ReportStage stage = seq == 1 ? ReportStage.INITIAL : last ? ReportStage.FINAL : ReportStage.FOLLOW_UP;
                    ReportChannel channel = seq == 1 && severity.isMajor() ? ReportChannel.PHONE : ReportChannel.WRITTEN;
                    Instant filed = filedAt.get(seq - 1);
                    if (channel == ReportChannel.WRITTEN && firstWritten == null) {
                        firstWritten = filed;
                    }
                    Instant received = filed.plusSeconds(60 + random.nextInt(1_800));
                    boolean signed = channel == ReportChannel.WRITTEN && received.isBefore(now)
                            && (filed.isBefore(now.minus(Duration.ofDays(2))) || random.nextBoolean());
                    copy.row("incident_report", UUID.randomUUID(), id, seq, stage.name(), channel.name(), stage.label() + "：" + text.summary(),
                            channel == ReportChannel.PHONE ? superior.names.get(3) : null,
                            channel == ReportChannel.WRITTEN ? "值班室主任" : null, office.filer, office.filerName, filed,
                            signed ? superior.filer : null, signed ? superior.filerName : null, signed ? received : null);
                }
                for (ReportDeadlines.Deadline deadline : ReportDeadlines.forIncident(policy, severity, learned)) {
                    Instant met = deadline.kind().code().equals(ReportingKinds.WRITTEN_REPORT.code()) ? firstWritten
                            : filedAt.get(0);
                    closedObligation(copy, office, deadline, id, severity.label() + "：" + title, learned,
                            registered, met, now);
                    obligationsOpened++;
                }
            }
            report.line(String.format("incidents: %,d with %,d reports, %,d deadlines (levels I and II) met or open",
                    copy.rows("incident"), copy.rows("incident_report"), obligationsOpened));
        }
        return province;
    }

    /** A report deadline as Obligations.open plans it and fulfil closes it; still open when its report is not in yet. */
    private void closedObligation(PgCopy obligations, Office office, ReportDeadlines.Deadline deadline, UUID incident,
            String title, Instant learned, Instant opened, Instant met, Instant now) throws SQLException {
        Instant due = deadline.dueAt();
        Instant reminder = due.minus(deadline.kind().reminderLead());
        reminder = reminder.isAfter(opened) ? reminder : null;
        Instant escalation = due.plus(deadline.kind().superiorEscalationDelay());
        if (met == null) {
            // Not met: the clock has fired every step by now (these deadlines are minutes, the incident hours old).
            obligations.row("obligation", UUID.randomUUID(), office.id, deadline.kind().code(), "reporting",
                    "incident:" + incident, title, deadline.citation(), learned, due, "OPEN", true, reminder, escalation, null, null, null, null,
                    null, null, 3);
            return;
        }
        long lateness = Math.max(0, Duration.between(due, met).toSeconds());
        obligations.row("obligation", UUID.randomUUID(), office.id, deadline.kind().code(), "reporting",
                "incident:" + incident, title,
                deadline.citation(), learned, due, "FULFILLED", lateness > 0, reminder, escalation, null, null, met,
                lateness, null, office.filer, 2);
    }

    // --- the timeliness ledger and the open obligations ------------------------------------------------------------

    /**
     * A year of closed obligations, as the clock and the use cases leave them: tasks assigned by superiors fulfilled
     * on time (most), late (lateness recorded) or waived with a reason, and findings of 漏报/瞒报/谎报 recorded as
     * breached (ReportingLapses). Written by one INSERT … SELECT over generate_series on the server.
     */
    private Province ledger(Province province) {
        String citation = policies.policy("baoji-2022").documentNumber();
        int rows = withUnitArray(province, (connection, units, count) -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH s AS (
                        SELECT g, ids[1 + floor(random() * n)::int] AS unit,
                               CAST(? AS TIMESTAMP WITH TIME ZONE) - INTERVAL '1 hour' - random() * INTERVAL '364 days' AS due,
                               random() AS outcome, random() AS r1, random() AS r2
                        FROM generate_series(1, ?) g, (SELECT CAST(? AS UUID[]) AS ids, ? AS n) u),
                    t AS (
                        SELECT s.*, CASE WHEN outcome < 0.03 THEN 'BREACHED' WHEN outcome < 0.07 THEN 'WAIVED'
                                         WHEN outcome < 0.15 THEN 'LATE' ELSE 'ON_TIME' END AS fate,
                               due - INTERVAL '1 hour' - r1 * INTERVAL '5 days' AS opened,
                               LEAST(due + (60 + floor(r2 * r2 * 172800)) * INTERVAL '1 second',
                                     CAST(? AS TIMESTAMP WITH TIME ZONE)) AS late_at
                        FROM s)
                    INSERT INTO obligation (id, obligor_unit_id, kind, subject_module, subject_id, title, citation,
                        opened_at, due_at, status, overdue, reminder_at, superior_escalation_at, next_step, next_fire_at,
                        fulfilled_at, lateness_seconds, waived_reason, closed_by, version)
                    SELECT gen_random_uuid(), unit,
                           CASE WHEN fate = 'BREACHED' THEN (ARRAY['REPORT_MISSED','REPORT_CONCEALED','REPORT_FALSE'])[1 + g % 3]
                                ELSE 'ASSIGNED_TASK' END,
                           CASE WHEN fate = 'BREACHED' THEN 'reporting' ELSE 'obligation' END,
                           CASE WHEN fate = 'BREACHED' THEN 'lapse:' ELSE 'assigned:' END || gen_random_uuid(),
                           CASE WHEN fate = 'BREACHED' THEN '未按规定报告突发事件（第' || g || '号）'
                                ELSE '交办：报送辖区安全隐患排查情况（第' || g || '号）' END,
                           CASE WHEN fate = 'BREACHED' THEN ? END,
                           CASE WHEN fate = 'BREACHED' THEN LEAST(due + r1 * INTERVAL '7 days', CAST(? AS TIMESTAMP WITH TIME ZONE))
                                ELSE opened END,
                           due,
                           CASE WHEN fate IN ('LATE', 'ON_TIME') THEN 'FULFILLED' ELSE fate END,
                           fate IN ('BREACHED', 'LATE') OR (fate = 'WAIVED' AND r2 < 0.3),
                           CASE WHEN fate <> 'BREACHED' AND due - INTERVAL '2 hours' > opened THEN due - INTERVAL '2 hours' END,
                           CASE WHEN fate <> 'BREACHED' THEN due + INTERVAL '2 hours' END,
                           NULL, NULL,
                           CASE WHEN fate = 'ON_TIME' THEN opened + r2 * (due - opened) WHEN fate = 'LATE' THEN late_at END,
                           CASE WHEN fate = 'ON_TIME' THEN 0
                                WHEN fate = 'LATE' THEN CAST(floor(EXTRACT(EPOCH FROM late_at - due)) AS BIGINT) END,
                           CASE WHEN fate = 'WAIVED' THEN '任务调整，上级同意免除'
                                WHEN fate = 'BREACHED' THEN '经媒体报道获知，该单位未按规定报告' END,
                           'bench-province', 2
                    FROM t""")) {
                java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
                insert.setTimestamp(1, now);
                insert.setInt(2, shape.ledgerRows());
                insert.setArray(3, units);
                insert.setInt(4, count);
                insert.setTimestamp(5, now);
                insert.setString(6, citation);
                insert.setTimestamp(7, now);
                return insert.executeUpdate();
            }
        });
        report.line(String.format("timeliness ledger: %,d closed obligations over the year (about 85 %% on time, 8 %% "
                + "late, 4 %% waived, 3 %% breached)", rows));
        return province;
    }

    /**
     * Tasks assigned by superiors and still open: most due over the coming two weeks, a share overdue by up to three
     * days. Each row's next step and its time are what the clock would hold at this instant — its reminder or due
     * time ahead, or its escalation, or nothing left — and the steps already past are recorded as fired, so that the
     * clock starts no flood of reminders.
     */
    private Province openObligations(Province province) {
        Instant now = clock.instant();
        int rows = withUnitArray(province, (connection, units, count) -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH s AS (
                        SELECT g, ids[1 + floor(random() * n)::int] AS unit, random() AS r1,
                               CASE WHEN random() < 0.06
                                    THEN CAST(? AS TIMESTAMP WITH TIME ZONE) - INTERVAL '10 minutes' - random() * INTERVAL '3 days'
                                    ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) + INTERVAL '5 minutes' + random() * INTERVAL '14 days'
                               END AS due
                        FROM generate_series(1, ?) g, (SELECT CAST(? AS UUID[]) AS ids, ? AS n) u),
                    t AS (
                        SELECT s.*, LEAST(due, CAST(? AS TIMESTAMP WITH TIME ZONE)) - INTERVAL '3 hours' - r1 * INTERVAL '3 days' AS opened
                        FROM s),
                    p AS (
                        SELECT t.*, CASE WHEN due - INTERVAL '2 hours' > opened THEN due - INTERVAL '2 hours' END AS reminder,
                               due + INTERVAL '2 hours' AS escalation, CAST(? AS TIMESTAMP WITH TIME ZONE) AS now
                        FROM t)
                    INSERT INTO obligation (id, obligor_unit_id, kind, subject_module, subject_id, title, citation,
                        opened_at, due_at, status, overdue, reminder_at, superior_escalation_at, next_step, next_fire_at,
                        fulfilled_at, lateness_seconds, waived_reason, closed_by, version)
                    SELECT gen_random_uuid(), unit, 'ASSIGNED_TASK', 'bench-open', 'assigned:' || gen_random_uuid(),
                           '交办：核查辖区防汛和安全生产隐患（第' || g || '号）', NULL, opened, due, 'OPEN', due <= now,
                           reminder, escalation,
                           CASE WHEN reminder > now THEN 'REMINDER' WHEN due > now THEN 'OVERDUE'
                                WHEN escalation > now THEN 'SUPERIOR_ESCALATION' END,
                           CASE WHEN reminder > now THEN reminder WHEN due > now THEN due
                                WHEN escalation > now THEN escalation END,
                           NULL, NULL, NULL, NULL,
                           (CASE WHEN reminder <= now THEN 1 ELSE 0 END) + (CASE WHEN due <= now THEN 1 ELSE 0 END)
                               + (CASE WHEN escalation <= now THEN 1 ELSE 0 END)
                    FROM p""")) {
                java.sql.Timestamp at = java.sql.Timestamp.from(now);
                insert.setTimestamp(1, at);
                insert.setTimestamp(2, at);
                insert.setInt(3, shape.openObligations());
                insert.setArray(4, units);
                insert.setInt(5, count);
                insert.setTimestamp(6, at);
                insert.setTimestamp(7, at);
                return insert.executeUpdate();
            }
        });
        int fired = 0;
        for (String[] step : new String[][] { { "REMINDER", "reminder_at" }, { "OVERDUE", "due_at" },
                { "SUPERIOR_ESCALATION", "superior_escalation_at" } }) {
            fired += jdbc.update("INSERT INTO obligation_firing (obligation_id, step, scheduled_at, fired_at, delay_ms, "
                    + "fired_late, instance) SELECT id, ?, " + step[1] + ", " + step[1] + " + INTERVAL '0.3 seconds', 300, "
                    + "FALSE, 'bench' FROM obligation WHERE subject_module = 'bench-open' AND " + step[1] + " <= ?",
                    step[0], java.sql.Timestamp.from(now));
        }
        // The module name marked the rows for the firings above; they are assigned tasks like any other.
        jdbc.update("UPDATE obligation SET subject_module = 'obligation' WHERE subject_module = 'bench-open'");
        Long overdue = jdbc.queryForObject("SELECT COUNT(*) FROM obligation WHERE status = 'OPEN' AND due_at <= ?",
                Long.class, java.sql.Timestamp.from(now));
        report.line(String.format("open obligations: %,d (%,d overdue), %,d steps already past recorded as fired",
                rows, overdue, fired));
        return province;
    }

    private interface UnitArrayStatement {
        int run(Connection connection, Array units, int count) throws SQLException;
    }

    /** The province's unit ids below the root as one uuid[] parameter, for statements that spread rows over them. */
    private int withUnitArray(Province province, UnitArrayStatement statement) {
        Object[] ids = province.below().stream().map(o -> o.id).toArray();
        Integer rows = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            Array array = connection.createArrayOf("uuid", ids);
            try {
                return statement.run(connection, array, ids.length);
            }
            finally {
                array.free();
            }
        });
        return rows == null ? 0 : rows;
    }
}
