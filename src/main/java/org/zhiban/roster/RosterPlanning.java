package org.zhiban.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.zhiban.calendar.DayKind;
import org.zhiban.calendar.ImportantPeriod;
import org.zhiban.calendar.ImportantPeriods;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.organization.Person;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.RuleValue;
import org.zhiban.roster.internal.RosterRepository;
import org.zhiban.roster.solver.Candidate;
import org.zhiban.roster.solver.PlannedShift;
import org.zhiban.roster.solver.RosterPlan;
import org.zhiban.roster.solver.Slot;
import org.zhiban.roster.solver.UnitRules;
import org.zhiban.shared.Zones;

/**
 * Builds the planning problem of one or more rosters from the database — candidates, shifts with their unit's
 * rules from the effective policy, important periods and holidays, positions with who holds them — and the shifts
 * of a new month from a unit's shift pattern.
 */
@Component
class RosterPlanning {

    /** The pattern a unit gets until it sets its own: one 24-hour shift from 08:30 with one duty officer. */
    static final List<ShiftTemplate> DEFAULT_PATTERN = List.of(new ShiftTemplate(null, null, "24小时班",
            LocalTime.of(8, 30), Duration.ofHours(24), 1, 1));

    private final RosterRepository repository;
    private final UnitTree unitTree;
    private final DutyPolicies policies;
    private final WorkingCalendar calendar;
    private final ImportantPeriods importantPeriods;
    private final DutyStaff dutyStaff;
    private final Duration minRest;

    RosterPlanning(RosterRepository repository, UnitTree unitTree, DutyPolicies policies, WorkingCalendar calendar,
            ImportantPeriods importantPeriods, DutyStaff dutyStaff,
            @Value("${zhiban.roster.min-rest:PT24H}") Duration minRest) {
        this.repository = repository;
        this.dutyStaff = dutyStaff;
        this.unitTree = unitTree;
        this.policies = policies;
        this.calendar = calendar;
        this.importantPeriods = importantPeriods;
        this.minRest = minRest;
    }

    /** See {@link DutyStaff#leadingUnit}. */
    UUID leadingUnit(UUID unitId) {
        return dutyStaff.leadingUnit(unitId);
    }

    List<ShiftTemplate> pattern(UUID unitId) {
        List<ShiftTemplate> templates = repository.templates(unitId);
        return templates.isEmpty() ? DEFAULT_PATTERN : templates;
    }

    /** The shifts and positions of a new month: every day, every shift of the pattern, more officers in important periods. */
    void createMonth(UUID rosterId, Unit unit, LocalDate month) {
        UnitRules rules = rules(unit);
        Instant monthStart = month.atStartOfDay(Zones.CHINA).toInstant();
        List<ImportantPeriod> important = importantPeriods.applying(unit.id(), monthStart,
                month.plusMonths(1).plusDays(1).atStartOfDay(Zones.CHINA).toInstant());
        List<RosterRepository.ShiftRow> shifts = new ArrayList<>();
        List<RosterRepository.SlotRow> slots = new ArrayList<>();
        for (LocalDate day = month; day.getMonth() == month.getMonth(); day = day.plusDays(1)) {
            for (ShiftTemplate template : pattern(unit.id())) {
                Instant start = day.atTime(template.startTime()).atZone(Zones.CHINA).toInstant();
                Instant end = start.plus(template.duration());
                boolean inImportantPeriod = important.stream().anyMatch(p -> p.overlaps(start, end));
                int officers = inImportantPeriod ? Math.max(template.officers(), rules.importantPeriodMinOnDuty())
                        : template.officers();
                UUID shiftId = UUID.randomUUID();
                shifts.add(new RosterRepository.ShiftRow(shiftId, rosterId, unit.id(), template.name(), day, start, end,
                        officers));
                slots.add(new RosterRepository.SlotRow(UUID.randomUUID(), shiftId, DutyRole.LEADER, 0, null, false, null));
                for (int i = 0; i < officers; i++) {
                    slots.add(new RosterRepository.SlotRow(UUID.randomUUID(), shiftId, DutyRole.OFFICER, i, null, false,
                            null));
                }
            }
        }
        repository.insertShifts(shifts);
        repository.insertSlots(slots);
    }

    /**
     * The planning problem of some rosters: their shifts and positions, the units' candidates, and — so that a
     * leader never leads two units at once — the leader positions these candidates hold in other rosters, pinned.
     */
    RosterPlan plan(List<RosterRepository.RosterRow> rosters) {
        return plan(rosters, true);
    }

    /**
     * As above; {@code wholeMonths} false when only some days will be filled, so that monthly minimums (part-time
     * staff's shifts) do not crowd those few days.
     */
    RosterPlan plan(List<RosterRepository.RosterRow> rosters, boolean wholeMonths) {
        Map<UUID, Unit> units = rosters.stream().map(RosterRepository.RosterRow::unitId).distinct()
                .collect(Collectors.toMap(Function.identity(), id -> unitTree.find(id).orElseThrow()));
        Map<UUID, UnitRules> rules = new HashMap<>();
        units.values().forEach(u -> rules.put(u.id(), rules(u)));
        LocalDate first = rosters.stream().map(RosterRepository.RosterRow::month).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = rosters.stream().map(r -> r.month().plusMonths(1).minusDays(1)).max(LocalDate::compareTo)
                .orElseThrow();
        // Units whose staff has leaders lead themselves; only the others need their superiors looked at.
        Set<UUID> withLeaders = repository.staff(List.copyOf(units.keySet())).stream()
                .filter(row -> row.role() == DutyRole.LEADER).map(RosterRepository.StaffRow::unitId)
                .collect(Collectors.toSet());
        Map<UUID, UUID> leading = new HashMap<>();
        units.keySet().forEach(id -> leading.put(id, withLeaders.contains(id) ? id : dutyStaff.lender(id)));
        Set<UUID> staffed = new HashSet<>(units.keySet());
        staffed.addAll(leading.values());
        // Of a lending unit outside these rosters only its leaders take part: its officers have no position here.
        List<Candidate> candidates = candidates(List.copyOf(staffed), first, last, wholeMonths).stream()
                .filter(c -> units.containsKey(c.unitId()) || c.role() == DutyRole.LEADER).toList();
        Map<UUID, Candidate> byId = candidates.stream().collect(Collectors.toMap(Candidate::id, Function.identity()));

        List<PlannedShift> shifts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        for (RosterRepository.RosterRow roster : rosters) {
            Map<UUID, PlannedShift> planned = new HashMap<>();
            List<ImportantPeriod> important = importantPeriods.applying(roster.unitId(),
                    roster.month().atStartOfDay(Zones.CHINA).toInstant(),
                    roster.month().plusMonths(1).plusDays(1).atStartOfDay(Zones.CHINA).toInstant());
            for (RosterRepository.ShiftRow row : repository.shifts(roster.id())) {
                PlannedShift shift = shift(row, rules.get(row.unitId()), important);
                planned.put(row.id(), shift);
                shifts.add(shift);
            }
            List<Candidate> leaders = candidates.stream()
                    .filter(c -> c.unitId().equals(leading.get(roster.unitId())) && c.role() == DutyRole.LEADER).toList();
            List<Candidate> officers = candidates.stream()
                    .filter(c -> c.unitId().equals(roster.unitId()) && c.role() == DutyRole.OFFICER).toList();
            for (RosterRepository.SlotRow row : repository.slots(roster.id())) {
                Candidate holder = row.personId() == null ? null : byId.computeIfAbsent(row.personId(),
                        id -> outsider(id, roster.unitId()));
                List<Candidate> range = row.role() == DutyRole.LEADER ? leaders : officers;
                slots.add(new Slot(row.id(), planned.get(row.shiftId()), row.role(), row.position(),
                        withHolder(range, holder), holder, row.pinned()));
            }
        }
        addLeaderCommitmentsElsewhere(rosters, candidates, byId, shifts, slots, first, last);
        return new RosterPlan(List.copyOf(byId.values()), shifts, slots);
    }

    private void addLeaderCommitmentsElsewhere(List<RosterRepository.RosterRow> rosters, List<Candidate> candidates,
            Map<UUID, Candidate> byId, List<PlannedShift> shifts, List<Slot> slots, LocalDate first, LocalDate last) {
        List<UUID> leaders = candidates.stream().filter(c -> c.role() == DutyRole.LEADER).map(Candidate::id).toList();
        Map<UUID, UnitRules> otherRules = new HashMap<>();
        for (RosterRepository.ExternalLeaderShift other : repository.leaderShiftsElsewhere(leaders,
                rosters.stream().map(RosterRepository.RosterRow::id).toList(),
                first.atStartOfDay(Zones.CHINA).toInstant(), last.plusDays(2).atStartOfDay(Zones.CHINA).toInstant())) {
            UnitRules rules = otherRules.computeIfAbsent(other.unitId(), id -> rules(unitTree.find(id).orElseThrow()));
            PlannedShift shift = new PlannedShift(other.shiftId(), rules, other.day(), other.start(), other.end(),
                    false, false, false);
            shifts.add(shift);
            Candidate leader = byId.get(other.personId());
            slots.add(Slot.elsewhere(shift, leader));
        }
    }

    /** The people who stand duty in the units, with availability and training, and monthly minimums for whole months. */
    List<Candidate> candidates(List<UUID> unitIds, LocalDate first, LocalDate last, boolean wholeMonths) {
        List<RosterRepository.StaffRow> staff = repository.staff(unitIds);
        Map<UUID, Set<LocalDate>> unavailable = repository.unavailability(
                staff.stream().map(RosterRepository.StaffRow::personId).toList(), first.minusDays(1), last.plusDays(1));
        Map<UUID, Integer> partTimeMinimum = new HashMap<>();
        for (UUID unitId : unitIds) {
            partTimeMinimum.put(unitId, policies.effective(unitId).value(RuleKey.PART_TIME_MIN_SHIFTS_PER_MONTH)
                    .map(RuleValue::asInt).orElse(0));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (RosterRepository.StaffRow row : staff) {
            Person person = unitTree.findPerson(row.personId()).orElse(null);
            if (person == null || !person.active()) {
                continue;
            }
            int minimum = row.partTime() && wholeMonths ? partTimeMinimum.getOrDefault(row.unitId(), 0) : 0;
            candidates.add(new Candidate(row.personId(), row.unitId(), person.name(), row.role(),
                    person.isFormalStaff(), row.partTime(), row.trainedOn(),
                    unavailable.getOrDefault(row.personId(), Set.of()), minimum));
        }
        return candidates;
    }

    /** A position's value range must contain whoever holds it, even someone who is not on the duty staff. */
    private static List<Candidate> withHolder(List<Candidate> range, Candidate holder) {
        if (holder == null || range.contains(holder)) {
            return range;
        }
        List<Candidate> extended = new ArrayList<>(range);
        extended.add(holder);
        return extended;
    }

    /** Someone holding a position who is not (or no longer) on the unit's duty staff: checked like anyone else. */
    private Candidate outsider(UUID personId, UUID unitId) {
        Person person = unitTree.findPerson(personId).orElseThrow();
        return new Candidate(personId, unitId, person.name(), DutyRole.OFFICER, person.isFormalStaff(), false, null,
                Set.of(), 0);
    }

    /** A shift for planning: a night shift runs through 02:00; weekends and holidays from the official calendar. */
    PlannedShift shift(RosterRepository.ShiftRow row, UnitRules rules, List<ImportantPeriod> important) {
        DayKind kind = calendar.day(row.day()).kind();
        Instant twoAtNight = row.day().plusDays(1).atTime(2, 0).atZone(Zones.CHINA).toInstant();
        boolean night = row.start().isBefore(twoAtNight) && row.end().isAfter(twoAtNight);
        boolean inImportantPeriod = important.stream().anyMatch(p -> p.overlaps(row.start(), row.end()));
        return new PlannedShift(row.id(), rules, row.day(), row.start(), row.end(), night,
                kind == DayKind.WEEKEND || kind == DayKind.HOLIDAY, inImportantPeriod);
    }

    /** The roster rules of a unit from its effective policy. */
    UnitRules rules(Unit unit) {
        EffectivePolicy policy = policies.effective(unit.id());
        boolean countyGovernmentOrHighTech = unit.kind() == UnitKind.MANAGEMENT_COMMITTEE
                || unit.kind() == UnitKind.PEOPLES_GOVERNMENT && unit.level() == UnitLevel.COUNTY;
        return new UnitRules(unit.id(),
                policy.value(RuleKey.SHIFT_MIN_DURATION).map(RuleValue::asDuration).orElse(null),
                minRest,
                policy.requires(RuleKey.DUTY_FORMAL_STAFF_ONLY),
                policy.requires(RuleKey.SHIFT_OFFICER_NOT_LEADER),
                policy.requires(RuleKey.LEADER_ONE_UNIT_AT_A_TIME),
                policy.requires(RuleKey.TRAINING_PRE_DUTY),
                countyGovernmentOrHighTech ? policy.value(RuleKey.IMPORTANT_PERIOD_MIN_ON_DUTY).map(RuleValue::asInt)
                        .orElse(0) : 0,
                policy.value(RuleKey.PART_TIME_MIN_SHIFTS_PER_MONTH).map(RuleValue::asInt).orElse(0));
    }
}
