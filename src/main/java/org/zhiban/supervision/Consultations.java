package org.zhiban.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.calendar.ImportantPeriod;
import org.zhiban.calendar.ImportantPeriods;
import org.zhiban.obligation.ObligationView;
import org.zhiban.obligation.Obligations;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.Secrecy;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;
import org.zhiban.supervision.internal.ConsultationRepository;
import org.zhiban.supervision.internal.ConsultationRepository.ConsultationRow;
import org.zhiban.supervision.internal.ConsultationRepository.ReminderRow;

/**
 * Duty consultations (值班会商): before holidays, major meetings and events and key dates, the duty office analyses the
 * risks with those concerned and reminds the units below to prepare (宝政办发〔2022〕43号 第二十七条); X区 holds them in
 * those periods as its leaders direct (第八条). Each unit reminded acknowledges the work reminder (工作提示). Where the
 * office's policy sets how long before, the consultation is owed before the period starts ({@link OwedConsultations}).
 */
@Service
public class Consultations {

    static final String PAGE = "/supervision/consultations";
    /** How far ahead a duty office sees the periods it prepares for: a holiday season and the notice before it. */
    static final Duration AHEAD = Duration.ofDays(45);
    private static final int LIST_LIMIT = 50;

    private final ConsultationRepository repository;
    private final ImportantPeriods importantPeriods;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final Obligations obligations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Consultations(ConsultationRepository repository, ImportantPeriods importantPeriods, UnitTree unitTree,
            UnitScope scope, DutyPolicies policies, Obligations obligations, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.importantPeriods = importantPeriods;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.obligations = obligations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether a unit holds consultations for those below it: a people's government or management committee whose
     * general duty office has units to remind (第二十七条 提醒相关单位; X区 第八条 对各镇人民政府、街道办事处).
     */
    static boolean holdsConsultations(Unit unit, boolean hasUnitsBelow) {
        return hasUnitsBelow
                && (unit.kind() == UnitKind.PEOPLES_GOVERNMENT || unit.kind() == UnitKind.MANAGEMENT_COMMITTEE);
    }

    /**
     * The consultation owed before a period, where the office's policy sets how many days before (宝政办发〔2022〕43号
     * 第二十七条 提前组织): owed from that many days before the start, due at the start. A silent policy owes none.
     */
    static Optional<ConsultationDue> owedBefore(ImportantPeriod period, EffectivePolicy policy) {
        return policy.rule(RuleKey.CONSULTATION_BEFORE).map(rule -> new ConsultationDue(
                period.startsAt().minus(Duration.ofDays(rule.ruleValue().asInt())), period.startsAt(),
                rule.citation()));
    }

    /** How a consultation names a period: a declaration by its id, a statutory holiday by its first day. */
    static String periodKey(ImportantPeriod period) {
        return period.id() != null ? "period:" + period.id()
                : "holiday:" + LocalDate.ofInstant(period.startsAt(), Zones.CHINA);
    }

    static String subject(UUID unitId, String periodKey) {
        return "consultation:" + unitId + ":" + periodKey;
    }

    record ConsultationDue(Instant owedFrom, Instant dueAt, String citation) {
    }

    /**
     * Records a consultation; with a period, fulfils the consultation owed before it; each unit reminded is told at
     * once. Every bad field is named and nothing written.
     */
    @Transactional
    public Consultation record(Actor actor, ConsultationCommand command) {
        UnitScope.refusePlatformAdministrator(actor);
        Supervisors.requireDutyOffice(actor);
        Secrecy.requireNotClassified(command.classified());
        UUID organiser = actor.unitId();
        FieldChecks checks = new FieldChecks();
        Instant heldAt = checks.check(() -> command.heldAt() == null ? clock.instant()
                : AcceptedDates.requirePastInstant("heldAt", command.heldAt(), clock));
        String subject = checks.text("subject", command.subject(), "会商主题", 200, true);
        String participants = checks.text("participants", command.participants(), "参加人员", 500, true);
        String risks = checks.text("risks", command.risks(), "风险隐患分析研判", 2000, true);
        String reminder = checks.text("reminder", command.reminder(), "工作提示", 2000, false);
        List<UUID> reminded = command.unitIds() == null ? List.of() : checks.check(() -> List.copyOf(
                Supervisors.unitsWithin(unitTree, organiser, command.unitIds(), "unitIds", "提醒单位须是本单位的下级单位")));
        checks.require(reminder != null || reminded == null || reminded.isEmpty(), "reminder",
                "已选择提醒单位，请填写工作提示");
        checks.require(reminder == null || (reminded != null && !reminded.isEmpty()), "unitIds",
                "已填写工作提示，请选择要提醒的单位");
        Optional<ImportantPeriod> period = Optional.empty();
        if (command.periodKey() != null && !command.periodKey().isBlank()) {
            period = periods(organiser).stream().filter(p -> periodKey(p).equals(command.periodKey().trim()))
                    .findFirst();
            checks.require(period.isPresent(), "periodKey", "所选节假日或重要时段不在近期，请重新选择");
        }
        checks.done();

        String citation = policies.effective(organiser).rule(RuleKey.CONSULTATION_SYSTEM)
                .map(EffectiveRule::citation).orElse(null);
        ConsultationRow row = new ConsultationRow(UUID.randomUUID(), organiser, heldAt.truncatedTo(ChronoUnit.MILLIS),
                subject, period.map(Consultations::periodKey).orElse(null), period.map(ImportantPeriod::name)
                        .orElse(null), participants, risks, reminder, citation, clock.instant(), actor.username());
        repository.insert(row);
        for (int i = 0; i < reminded.size(); i++) {
            UUID unit = reminded.get(i);
            repository.insert(new ReminderRow(row.id(), unit, i + 1, null, null));
            events.publishEvent(new SupervisionEvents.Notice(UUID.randomUUID(), unit, organiser, "工作提示：" + subject,
                    PAGE));
        }
        if (row.periodKey() != null) {
            obligations.fulfilFor(RollCalls.MODULE, subject(organiser, row.periodKey()),
                    SupervisionKinds.CONSULTATION.code(), actor.username());
        }
        audit.record("CONSULTATION_RECORDED", "consultation:" + row.id(), AuditOutcome.SUCCESS,
                Zones.MINUTE.format(heldAt) + " " + subject + (reminded.isEmpty() ? "" : "，提醒" + reminded.size()
                        + "个单位"));
        return views(actor, List.of(row)).get(0);
    }

    /** A unit reminded acknowledges the work reminder, once. */
    @Transactional
    public Consultation acknowledge(Actor actor, UUID consultationId) {
        Supervisors.requireDutyOffice(actor);
        ConsultationRow row = visible(actor, consultationId);
        ReminderRow own = repository.reminders(List.of(row.id())).stream()
                .filter(r -> r.unitId().equals(actor.unitId())).findFirst()
                .orElseThrow(() -> ZhibanException.forbidden("NOT_REMINDED", "本单位不在此次会商的提醒单位之列"));
        if (own.acknowledgedAt() != null || !repository.acknowledge(row.id(), own.unitId(), clock.instant(),
                actor.username())) {
            throw ZhibanException.conflict("ALREADY_ACKNOWLEDGED", "本单位已确认收到此工作提示");
        }
        audit.record("CONSULTATION_REMINDER_ACKNOWLEDGED", "consultation:" + row.id(), AuditOutcome.SUCCESS,
                unitName(own.unitId()) + " 确认收到工作提示：" + row.subject());
        return views(actor, List.of(row)).get(0);
    }

    @Transactional(readOnly = true)
    public Consultation get(Actor actor, UUID consultationId) {
        return views(actor, List.of(visible(actor, consultationId))).get(0);
    }

    /** The consultations the actor's unit held or was reminded by, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<Consultation> list(Actor actor, int page) {
        Supervisors.requireUnit(actor);
        return views(actor, repository.of(actor.unitId(), Supervisors.offset(page, LIST_LIMIT), LIST_LIMIT));
    }

    /**
     * The holidays and important periods the actor's unit prepares for over the coming weeks, with the
     * consultation its policy owes before each, and the one it held.
     */
    @Transactional(readOnly = true)
    public List<UpcomingPeriod> upcoming(Actor actor) {
        Supervisors.requireUnit(actor);
        UUID unitId = actor.unitId();
        Unit unit = unitTree.find(unitId).orElseThrow(() -> UnitScope.unitNotFound(unitId));
        EffectivePolicy policy = policies.effective(unitId);
        boolean holds = holdsConsultations(unit, !unitTree.children(unitId).isEmpty());
        Map<String, UUID> held = repository.of(unitId, 0, LIST_LIMIT).stream()
                .filter(c -> c.organiserUnitId().equals(unitId) && c.periodKey() != null)
                .collect(Collectors.toMap(ConsultationRow::periodKey, ConsultationRow::id, (a, b) -> a));
        List<UpcomingPeriod> upcoming = new ArrayList<>();
        for (ImportantPeriod period : periods(unitId)) {
            String key = periodKey(period);
            Optional<ConsultationDue> due = holds ? owedBefore(period, policy) : Optional.empty();
            upcoming.add(new UpcomingPeriod(key, period.name(), period.source().label(),
                    Zones.china(period.startsAt()), Zones.china(period.endsAt()),
                    due.map(d -> Zones.china(d.owedFrom())).orElse(null),
                    due.map(d -> Zones.china(d.dueAt())).orElse(null), due.map(ConsultationDue::citation).orElse(null),
                    owed(unitId, key), held.get(key)));
        }
        return upcoming;
    }

    /** The periods applying to a unit that have not ended and start within {@link #AHEAD}. */
    List<ImportantPeriod> periods(UUID unitId) {
        Instant now = clock.instant();
        return importantPeriods.applying(unitId, now, now.plus(AHEAD));
    }

    private ConsultationRow visible(Actor actor, UUID consultationId) {
        Supervisors.requireUnit(actor);
        ConsultationRow row = repository.find(consultationId).orElseThrow(this::notFound);
        boolean reminded = repository.reminders(List.of(row.id())).stream()
                .anyMatch(r -> r.unitId().equals(actor.unitId()));
        if (!reminded) {
            scope.requireVisible(actor, row.organiserUnitId(), this::notFound);
        }
        return row;
    }

    private ZhibanException notFound() {
        return ZhibanException.notFound("CONSULTATION_NOT_FOUND", "值班会商记录不存在");
    }

    private List<Consultation> views(Actor actor, List<ConsultationRow> rows) {
        Map<UUID, List<ReminderRow>> reminders = repository.reminders(rows.stream().map(ConsultationRow::id).toList())
                .stream().collect(Collectors.groupingBy(ReminderRow::consultationId));
        Set<UUID> names = rows.stream().map(ConsultationRow::organiserUnitId).collect(Collectors.toSet());
        reminders.values().forEach(list -> list.forEach(r -> names.add(r.unitId())));
        Map<UUID, String> unitNames = unitTree.findAll(List.copyOf(names)).stream()
                .collect(Collectors.toMap(Unit::id, Unit::name));
        return rows.stream().map(c -> {
            // A unit only reminded reads the reminder, not the organiser's analysis nor the other units.
            boolean full = scope.canSee(actor, c.organiserUnitId());
            List<Consultation.Reminded> reminded = reminders.getOrDefault(c.id(), List.of()).stream()
                    .filter(r -> full || r.unitId().equals(actor.unitId()))
                    .map(r -> new Consultation.Reminded(r.unitId(), unitNames.getOrDefault(r.unitId(), ""),
                            r.acknowledgedAt() == null ? null : Zones.china(r.acknowledgedAt()), r.acknowledgedBy()))
                    .toList();
            ObligationView owed = full && c.periodKey() != null ? owed(c.organiserUnitId(), c.periodKey()) : null;
            return new Consultation(c.id(), c.organiserUnitId(), unitNames.getOrDefault(c.organiserUnitId(), ""),
                    Zones.china(c.heldAt()), c.subject(), c.periodKey(), c.periodName(),
                    full ? c.participants() : null, full ? c.risks() : null, c.reminder(), c.citation(),
                    full ? c.recordedBy() : null, reminded, owed);
        }).toList();
    }

    private ObligationView owed(UUID unitId, String periodKey) {
        return obligations.forSubject(RollCalls.MODULE, subject(unitId, periodKey)).stream()
                .filter(o -> o.kind().equals(SupervisionKinds.CONSULTATION.code())).findFirst()
                .map(obligations::view).orElse(null);
    }

    private String unitName(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }
}
