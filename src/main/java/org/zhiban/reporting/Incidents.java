package org.zhiban.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.ObligationView;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.reporting.internal.ReportingRepository;
import org.zhiban.reporting.internal.ReportingRepository.IncidentRow;
import org.zhiban.reporting.internal.ReportingRepository.ReportRow;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.Secrecy;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Incidents and their report chain. Registering an incident opens its deadlines from the learned-at time by the
 * unit's own policy; each report fulfils the deadlines of its channel; the superior signs for written reports; the
 * final report closes the chain.
 */
@Service
public class Incidents {

    public static final String MODULE = "reporting";
    private static final Duration RECENT = Duration.ofDays(30);

    private final ReportingRepository repository;
    private final Obligations obligations;
    private final DutyPolicies policies;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Incidents(ReportingRepository repository, Obligations obligations, DutyPolicies policies, UnitTree unitTree,
            UnitScope scope, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.obligations = obligations;
        this.policies = policies;
        this.unitTree = unitTree;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Registers an incident of the actor's own unit and opens its report deadlines. */
    @Transactional
    public Incident register(Actor actor, IncidentCommand command) {
        UUID unitId = requireDutyOffice(actor);
        Secrecy.requireNotClassified(command.classified());
        Instant now = clock.instant();
        FieldChecks checks = new FieldChecks();
        IncidentCategory category = checks.check(() -> Fields.code("category", command.category(),
                IncidentCategory.class, "信息类别"));
        Severity severity = checks.check(() -> Fields.code("severity", command.severity(), Severity.class, "事件级别"));
        // Neither lies ahead of now nor before the dates accepted, and the incident came before its learning.
        Instant learnedAt = checks.check(() -> {
            Instant at = requireLearnedAt(command, now);
            AcceptedDates.requirePastInstant("learnedAt", command.learnedAt(), clock);
            return at;
        });
        Instant occurredAt = checks.check(() -> {
            Instant at = requireOccurredAt(command, learnedAt == null ? now : learnedAt);
            AcceptedDates.requirePastInstant("occurredAt", command.occurredAt(), clock);
            return at;
        });
        String title = checks.check(() -> Fields.required("title", command.title(), "事件标题", 200));
        String place = checks.check(() -> Fields.required("place", command.place(), "事发地点", 200));
        String summary = checks.check(() -> Fields.required("summary", command.summary(), "基本情况", 4000));
        String casualties = checks.check(() -> Fields.optional("casualties", command.casualties(), "人员伤亡", 500));
        String losses = checks.check(() -> Fields.optional("losses", command.losses(), "财产损失", 500));
        checks.done();
        Unit unit = unitTree.find(unitId).orElseThrow();
        EffectivePolicy policy = policies.effective(unitId);
        IncidentRow row = new IncidentRow(UUID.randomUUID(), unitId, unit.parentId(),
                ReportDeadlines.skipLevel(policy, severity), category, severity, title, place, occurredAt, learnedAt,
                casualties, losses, summary, actor.username(), actor.displayName(), now.truncatedTo(ChronoUnit.MILLIS),
                null);
        repository.insert(row);
        List<Obligation> deadlines = new ArrayList<>();
        for (ReportDeadlines.Deadline deadline : ReportDeadlines.forIncident(policy, severity, learnedAt)) {
            deadlines.add(obligations.open(new OpenObligation(unitId, deadline.kind().code(), MODULE,
                    subject(row.id()), severity.label() + "：" + title, deadline.dueAt(), deadline.citation(),
                    learnedAt)));
        }
        audit.record("INCIDENT_REGISTERED", subject(row.id()), AuditOutcome.SUCCESS,
                severity.label() + " · " + category.label() + "：" + title);
        if (severity.isMajor() && row.superiorUnitId() != null) {
            events.publishEvent(new ReportingEvents.MajorIncidentRegistered(row.id(), unitId, row.superiorUnitId(),
                    skipLevelUnits(row), severity.label(), title));
        }
        return view(row, List.of(), deadlines);
    }

    /** Files the next report of the chain; its channel's deadlines are fulfilled, and a final report closes it. */
    @Transactional
    public Incident file(Actor actor, UUID incidentId, ReportCommand command) {
        UUID unitId = requireDutyOffice(actor);
        IncidentRow incident = repository.lockIncident(incidentId).orElseThrow(() -> notFound(incidentId));
        scope.requireVisible(actor, incident.unitId(), () -> notFound(incidentId));
        if (!incident.unitId().equals(unitId)) {
            throw ZhibanException.forbidden("NOT_OWN_INCIDENT", "只能报送本单位的事件");
        }
        if (incident.closedAt() != null) {
            throw ZhibanException.conflict("INCIDENT_CLOSED", "该事件已终报，报送链已关闭");
        }
        Secrecy.requireNotClassified(command.classified());
        ReportStage stage = Fields.code("stage", command.stage(), ReportStage.class, "报告阶段");
        ReportChannel channel = Fields.code("channel", command.channel(), ReportChannel.class, "报告方式");
        List<ReportRow> earlier = repository.reports(incidentId);
        requireStageInOrder(stage, earlier);
        String phoneTakenBy = channel == ReportChannel.PHONE
                ? Fields.required("phoneTakenBy", command.phoneTakenBy(), "上级接报人", 50)
                : null;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ReportRow report = new ReportRow(UUID.randomUUID(), incidentId, earlier.size() + 1, stage, channel,
                Fields.required("content", command.content(), "报告内容", 4000),
                Fields.optional("casualties", command.casualties(), "人员伤亡", 500),
                Fields.optional("losses", command.losses(), "财产损失", 500),
                Fields.optional("disposal", command.disposal(), "处置情况", 2000),
                Fields.optional("measures", command.measures(), "应对措施", 2000),
                Fields.optional("instructions", command.instructions(), "指示批示落实情况", 2000),
                Fields.optional("publicOpinion", command.publicOpinion(), "舆情及信息发布", 2000),
                Fields.optional("outcome", command.outcome(), "处置结果", 2000),
                Fields.optional("cause", command.cause(), "事件原因", 2000),
                Fields.optional("assessment", command.assessment(), "评估总结", 2000), phoneTakenBy,
                Fields.optional("signer", command.signer(), "签发人", 50), actor.username(), actor.displayName(), now,
                null, null, null);
        repository.insert(report);
        List<Obligation> deadlines = fulfilDeadlines(incident, channel, actor.username());
        IncidentRow filed = incident;
        if (stage == ReportStage.FINAL) {
            repository.close(incidentId, now);
            filed = incident.closedAt(now);
        }
        audit.record("INCIDENT_REPORT_FILED", subject(incidentId), AuditOutcome.SUCCESS,
                stage.label() + "（" + channel.label() + "）第 " + report.seq() + " 报");
        events.publishEvent(new ReportingEvents.ReportFiled(incidentId, report.id(), unitId, incident.superiorUnitId(),
                skipLevelUnits(incident), stage, channel, incident.title()));
        List<ReportRow> chain = new ArrayList<>(earlier);
        chain.add(report);
        return view(filed, chain, deadlines);
    }

    /** The superior's duty office signs for a written report (签收). */
    @Transactional
    public Incident sign(Actor actor, UUID incidentId, UUID reportId) {
        UUID unitId = requireDutyOffice(actor);
        IncidentRow incident = repository.incident(incidentId).orElseThrow(() -> notFound(incidentId));
        scope.requireVisible(actor, incident.unitId(), () -> notFound(incidentId));
        if (!unitId.equals(incident.superiorUnitId())) {
            throw ZhibanException.forbidden("NOT_RECIPIENT", "只有接收报告的上级值班室可以签收");
        }
        if (!repository.sign(reportId, incidentId, actor.username(), actor.displayName(), clock.instant())) {
            throw ZhibanException.conflict("NOT_SIGNABLE", "该报告不是待签收的书面报告（可能已签收）");
        }
        audit.record("INCIDENT_REPORT_SIGNED", subject(incidentId), AuditOutcome.SUCCESS, "report " + reportId);
        events.publishEvent(new ReportingEvents.ReportSigned(incidentId, reportId, incident.unitId(), unitId, incident.title()));
        return get(actor, incidentId);
    }

    /** An incident, for its unit and the units above it. */
    @Transactional(readOnly = true)
    public Incident get(Actor actor, UUID incidentId) {
        IncidentRow row = repository.incident(incidentId).orElseThrow(() -> notFound(incidentId));
        scope.requireVisible(actor, row.unitId(), () -> notFound(incidentId));
        return view(row, repository.reports(incidentId));
    }

    /** The actor's unit's incidents of the last 30 days, newest first. */
    @Transactional(readOnly = true)
    public List<Incident> ofOwnUnit(Actor actor, int limit) {
        UUID unitId = requireUnit(actor);
        return views(repository.incidentsOf(unitId, clock.instant().minus(RECENT), limit));
    }

    /** What reached the actor's unit in the last 30 days: from its subordinates, and skip-level from further down. */
    @Transactional(readOnly = true)
    public List<Incident> received(Actor actor, int limit) {
        UUID unitId = requireUnit(actor);
        return views(repository.incidentsTo(unitId, clock.instant().minus(RECENT), limit));
    }

    /**
     * What came up from below in the last 30 days, per direct subordinate over its whole subtree — the most serious
     * first; subordinates from which nothing came are left out.
     */
    @Transactional(readOnly = true)
    public List<SubordinateIncidents> receivedPerSubordinate(Actor actor) {
        UUID unitId = requireUnit(actor);
        return repository.incidentCountsPerChild(unitId, clock.instant().minus(RECENT)).stream()
                .map(c -> new SubordinateIncidents(c.unitId(), unitTree.find(c.unitId()).map(Unit::name).orElse(""),
                        c.incidents(), c.major(), c.open()))
                .sorted(Comparator.comparingLong(SubordinateIncidents::major)
                        .thenComparingLong(SubordinateIncidents::incidents).reversed()
                        .thenComparing(SubordinateIncidents::unitName))
                .toList();
    }

    /** Incidents from below one direct subordinate: all, those of levels I/II, and those not yet closed by a final report. */
    public record SubordinateIncidents(UUID unitId, String unitName, long incidents, long major, long open) {
    }

    /** Written reports waiting for the actor's unit to sign for them, oldest first, with their incidents. */
    @Transactional(readOnly = true)
    public List<Incident> awaitingSignature(Actor actor) {
        UUID unitId = requireUnit(actor);
        Set<UUID> incidentIds = new LinkedHashSet<>();
        repository.awaitingSignature(unitId, 100).forEach(r -> incidentIds.add(r.incidentId()));
        Map<UUID, IncidentRow> rows = repository.incidents(incidentIds).stream()
                .collect(Collectors.toMap(IncidentRow::id, Function.identity()));
        return views(incidentIds.stream().map(rows::get).toList());
    }

    /** How many written reports wait for the actor's duty office to sign for them (for the dashboard). */
    @Transactional(readOnly = true)
    public long countAwaitingSignature(Actor actor) {
        return actor.standsDuty() ? repository.countAwaitingSignature(actor.unitId()) : 0;
    }

    /**
     * The reports of the current level follow in order: a follow-up or final report comes after an initial report;
     * no initial report after a follow-up (首报要快、续报要准、终报要全, 龙政办〔2023〕2号 七（一）).
     */
    static void requireStageInOrder(ReportStage stage, List<ReportRow> earlier) {
        boolean initialFiled = earlier.stream().anyMatch(r -> r.stage() == ReportStage.INITIAL);
        boolean followedUp = earlier.stream().anyMatch(r -> r.stage() != ReportStage.INITIAL);
        if (stage != ReportStage.INITIAL && !initialFiled) {
            throw ZhibanException.conflict("INITIAL_REPORT_FIRST", "请先报送首报，再报续报或终报");
        }
        if (stage == ReportStage.INITIAL && followedUp) {
            throw ZhibanException.conflict("INITIAL_REPORT_PAST", "已有续报，不能再报首报，请报续报");
        }
    }

    /** Meets the deadlines the report meets; returns all the incident's deadlines as they now stand. */
    private List<Obligation> fulfilDeadlines(IncidentRow incident, ReportChannel channel, String by) {
        return obligations.forSubject(MODULE, subject(incident.id())).stream()
                .map(o -> o.isOpen() && meets(channel, o.kind()) ? obligations.fulfil(o.id(), by) : o)
                .toList();
    }

    /**
     * Which deadline a report meets. A phone report meets the phone deadline; a written report meets the written one
     * and the phone one too, since it puts the facts before the superior's duty office at once, with a live alert
     * (紧急情况下，可先电话报告，后及时补报书面信息 — the phone is the fast way, not an extra duty: 宝政办发〔2022〕43号
     * 第十九条); either meets a level III deadline, which names no channel (龙政办〔2023〕2号 七（三）).
     */
    static boolean meets(ReportChannel channel, String obligationKind) {
        if (obligationKind.equals(ReportingKinds.REPORT.code())
                || obligationKind.equals(ReportingKinds.PHONE_REPORT.code())) {
            return true;
        }
        return channel == ReportChannel.WRITTEN && obligationKind.equals(ReportingKinds.WRITTEN_REPORT.code());
    }

    /** The general duty offices above the superior that receive a skip-level report. */
    private List<UUID> skipLevelUnits(IncidentRow incident) {
        if (!incident.skipLevel() || incident.superiorUnitId() == null) {
            return List.of();
        }
        return unitTree.pathTo(incident.superiorUnitId()).stream().map(Unit::id)
                .filter(id -> !id.equals(incident.superiorUnitId())).toList();
    }

    /** Learned-at is required and not in the future: the deadlines run from it. */
    static Instant requireLearnedAt(IncidentCommand command, Instant now) {
        if (command.learnedAt() == null) {
            throw ZhibanException.invalidField("learnedAt", "请填写接报时间");
        }
        Instant learnedAt = command.learnedAt().toInstant().truncatedTo(ChronoUnit.MILLIS);
        if (learnedAt.isAfter(now)) {
            throw ZhibanException.invalidField("learnedAt", "接报时间不能晚于当前时间");
        }
        return learnedAt;
    }

    /** An incident is learned of after it occurred, never before. */
    static Instant requireOccurredAt(IncidentCommand command, Instant learnedAt) {
        if (command.occurredAt() == null) {
            throw ZhibanException.invalidField("occurredAt", "请填写事发时间");
        }
        Instant occurredAt = command.occurredAt().toInstant().truncatedTo(ChronoUnit.MILLIS);
        if (occurredAt.isAfter(learnedAt)) {
            throw ZhibanException.invalidField("occurredAt", "事发时间不能晚于接报时间");
        }
        return occurredAt;
    }

    static String subject(UUID incidentId) {
        return "incident:" + incidentId;
    }

    /** Incidents with their reports and deadlines, in three queries whatever their number. */
    private List<Incident> views(List<IncidentRow> rows) {
        Map<UUID, List<ReportRow>> reports = repository.reportsOf(rows.stream().map(IncidentRow::id).toList())
                .stream().collect(Collectors.groupingBy(ReportRow::incidentId));
        Map<String, List<Obligation>> deadlines = obligations.forSubjects(MODULE,
                rows.stream().map(row -> subject(row.id())).toList());
        return rows.stream().map(row -> view(row, reports.getOrDefault(row.id(), List.of()),
                deadlines.getOrDefault(subject(row.id()), List.of()))).toList();
    }

    private Incident view(IncidentRow row, List<ReportRow> reports) {
        return view(row, reports, obligations.forSubject(MODULE, subject(row.id())));
    }

    private Incident view(IncidentRow row, List<ReportRow> reports, List<Obligation> obligationsOfIncident) {
        List<ObligationView> deadlines = obligationsOfIncident.stream()
                .map(obligations::view).toList();
        Optional<Unit> unit = unitTree.find(row.unitId());
        return new Incident(row.id(), row.unitId(), unit.map(Unit::name).orElse(""),
                unit.map(Unit::dutyPhone).orElse(null), row.superiorUnitId(),
                row.superiorUnitId() == null ? null : unitName(row.superiorUnitId()), row.skipLevel(), row.category(),
                row.category().label(), row.severity(), row.severity().label(), row.title(), row.place(),
                Zones.china(row.occurredAt()), Zones.china(row.learnedAt()), row.casualties(), row.losses(),
                row.summary(), row.createdByName(), Zones.china(row.createdAt()),
                row.closedAt() == null ? null : Zones.china(row.closedAt()),
                reports.stream().map(Incidents::view).toList(), deadlines);
    }

    private static IncidentReport view(ReportRow r) {
        return new IncidentReport(r.id(), r.seq(), r.stage(), r.stage().label(), r.channel(), r.channel().label(),
                r.content(), r.casualties(), r.losses(), r.disposal(), r.measures(), r.instructions(),
                r.publicOpinion(), r.outcome(), r.cause(), r.assessment(), r.phoneTakenBy(), r.signer(), r.filedBy(),
                r.filedByName(), Zones.china(r.filedAt()), r.receivedBy(), r.receivedByName(),
                r.receivedAt() == null ? null : Zones.china(r.receivedAt()));
    }

    private String unitName(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }

    /** Reports are made by the duty office: duty officers and the office head of the unit. */
    static UUID requireDutyOffice(Actor actor) {
        if (!actor.standsDuty()) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有值班员或值班室负责人可以报送和接收信息");
        }
        return actor.unitId();
    }

    /** Reporting belongs to units: a platform account has none to report for or to. */
    static UUID requireUnit(Actor actor) {
        if (actor.unitId() == null) {
            throw ZhibanException.forbidden("FORBIDDEN", "平台账号不属于任何单位，没有信息报送");
        }
        return actor.unitId();
    }

    private static ZhibanException notFound(UUID id) {
        return ZhibanException.notFound("INCIDENT_NOT_FOUND", "事件不存在：" + id);
    }
}
