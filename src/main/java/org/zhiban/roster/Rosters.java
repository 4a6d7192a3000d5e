package org.zhiban.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.organization.Person;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.roster.internal.RosterRepository;
import org.zhiban.roster.internal.SwapRepository;
import org.zhiban.roster.solver.RosterPlan;
import org.zhiban.roster.solver.RuleBreach;
import org.zhiban.roster.solver.Slot;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Monthly rosters on behalf of a person: creating a month from the unit's shift pattern, assigning by hand (pinned),
 * checking every rule with its citation, filling automatically, and publishing — which hard violations block.
 */
@Service
public class Rosters {

    /** A unit's month solves in seconds; a page may stop it earlier. */
    static final Duration UNIT_LIMIT = Duration.ofSeconds(20);
    static final Duration UNIT_UNIMPROVED = Duration.ofSeconds(2);
    static final Duration PERIOD_LIMIT = Duration.ofSeconds(10);
    static final Duration PERIOD_UNIMPROVED = Duration.ofSeconds(1);
    static final int MAX_PERIOD_DAYS = 31;

    private final RosterRepository repository;
    private final SwapRepository changes;
    private final RosterPlanning planning;
    private final RosterSolver solver;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final OnDutyBoard board;
    private final Clock clock;
    private final Map<UUID, SolveProgress> progress = new ConcurrentHashMap<>();

    Rosters(RosterRepository repository, SwapRepository changes, RosterPlanning planning, RosterSolver solver, UnitTree unitTree,
            UnitScope scope, DutyPolicies policies, OnDutyBoard board, AuditTrail audit, TransactionTemplate transaction,
            Clock clock) {
        this.repository = repository;
        this.board = board;
        this.changes = changes;
        this.planning = planning;
        this.solver = solver;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Roster> find(Actor actor, UUID unitId, LocalDate month) {
        requireVisible(actor, unitId);
        return repository.roster(unitId, firstOfMonth(month)).map(this::view);
    }

    @Transactional(readOnly = true)
    public Roster get(Actor actor, UUID rosterId) {
        RosterRepository.RosterRow row = repository.rosterById(rosterId).orElseThrow(() -> notFound(rosterId));
        requireVisible(actor, row.unitId(), () -> notFound(row.id()));
        return view(row);
    }

    /** Creates a month's roster from the unit's shift pattern, every position empty. */
    @Transactional
    public Roster create(Actor actor, UUID unitId, LocalDate month) {
        Unit unit = requireManageable(actor, unitId);
        LocalDate first = firstOfMonth(month);
        if (repository.roster(unitId, first).isPresent()) {
            throw ZhibanException.conflict("ROSTER_EXISTS", unit.name() + first.getYear() + "年" + first.getMonthValue()
                    + "月的值班表已存在");
        }
        RosterRepository.RosterRow row = new RosterRepository.RosterRow(UUID.randomUUID(), unitId, first,
                RosterStatus.DRAFT, null, 0);
        repository.insertRoster(row);
        planning.createMonth(row.id(), unit, first);
        audit.record("ROSTER_CREATED", "roster:" + row.id(), AuditOutcome.SUCCESS,
                unit.name() + " " + first.getYear() + "年" + first.getMonthValue() + "月");
        return view(row);
    }

    /** Puts a person in a position by hand (or empties it); the solver then leaves it as it is. */
    @Transactional
    public Roster assign(Actor actor, UUID slotId, UUID personId) {
        UUID rosterId = repository.rosterOfSlot(slotId).orElseThrow(() -> ZhibanException.notFound("SLOT_NOT_FOUND",
                "岗位不存在：" + slotId));
        RosterRepository.RosterRow roster = lockDraft(actor, rosterId);
        RosterRepository.SlotRow slot = repository.slot(slotId).orElseThrow();
        if (personId != null) {
            Person person = unitTree.findPerson(personId).orElseThrow(() -> ZhibanException.invalidField("personId",
                    "人员不存在：" + personId));
            if (!person.unitId().equals(roster.unitId()) && !unitTree.isWithin(roster.unitId(), person.unitId())
                    && !person.unitId().equals(planning.leadingUnit(roster.unitId()))) {
                // Not named: the person may be of another tree.
                throw ZhibanException.invalidField("personId", "所选人员不是本单位（或为本单位带班的上级单位）的值班人员");
            }
        }
        apply(actor, rosterId, List.of(slot), List.of(slot.with(personId, personId != null, "MANUAL")));
        audit.record("ROSTER_ASSIGNED", "roster:" + rosterId, AuditOutcome.SUCCESS,
                slot.role().label() + " " + (personId == null ? "清空" : personName(personId)));
        return view(repository.rosterById(rosterId).orElseThrow());
    }

    /**
     * Puts people in positions of one roster by hand (or by import), keeping each actual change in the roster's
     * history; the solver leaves positions set this way as they are.
     */
    void apply(Actor actor, UUID rosterId, List<RosterRepository.SlotRow> before, List<RosterRepository.SlotRow> after) {
        repository.updateSlots(after);
        repository.touch(rosterId);
        Instant now = clock.instant();
        for (int i = 0; i < after.size(); i++) {
            UUID from = before.get(i).personId();
            UUID to = after.get(i).personId();
            if (!Objects.equals(from, to)) {
                changes.insertChange(new SwapRepository.ChangeRow(UUID.randomUUID(), rosterId, after.get(i).id(), from,
                        to, after.get(i).source(), null, now, actor.username()));
            }
        }
    }

    /** A draft roster of a unit's month, created from the shift pattern when there is none yet. */
    RosterRepository.RosterRow draftOf(Actor actor, UUID unitId, LocalDate month) {
        Optional<RosterRepository.RosterRow> existing = repository.roster(unitId, firstOfMonth(month));
        if (existing.isEmpty()) {
            create(actor, unitId, month);
        }
        return lockDraft(actor, repository.roster(unitId, firstOfMonth(month)).orElseThrow().id());
    }

    /** Every rule the roster breaks, with the article it comes from; hard ones block publishing. */
    @Transactional(readOnly = true)
    public List<Violation> check(Actor actor, UUID rosterId) {
        RosterRepository.RosterRow row = repository.rosterById(rosterId).orElseThrow(() -> notFound(rosterId));
        requireVisible(actor, row.unitId(), () -> notFound(row.id()));
        return violations(List.of(row));
    }

    @Transactional
    public Roster publish(Actor actor, UUID rosterId) {
        RosterRepository.RosterRow row = lockDraft(actor, rosterId);
        List<Violation> hard = violations(List.of(row)).stream().filter(Violation::hard).toList();
        if (!hard.isEmpty()) {
            throw new ZhibanException(409, "ROSTER_RULE_VIOLATED", "值班表违反 " + hard.size() + " 项规定，不能发布。首项："
                    + hard.get(0).label() + "——" + hard.get(0).detail() + hard.get(0).cited(),
                    hard.stream().limit(20).map(v -> new ZhibanException.FieldProblem(v.rule().name(),
                            v.detail() + v.cited())).toList());
        }
        repository.setStatus(rosterId, RosterStatus.PUBLISHED, clock.instant(), actor.username());
        board.changed();
        audit.record("ROSTER_PUBLISHED", "roster:" + rosterId, AuditOutcome.SUCCESS, monthLabel(row));
        return view(repository.rosterById(rosterId).orElseThrow());
    }

    /** Takes a published roster back to draft for changes; it must be published again. */
    @Transactional
    public Roster reopen(Actor actor, UUID rosterId) {
        RosterRepository.RosterRow row = repository.lockRoster(rosterId).orElseThrow(() -> notFound(rosterId));
        requireManageable(actor, row.unitId(), () -> notFound(row.id()));
        repository.setStatus(rosterId, RosterStatus.DRAFT, null, null);
        board.changed();
        audit.record("ROSTER_REOPENED", "roster:" + rosterId, AuditOutcome.SUCCESS, monthLabel(row));
        return view(repository.rosterById(rosterId).orElseThrow());
    }

    /** Starts filling the roster automatically; hand-made assignments stay. Progress is read with {@link #progress}. */
    public SolveProgress startSolving(Actor actor, UUID rosterId) {
        RosterRepository.RosterRow row = transaction.execute(status -> lockDraft(actor, rosterId));
        RosterPlan plan = transaction.execute(status -> planning.plan(List.of(row)));
        Instant started = clock.instant();
        SolveProgress initial = new SolveProgress(rosterId, 0, 0, 0, Duration.ZERO, false, null);
        progress.put(rosterId, initial);
        solver.start(rosterId, plan, UNIT_LIMIT, UNIT_UNIMPROVED,
                best -> progress.put(rosterId, progressOf(rosterId, best.getScore(), started, false)),
                best -> {
                    transaction.executeWithoutResult(status -> save(List.of(row), best));
                    progress.put(rosterId, progressOf(rosterId, best.getScore(), started, true));
                },
                failure -> progress.put(rosterId, new SolveProgress(rosterId, 0, 0, 0,
                        Duration.between(started, clock.instant()), true, "自动排班失败：" + failure.getMessage())));
        audit.record("ROSTER_SOLVING_STARTED", "roster:" + rosterId, AuditOutcome.SUCCESS, monthLabel(row));
        return initial;
    }

    public Optional<SolveProgress> progress(Actor actor, UUID rosterId) {
        RosterRepository.RosterRow row = repository.rosterById(rosterId).orElseThrow(() -> notFound(rosterId));
        requireVisible(actor, row.unitId(), () -> notFound(row.id()));
        return Optional.ofNullable(progress.get(rosterId));
    }

    public void stopSolving(Actor actor, UUID rosterId) {
        RosterRepository.RosterRow row = repository.rosterById(rosterId).orElseThrow(() -> notFound(rosterId));
        requireManageable(actor, row.unitId(), () -> notFound(row.id()));
        solver.stop(rosterId);
    }

    /**
     * Fills the rosters of a month for a unit and every unit below it at once — leaders shared between units never
     * lead two at a time — creating missing months, and waiting for the result.
     */
    public SubtreeResult solveSubtree(Actor actor, UUID unitId, LocalDate month, Duration limit, Duration unimproved) {
        requireManageable(actor, unitId);
        LocalDate first = firstOfMonth(month);
        List<RosterRepository.RosterRow> rows = transaction.execute(status -> {
            List<RosterRepository.RosterRow> list = new ArrayList<>();
            for (UUID id : unitTree.subtreeIds(unitId)) {
                if (repository.staff(List.of(id)).isEmpty()) {
                    continue;
                }
                Optional<RosterRepository.RosterRow> existing = repository.roster(id, first);
                if (existing.isPresent()) {
                    if (existing.get().status() == RosterStatus.DRAFT) {
                        list.add(existing.get());
                    }
                }
                else {
                    RosterRepository.RosterRow row = new RosterRepository.RosterRow(UUID.randomUUID(), id, first,
                            RosterStatus.DRAFT, null, 0);
                    repository.insertRoster(row);
                    planning.createMonth(row.id(), unitTree.find(id).orElseThrow(), first);
                    list.add(row);
                }
            }
            return list;
        });
        SubtreeResult result = solve(rows, null, limit, unimproved);
        audit.record("ROSTER_SOLVED", "unit:" + unitId, AuditOutcome.SUCCESS, rows.size() + " 个单位 "
                + first.getYear() + "年" + first.getMonthValue() + "月");
        return result;
    }

    /**
     * Fills the positions of a few days for one unit — a holiday, which offices roster first and file with their
     * superior — leaving every other day as it is; a period across two months fills both months' drafts.
     */
    public SubtreeResult solvePeriod(Actor actor, UUID unitId, LocalDate firstDay, LocalDate lastDay) {
        requireManageable(actor, unitId);
        AcceptedDates.requireDate("firstDay", firstDay, clock);
        AcceptedDates.requireDate("lastDay", lastDay, clock);
        if (firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
            throw ZhibanException.invalidField("lastDay", "请填写起止日期，结束日期不早于开始日期");
        }
        if (lastDay.toEpochDay() - firstDay.toEpochDay() >= MAX_PERIOD_DAYS) {
            throw ZhibanException.invalidField("lastDay", "一次最多排 " + MAX_PERIOD_DAYS + " 天；整月请用自动排班");
        }
        List<RosterRepository.RosterRow> rows = transaction.execute(status -> {
            List<RosterRepository.RosterRow> list = new ArrayList<>();
            for (LocalDate month = firstOfMonth(firstDay); !month.isAfter(lastDay); month = month.plusMonths(1)) {
                list.add(draftOf(actor, unitId, month));
            }
            return list;
        });
        SubtreeResult result = solve(rows, day -> !day.isBefore(firstDay) && !day.isAfter(lastDay), PERIOD_LIMIT,
                PERIOD_UNIMPROVED);
        audit.record("ROSTER_SOLVED", "unit:" + unitId, AuditOutcome.SUCCESS, firstDay + " 至 " + lastDay);
        return result;
    }

    /** Solves the rosters, changing positions only on the days given (null: every day), and stores the result. */
    private SubtreeResult solve(List<RosterRepository.RosterRow> rows, Predicate<LocalDate> period, Duration limit,
            Duration unimproved) {
        long started = System.nanoTime();
        Predicate<LocalDate> daysToFill = period == null ? day -> true : period;
        RosterPlan plan = transaction.execute(status -> planning.plan(rows, period == null));
        List<Slot> kept = plan.getSlots().stream().filter(slot -> !daysToFill.test(slot.getShift().day())).toList();
        kept.forEach(Slot::pin);
        RosterSolver.Solved solved = solver.solve(plan, limit, unimproved);
        RosterPlan best = solved.best();
        transaction.executeWithoutResult(status -> save(rows, best));
        List<Slot> filled = best.getSlots().stream().filter(slot -> !slot.isElsewhere()
                && daysToFill.test(slot.getShift().day())).toList();
        long hard = best.getScore().hardScore();
        long medium = best.getScore().mediumScore();
        if (!kept.isEmpty()) {
            // Only the period's own positions and the rules they break count: the other days are not this solve's.
            Set<UUID> shifts = filled.stream().map(slot -> slot.getShift().id()).collect(Collectors.toSet());
            hard = -solver.breaches(best).stream().filter(b -> b.rule().hard() && b.rule() != RosterRule.UNFILLED
                    && b.shiftIds().stream().anyMatch(shifts::contains)).count();
            medium = -filled.stream().filter(slot -> slot.getPerson() == null).count();
        }
        return new SubtreeResult(rows.size(), filled.size(), hard, medium,
                Duration.ofNanos(System.nanoTime() - started), solved.completeAfter());
    }

    /**
     * What a subtree solve did: rosters, positions, rules broken, positions empty, time taken in all (loading and
     * saving included), and the solver's time to the first roster with every position filled and no rule broken.
     */
    public record SubtreeResult(int rosters, int positions, long hardScore, long mediumScore, Duration took,
            Duration completeAfter) {
    }

    /** Stores the solver's choices for positions that were not fixed by hand. */
    private void save(List<RosterRepository.RosterRow> rows, RosterPlan best) {
        Map<UUID, Slot> solved = best.getSlots().stream().collect(Collectors.toMap(Slot::getId, s -> s, (a, b) -> a));
        List<RosterRepository.SlotRow> changed = new ArrayList<>();
        for (RosterRepository.RosterRow row : rows) {
            for (RosterRepository.SlotRow slot : repository.slots(row.id())) {
                Slot result = solved.get(slot.id());
                if (result == null || slot.pinned()) {
                    continue;
                }
                UUID person = result.getPerson() == null ? null : result.getPerson().id();
                changed.add(slot.with(person, false, person == null ? null : "SOLVER"));
            }
            repository.touch(row.id());
        }
        repository.updateSlots(changed);
    }

    List<Violation> violations(List<RosterRepository.RosterRow> rows) {
        RosterPlan plan = planning.plan(rows);
        Set<UUID> ownShifts = new HashSet<>();
        for (RosterRepository.RosterRow row : rows) {
            repository.shifts(row.id()).forEach(s -> ownShifts.add(s.id()));
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RuleBreach breach : solver.breaches(plan)) {
            boolean concernsThese = breach.shiftIds().isEmpty() || breach.shiftIds().stream().anyMatch(ownShifts::contains);
            if (!concernsThese || !seen.add(breach.rule() + breach.shiftIds().toString() + breach.personId())) {
                continue;
            }
            violations.add(new Violation(breach.rule(), breach.rule().label(), breach.detail(),
                    citation(breach.rule(), breach.unitId()), breach.rule().hard(), breach.unitId(), breach.shiftIds(),
                    breach.personId()));
        }
        // Hard first, then by rule; details begin with the day, so within a rule they read in date order.
        violations.sort(Comparator.comparing((Violation v) -> !v.hard()).thenComparing(v -> v.rule().ordinal())
                .thenComparing(Violation::detail));
        return violations;
    }

    /**
     * The article a rule rests on, from the unit's effective policy where the policy has the rule; otherwise the
     * rule's own basis, or nothing.
     */
    String citation(RosterRule rule, UUID unitId) {
        String basis = rule.fixedCitation() == null ? "" : rule.fixedCitation();
        if (rule.policyKey() != null) {
            return policies.effective(unitId).rule(rule.policyKey()).map(r -> r.citation()).orElse(basis);
        }
        return basis;
    }

    private Roster view(RosterRepository.RosterRow row) {
        Map<UUID, String> names = new HashMap<>();
        List<RosterRepository.SlotRow> slots = repository.slots(row.id());
        Map<UUID, List<RosterRepository.SlotRow>> byShift = slots.stream()
                .collect(Collectors.groupingBy(RosterRepository.SlotRow::shiftId));
        List<Roster.Shift> shifts = repository.shifts(row.id()).stream().map(s -> new Roster.Shift(s.id(), s.name(),
                s.day(), Zones.china(s.start()), Zones.china(s.end()), s.officersRequired(), byShift.getOrDefault(s.id(), List.of()).stream()
                        .sorted(Comparator.comparing((RosterRepository.SlotRow x) -> x.role()).thenComparing(
                                RosterRepository.SlotRow::position))
                        .map(p -> new Roster.Position(p.id(), p.role(), p.position(), p.personId(),
                                p.personId() == null ? null : names.computeIfAbsent(p.personId(), this::personName),
                                p.pinned()))
                        .toList()))
                .toList();
        return new Roster(row.id(), row.unitId(), row.month(), row.status(),
                row.publishedAt() == null ? null : Zones.china(row.publishedAt()), row.version(), shifts);
    }

    private SolveProgress progressOf(UUID rosterId, HardMediumSoftLongScore score, Instant started, boolean finished) {
        return new SolveProgress(rosterId, -score.hardScore(), -score.mediumScore(), -score.softScore(),
                Duration.between(started, clock.instant()), finished, null);
    }

    private RosterRepository.RosterRow lockDraft(Actor actor, UUID rosterId) {
        RosterRepository.RosterRow row = repository.lockRoster(rosterId).orElseThrow(() -> notFound(rosterId));
        requireManageable(actor, row.unitId(), () -> notFound(row.id()));
        if (row.status() != RosterStatus.DRAFT) {
            throw ZhibanException.conflict("ROSTER_PUBLISHED", "值班表已发布；如需修改请先撤回为草稿，或通过调班办理");
        }
        return row;
    }

    private String personName(UUID personId) {
        return unitTree.findPerson(personId).map(Person::name).orElse("");
    }

    private Unit requireVisible(Actor actor, UUID unitId) {
        return requireVisible(actor, unitId, () -> UnitScope.unitNotFound(unitId));
    }

    /** The unit of something the caller asked for; out of scope, that thing is not found. */
    private Unit requireVisible(Actor actor, UUID unitId, Supplier<ZhibanException> notFound) {
        scope.requireVisible(actor, unitId, notFound);
        return unitTree.find(unitId).orElseThrow(() -> UnitScope.unitNotFound(unitId));
    }

    private Unit requireManageable(Actor actor, UUID unitId) {
        return requireManageable(actor, unitId, () -> UnitScope.unitNotFound(unitId));
    }

    private Unit requireManageable(Actor actor, UUID unitId, Supplier<ZhibanException> notFound) {
        Unit unit = requireVisible(actor, unitId, notFound);
        scope.requireDutyWorkManageable(actor, unitId, notFound);
        return unit;
    }

    private static String monthLabel(RosterRepository.RosterRow row) {
        return row.month().getYear() + "年" + row.month().getMonthValue() + "月";
    }

    static LocalDate firstOfMonth(LocalDate month) {
        return month.withDayOfMonth(1);
    }

    private static ZhibanException notFound(UUID rosterId) {
        return ZhibanException.notFound("ROSTER_NOT_FOUND", "值班表不存在：" + rosterId);
    }
}
