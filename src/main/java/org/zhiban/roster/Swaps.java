package org.zhiban.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.identity.Accounts;
import org.zhiban.organization.Person;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.roster.internal.RosterRepository;
import org.zhiban.roster.internal.SwapRepository;
import org.zhiban.roster.internal.SwapRepository.PositionRow;
import org.zhiban.roster.internal.SwapRepository.SwapRow;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Swaps (调班) on published rosters: the person on duty asks a colleague of the same post to take the shift (or to
 * exchange it for one of theirs), the colleague accepts, the leader on duty approves, and the roster changes — with
 * the change kept in its history. A swap that would break a hard rule is refused with the rule and its article.
 * 宝政办发〔2022〕43号 第八条 (无法承担值班、带班工作的要及时调班; 严禁未做好工作衔接换岗) and the X-district standard,
 * 第十五条 (提前调班，并向带班领导报备).
 */
@Service
public class Swaps {

    private final SwapRepository swaps;
    private final RosterRepository rosters;
    private final Rosters rosterService;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final OnDutyBoard board;
    private final Clock clock;

    Swaps(SwapRepository swaps, RosterRepository rosters, Rosters rosterService, UnitTree unitTree, UnitScope scope,
            Accounts accounts, AuditTrail audit, ApplicationEventPublisher events, OnDutyBoard board, Clock clock) {
        this.swaps = swaps;
        this.board = board;
        this.rosters = rosters;
        this.rosterService = rosterService;
        this.unitTree = unitTree;
        this.scope = scope;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Asks a colleague to take a shift, or to exchange it for one of theirs (counterpartSlotId). */
    @Transactional
    public Swap request(Actor actor, SwapRequest request) {
        PositionRow given = position(request.slotId(), "slotId");
        scope.requireVisible(actor, given.unitId(), () -> ZhibanException.notFound("SLOT_NOT_FOUND", "班次岗位不存在："
                + request.slotId()));
        if (given.personId() == null) {
            throw ZhibanException.invalidField("slotId", "该岗位尚未排人，可直接在值班表上安排");
        }
        if (!given.personId().equals(personOf(actor)) && !scope.canManageDutyWork(actor, given.unitId())) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有本人或值班室负责人可以为该班次申请调班");
        }
        requireSwappable(given, "slotId");
        FieldChecks checks = new FieldChecks();
        checks.require(request.reason() != null && !request.reason().isBlank() && request.reason().trim().length() <= 200,
                "reason", "请填写调班原因（不超过200个字）");
        Person counterpart = checks.check(() -> requireCounterpart(given, request.counterpartId()));
        PositionRow taken = request.counterpartSlotId() == null || counterpart == null ? null : checks.check(() -> {
            PositionRow theirs = position(request.counterpartSlotId(), "counterpartSlotId");
            requireExchangeable(given, theirs, counterpart);
            return theirs;
        });
        checks.done();
        Instant now = clock.instant();
        SwapRow row = new SwapRow(UUID.randomUUID(), given.rosterId(), given.unitId(), given.slotId(),
                given.personId(), counterpart.id(), taken == null ? null : taken.slotId(), request.reason().trim(),
                SwapStatus.REQUESTED, now, actor.username(), null, null, null, null);
        List<Violation> introduced = tryOut(row, false);
        if (!introduced.isEmpty()) {
            throw refusal(introduced);
        }
        swaps.insert(row);
        Swap swap = view(row);
        audit.record("SWAP_REQUESTED", "swap:" + row.id(), AuditOutcome.SUCCESS, swap.summary());
        announce(swap);
        return swap;
    }

    /** The colleague agrees; the leaders on duty are then asked to approve. */
    @Transactional
    public Swap accept(Actor actor, UUID swapId) {
        SwapRow row = lockOpen(actor, swapId, SwapStatus.REQUESTED);
        requireCounterpartOrManager(actor, row);
        swaps.answer(swapId, SwapStatus.ACCEPTED, clock.instant());
        return recorded("SWAP_ACCEPTED", swapId);
    }

    @Transactional
    public Swap decline(Actor actor, UUID swapId, String note) {
        SwapRow row = lockOpen(actor, swapId, SwapStatus.REQUESTED);
        requireCounterpartOrManager(actor, row);
        swaps.answer(swapId, SwapStatus.DECLINED, clock.instant());
        swaps.decide(swapId, SwapStatus.DECLINED, clock.instant(), actor.username(), trimmed(note));
        return recorded("SWAP_DECLINED", swapId);
    }

    /** The leader on duty approves: the roster changes, unless by now the result would break a hard rule. */
    @Transactional
    public Swap approve(Actor actor, UUID swapId) {
        SwapRow row = lockOpen(actor, swapId, SwapStatus.ACCEPTED);
        requireLeaderOnDuty(actor, row);
        requireUnchanged(row);
        List<Violation> introduced = tryOut(row, true);
        if (!introduced.isEmpty()) {
            throw refusal(introduced);
        }
        Instant now = clock.instant();
        recordChange(row, row.slotId(), row.requesterId(), row.counterpartId(), now, actor);
        if (row.counterpartSlotId() != null) {
            recordChange(row, row.counterpartSlotId(), row.counterpartId(), row.requesterId(), now, actor);
        }
        swaps.decide(swapId, SwapStatus.APPROVED, now, actor.username(), null);
        return recorded("SWAP_APPROVED", swapId);
    }

    @Transactional
    public Swap reject(Actor actor, UUID swapId, String note) {
        SwapRow row = lockOpen(actor, swapId, SwapStatus.ACCEPTED);
        requireLeaderOnDuty(actor, row);
        if (note == null || note.isBlank()) {
            throw ZhibanException.invalidField("note", "请说明不予批准的理由");
        }
        swaps.decide(swapId, SwapStatus.REJECTED, clock.instant(), actor.username(), trimmed(note));
        return recorded("SWAP_REJECTED", swapId);
    }

    /** The requester (or the duty office head) withdraws a swap not yet decided. */
    @Transactional
    public Swap cancel(Actor actor, UUID swapId) {
        SwapRow row = swaps.lock(swapId).orElseThrow(() -> notFound(swapId));
        scope.requireVisible(actor, row.unitId(), () -> notFound(swapId));
        if (!row.status().open()) {
            throw ZhibanException.conflict("SWAP_CLOSED", "该调班申请已" + row.status().label() + "，不能撤回");
        }
        if (!row.requesterId().equals(personOf(actor)) && !scope.canManageDutyWork(actor, row.unitId())) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有申请人或值班室负责人可以撤回调班申请");
        }
        swaps.decide(swapId, SwapStatus.CANCELLED, clock.instant(), actor.username(), null);
        return recorded("SWAP_CANCELLED", swapId);
    }

    @Transactional(readOnly = true)
    public Swap get(Actor actor, UUID swapId) {
        SwapRow row = swaps.find(swapId).orElseThrow(() -> notFound(swapId));
        scope.requireVisible(actor, row.unitId(), () -> notFound(swapId));
        return view(row);
    }

    @Transactional(readOnly = true)
    public List<Swap> ofUnit(Actor actor, UUID unitId) {
        unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + unitId));
        scope.requireVisible(actor, unitId);
        return swaps.ofUnit(unitId, 200).stream().map(this::view).toList();
    }

    /** The shifts a person holds that can still be swapped: published, not yet begun. */
    @Transactional(readOnly = true)
    public List<UpcomingPosition> upcomingPositions(Actor actor, UUID personId) {
        Person person = unitTree.findPerson(personId).orElseThrow(() -> ZhibanException.notFound("PERSON_NOT_FOUND",
                "人员不存在：" + personId));
        scope.requireVisible(actor, person.unitId(), () -> ZhibanException.notFound("PERSON_NOT_FOUND",
                "人员不存在：" + personId));
        return swaps.upcomingPositions(personId, clock.instant()).stream()
                .map(p -> new UpcomingPosition(p.slotId(), p.rosterId(), p.role(), shiftLabel(p.day(), p.shiftName()),
                        Zones.china(p.start())))
                .toList();
    }

    /** Every change of a roster's positions after it was made, newest first. */
    @Transactional(readOnly = true)
    public List<PositionChange> history(Actor actor, UUID rosterId) {
        RosterRepository.RosterRow roster = rosters.rosterById(rosterId).orElseThrow(() -> ZhibanException.notFound(
                "ROSTER_NOT_FOUND", "值班表不存在：" + rosterId));
        scope.requireVisible(actor, roster.unitId(), () -> ZhibanException.notFound("ROSTER_NOT_FOUND",
                "值班表不存在：" + rosterId));
        return swaps.changesOf(rosterId).stream()
                .map(c -> new PositionChange(shiftLabel(c.day(), c.shiftName()), c.role(), name(c.fromPersonId()),
                        name(c.toPersonId()), c.cause(), c.swapId(), Zones.china(c.changedAt()), c.changedBy()))
                .toList();
    }

    /** Swaps happen on published rosters, before the shift begins — a shift under way is handed over, not swapped. */
    private void requireSwappable(PositionRow position, String field) {
        if (position.rosterStatus() != RosterStatus.PUBLISHED) {
            throw ZhibanException.invalidField(field, "值班表尚未发布，可直接在值班表上调整");
        }
        if (!position.start().isAfter(clock.instant())) {
            throw ZhibanException.invalidField(field, shiftLabel(position.day(), position.shiftName())
                    + "已开始，不能调班；如需换岗须做好工作衔接");
        }
        if (swaps.openSwapInvolving(position.slotId())) {
            throw ZhibanException.conflict("SWAP_PENDING", shiftLabel(position.day(), position.shiftName())
                    + "已有尚未办结的调班申请");
        }
    }

    /** The colleague stands the same post (leader for leader, officer for officer) in the same unit. */
    private Person requireCounterpart(PositionRow given, UUID counterpartId) {
        if (counterpartId == null) {
            throw ZhibanException.invalidField("counterpartId", "请选择接替的同事");
        }
        Person counterpart = unitTree.findPerson(counterpartId).orElseThrow(() -> ZhibanException.invalidField(
                "counterpartId", "人员不存在：" + counterpartId));
        if (counterpartId.equals(given.personId())) {
            throw ZhibanException.invalidField("counterpartId", "不能与自己调班");
        }
        boolean samePost = rosters.staff(List.of(given.unitId())).stream()
                .anyMatch(s -> s.personId().equals(counterpartId) && s.role() == given.role());
        if (!samePost) {
            // Not named: the person asked for may be of another tree.
            throw ZhibanException.invalidField("counterpartId", "所选同事不是本单位的" + given.role().label()
                    + "，不能接替该岗位");
        }
        return counterpart;
    }

    private void requireExchangeable(PositionRow given, PositionRow taken, Person counterpart) {
        if (!counterpart.id().equals(taken.personId())) {
            throw ZhibanException.invalidField("counterpartSlotId", "所选换回的班次不是" + counterpart.name() + "的班次");
        }
        if (taken.shiftId().equals(given.shiftId()) || taken.role() != given.role()
                || !taken.unitId().equals(given.unitId())) {
            throw ZhibanException.invalidField("counterpartSlotId", "换回的班次应为本单位另一天的同一岗位");
        }
        requireSwappable(taken, "counterpartSlotId");
    }

    private void requireCounterpartOrManager(Actor actor, SwapRow row) {
        scope.requireVisible(actor, row.unitId(), () -> notFound(row.id()));
        if (!row.counterpartId().equals(personOf(actor)) && !scope.canManageDutyWork(actor, row.unitId())) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有被申请的同事本人可以答复调班申请");
        }
    }

    /** The leader on duty of the unit decides, and never on a swap of their own. */
    private void requireLeaderOnDuty(Actor actor, SwapRow row) {
        scope.requireVisible(actor, row.unitId(), () -> notFound(row.id()));
        if (!actor.has(Role.LEADER_ON_DUTY)) {
            throw ZhibanException.forbidden("FORBIDDEN", "调班须由带班领导审批");
        }
        UUID self = personOf(actor);
        if (self != null && (self.equals(row.requesterId()) || self.equals(row.counterpartId()))) {
            throw ZhibanException.forbidden("FORBIDDEN", "本人参与的调班须由其他带班领导审批");
        }
    }

    /** Between request and approval the positions may have changed by other means; then the swap no longer fits. */
    private void requireUnchanged(SwapRow row) {
        PositionRow given = swaps.position(row.slotId()).orElseThrow();
        boolean stale = !row.requesterId().equals(given.personId()) || given.rosterStatus() != RosterStatus.PUBLISHED;
        if (row.counterpartSlotId() != null) {
            PositionRow taken = swaps.position(row.counterpartSlotId()).orElseThrow();
            stale |= !row.counterpartId().equals(taken.personId()) || taken.rosterStatus() != RosterStatus.PUBLISHED;
        }
        if (stale) {
            throw ZhibanException.conflict("SWAP_STALE", "值班表在申请后已有变动，请撤回后重新申请");
        }
        requireNotStarted(given);
        if (row.counterpartSlotId() != null) {
            requireNotStarted(swaps.position(row.counterpartSlotId()).orElseThrow());
        }
    }

    private void requireNotStarted(PositionRow position) {
        if (!position.start().isAfter(clock.instant())) {
            throw ZhibanException.conflict("SWAP_TOO_LATE", shiftLabel(position.day(), position.shiftName())
                    + "已开始，调班未能在班前办结");
        }
    }

    /**
     * Applies the swap to the positions and returns the hard violations it adds to the rosters concerned; kept when
     * {@code keep}, undone otherwise (a check before asking anyone).
     */
    private List<Violation> tryOut(SwapRow row, boolean keep) {
        List<RosterRepository.RosterRow> concerned = new ArrayList<>();
        concerned.add(rosters.rosterById(row.rosterId()).orElseThrow());
        PositionRow taken = row.counterpartSlotId() == null ? null : swaps.position(row.counterpartSlotId()).orElseThrow();
        if (taken != null && !taken.rosterId().equals(row.rosterId())) {
            concerned.add(rosters.rosterById(taken.rosterId()).orElseThrow());
        }
        Set<String> before = new HashSet<>();
        rosterService.violations(concerned).forEach(v -> before.add(key(v)));
        RosterRepository.SlotRow first = rosters.slot(row.slotId()).orElseThrow();
        List<RosterRepository.SlotRow> original = new ArrayList<>(List.of(first));
        List<RosterRepository.SlotRow> swapped = new ArrayList<>(List.of(first.with(row.counterpartId(), true, "SWAP")));
        if (taken != null) {
            RosterRepository.SlotRow second = rosters.slot(taken.slotId()).orElseThrow();
            original.add(second);
            swapped.add(second.with(row.requesterId(), true, "SWAP"));
        }
        rosters.updateSlots(swapped);
        List<Violation> introduced = rosterService.violations(concerned).stream()
                .filter(v -> v.hard() && !before.contains(key(v))).toList();
        if (!keep || !introduced.isEmpty()) {
            rosters.updateSlots(original);
        }
        else {
            concerned.forEach(r -> rosters.touch(r.id()));
            board.changed();
        }
        return introduced;
    }

    private void recordChange(SwapRow row, UUID slotId, UUID from, UUID to, Instant at, Actor actor) {
        UUID rosterId = rosters.rosterOfSlot(slotId).orElseThrow();
        swaps.insertChange(new SwapRepository.ChangeRow(UUID.randomUUID(), rosterId, slotId, from, to, "SWAP", row.id(),
                at, actor.username()));
    }

    private static ZhibanException refusal(List<Violation> introduced) {
        Violation first = introduced.get(0);
        return new ZhibanException(409, "SWAP_RULE_VIOLATED", "调班后将违反规定：" + first.label() + "——"
                + first.detail() + first.cited(), introduced.stream().map(v ->
                        new ZhibanException.FieldProblem(v.rule().name(), v.detail() + v.cited()))
                        .toList());
    }

    private static String key(Violation v) {
        return v.rule() + "|" + v.shiftIds() + "|" + v.personId();
    }

    private Swap recorded(String action, UUID swapId) {
        Swap swap = view(swaps.find(swapId).orElseThrow());
        audit.record(action, "swap:" + swapId, AuditOutcome.SUCCESS, swap.summary());
        announce(swap);
        return swap;
    }

    private void announce(Swap swap) {
        events.publishEvent(new SwapEvents.SwapChanged(swap.id(), swap.unitId(), swap.status(), swap.requesterId(),
                swap.counterpartId(), swap.summary()));
    }

    private SwapRow lockOpen(Actor actor, UUID swapId, SwapStatus expected) {
        SwapRow row = swaps.lock(swapId).orElseThrow(() -> notFound(swapId));
        scope.requireVisible(actor, row.unitId(), () -> notFound(swapId));
        if (row.status() != expected) {
            throw ZhibanException.conflict("SWAP_NOT_" + expected.name(), "该调班申请当前为“" + row.status().label()
                    + "”，不能办理此操作");
        }
        return row;
    }

    private PositionRow position(UUID slotId, String field) {
        if (slotId == null) {
            throw ZhibanException.invalidField(field, "请选择班次");
        }
        return swaps.position(slotId).orElseThrow(() -> ZhibanException.invalidField(field, "班次岗位不存在：" + slotId));
    }

    private Swap view(SwapRow row) {
        PositionRow given = swaps.position(row.slotId()).orElseThrow();
        Optional<PositionRow> taken = row.counterpartSlotId() == null ? Optional.empty()
                : swaps.position(row.counterpartSlotId());
        return new Swap(row.id(), row.rosterId(), row.unitId(), row.slotId(), shiftLabel(given.day(),
                given.shiftName()), given.role(), row.requesterId(), name(row.requesterId()), row.counterpartId(),
                name(row.counterpartId()), row.counterpartSlotId(),
                taken.map(t -> shiftLabel(t.day(), t.shiftName())).orElse(null), row.reason(), row.status(),
                Zones.china(row.requestedAt()), row.requestedBy(),
                row.answeredAt() == null ? null : Zones.china(row.answeredAt()),
                row.decidedAt() == null ? null : Zones.china(row.decidedAt()), row.decidedBy(), row.note());
    }

    /** The person an account acts as, if it belongs to one: who "I" am on a roster. */
    public UUID personOf(Actor actor) {
        return actor.accountId() == null ? null : accounts.personOf(actor.accountId()).orElse(null);
    }

    private String name(UUID personId) {
        return personId == null ? null : unitTree.findPerson(personId).map(Person::name).orElse("");
    }

    private static String trimmed(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String text = note.trim();
        if (text.length() > 200) {
            throw ZhibanException.invalidField("note", "说明不超过200个字");
        }
        return text;
    }

    /** A shift as people name it: 12月3日（周四）24小时班. */
    static String shiftLabel(LocalDate day, String shiftName) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日（"
                + day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA) + "）" + shiftName;
    }

    private static ZhibanException notFound(UUID swapId) {
        return ZhibanException.notFound("SWAP_NOT_FOUND", "调班申请不存在：" + swapId);
    }

    /** What a swap request says. */
    public record SwapRequest(UUID slotId, UUID counterpartId, UUID counterpartSlotId, String reason) {
    }

    /** A shift a person holds that can still be swapped. */
    public record UpcomingPosition(UUID slotId, UUID rosterId, DutyRole role, String shift,
            java.time.OffsetDateTime start) {
    }

    /** One change of a position, for the roster's history. */
    public record PositionChange(String shift, DutyRole role, String from, String to, String cause, UUID swapId,
            java.time.OffsetDateTime changedAt, String changedBy) {
    }
}
