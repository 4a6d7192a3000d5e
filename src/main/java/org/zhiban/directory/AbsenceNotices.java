package org.zhiban.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.directory.internal.NoticeRepository;
import org.zhiban.directory.internal.NoticeRepository.AbsenceRow;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.obligation.Obligations;
import org.zhiban.organization.Person;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.RepeatingPass;
import org.zhiban.shared.Role;
import org.zhiban.shared.Secrecy;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * Principal leaders' absence notices (主要负责同志外出请假报备, 宝政办发〔2022〕43号 第六条（八）、第十四条（六）): the
 * duty office files them for its own principals by the deadline of its policy (第十五条: 提前3天); the superior's duty
 * office receives them and, where the policy asks for it (X区 第十条: 请销假), approves or refuses; the return is
 * recorded, and one not recorded by the notified date opens an obligation already overdue.
 */
@Service
public class AbsenceNotices extends RepeatingPass {

    private static final int LIST_LIMIT = 200;
    private static final int PASS_LIMIT = 500;
    /** How far back a list reaches: notices whose absence ended within the last 90 days. */
    private static final Duration LIST_REACH = Duration.ofDays(90);

    private final NoticeRepository notices;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final WorkingCalendar calendar;
    private final Obligations obligations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AbsenceNotices(NoticeRepository notices, UnitTree unitTree, UnitScope scope, DutyPolicies policies,
            WorkingCalendar calendar, Obligations obligations, AuditTrail audit, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock,
            @Value("${zhiban.directory.return-sweep-interval:PT5M}") Duration interval) {
        super("absence-returns", interval);
        this.notices = notices;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.calendar = calendar;
        this.obligations = obligations;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Files a principal's absence; every bad field is named at once and nothing is written. */
    @Transactional
    public AbsenceNotice file(Actor actor, AbsenceNoticeCommand command) {
        UnitScope.refusePlatformAdministrator(actor);
        Secrecy.requireNotClassified(command.classified());
        requireDutyOffice(actor);
        Instant now = clock.instant();
        FieldChecks checks = new FieldChecks();
        Person person = checks.check(() -> principalOf(actor, command.personId()));
        String reason = checks.text("reason", command.reason(), "外出事由", 200, true);
        String destination = checks.text("destination", command.destination(), "外出地点", 100, true);
        String contact = checks.text("contact", command.contact(), "外出期间联系方式", 100, false);
        Instant departAt = checks.check(() -> AcceptedDates.requireInstant("departAt", command.departAt(), clock));
        Instant returnAt = checks.check(() -> AcceptedDates.requireInstant("returnAt", command.returnAt(), clock));
        checks.require(command.departAt() != null, "departAt", "请填写离开时间");
        checks.require(command.returnAt() != null, "returnAt", "请填写返回时间");
        checks.require(departAt == null || returnAt == null || returnAt.isAfter(departAt), "returnAt",
                "返回时间应晚于离开时间");
        Person acting = checks.check(() -> actingFor(actor, command.actingPersonId(), command.personId()));
        boolean urgent = Boolean.TRUE.equals(command.urgent());
        Instant phonedAt = checks.check(() -> AcceptedDates.requirePastInstant("phonedAt", command.phonedAt(), clock));
        checks.require(urgent || command.phonedAt() == null, "phonedAt", "电话报告时间仅用于临时紧急外出");
        checks.done();

        Unit unit = unitTree.find(actor.unitId()).orElseThrow();
        EffectivePolicy policy = policies.effective(unit.id());
        Optional<EffectiveRule> lead = policy.rule(RuleKey.ABSENCE_NOTICE_LEAD);
        Instant dueAt = lead.map(rule -> dueAt(departAt, rule, calendar::workingDaysBefore)).orElse(null);
        Instant countedAt = countedAt(now, urgent, phonedAt, policy.rule(RuleKey.ABSENCE_NOTICE_URGENT_BY_PHONE));
        Optional<EffectiveRule> approval = policy.rule(RuleKey.ABSENCE_NOTICE_APPROVAL)
                .filter(rule -> rule.ruleValue().asBoolean());
        AbsenceRow row = new AbsenceRow(UUID.randomUUID(), unit.id(), unit.parentId(), person.id(), reason,
                destination, departAt, returnAt, acting == null ? null : acting.id(), contact, urgent, phonedAt, now,
                countedAt, actor.username(), dueAt, isLate(dueAt, countedAt), lead.map(EffectiveRule::citation)
                .orElse(null), approval.map(EffectiveRule::citation).orElse(null), (approval.isPresent()
                        ? AbsenceStatus.AWAITING_APPROVAL : AbsenceStatus.NOTIFIED).name(), null, null, null, null,
                null, 0);
        notices.insert(row);
        if (dueAt != null) {
            obligations.recordFulfilled(new OpenObligation(unit.id(), DirectoryKinds.ABSENCE_NOTICE.code(),
                    "directory", subject(row), person.name() + "外出请假报备", dueAt, row.citation()), countedAt,
                    actor.username());
        }
        audit.record("ABSENCE_NOTIFIED", "absence:" + row.id(), AuditOutcome.SUCCESS,
                person.name() + " " + span(row) + (row.late() ? "（逾期报备）" : ""));
        events.publishEvent(new DirectoryEvents.AbsenceNotified(row.id(), unit.id(), unit.parentId(),
                "【外出" + (approval.isPresent() ? "请假待审批" : "报备") + (row.late() ? "·逾期" : "") + "】"
                        + person.name() + "（" + orDash(person.position()) + "）" + span(row)));
        return view(row);
    }

    /**
     * The deadline of an absence notice: the end of the N-th day (or working day) before the day of departure, China
     * time (第十五条: 外出请假报备信息要提前3天报送) — counted as a holiday roster's filing is.
     */
    static Instant dueAt(Instant departAt, EffectiveRule lead,
            BiFunction<LocalDate, Integer, LocalDate> workingDaysBefore) {
        return lead.ruleValue().endOfLeadBefore(departAt.atZone(Zones.CHINA).toLocalDate(), workingDaysBefore);
    }

    /**
     * When a notice counts as filed: an urgent trip told to the superior by phone counts from the call, where the
     * unit's policy allows it (a local reading of 第十五条 in the shipped Baoji policy, to be confirmed); otherwise
     * from the written filing.
     */
    static Instant countedAt(Instant filedAt, boolean urgent, Instant phonedAt, Optional<EffectiveRule> byPhone) {
        boolean allowed = byPhone.map(rule -> rule.ruleValue().asBoolean()).orElse(false);
        return urgent && allowed && phonedAt != null && phonedAt.isBefore(filedAt) ? phonedAt : filedAt;
    }

    /** A notice is late when it counts as filed after its deadline; without a deadline it cannot be. */
    static boolean isLate(Instant dueAt, Instant countedAt) {
        return dueAt != null && countedAt.isAfter(dueAt);
    }

    /** The superior approves or refuses an absence its policy asks it to approve (X区 第十条). */
    @Transactional
    public AbsenceNotice decide(Actor actor, UUID id, boolean approved, String comment) {
        UnitScope.refusePlatformAdministrator(actor);
        AbsenceRow row = notices.lockAbsence(id).orElseThrow(() -> notFound(id));
        scope.requireVisible(actor, row.unitId(), () -> notFound(id));
        if (actor.unitId() == null || !actor.unitId().equals(row.superiorId())
                || !actor.hasAny(Role.LEADER_ON_DUTY, Role.DUTY_OFFICE_HEAD, Role.UNIT_ADMIN)) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有上级单位的带班领导、值班室负责人或单位管理员可以审批外出请假");
        }
        if (!AbsenceStatus.AWAITING_APPROVAL.name().equals(row.status())) {
            throw ZhibanException.conflict("NOT_AWAITING_APPROVAL", "该外出报备不在待审批状态（"
                    + AbsenceStatus.valueOf(row.status()).label() + "）");
        }
        FieldChecks checks = new FieldChecks();
        String reason = checks.text("comment", comment, "不予批准的理由", 200, !approved);
        checks.done();
        AbsenceStatus status = approved ? AbsenceStatus.APPROVED : AbsenceStatus.REFUSED;
        write(row.decided(status.name(), clock.instant(), actor.username(), reason));
        String name = personName(row);
        audit.record(approved ? "ABSENCE_APPROVED" : "ABSENCE_REFUSED", "absence:" + id, AuditOutcome.SUCCESS,
                name + " " + span(row) + (reason == null ? "" : "：" + reason));
        events.publishEvent(new DirectoryEvents.AbsenceDecided(id, row.unitId(), row.superiorId(),
                "【外出请假" + status.label() + "】" + name + span(row)));
        return view(notices.absence(id).orElseThrow());
    }

    /** The principal is back (销假): recorded by the unit's duty office; a return after the notified date is late. */
    @Transactional
    public AbsenceNotice recordReturn(Actor actor, UUID id, OffsetDateTime returnedAt) {
        AbsenceRow row = ownNotice(actor, id);
        Instant now = clock.instant();
        Instant at = returnedAt == null ? now : AcceptedDates.requirePastInstant("returnedAt", returnedAt, clock);
        if (at.isBefore(row.departAt())) {
            throw ZhibanException.invalidField("returnedAt", "返回时间不能早于离开时间");
        }
        requireAway(row, "销假");
        write(row.returned(at, actor.username()));
        obligations.fulfilFor("directory", returnSubject(row), DirectoryKinds.ABSENCE_RETURN.code(),
                actor.username());
        String name = personName(row);
        audit.record("ABSENCE_RETURNED", "absence:" + id, AuditOutcome.SUCCESS, name + " 返回 "
                + Zones.MINUTE.format(at) + (at.isAfter(row.returnAt()) ? "（晚于报备的返回时间）" : ""));
        events.publishEvent(new DirectoryEvents.AbsenceUpdated(id, row.unitId(), row.superiorId(),
                "【销假】" + name + " " + Zones.MINUTE.format(at) + " 返回"));
        return view(notices.absence(id).orElseThrow());
    }

    /** A longer absence notified before the return is due: the new return date, with its reason, goes up. */
    @Transactional
    public AbsenceNotice extend(Actor actor, UUID id, OffsetDateTime returnAt, String reason) {
        AbsenceRow row = ownNotice(actor, id);
        FieldChecks checks = new FieldChecks();
        Instant newReturn = checks.check(() -> AcceptedDates.requireInstant("returnAt", returnAt, clock));
        checks.require(returnAt != null, "returnAt", "请填写新的返回时间");
        checks.require(newReturn == null || newReturn.isAfter(row.returnAt()), "returnAt", "新的返回时间应晚于原返回时间 "
                + Zones.MINUTE.format(row.returnAt()));
        String why = checks.text("reason", reason, "延期事由", 200, true);
        checks.done();
        requireAway(row, "延期");
        write(row.extended(newReturn));
        String name = personName(row);
        audit.record("ABSENCE_EXTENDED", "absence:" + id, AuditOutcome.SUCCESS, name + " 返回时间 "
                + Zones.MINUTE.format(row.returnAt()) + " → " + Zones.MINUTE.format(newReturn) + "：" + why);
        events.publishEvent(new DirectoryEvents.AbsenceUpdated(id, row.unitId(), row.superiorId(),
                "【外出延期】" + name + " 返回时间改为 " + Zones.MINUTE.format(newReturn)));
        return view(notices.absence(id).orElseThrow());
    }

    /** The notices of a unit and its subtree whose absence ended within the last 90 days or is still to come. */
    @Transactional(readOnly = true)
    public List<AbsenceNotice> within(Actor actor, UUID unitId) {
        unitTree.find(unitId).orElseThrow(() -> UnitScope.unitNotFound(unitId));
        scope.requireVisible(actor, unitId);
        return notices.absencesWithin(unitId, clock.instant().minus(LIST_REACH), LIST_LIMIT).stream()
                .map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public AbsenceNotice get(Actor actor, UUID id) {
        AbsenceRow row = notices.absence(id).orElseThrow(() -> notFound(id));
        scope.requireVisible(actor, row.unitId(), () -> notFound(id));
        return view(row);
    }

    @Override
    protected int pass() {
        return openOverdueReturns();
    }

    /**
     * Opens, once, an obligation already overdue for every absence whose notified return has passed without a
     * return or an extension recorded, where the unit's policy governs absences — citing its article.
     */
    public int openOverdueReturns() {
        int opened = 0;
        Instant now = clock.instant();
        for (AbsenceRow row : notices.returnsOverdue(now, PASS_LIMIT)) {
            Optional<String> citation = returnCitation(policies.effective(row.unitId()));
            Boolean done = transaction.execute(status -> {
                // Claimed even where the policy is silent, so that the pass does not look at it again.
                if (!notices.claimReturnChase(row.id(), now) || citation.isEmpty()) {
                    return false;
                }
                obligations.open(new OpenObligation(row.unitId(), DirectoryKinds.ABSENCE_RETURN.code(), "directory",
                        returnSubject(row), personName(row) + "外出逾期未销假", row.returnAt(), citation.get(),
                        row.departAt()));
                return true;
            });
            opened += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return opened;
    }

    /**
     * The article a return falls under: approval and return (X区 第十条: 请销假) where the policy asks for it, else the
     * notice's own (第十五条); none where the policy is silent on absences.
     */
    static Optional<String> returnCitation(EffectivePolicy policy) {
        return policy.rule(RuleKey.ABSENCE_NOTICE_APPROVAL).filter(rule -> rule.ruleValue().asBoolean())
                .or(() -> policy.rule(RuleKey.ABSENCE_NOTICE_LEAD)).map(EffectiveRule::citation);
    }

    private Person principalOf(Actor actor, UUID personId) {
        if (personId == null) {
            throw ZhibanException.invalidField("personId", "请选择外出的主要负责同志");
        }
        Person person = unitTree.findPerson(personId).filter(p -> p.unitId().equals(actor.unitId()))
                .orElseThrow(() -> ZhibanException.invalidField("personId", "只能为本单位的主要负责同志报备外出"));
        if (!person.isPrincipal() || !person.active()) {
            throw ZhibanException.invalidField("personId", person.name() + "不是本单位标明的主要负责同志：外出请假报备"
                    + "只针对主要负责同志，请先在人员信息中标明");
        }
        return person;
    }

    private Person actingFor(Actor actor, UUID actingId, UUID personId) {
        if (actingId == null) {
            return null;
        }
        Person acting = unitTree.findPerson(actingId).filter(p -> p.unitId().equals(actor.unitId()) && p.active())
                .orElseThrow(() -> ZhibanException.invalidField("actingPersonId", "主持工作的同志应为本单位在岗人员"));
        if (acting.id().equals(personId)) {
            throw ZhibanException.invalidField("actingPersonId", "主持工作的同志不能是外出者本人");
        }
        return acting;
    }

    private static void requireDutyOffice(Actor actor) {
        if (actor.unitId() == null || !(actor.standsDuty() || actor.has(Role.UNIT_ADMIN))) {
            throw ZhibanException.forbidden("FORBIDDEN", "外出请假报备由本单位值班室办理");
        }
    }

    private AbsenceRow ownNotice(Actor actor, UUID id) {
        UnitScope.refusePlatformAdministrator(actor);
        AbsenceRow row = notices.lockAbsence(id).orElseThrow(() -> notFound(id));
        scope.requireVisible(actor, row.unitId(), () -> notFound(id));
        requireDutyOffice(actor);
        if (!row.unitId().equals(actor.unitId())) {
            throw ZhibanException.forbidden("FORBIDDEN", "销假和延期由报备单位的值班室办理");
        }
        return row;
    }

    private static void requireAway(AbsenceRow row, String what) {
        AbsenceStatus status = AbsenceStatus.valueOf(row.status());
        if (status != AbsenceStatus.NOTIFIED && status != AbsenceStatus.APPROVED) {
            throw ZhibanException.conflict("ABSENCE_NOT_AWAY", "该外出报备" + status.label() + "，不能" + what);
        }
    }

    private void write(AbsenceRow changed) {
        if (!notices.update(changed)) {
            throw ZhibanException.conflict("CONCURRENT_MODIFICATION", "该外出报备已被他人修改，请刷新后重试");
        }
    }

    private String personName(AbsenceRow row) {
        return unitTree.findPerson(row.personId()).map(Person::name).orElse("");
    }

    private AbsenceNotice view(AbsenceRow row) {
        Optional<Person> person = unitTree.findPerson(row.personId());
        String acting = row.actingPersonId() == null ? null
                : unitTree.findPerson(row.actingPersonId()).map(Person::name).orElse(null);
        AbsenceStatus status = AbsenceStatus.valueOf(row.status());
        List<String> warnings = status.isAway() ? notices.overlapping(row.unitId(), row.personId(), row.departAt(),
                row.returnAt()).stream().map(other -> personName(other) + "同期外出（" + span(other) + "）：本单位"
                        + "两名主要负责同志同时外出，请确认主持工作的同志").toList() : List.of();
        return new AbsenceNotice(row.id(), row.unitId(), unitTree.find(row.unitId()).map(Unit::name).orElse(""),
                row.personId(), person.map(Person::name).orElse(""), person.map(Person::position).orElse(null),
                row.reason(), row.destination(), Zones.china(row.departAt()), Zones.china(row.returnAt()),
                row.actingPersonId(), acting, row.contact(), row.urgent(), china(row.phonedAt()),
                Zones.china(row.filedAt()), row.filedBy(), china(row.dueAt()), row.late(), row.citation(),
                row.approvalCitation(), status, status.label(), china(row.decidedAt()), row.decidedBy(),
                row.decisionComment(), china(row.returnedAt()), row.returnedAt() != null
                        && row.returnedAt().isAfter(row.returnAt()), warnings, row.version());
    }

    private static OffsetDateTime china(Instant at) {
        return at == null ? null : Zones.china(at);
    }

    private static String span(AbsenceRow row) {
        return Zones.MINUTE.format(row.departAt()) + " 至 " + Zones.MINUTE.format(row.returnAt());
    }

    private static String orDash(String value) {
        return value == null ? "—" : value;
    }

    private static String subject(AbsenceRow row) {
        return "absence:" + row.id();
    }

    private static String returnSubject(AbsenceRow row) {
        return "absence-return:" + row.id();
    }

    static ZhibanException notFound(UUID id) {
        return ZhibanException.notFound("ABSENCE_NOT_FOUND", "外出报备不存在：" + id);
    }
}
