package org.zhiban.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.calendar.ImportantPeriodCommand;
import org.zhiban.calendar.ImportantPeriods;
import org.zhiban.identity.AccountCommand;
import org.zhiban.identity.Accounts;
import org.zhiban.identity.FirstAdministrator;
import org.zhiban.obligation.ObligationKinds;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.directory.DirectoryReviews;
import org.zhiban.organization.DirectoryRole;
import org.zhiban.organization.EmploymentType;
import org.zhiban.organization.People;
import org.zhiban.organization.PersonCommand;
import org.zhiban.organization.PersonView;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.UnitTree;
import org.zhiban.organization.Units;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.roster.DutyRole;
import org.zhiban.roster.DutyStaff;
import org.zhiban.roster.HolidayFilings;
import org.zhiban.roster.Rosters;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.RunningMode;
import org.zhiban.shared.Zones;

/**
 * Loads the demo organisation on an empty database in trial mode (or where {@code zhiban.demo.enabled=true}):
 * 宝鸡市 with its departments, districts, counties, 高新区 and their towns and streets; 开封市龙亭区 with its
 * streets, townships and departments; and an X 区 for the district standard. Every unit and person is created
 * through the same use cases as a user's, so the demo is also a test of them.
 */
@Component
@Order(0)
public class DemoOrganisation implements ApplicationRunner {

    /** The password of every demo account, as README lists it. */
    public static final String DEMO_PASSWORD = "Zhiban#2026";

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private final Units units;
    private final People people;
    private final Accounts accounts;
    private final UnitTree unitTree;
    private final FirstAdministrator firstAdministrator;
    private final TransactionTemplate transaction;
    private final DutyPolicies policies;
    private final ImportantPeriods importantPeriods;
    private final Obligations obligations;
    private final DutyStaff dutyStaff;
    private final Rosters rosters;
    private final HolidayFilings holidayFilings;
    private final DirectoryReviews directoryReviews;
    private final Clock clock;
    private final boolean enabled;
    private final Map<String, UUID> unitIds = new LinkedHashMap<>();
    private final Map<String, List<PersonView>> staff = new HashMap<>();
    private DemoNames names;

    DemoOrganisation(Units units, People people, Accounts accounts, UnitTree unitTree,
            FirstAdministrator firstAdministrator, TransactionTemplate transaction, DutyPolicies policies,
            ImportantPeriods importantPeriods, Obligations obligations, DutyStaff dutyStaff, Rosters rosters,
            HolidayFilings holidayFilings, DirectoryReviews directoryReviews, Clock clock, Environment environment) {
        this.directoryReviews = directoryReviews;
        this.obligations = obligations;
        this.dutyStaff = dutyStaff;
        this.rosters = rosters;
        this.holidayFilings = holidayFilings;
        this.policies = policies;
        this.importantPeriods = importantPeriods;
        this.clock = clock;
        this.units = units;
        this.people = people;
        this.accounts = accounts;
        this.unitTree = unitTree;
        this.firstAdministrator = firstAdministrator;
        this.transaction = transaction;
        Boolean configured = environment.getProperty("zhiban.demo.enabled", Boolean.class);
        this.enabled = configured != null ? configured
                : RunningMode.isEmbedded(environment) && !RunningMode.isProduction(environment);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || unitTree.countUnits() > 0 || !firstAdministrator.isNeeded()) {
            return;
        }
        long started = System.nanoTime();
        Actor loader = new Actor(null, "demo-loader", "演示数据", null, Set.of(Role.SYSTEM_ADMIN));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                loader, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            transaction.executeWithoutResult(status -> load(loader));
            log.info("Loaded the demo organisation: {} units in {} ms", unitIds.size(),
                    (System.nanoTime() - started) / 1_000_000);
            long rostering = System.nanoTime();
            publishRosters();
            holidayFilings.openUpcoming();
            directoryReviews.openCurrentQuarter();
            log.info("Rostered the demo organisation for two months in {} ms", (System.nanoTime() - rostering) / 1_000_000);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void load(Actor actor) {
        names = new DemoNames(2026);
        loadBaoji(actor);
        loadLongting(actor);
        loadXDistrict(actor);
        loadAccounts(actor);
        adoptPolicies(actor);
        assignTasks();
        dutyStaff();
        leaders(actor);
    }

    /**
     * The leaders each level's directory lists (宝政办发〔2022〕43号 第九条) beside the duty office's own people: the
     * city's and counties' government leaders and the city's secretaries-general, each town's two principals, each
     * department's head, its deputy in charge of duty work and its section heads. They do not stand duty. Added
     * last, so that the names and numbers drawn for the duty offices stay as they were. 宝鸡市机关事务服务中心 has
     * not marked who is in charge of its duty work: its directory is incomplete.
     */
    private void leaders(Actor actor) {
        for (Map.Entry<String, UUID> entry : unitIds.entrySet()) {
            Unit unit = unitTree.find(entry.getValue()).orElseThrow();
            String areaCode = unit.dutyPhone().substring(0, 4);
            String name = unit.name();
            switch (unit.kind()) {
                case PEOPLES_GOVERNMENT, MANAGEMENT_COMMITTEE -> {
                    boolean city = unit.level() == UnitLevel.CITY;
                    String head = city ? "市长" : name.endsWith("县人民政府") ? "县长"
                            : unit.kind() == UnitKind.MANAGEMENT_COMMITTEE ? "管委会主任" : "区长";
                    String deputy = city ? "副市长" : head.equals("管委会主任") ? "管委会副主任" : "副" + head;
                    leader(actor, unit, head, areaCode, null, DirectoryRole.PRINCIPAL, DirectoryRole.GOVERNMENT_LEADER);
                    leader(actor, unit, "常务" + deputy, areaCode, null, DirectoryRole.GOVERNMENT_LEADER);
                    leader(actor, unit, deputy, areaCode, null, DirectoryRole.GOVERNMENT_LEADER);
                    if (city) {
                        leader(actor, unit, "副市长", areaCode, null, DirectoryRole.GOVERNMENT_LEADER);
                        leader(actor, unit, "秘书长", areaCode, null, DirectoryRole.SECRETARY_GENERAL);
                        leader(actor, unit, "副秘书长", areaCode, null, DirectoryRole.SECRETARY_GENERAL);
                    }
                }
                case TOWN_STREET -> {
                    boolean street = name.endsWith("办事处");
                    leader(actor, unit, street ? "街道党工委书记" : "镇党委书记", areaCode, null, DirectoryRole.PRINCIPAL);
                    leader(actor, unit, street ? "街道办事处主任" : name.endsWith("乡人民政府") ? "乡长" : "镇长",
                            areaCode, null, DirectoryRole.PRINCIPAL);
                }
                default -> {
                    String head = name.endsWith("委员会") ? "主任" : name.endsWith("中心") ? "中心主任" : "局长";
                    leader(actor, unit, head, areaCode, null, DirectoryRole.PRINCIPAL, DirectoryRole.UNIT_LEADER);
                    leader(actor, unit, head.equals("局长") ? "副局长" : "副" + head, areaCode,
                            name.equals("宝鸡市机关事务服务中心") ? null : "分管值班工作", DirectoryRole.UNIT_LEADER);
                    leader(actor, unit, "综合科科长", areaCode, null, DirectoryRole.SECTION_HEAD);
                    leader(actor, unit, "业务科科长", areaCode, null, DirectoryRole.SECTION_HEAD);
                }
            }
        }
    }

    private void leader(Actor actor, Unit unit, String position, String areaCode, String remark,
            DirectoryRole... roles) {
        people.create(actor, unit.id(), new PersonCommand(names.name(), position, names.mobile(),
                names.officePhone(areaCode), EmploymentType.CIVIL_SERVANT, remark, Set.of(roles), true, null));
    }

    /**
     * Who stands duty in every duty office: its leaders lead, its formal staff stand duty (科员 part-time), a newcomer
     * here and there waits for pre-duty training, and one officer of 金台区 is on leave.
     */
    private void dutyStaff() {
        LocalDate trained = LocalDate.now(clock.withZone(Zones.CHINA)).minusMonths(8);
        staff.forEach((unitName, people) -> {
            Actor office = dutyOfficeOver(unitIds.get(unitName));
            int officers = 0;
            for (PersonView person : people) {
                if (!person.formalStaff()) {
                    continue;
                }
                boolean leader = person.position().contains("主任") && !person.position().startsWith("值班室");
                boolean newcomer = !leader && person.position().equals("值班员") && ++officers == 4;
                dutyStaff.put(office, person.id(), leader ? DutyRole.LEADER : DutyRole.OFFICER,
                        person.position().equals("科员"), newcomer ? null : trained);
            }
        });
        PersonView onLeave = staff.get("金台区人民政府").stream().filter(p -> p.position().equals("科员")).findFirst()
                .orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        dutyStaff.markUnavailable(dutyOfficeOver(unitIds.get("金台区人民政府")), onLeave.id(), today.plusDays(3),
                today.plusDays(7), "年休假");
    }

    /**
     * The duty business (duty staff, rosters, important periods) is done as the duty office head of the unit's
     * jurisdiction: the platform administrators, whose role loads the tree and the accounts, do none of it.
     */
    private Actor dutyOfficeOver(UUID unitId) {
        return new Actor(null, "demo-loader", "演示数据", unitTree.pathTo(unitId).get(0).id(),
                Set.of(Role.DUTY_OFFICE_HEAD));
    }

    /** Rosters of the current and the next month, made by the solver for each jurisdiction at once, then published. */
    private void publishRosters() {
        LocalDate month = LocalDate.now(clock.withZone(Zones.CHINA)).withDayOfMonth(1);
        for (String root : List.of("宝鸡市人民政府", "开封市龙亭区人民政府", "X区人民政府")) {
            Actor actor = dutyOfficeOver(unitIds.get(root));
            for (LocalDate m : List.of(month, month.plusMonths(1))) {
                rosters.solveSubtree(actor, unitIds.get(root), m, Duration.ofSeconds(4), Duration.ofMillis(800));
                for (UUID unit : unitTree.subtreeIds(unitIds.get(root))) {
                    rosters.find(actor, unit, m).ifPresent(roster -> {
                        try {
                            rosters.publish(actor, roster.id());
                        }
                        catch (RuntimeException notPublishable) {
                            log.warn("Demo roster of {} for {} left as a draft: {}", unit, m, notPublishable.getMessage());
                        }
                    });
                }
            }
        }
    }

    /** A few tasks superiors assigned with deadlines, so that the dashboards have something to count down. */
    private void assignTasks() {
        Instant now = clock.instant();
        task("金台区人民政府", "报送辖区节前安全隐患排查情况", now.plus(Duration.ofDays(3)));
        task("渭滨区人民政府", "核查渭河沿线暴雨受灾情况", now.plus(Duration.ofMinutes(150)));
        task("陈仓区人民政府", "报送冬季森林防火值守安排", now.plus(Duration.ofDays(1)));
        task("中山东路街道办事处", "排查辖区独居老人取暖安全", now.plus(Duration.ofHours(6)));
    }

    private void task(String unitName, String title, Instant dueAt) {
        obligations.open(new OpenObligation(unitIds.get(unitName), ObligationKinds.ASSIGNED_TASK.code(), "obligation",
                "assigned:demo:" + title, title, dueAt, null));
    }

    /**
     * 宝鸡市 issued the Baoji rules and 金台区 adopted them by forwarding them (宝金政办发〔2022〕21号); 龙亭区 follows
     * its own 2023 rules and X 区 the district standard. A major meeting is declared an important period by 宝鸡市.
     */
    private void adoptPolicies(Actor actor) {
        policies.attach(actor, unitIds.get("宝鸡市人民政府"), "baoji-2022", null);
        policies.attach(actor, unitIds.get("金台区人民政府"), "baoji-2022", "宝金政办发〔2022〕21号");
        policies.attach(actor, unitIds.get("开封市龙亭区人民政府"), "longting-2023", null);
        policies.attach(actor, unitIds.get("X区人民政府"), "x-district", null);
        int nextYear = LocalDate.now(clock.withZone(Zones.CHINA)).getYear() + 1;
        importantPeriods.declare(dutyOfficeOver(unitIds.get("宝鸡市人民政府")), unitIds.get("宝鸡市人民政府"),
                new ImportantPeriodCommand("全国两会期间",
                LocalDate.of(nextYear, 3, 3).atStartOfDay(Zones.CHINA).toOffsetDateTime(),
                LocalDate.of(nextYear, 3, 16).atStartOfDay(Zones.CHINA).toOffsetDateTime(), "各县区、高新区2人以上同时在岗"));
    }

    private void loadBaoji(Actor actor) {
        UUID city = unit(actor, null, "宝鸡市人民政府", UnitKind.PEOPLES_GOVERNMENT, UnitLevel.CITY,
                "宝鸡市人民政府总值班室", "0917", "宝鸡市金台区行政中心", "721000", 14);
        for (String department : List.of("宝鸡市应急管理局", "宝鸡市公安局", "宝鸡市卫生健康委员会", "宝鸡市交通运输局",
                "宝鸡市水利局")) {
            unit(actor, city, department, UnitKind.WORKING_DEPARTMENT, UnitLevel.CITY, department + "值班室", "0917",
                    "宝鸡市渭滨区", "721000", 6);
        }
        unit(actor, city, "宝鸡市机关事务服务中心", UnitKind.DIRECTLY_AFFILIATED_INSTITUTION, UnitLevel.CITY,
                "宝鸡市机关事务服务中心值班室", "0917", "宝鸡市金台区", "721000", 5);

        UUID jintai = county(actor, city, "金台区人民政府", "金台区", "宝鸡市金台区", "721000");
        towns(actor, jintai, "0917", "宝鸡市金台区", "721000", List.of("中山东路街道办事处", "中山西路街道办事处",
                "群众路街道办事处", "东风路街道办事处", "十里铺街道办事处", "卧龙寺街道办事处", "西关街道办事处",
                "东关街道办事处", "陈仓镇人民政府", "蟠龙镇人民政府", "金河镇人民政府", "硖石镇人民政府"));
        departments(actor, jintai, "金台区", "0917", "721000", List.of("应急管理局", "卫生健康局", "住房和城乡建设局"));

        UUID weibin = county(actor, city, "渭滨区人民政府", "渭滨区", "宝鸡市渭滨区", "721000");
        towns(actor, weibin, "0917", "宝鸡市渭滨区", "721000", List.of("经二路街道办事处", "清姜街道办事处",
                "姜谭路街道办事处", "桥南街道办事处", "金陵街道办事处", "马营镇人民政府", "石鼓镇人民政府",
                "神农镇人民政府", "高家镇人民政府", "八鱼镇人民政府"));
        departments(actor, weibin, "渭滨区", "0917", "721000", List.of("应急管理局"));

        UUID chencang = county(actor, city, "陈仓区人民政府", "陈仓区", "宝鸡市陈仓区", "721300");
        towns(actor, chencang, "0917", "宝鸡市陈仓区", "721300", List.of("虢镇街道办事处", "千渭街道办事处",
                "阳平镇人民政府", "周原镇人民政府", "贾村镇人民政府", "慕仪镇人民政府"));

        UUID qishan = county(actor, city, "岐山县人民政府", "岐山县", "宝鸡市岐山县", "722400");
        towns(actor, qishan, "0917", "宝鸡市岐山县", "722400", List.of("凤鸣镇人民政府", "蔡家坡镇人民政府",
                "益店镇人民政府", "京当镇人民政府"));

        UUID hightech = unit(actor, city, "宝鸡高新区管委会", UnitKind.MANAGEMENT_COMMITTEE, UnitLevel.COUNTY,
                "宝鸡高新区管委会值班室", "0917", "宝鸡市高新开发区", "721013", 10);
        towns(actor, hightech, "0917", "宝鸡市高新开发区", "721013", List.of("千河镇人民政府", "钓渭镇人民政府"));
    }

    private void loadLongting(Actor actor) {
        UUID longting = unit(actor, null, "开封市龙亭区人民政府", UnitKind.PEOPLES_GOVERNMENT, UnitLevel.COUNTY,
                "龙亭区人民政府值班室", "0371", "开封市龙亭区", "475000", 12);
        towns(actor, longting, "0371", "开封市龙亭区", "475000", List.of("北书店街道办事处", "午朝门街道办事处",
                "大院街道办事处", "北道门街道办事处", "城西街道办事处", "北郊乡人民政府", "柳园口乡人民政府",
                "水稻乡人民政府"));
        departments(actor, longting, "龙亭区", "0371", "475000", List.of("应急管理局", "卫生健康委员会",
                "住房和城乡建设局", "市场监督管理局"));
    }

    private void loadXDistrict(Actor actor) {
        UUID district = unit(actor, null, "X区人民政府", UnitKind.PEOPLES_GOVERNMENT, UnitLevel.COUNTY,
                "X区人民政府值班室", "0999", "X区政务中心", "999000", 11);
        towns(actor, district, "0999", "X区", "999000", List.of("城关街道办事处", "东城街道办事处", "西城街道办事处",
                "甲镇人民政府", "乙镇人民政府"));
        departments(actor, district, "X区", "0999", "999000", List.of("应急管理局", "卫生健康局", "交通运输局"));
    }

    private UUID county(Actor actor, UUID city, String name, String shortName, String address, String postcode) {
        return unit(actor, city, name, UnitKind.PEOPLES_GOVERNMENT, UnitLevel.COUNTY, shortName + "人民政府值班室",
                "0917", address, postcode, 12);
    }

    private void towns(Actor actor, UUID parent, String areaCode, String address, String postcode, List<String> towns) {
        for (String town : towns) {
            unit(actor, parent, town, UnitKind.TOWN_STREET, UnitLevel.TOWN, town.replace("人民政府", "")
                    .replace("办事处", "") + "值班室", areaCode, address, postcode, names.between(5, 7));
        }
    }

    private void departments(Actor actor, UUID parent, String prefix, String areaCode, String postcode,
            List<String> departments) {
        for (String department : departments) {
            unit(actor, parent, prefix + department, UnitKind.WORKING_DEPARTMENT, UnitLevel.COUNTY,
                    prefix + department + "值班室", areaCode, prefix, postcode, names.between(5, 8));
        }
    }

    private UUID unit(Actor actor, UUID parent, String name, UnitKind kind, UnitLevel level, String dutyOffice,
            String areaCode, String address, String postcode, int peopleCount) {
        String dutyPhone = names.officePhone(areaCode);
        String fax = names.officePhone(areaCode);
        Unit unit = units.create(actor, new UnitCommand(parent, name, kind, level, dutyOffice, dutyPhone, fax, address,
                postcode, null));
        unitIds.put(name, unit.id());
        staff(actor, unit, areaCode, peopleCount);
        return unit.id();
    }

    /**
     * A duty office's people: the leader in charge of duty work (remark 分管值班工作), the duty office head,
     * duty officers, and in larger offices a few contract, temporary or re-hired staff who may not stand duty.
     */
    private void staff(Actor actor, Unit unit, String areaCode, int count) {
        List<PersonView> created = new ArrayList<>();
        boolean government = unit.kind() == UnitKind.PEOPLES_GOVERNMENT || unit.kind() == UnitKind.MANAGEMENT_COMMITTEE;
        // A department's duty work is in the charge of a deputy head (see leaders), not of its office director.
        boolean department = !government && unit.kind() != UnitKind.TOWN_STREET;
        String[] leaders = government
                ? new String[] { "办公室主任", "办公室副主任" }
                : unit.kind() == UnitKind.TOWN_STREET ? new String[] { "党政办主任", "党政办副主任" }
                        : new String[] { "办公室主任", "办公室副主任" };
        for (int i = 0; i < count; i++) {
            String position;
            String remark = null;
            EmploymentType type = names.chance(75) ? EmploymentType.CIVIL_SERVANT
                    : EmploymentType.PUBLIC_INSTITUTION_STAFF;
            if (i < leaders.length) {
                position = leaders[i];
                type = EmploymentType.CIVIL_SERVANT;
                if (i == 0) {
                    remark = "分管值班工作";
                }
            }
            else if (i == leaders.length) {
                position = government ? "值班室主任" : "值班室负责人";
            }
            else if (count >= 8 && i == count - 1) {
                position = "值班辅助";
                type = EmploymentType.CONTRACT;
            }
            else if (count >= 10 && i == count - 2) {
                position = "值班辅助";
                type = EmploymentType.TEMPORARY;
            }
            else if (count >= 12 && i == count - 3) {
                position = "顾问";
                type = EmploymentType.REHIRED_RETIREE;
            }
            else {
                position = names.chance(60) ? "值班员" : "科员";
            }
            created.add(people.create(actor, unit.id(), new PersonCommand(names.name(), position, names.mobile(),
                    names.officePhone(areaCode), type, department && remark != null ? null : remark,
                    directoryRoles(position, department), true, null)));
        }
        staff.put(unit.name(), created);
    }

    /** What a duty office's own person is in the directory, by post; a department's office director heads a section. */
    private static Set<DirectoryRole> directoryRoles(String position, boolean department) {
        return switch (position) {
            case "办公室主任", "党政办主任" -> department ? Set.of(DirectoryRole.SECTION_HEAD, DirectoryRole.DUTY_OFFICE_STAFF)
                    : Set.of(DirectoryRole.OFFICE_DIRECTOR);
            case "办公室副主任", "党政办副主任" -> department ? Set.of(DirectoryRole.DUTY_OFFICE_STAFF)
                    : Set.of(DirectoryRole.OFFICE_DEPUTY_DIRECTOR);
            case "值班室主任", "值班室负责人" -> Set.of(DirectoryRole.DUTY_OFFICE_HEAD, DirectoryRole.DUTY_OFFICE_STAFF);
            case "值班员", "科员", "值班辅助" -> Set.of(DirectoryRole.DUTY_OFFICE_STAFF);
            default -> Set.of();
        };
    }

    private void loadAccounts(Actor actor) {
        platformAccount(actor, "admin", "系统管理员", Role.SYSTEM_ADMIN);
        platformAccount(actor, "security", "安全管理员", Role.SECURITY_ADMIN);
        platformAccount(actor, "auditor", "安全审计员", Role.AUDIT_ADMIN);
        unitAccount(actor, "baoji", "宝鸡市人民政府", "值班员", EnumSet.of(Role.DUTY_OFFICER));
        unitAccount(actor, "baoji-head", "宝鸡市人民政府", "值班室主任", EnumSet.of(Role.DUTY_OFFICE_HEAD, Role.DUTY_OFFICER));
        unitAccount(actor, "baoji-leader", "宝鸡市人民政府", "办公室副主任", EnumSet.of(Role.LEADER_ON_DUTY));
        unitAccount(actor, "jintai", "金台区人民政府", "值班员", EnumSet.of(Role.DUTY_OFFICER));
        unitAccount(actor, "jintai-head", "金台区人民政府", "值班室主任", EnumSet.of(Role.DUTY_OFFICE_HEAD, Role.DUTY_OFFICER));
        unitAccount(actor, "jintai-leader", "金台区人民政府", "办公室副主任", EnumSet.of(Role.LEADER_ON_DUTY));
        unitAccount(actor, "jintai-admin", "金台区人民政府", "办公室主任", EnumSet.of(Role.UNIT_ADMIN));
        unitAccount(actor, "longting", "开封市龙亭区人民政府", "值班员", EnumSet.of(Role.DUTY_OFFICER));
        unitAccount(actor, "xdistrict", "X区人民政府", "值班员", EnumSet.of(Role.DUTY_OFFICER));
    }

    private void platformAccount(Actor actor, String username, String displayName, Role role) {
        accounts.create(actor, new AccountCommand(username, displayName, null, DEMO_PASSWORD, EnumSet.of(role)),
                Accounts.FirstLogin.KEEP_PASSWORD);
    }

    private void unitAccount(Actor actor, String username, String unitName, String position, Set<Role> roles) {
        PersonView person = staff.get(unitName).stream()
                .filter(p -> p.position().equals(position) && p.formalStaff())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + position + " in " + unitName));
        accounts.create(actor, new AccountCommand(username, null, person.id(), DEMO_PASSWORD, roles),
                Accounts.FirstLogin.KEEP_PASSWORD);
    }
}
