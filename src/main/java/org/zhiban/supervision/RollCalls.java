package org.zhiban.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.ObligationView;
import org.zhiban.obligation.ObligationStatus;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;
import org.zhiban.supervision.internal.SupervisionRepository;
import org.zhiban.supervision.internal.SupervisionRepository.CalledRow;
import org.zhiban.supervision.internal.SupervisionRepository.RollCallRow;

/**
 * Video roll calls (视频点名, 宝政办发〔2022〕43号 第二十六条): a superior's duty office schedules one for units below
 * it; each comes online by its policy's deadline (第二十二条) or asks for leave before the start; the organiser marks
 * each in turn and ends the call; each unit that took part then reports the points to its head. A unit absent when
 * the call ends has breached its obligation to come online.
 */
@Service
public class RollCalls {

    static final String MODULE = "supervision";
    /** The most units one roll call calls: a city's counties and departments, or a county's towns, not a province. */
    static final int MAX_UNITS = 500;
    private static final int AGENDA_ITEMS = 20;
    private static final int PAGE_LIMIT = 50;
    /** A call its organiser never ended leaves the called unit's dashboard this long after its start. */
    private static final java.time.Duration STALE_AFTER = java.time.Duration.ofHours(12);

    private final SupervisionRepository repository;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final Obligations obligations;
    private final CoverageReminders coverageReminders;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RollCalls(SupervisionRepository repository, UnitTree unitTree, UnitScope scope, DutyPolicies policies,
            Obligations obligations, CoverageReminders coverageReminders, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.coverageReminders = coverageReminders;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.obligations = obligations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Schedules a roll call and tells each unit called at once; every bad field is named and nothing written. */
    @Transactional
    public RollCall schedule(Actor actor, RollCallCommand command) {
        UnitScope.refusePlatformAdministrator(actor);
        Supervisors.requireDutyOffice(actor);
        Instant now = clock.instant();
        UUID organiser = actor.unitId();
        FieldChecks checks = new FieldChecks();
        Instant startsAt = checks.check(() -> AcceptedDates.requireInstant("startsAt", command.startsAt(), clock));
        checks.require(command.startsAt() != null, "startsAt", "请填写点名开始时间");
        checks.require(startsAt == null || !startsAt.isBefore(now.truncatedTo(ChronoUnit.MINUTES)), "startsAt",
                "点名开始时间不能早于现在");
        List<String> agenda = checks.check(() -> agenda(command.agenda()));
        List<UUID> called = checks.check(() -> calledUnits(organiser, command));
        checks.done();

        RollCallRow row = new RollCallRow(UUID.randomUUID(), organiser, startsAt.truncatedTo(ChronoUnit.MILLIS),
                String.join("\n", agenda), now, actor.username(), null, null);
        repository.insert(row);
        String when = Zones.MINUTE.format(startsAt);
        for (int i = 0; i < called.size(); i++) {
            UUID unit = called.get(i);
            repository.insert(new CalledRow(row.id(), unit, i + 1, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null));
            SupervisionDeadlines.online(now, row.startsAt(), policies.effective(unit)).ifPresent(d ->
                    obligations.open(OpenObligation.opening(unit, SupervisionKinds.VIDEO_CONFERENCE_ONLINE.code(),
                            MODULE, subject(row.id(), unit), "视频点名 " + when + " 调试上线", d.opensAt(), d.dueAt(),
                            d.citation())));
            events.publishEvent(new SupervisionEvents.Notice(UUID.randomUUID(), unit, organiser,
                    "视频点名通知：" + when + " 开始", page(row.id())));
        }
        audit.record("ROLL_CALL_SCHEDULED", "roll-call:" + row.id(), AuditOutcome.SUCCESS, when + " 视频点名，点名"
                + called.size() + "个单位");
        return view(row);
    }

    /** The called unit confirms it is online and tested (调试上线). */
    @Transactional
    public RollCall online(Actor actor, UUID rollCallId) {
        RollCallRow call = lock(actor, rollCallId);
        CalledRow own = ownCall(actor, call);
        requireNotEnded(call);
        if (own.onlineAt() != null) {
            throw ZhibanException.conflict("ALREADY_ONLINE", "本单位已于 " + Zones.MINUTE.format(own.onlineAt())
                    + " 上线");
        }
        Instant now = clock.instant();
        repository.update(own.online(now, actor.username()));
        fulfilOnline(call.id(), own.unitId(), actor.username());
        audit.record("ROLL_CALL_ONLINE", "roll-call:" + call.id(), AuditOutcome.SUCCESS, unitName(own.unitId())
                + " " + Zones.MINUTE.format(now) + " 调试上线");
        return view(call);
    }

    /** The called unit asks for leave, with its reason, before the call starts (第二十六条 提前请假，说明情况). */
    @Transactional
    public RollCall requestLeave(Actor actor, UUID rollCallId, String reason) {
        RollCallRow call = lock(actor, rollCallId);
        CalledRow own = ownCall(actor, call);
        Instant now = clock.instant();
        if (!SupervisionDeadlines.leaveStillPossible(now, call.startsAt())) {
            throw ZhibanException.conflict("ROLL_CALL_STARTED", "点名已于 " + Zones.MINUTE.format(call.startsAt())
                    + " 开始，不能再请假；请直接向组织单位说明情况");
        }
        if (own.onlineAt() != null) {
            throw ZhibanException.conflict("ALREADY_ONLINE", "本单位已上线，不能再请假");
        }
        if (own.leaveDecision() != null) {
            throw ZhibanException.conflict("LEAVE_DECIDED", "请假申请已有答复：" + LeaveDecision.valueOf(
                    own.leaveDecision()).label());
        }
        FieldChecks checks = new FieldChecks();
        String text = checks.text("reason", reason, "请假理由", 500, true);
        checks.done();
        repository.update(own.leaveRequested(text, now, actor.username()));
        events.publishEvent(new SupervisionEvents.Notice(UUID.randomUUID(), call.organiserUnitId(), own.unitId(),
                unitName(own.unitId()) + "申请视频点名请假", page(call.id())));
        audit.record("ROLL_CALL_LEAVE_REQUESTED", "roll-call:" + call.id(), AuditOutcome.SUCCESS,
                unitName(own.unitId()) + "请假：" + text);
        return view(call);
    }

    /** The organiser grants a leave, which lifts the unit's deadline to come online, or refuses it. */
    @Transactional
    public RollCall decideLeave(Actor actor, UUID rollCallId, UUID unitId, boolean grant, String comment) {
        RollCallRow call = organised(actor, rollCallId);
        requireNotEnded(call);
        CalledRow unit = calledUnit(call, unitId);
        if (!unit.leavePending()) {
            throw ZhibanException.conflict("NO_LEAVE_PENDING", unitName(unitId) + "没有待答复的请假申请");
        }
        FieldChecks checks = new FieldChecks();
        String text = checks.text("comment", comment, "意见", 500, !grant);
        checks.done();
        LeaveDecision decision = grant ? LeaveDecision.GRANTED : LeaveDecision.REFUSED;
        repository.update(unit.leaveDecided(decision.name(), clock.instant(), actor.username(), text));
        if (grant) {
            openOnline(call.id(), unitId).forEach(o -> obligations.waive(o.id(), "已准假："
                    + Supervisors.shortened(unit.leaveReason(), 400), actor.username()));
        }
        events.publishEvent(new SupervisionEvents.Notice(UUID.randomUUID(), unitId, call.organiserUnitId(),
                "视频点名请假" + decision.label(), page(call.id())));
        audit.record("ROLL_CALL_LEAVE_DECIDED", "roll-call:" + call.id(), AuditOutcome.SUCCESS, unitName(unitId)
                + decision.label() + (text == null ? "" : "：" + text));
        return view(call);
    }

    /**
     * The organiser marks a unit during the call. A unit seen online has come online, on time or late against its
     * deadline; marking it again corrects the mark until the call ends.
     */
    @Transactional
    public RollCall mark(Actor actor, UUID rollCallId, RollCallMark mark) {
        RollCallRow call = organised(actor, rollCallId);
        requireNotEnded(call);
        Instant now = clock.instant();
        if (now.isBefore(call.startsAt())) {
            throw ZhibanException.conflict("ROLL_CALL_NOT_STARTED", "点名 " + Zones.MINUTE.format(call.startsAt())
                    + " 开始，开始后再逐一点名");
        }
        FieldChecks checks = new FieldChecks();
        checks.require(mark.unitId() != null, "unitId", "请选择被点名单位");
        checks.require(mark.result() != null, "result", "请选择点名结果（准时、迟到、缺席、请假、画面故障、声音故障或网络故障）");
        String note = checks.text("note", mark.note(), "备注", 500, false);
        checks.done();
        CalledRow unit = calledUnit(call, mark.unitId());
        if (mark.result() == RollCallResult.ON_LEAVE && !LeaveDecision.GRANTED.name().equals(unit.leaveDecision())) {
            throw ZhibanException.conflict("LEAVE_NOT_GRANTED", unitName(unit.unitId())
                    + "没有获准的请假，请按实际情况点名（缺席或迟到）");
        }
        boolean attended = mark.result().attended();
        repository.update(unit.marked(mark.result().name(), now, actor.username(),
                attended ? mark.officerPresent() : null, attended ? mark.leaderPresent() : null,
                attended ? mark.logInOrder() : null, note));
        if (attended) {
            // Seen on time is on time in the ledger, whenever the organiser gets to the unit on the sheet.
            openOnline(call.id(), unit.unitId()).forEach(o -> obligations.fulfilAt(o.id(),
                    mark.result() == RollCallResult.ON_TIME ? o.dueAt() : now, actor.username()));
        }
        coverageReminders.covered(call.organiserUnitId(), unit.unitId(), call.startsAt(), actor.username());
        audit.record("ROLL_CALL_MARKED", "roll-call:" + call.id(), AuditOutcome.SUCCESS, unitName(unit.unitId())
                + "：" + mark.result().label() + (note == null ? "" : "（" + note + "）"));
        return view(call);
    }

    /**
     * The organiser ends the call. A unit not marked is taken as {@link #unmarked} says; an absent unit's deadline
     * to come online is breached; each unit that took part owes the report of the points to its head, by its policy.
     */
    @Transactional
    public RollCall end(Actor actor, UUID rollCallId) {
        RollCallRow call = organised(actor, rollCallId);
        requireNotEnded(call);
        Instant now = clock.instant();
        if (now.isBefore(call.startsAt())) {
            throw ZhibanException.conflict("ROLL_CALL_NOT_STARTED", "点名尚未开始，不能结束");
        }
        String when = Zones.MINUTE.format(call.startsAt());
        for (CalledRow unit : repository.called(call.id())) {
            RollCallResult result = unit.result() != null ? RollCallResult.valueOf(unit.result())
                    : unmarked(unit, call.startsAt());
            if (unit.result() == null) {
                repository.update(unit.marked(result.name(), now, actor.username(), null, null, null, null));
            }
            if (result == RollCallResult.ABSENT) {
                // A unit that said it was online but was found absent breaches all the same.
                obligations.forSubject(MODULE, subject(call.id(), unit.unitId())).stream()
                        .filter(o -> o.kind().equals(SupervisionKinds.VIDEO_CONFERENCE_ONLINE.code())
                                && o.status() == ObligationStatus.FULFILLED)
                        .forEach(o -> obligations.reopen(o.id()));
                openOnline(call.id(), unit.unitId()).forEach(o -> obligations.breach(o.id(), "视频点名缺席",
                        actor.username()));
            }
            else if (result == RollCallResult.ON_LEAVE) {
                openOnline(call.id(), unit.unitId()).forEach(o -> obligations.waive(o.id(), "请假",
                        actor.username()));
            }
            if (result.attended()) {
                SupervisionDeadlines.reportToHead(now, policies.effective(unit.unitId())).ifPresent(d ->
                        obligations.open(new OpenObligation(unit.unitId(),
                                SupervisionKinds.ROLL_CALL_REPORTED_TO_HEAD.code(), MODULE,
                                subject(call.id(), unit.unitId()), "视频点名 " + when + " 会议要点报告负责同志",
                                d.dueAt(), d.citation())));
            }
        }
        repository.end(call.id(), now, actor.username());
        audit.record("ROLL_CALL_ENDED", "roll-call:" + call.id(), AuditOutcome.SUCCESS, when + " 视频点名结束");
        return view(repository.rollCall(call.id()).orElseThrow());
    }

    /**
     * What a unit the organiser did not mark is taken to have done: online by the start, on time; online after it,
     * late; never online, on leave if granted one, else absent.
     */
    static RollCallResult unmarked(CalledRow unit, Instant startsAt) {
        if (unit.onlineAt() != null) {
            return unit.onlineAt().isAfter(startsAt) ? RollCallResult.LATE : RollCallResult.ON_TIME;
        }
        return LeaveDecision.GRANTED.name().equals(unit.leaveDecision()) ? RollCallResult.ON_LEAVE
                : RollCallResult.ABSENT;
    }

    /** The called unit records that it reported the call's points to its head: to whom (第二十六条). */
    @Transactional
    public RollCall reportToHead(Actor actor, UUID rollCallId, String reportedTo) {
        RollCallRow call = lock(actor, rollCallId);
        CalledRow own = ownCall(actor, call);
        if (call.endedAt() == null) {
            throw ZhibanException.conflict("ROLL_CALL_NOT_ENDED", "点名结束后再记录向负责同志报告会议要点");
        }
        FieldChecks checks = new FieldChecks();
        String to = checks.text("reportedTo", reportedTo, "报告的负责同志", 100, true);
        checks.require(own.reportedAt() == null, "reportedTo", "已记录向负责同志报告");
        checks.done();
        Instant now = clock.instant();
        repository.update(own.reported(now, to, actor.username()));
        obligations.fulfilFor(MODULE, subject(call.id(), own.unitId()),
                SupervisionKinds.ROLL_CALL_REPORTED_TO_HEAD.code(), actor.username());
        audit.record("ROLL_CALL_REPORTED_TO_HEAD", "roll-call:" + call.id(), AuditOutcome.SUCCESS,
                unitName(own.unitId()) + " 已向" + to + "报告会议要点");
        return view(call);
    }

    @Transactional(readOnly = true)
    public RollCall get(Actor actor, UUID rollCallId) {
        RollCallRow call = repository.rollCall(rollCallId).orElseThrow(() -> notFound(rollCallId));
        requireConcerned(actor, call);
        return view(call);
    }

    /** The roll calls the actor's unit organised or was called to, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<RollCall> list(Actor actor, int page) {
        Supervisors.requireUnit(actor);
        return views(repository.rollCallsOf(actor.unitId(), Supervisors.offset(page, PAGE_LIMIT), PAGE_LIMIT));
    }

    /** The roll calls the actor's unit is called to and that have not ended, soonest first: its dashboard's. */
    @Transactional(readOnly = true)
    public List<RollCall> coming(Actor actor, int limit) {
        if (actor.unitId() == null) {
            return List.of();
        }
        return views(repository.comingFor(actor.unitId(), clock.instant().minus(STALE_AFTER), limit));
    }

    private List<String> agenda(List<String> items) {
        List<String> agenda = items == null ? List.of() : items.stream().filter(i -> i != null && !i.isBlank())
                .map(String::trim).toList();
        FieldChecks checks = new FieldChecks();
        checks.require(!agenda.isEmpty(), "agenda", "请填写至少一项议程（如传达领导指示批示、点评值班工作、部署下一步工作）");
        checks.require(agenda.size() <= AGENDA_ITEMS, "agenda", "议程不超过 " + AGENDA_ITEMS + " 项");
        checks.require(agenda.stream().allMatch(i -> i.length() <= 80), "agenda", "每项议程不超过 80 个字");
        checks.require(String.join("\n", agenda).length() <= 2000, "agenda", "议程合计不超过 2000 个字");
        checks.done();
        return agenda;
    }

    /** The units called: those listed, or every unit below the organiser at the level chosen, in the tree's order. */
    private List<UUID> calledUnits(UUID organiser, RollCallCommand command) {
        boolean listed = command.unitIds() != null && !command.unitIds().isEmpty();
        if (!listed && command.level() == null) {
            throw ZhibanException.invalidField("unitIds", "请选择被点名单位，或选择点名某一层级的全部下级单位");
        }
        Set<UUID> units = listed ? Supervisors.unitsWithin(unitTree, organiser, command.unitIds(), "unitIds",
                "被点名单位须是本单位的下级单位") : new LinkedHashSet<>();
        if (command.level() != null) {
            unitTree.below(organiser).stream().filter(u -> u.level() == command.level()).map(Unit::id)
                    .forEach(units::add);
            if (units.isEmpty()) {
                throw ZhibanException.invalidField("level", "本单位以下没有" + command.level().label() + "单位");
            }
        }
        if (units.size() > MAX_UNITS) {
            throw ZhibanException.invalidField("unitIds", "一次点名不超过 " + MAX_UNITS + " 个单位，请分批点名");
        }
        return new ArrayList<>(units);
    }

    private void fulfilOnline(UUID rollCallId, UUID unitId, String by) {
        openOnline(rollCallId, unitId).forEach(o -> obligations.fulfil(o.id(), by));
    }

    private List<Obligation> openOnline(UUID rollCallId, UUID unitId) {
        return obligations.forSubject(MODULE, subject(rollCallId, unitId)).stream()
                .filter(o -> o.isOpen() && o.kind().equals(SupervisionKinds.VIDEO_CONFERENCE_ONLINE.code())).toList();
    }

    private RollCallRow lock(Actor actor, UUID rollCallId) {
        RollCallRow call = repository.lock(rollCallId).orElseThrow(() -> notFound(rollCallId));
        requireConcerned(actor, call);
        return call;
    }

    /** The call locked, for its organiser's duty office only. */
    private RollCallRow organised(Actor actor, UUID rollCallId) {
        RollCallRow call = lock(actor, rollCallId);
        Supervisors.requireDutyOffice(actor);
        if (!call.organiserUnitId().equals(actor.unitId())) {
            throw ZhibanException.forbidden("NOT_ORGANISER", "只有组织点名的单位才能点名、答复请假和结束点名");
        }
        return call;
    }

    private CalledRow ownCall(Actor actor, RollCallRow call) {
        Supervisors.requireDutyOffice(actor);
        return repository.called(call.id()).stream().filter(c -> c.unitId().equals(actor.unitId())).findFirst()
                .orElseThrow(() -> ZhibanException.forbidden("NOT_CALLED", "本单位不在这次点名之列"));
    }

    private CalledRow calledUnit(RollCallRow call, UUID unitId) {
        return repository.called(call.id()).stream().filter(c -> c.unitId().equals(unitId)).findFirst()
                .orElseThrow(() -> ZhibanException.invalidField("unitId", "该单位不在这次点名之列"));
    }

    private static void requireNotEnded(RollCallRow call) {
        if (call.endedAt() != null) {
            throw ZhibanException.conflict("ROLL_CALL_ENDED", "点名已于 " + Zones.MINUTE.format(call.endedAt())
                    + " 结束");
        }
    }

    /** The organiser, a unit called, or a unit above either sees the call; anyone else learns nothing of it. */
    private void requireConcerned(Actor actor, RollCallRow call) {
        if (scope.canSee(actor, call.organiserUnitId())) {
            return;
        }
        boolean called = actor.unitId() != null && repository.called(call.id()).stream()
                .anyMatch(c -> scope.canSee(actor, c.unitId()));
        if (!called) {
            throw notFound(call.id());
        }
    }

    private RollCall view(RollCallRow row) {
        return views(List.of(row)).get(0);
    }

    private List<RollCall> views(List<RollCallRow> rows) {
        Instant now = clock.instant();
        Map<UUID, List<CalledRow>> called = repository.called(rows.stream().map(RollCallRow::id).toList()).stream()
                .collect(Collectors.groupingBy(CalledRow::rollCallId));
        List<String> subjects = called.values().stream().flatMap(List::stream)
                .map(c -> subject(c.rollCallId(), c.unitId())).toList();
        Map<String, List<Obligation>> owed = obligations.forSubjects(MODULE, subjects);
        Map<UUID, String> names = unitTree.findAll(rows.stream().flatMap(r -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(r.organiserUnitId()), called.getOrDefault(r.id(), List.of()).stream()
                        .map(CalledRow::unitId))).distinct().toList()).stream()
                .collect(Collectors.toMap(Unit::id, Unit::name));
        return rows.stream().map(r -> {
            String status = r.endedAt() != null ? "ENDED" : now.isBefore(r.startsAt()) ? "SCHEDULED" : "IN_PROGRESS";
            List<RollCall.CalledUnit> units = called.getOrDefault(r.id(), List.of()).stream()
                    .map(c -> calledView(c, names, owed.getOrDefault(subject(r.id(), c.unitId()), List.of())))
                    .toList();
            return new RollCall(r.id(), r.organiserUnitId(), names.get(r.organiserUnitId()), Zones.china(r.startsAt()),
                    Arrays.asList(r.agenda().split("\n")), Zones.china(r.scheduledAt()), r.scheduledBy(),
                    r.endedAt() == null ? null : Zones.china(r.endedAt()), status, statusLabel(status), units);
        }).toList();
    }

    private RollCall.CalledUnit calledView(CalledRow c, Map<UUID, String> names, List<Obligation> owed) {
        RollCallResult result = c.result() == null ? null : RollCallResult.valueOf(c.result());
        List<ObligationView> views = owed.stream().map(obligations::view).toList();
        return new RollCall.CalledUnit(c.unitId(), names.get(c.unitId()), c.position(), china(c.onlineAt()),
                c.leaveReason(), china(c.leaveRequestedAt()),
                c.leaveDecision() == null ? null : LeaveDecision.valueOf(c.leaveDecision()), c.leaveComment(), result,
                result == null ? null : result.label(), china(c.markedAt()), c.officerPresent(), c.leaderPresent(),
                c.logInOrder(), c.note(), china(c.reportedAt()), c.reportedTo(), views);
    }

    private static OffsetDateTime china(Instant at) {
        return at == null ? null : Zones.china(at);
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "SCHEDULED" -> "未开始";
            case "IN_PROGRESS" -> "进行中";
            default -> "已结束";
        };
    }

    private String unitName(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }

    static String subject(UUID rollCallId, UUID unitId) {
        return "roll-call:" + rollCallId + ":" + unitId;
    }

    static String page(UUID rollCallId) {
        return "/supervision/roll-calls/" + rollCallId;
    }

    private static ZhibanException notFound(UUID id) {
        return ZhibanException.notFound("ROLL_CALL_NOT_FOUND", "视频点名不存在：" + id);
    }
}
