package org.zhiban.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.directory.DirectoryEntry.DirectoryPerson;
import org.zhiban.directory.DirectoryEntry.DirectoryUnit;
import org.zhiban.directory.internal.ReviewRepository;
import org.zhiban.organization.DirectoryRole;
import org.zhiban.organization.Person;
import org.zhiban.organization.PhoneNumbers;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.Actor;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * The duty directory (值班通讯录, 宝政办发〔2022〕43号 第九条): built from the organization's units and people — no
 * second copy of anyone — so a change shows at once. A superior searches its whole subtree by name, unit, post,
 * pinyin initials or a whole number, and sees which directories are incomplete by their own policy.
 */
@Service
public class DutyDirectory {

    static final int SEARCH_LIMIT = 50;
    /** An entry neither reviewed nor changed for longer than a quarter is stale. */
    static final Duration STALE_AFTER = Duration.ofDays(92);
    private static final int INCOMPLETE_LIMIT = 500;
    private static final int BATCH = 500;
    static final int PRINT_LIMIT = 1000;

    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final ReviewRepository reviews;
    private final AuditTrail audit;
    private final Clock clock;

    DutyDirectory(UnitTree unitTree, UnitScope scope, DutyPolicies policies, ReviewRepository reviews,
            AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** A search of the subtree below a unit (the caller's own when none is given); a blank query finds nothing. */
    @Transactional(readOnly = true)
    public SearchResult search(Actor actor, UUID unitId, String query, UnitLevel level) {
        Unit root = visibleUnit(actor, unitId);
        if (query == null || query.isBlank()) {
            return new SearchResult(unit(root), List.of(), List.of());
        }
        if (query.trim().length() > 50) {
            throw ZhibanException.invalidField("q", "查询内容不超过 50 个字");
        }
        UnitTree.DirectoryMatches matches = unitTree.searchDirectory(root.id(), query, level, SEARCH_LIMIT);
        Map<UUID, String> names = unitTree.findAll(matches.people().stream().map(Person::unitId).distinct().toList())
                .stream().collect(Collectors.toMap(Unit::id, Unit::name));
        return new SearchResult(unit(root), matches.units().stream().map(DutyDirectory::unit).toList(),
                people(matches.people(), names, Map.of(), Map.of()));
    }

    /** A unit's own entry: the institution, the people its level lists, what it lacks and how current it is. */
    @Transactional(readOnly = true)
    public DirectoryEntry entry(Actor actor, UUID unitId) {
        Unit unit = visibleUnit(actor, unitId);
        List<Person> everyone = unitTree.activePeopleIn(List.of(unit.id()));
        List<Person> listed = DirectoryContents.listed(unit, everyone);
        Optional<EffectiveRule> contents = policies.effective(unit.id()).rule(RuleKey.DIRECTORY_CONTENTS);
        Instant reviewed = reviews.lastReviewed(List.of(unit.id())).get(unit.id());
        Map<UUID, Instant> changed = unitTree.lastChanged(listed.stream().map(Person::id).toList());
        List<DirectoryPerson> people = people(listed, Map.of(unit.id(), unit.name()), changed,
                reviewed == null ? Map.of() : Map.of(unit.id(), reviewed));
        // A correction confirms as a review does: an entry changed last month is not stale for want of a review.
        Instant confirmed = changed.values().stream().reduce(reviewed, DutyDirectory::latest);
        return new DirectoryEntry(unit(unit), people,
                contents.map(rule -> DirectoryContents.missing(unit, everyone)).orElse(null),
                contents.map(EffectiveRule::citation).orElse(null), reviewed == null ? null : Zones.china(reviewed),
                isStale(confirmed));
    }

    /**
     * The units below one whose directory is incomplete by their own policy, each with what it lacks, a few hundred
     * at most, with how many were checked: what a city's duty office chases before the quarter's review.
     */
    @Transactional(readOnly = true)
    public Incomplete incomplete(Actor actor, UUID unitId) {
        Unit root = visibleUnit(actor, unitId);
        List<Unit> units = new ArrayList<>(List.of(root));
        units.addAll(unitTree.below(root.id()));
        List<IncompleteUnit> incomplete = new ArrayList<>();
        int checked = 0;
        long total = 0;
        for (int from = 0; from < units.size(); from += BATCH) {
            List<Unit> batch = units.subList(from, Math.min(units.size(), from + BATCH));
            Map<UUID, List<Person>> people = peopleOf(batch);
            for (Unit unit : batch) {
                Optional<EffectiveRule> contents = policies.effective(unit.id()).rule(RuleKey.DIRECTORY_CONTENTS);
                if (contents.isEmpty()) {
                    continue;
                }
                checked++;
                List<String> missing = DirectoryContents.missing(unit, people.getOrDefault(unit.id(), List.of()));
                if (!missing.isEmpty()) {
                    total++;
                    if (incomplete.size() < INCOMPLETE_LIMIT) {
                        incomplete.add(new IncompleteUnit(unit.id(), unit.name(), unit.level().label(), missing,
                                contents.get().citation()));
                    }
                }
            }
        }
        return new Incomplete(checked, total, incomplete);
    }

    /**
     * The directory of a unit and its subtree, by level, with full numbers, for the export and the print page (their
     * callers audit it): units sorted by their parent's name, then their own, so each county's towns stand together.
     * At most {@code limit} units are listed; {@code level}, if given, keeps only that level.
     */
    @Transactional(readOnly = true)
    public DirectoryBook book(Actor actor, UUID unitId, UnitLevel level, int limit) {
        Unit root = visibleUnit(actor, unitId);
        List<Unit> units = new ArrayList<>(List.of(root));
        units.addAll(unitTree.below(root.id()));
        Map<UUID, String> names = units.stream().collect(Collectors.toMap(Unit::id, Unit::name));
        List<Unit> chosen = units.stream().filter(u -> level == null || u.level() == level)
                .sorted(Comparator.comparing((Unit u) -> u.level())
                        .thenComparing(u -> names.getOrDefault(u.parentId(), ""))
                        .thenComparing(Unit::name))
                .toList();
        List<Unit> listed = chosen.subList(0, Math.min(limit, chosen.size()));
        Map<UUID, List<Person>> people = everyoneListed(listed).stream()
                .collect(Collectors.groupingBy(Person::unitId));
        Map<UnitLevel, List<DirectoryBook.Listing>> byLevel = new EnumMap<>(UnitLevel.class);
        listed.forEach(u -> byLevel.computeIfAbsent(u.level(), l -> new ArrayList<>())
                .add(new DirectoryBook.Listing(u, people.getOrDefault(u.id(), List.of()))));
        return new DirectoryBook(root, Zones.china(clock.instant()), byLevel.entrySet().stream()
                .map(e -> new DirectoryBook.Level(e.getKey(), e.getValue())).toList(), chosen.size() - listed.size());
    }

    /**
     * The directory as its print page shows it, full numbers, so audited as an export. A city's subtree prints whole;
     * a province's is printed a level at a time, and past {@value #PRINT_LIMIT} units the .xlsx has the rest.
     */
    @Transactional
    public DirectoryBook print(Actor actor, UUID unitId, UnitLevel level) {
        DirectoryBook book = book(actor, unitId, level, PRINT_LIMIT);
        audit.record("EXPORTED", "directory:" + book.root().id(), AuditOutcome.SUCCESS, "打印值班通讯录："
                + (level == null ? "全部层级" : level.label()) + "，" + book.units() + " 个单位");
        return book;
    }

    /** The people each unit's level lists, in batches of units. */
    private List<Person> everyoneListed(List<Unit> units) {
        List<Person> listed = new ArrayList<>();
        for (int from = 0; from < units.size(); from += BATCH) {
            List<Unit> batch = units.subList(from, Math.min(units.size(), from + BATCH));
            Map<UUID, List<Person>> people = peopleOf(batch);
            batch.forEach(u -> listed.addAll(DirectoryContents.listed(u, people.getOrDefault(u.id(), List.of()))));
        }
        return listed;
    }

    /** The active people of a batch of units, by unit: one query for the batch. */
    private Map<UUID, List<Person>> peopleOf(List<Unit> batch) {
        return unitTree.activePeopleIn(batch.stream().map(Unit::id).toList()).stream()
                .collect(Collectors.groupingBy(Person::unitId));
    }

    Unit visibleUnit(Actor actor, UUID unitId) {
        UUID id = unitId != null ? unitId : actor.unitId();
        if (id == null) {
            throw ZhibanException.invalidField("unitId", "请指定单位");
        }
        Unit unit = unitTree.find(id).orElseThrow(() -> UnitScope.unitNotFound(id));
        scope.requireVisible(actor, id);
        return unit;
    }

    private boolean isStale(Instant confirmed) {
        return isStale(confirmed, clock.instant());
    }

    /** Stale: neither reviewed nor changed for longer than a quarter (第二十五条), or never confirmed at all. */
    static boolean isStale(Instant confirmed, Instant now) {
        return confirmed == null || confirmed.isBefore(now.minus(STALE_AFTER));
    }

    private List<DirectoryPerson> people(List<Person> people, Map<UUID, String> unitNames, Map<UUID, Instant> changed,
            Map<UUID, Instant> reviewed) {
        return people.stream().map(p -> {
            Instant confirmed = latest(changed.get(p.id()), reviewed.get(p.unitId()));
            return new DirectoryPerson(p.id(), p.unitId(), unitNames.getOrDefault(p.unitId(), ""), p.name(),
                    p.position(), p.directoryRoles().stream().sorted().map(DirectoryRole::label).toList(),
                    PhoneNumbers.mask(p.mobile()), PhoneNumbers.mask(p.officePhone()), p.remark(),
                    confirmed == null ? null : Zones.china(confirmed), !changed.isEmpty() && isStale(confirmed));
        }).toList();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    static DirectoryUnit unit(Unit u) {
        return new DirectoryUnit(u.id(), u.name(), u.level().label(), u.kind().label(), u.dutyOfficeName(),
                u.dutyPhone(), u.fax(), u.address(), u.postcode());
    }

    /** What a search found below {@code root}. */
    public record SearchResult(DirectoryUnit root, List<DirectoryUnit> units, List<DirectoryPerson> people) {
    }

    public record Incomplete(int checked, long incomplete, List<IncompleteUnit> units) {
    }

    public record IncompleteUnit(UUID unitId, String unitName, String level, List<String> missing, String citation) {
    }
}
