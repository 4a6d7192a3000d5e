package org.zhiban.roster;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.organization.People;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.roster.internal.RosterRepository;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Who is on duty at an instant (一单位一号): the unit's duty phone, the shift, its leader on duty and duty officers,
 * from published rosters. Mobiles are masked unless revealed, and each reveal is audited.
 */
@Service
public class OnDuty {

    private final RosterRepository repository;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final People people;
    private final OnDutyBoard board;

    OnDuty(RosterRepository repository, UnitTree unitTree, UnitScope scope, People people, OnDutyBoard board) {
        this.repository = repository;
        this.board = board;
        this.unitTree = unitTree;
        this.scope = scope;
        this.people = people;
    }

    @Transactional
    public View of(Actor actor, UUID unitId, Instant at, boolean reveal) {
        Unit unit = unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND",
                "单位不存在：" + unitId));
        scope.requireVisible(actor, unitId);
        View view = view(unit, at);
        return reveal ? revealed(actor, view) : view;
    }

    /** The unit's duty at an instant, without a scope check: for other modules (the duty log's shift). */
    @Transactional(readOnly = true)
    public View current(UUID unitId, Instant at) {
        return view(unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND",
                "单位不存在：" + unitId)), at);
    }

    private View view(Unit unit, Instant at) {
        List<RosterRepository.OnDutyRow> rows = board.day(at).map(day -> day.getOrDefault(unit.id(), List.of()))
                .orElseGet(() -> repository.onDuty(unit.id(), at));
        return views(List.of(unit), Map.of(unit.id(), rows), at).get(0);
    }

    /**
     * Every unit below one in the order of the tree (each unit followed by its own subordinates), with gaps (nobody
     * rostered) shown as such; mobiles masked.
     */
    @Transactional(readOnly = true)
    public List<View> below(Actor actor, UUID unitId, Instant at) {
        unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + unitId));
        scope.requireVisible(actor, unitId);
        List<Unit> below = treeOrder(unitId, unitTree.below(unitId));
        Map<UUID, List<RosterRepository.OnDutyRow>> rows = board.day(at).orElseGet(() -> repository
                .onDutyBelow(unitId, at).stream().collect(Collectors.groupingBy(RosterRepository.OnDutyRow::unitId)));
        return views(below, rows, at);
    }

    /**
     * Who is on duty below a unit, summarised for a superior: each direct subordinate with its own duty and, over its
     * subtree, how many units there are and how many have nobody on duty; and the first of those gaps anywhere below.
     * A province's ten thousand units become a page of its cities and departments and the list of who is uncovered.
     */
    @Transactional(readOnly = true)
    public Subordinates subordinates(Actor actor, UUID unitId, Instant at, int gapLimit) {
        List<View> below = below(actor, unitId, at);
        Map<UUID, UUID> childOf = new HashMap<>();
        Map<UUID, long[]> counts = new HashMap<>();
        List<View> children = new ArrayList<>();
        List<View> gaps = new ArrayList<>();
        long gapCount = 0;
        // Tree order puts every unit after its parent, so a unit's direct subordinate of the root is its parent's.
        for (View view : below) {
            UUID child = unitId.equals(view.parentId()) ? view.unitId() : childOf.get(view.parentId());
            childOf.put(view.unitId(), child);
            if (child.equals(view.unitId())) {
                children.add(view);
                counts.put(child, new long[2]);
            }
            else {
                long[] c = counts.get(child);
                c[0]++;
                c[1] += view.gap() ? 1 : 0;
            }
            if (view.gap()) {
                gapCount++;
                if (gaps.size() < gapLimit) {
                    gaps.add(view);
                }
            }
        }
        return new Subordinates(children.stream().map(v -> new SubordinateDuty(v, counts.get(v.unitId())[0],
                counts.get(v.unitId())[1])).toList(), below.size(), gapCount, gaps);
    }

    private static List<Unit> treeOrder(UUID rootId, List<Unit> units) {
        Map<UUID, List<Unit>> children = new HashMap<>();
        units.forEach(u -> children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u));
        children.values().forEach(list -> list.sort(Comparator.comparing(Unit::level).thenComparing(Unit::kind)
                .thenComparing(Unit::name)));
        List<Unit> ordered = new ArrayList<>(units.size());
        appendBelow(rootId, children, ordered);
        return ordered;
    }

    private static void appendBelow(UUID parentId, Map<UUID, List<Unit>> children, List<Unit> ordered) {
        for (Unit child : children.getOrDefault(parentId, List.of())) {
            ordered.add(child);
            appendBelow(child.id(), children, ordered);
        }
    }

    /** Each unit's view from the positions of its shifts (a day's, or just those running) at the instant. */
    private List<View> views(List<Unit> units, Map<UUID, List<RosterRepository.OnDutyRow>> rows, Instant at) {
        List<View> views = new ArrayList<>(units.size());
        for (Unit unit : units) {
            List<RosterRepository.OnDutyRow> running = rows.getOrDefault(unit.id(), List.of()).stream()
                    .filter(r -> !r.start().isAfter(at) && r.end().isAfter(at)).toList();
            ShiftTime shift = running.isEmpty() ? null : new ShiftTime(Zones.china(running.get(0).start()),
                    Zones.china(running.get(0).end()));
            PersonOnDuty leader = running.stream().filter(r -> r.role() == DutyRole.LEADER && r.personId() != null)
                    .findFirst().map(this::person).orElse(null);
            List<PersonOnDuty> officers = running.stream()
                    .filter(r -> r.role() == DutyRole.OFFICER && r.personId() != null).map(this::person).toList();
            views.add(new View(unit.id(), unit.parentId(), unit.name(), unit.dutyPhone(), shift, leader, officers));
        }
        return views;
    }

    private View revealed(Actor actor, View view) {
        PersonOnDuty leader = view.leaderOnDuty() == null ? null : reveal(actor, view.leaderOnDuty());
        List<PersonOnDuty> officers = view.dutyOfficers().stream().map(p -> reveal(actor, p)).toList();
        return new View(view.unitId(), view.parentId(), view.unitName(), view.dutyPhone(), view.shift(), leader, officers);
    }

    private PersonOnDuty reveal(Actor actor, PersonOnDuty person) {
        return new PersonOnDuty(person.personId(), person.name(), people.revealPhones(actor, person.personId()).mobile());
    }

    private PersonOnDuty person(RosterRepository.OnDutyRow row) {
        return new PersonOnDuty(row.personId(), row.name(), people.maskedMobile(row.personId(), row.mobile()));
    }


    /** A unit on duty; {@code shift} null is a gap: nobody rostered at that time. */
    public record View(UUID unitId, UUID parentId, String unitName, String dutyPhone, ShiftTime shift, PersonOnDuty leaderOnDuty,
            List<PersonOnDuty> dutyOfficers) {

        public boolean gap() {
            return shift == null || leaderOnDuty == null || dutyOfficers.isEmpty();
        }
    }

    /** A direct subordinate's own duty, and over the units below it: how many, and how many with nobody on duty. */
    public record SubordinateDuty(View duty, long unitsBelow, long gapsBelow) {
    }

    /** @param firstGaps the first units with nobody on duty, in the order of the tree */
    public record Subordinates(List<SubordinateDuty> children, long units, long gaps, List<View> firstGaps) {
    }

    public record ShiftTime(OffsetDateTime start, OffsetDateTime end) {
    }

    public record PersonOnDuty(UUID personId, String name, String mobile) {
    }
}
