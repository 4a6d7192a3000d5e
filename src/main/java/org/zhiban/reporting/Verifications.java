package org.zhiban.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.reporting.internal.ReportingRepository;
import org.zhiban.reporting.internal.ReportingRepository.RequestRow;
import org.zhiban.reporting.internal.ReportingRepository.TargetRow;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Secrecy;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Verification requests (调度核实): a superior's duty office asks subordinates to verify a matter; each target gets
 * phone and written feedback deadlines from its own policy, counted from the moment the request is sent.
 */
@Service
public class Verifications {

    private static final int MAX_TARGETS = 200;
    private static final Duration RECENT = Duration.ofDays(30);

    private final ReportingRepository repository;
    private final Obligations obligations;
    private final DutyPolicies policies;
    private final UnitTree unitTree;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Verifications(ReportingRepository repository, Obligations obligations, DutyPolicies policies, UnitTree unitTree,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.obligations = obligations;
        this.policies = policies;
        this.unitTree = unitTree;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public VerificationRequest send(Actor actor, VerificationCommand command) {
        UUID from = Incidents.requireDutyOffice(actor);
        Secrecy.requireNotClassified(command.classified());
        String subject = Fields.required("subject", command.subject(), "核实事项", 200);
        String details = Fields.optional("details", command.details(), "核实要求", 4000);
        List<UUID> targets = requireSubordinates(from, command.targetUnitIds());
        Instant sentAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RequestRow request = new RequestRow(UUID.randomUUID(), from, subject, details, actor.username(),
                actor.displayName(), sentAt);
        repository.insert(request);
        for (UUID unitId : targets) {
            TargetRow target = new TargetRow(UUID.randomUUID(), request.id(), unitId, null, null, null, null, null,
                    null, null);
            repository.insert(target);
            for (ReportDeadlines.Deadline deadline : ReportDeadlines.forVerification(policies.effective(unitId),
                    sentAt)) {
                obligations.open(new OpenObligation(unitId, deadline.kind().code(), Incidents.MODULE,
                        subject(request.id(), unitId), "调度核实：" + subject, deadline.dueAt(), deadline.citation(),
                        sentAt));
            }
        }
        audit.record("VERIFICATION_REQUESTED", "verification:" + request.id(), AuditOutcome.SUCCESS,
                targets.size() + " 个单位：" + subject);
        events.publishEvent(new ReportingEvents.VerificationRequested(request.id(), from, targets, subject));
        return views(List.of(request), null).get(0);
    }

    /** A target's phone or written feedback; each once, meeting its deadline. */
    @Transactional
    public VerificationRequest answer(Actor actor, UUID requestId, FeedbackCommand command) {
        UUID unitId = Incidents.requireDutyOffice(actor);
        RequestRow request = repository.request(requestId).orElseThrow(() -> notFound(requestId));
        get(actor, requestId);
        TargetRow target = repository.lockTarget(requestId, unitId).orElseThrow(() -> ZhibanException.forbidden(
                "NOT_A_TARGET", "本单位不是该核实要求的对象"));
        Secrecy.requireNotClassified(command.classified());
        ReportChannel channel = Fields.code("channel", command.channel(), ReportChannel.class, "反馈方式");
        String content = Fields.required("content", command.content(), "反馈内容", channel == ReportChannel.PHONE ? 2000
                : 4000);
        Instant now = clock.instant();
        if (channel == ReportChannel.PHONE) {
            if (target.phoneAt() != null) {
                throw ZhibanException.conflict("FEEDBACK_GIVEN", "已电话反馈，如有新情况请书面反馈");
            }
            repository.phoneFeedback(target.id(), content,
                    Fields.required("phoneTakenBy", command.phoneTakenBy(), "上级接听人", 50), actor.displayName(), now);
        }
        else {
            if (target.writtenAt() != null) {
                throw ZhibanException.conflict("FEEDBACK_GIVEN", "已书面反馈");
            }
            repository.writtenFeedback(target.id(), content, actor.displayName(), now);
        }
        String kind = channel == ReportChannel.PHONE ? ReportingKinds.PHONE_FEEDBACK.code()
                : ReportingKinds.WRITTEN_FEEDBACK.code();
        obligations.fulfilFor(Incidents.MODULE, subject(requestId, unitId), kind, actor.username());
        audit.record("VERIFICATION_ANSWERED", "verification:" + requestId, AuditOutcome.SUCCESS, channel.label());
        events.publishEvent(new ReportingEvents.FeedbackGiven(requestId, request.fromUnitId(), unitId, channel,
                request.subject()));
        return get(actor, requestId);
    }

    /** The sender's unit (and those above it) sees every target; a target sees its own row. */
    @Transactional(readOnly = true)
    public VerificationRequest get(Actor actor, UUID requestId) {
        RequestRow request = repository.request(requestId).orElseThrow(() -> notFound(requestId));
        if (actor.platformWide() || actor.unitId() != null && unitTree.isWithin(actor.unitId(), request.fromUnitId())) {
            return views(List.of(request), null).get(0);
        }
        if (actor.unitId() != null && repository.targets(requestId).stream()
                .anyMatch(t -> t.unitId().equals(actor.unitId()))) {
            return views(List.of(request), actor.unitId()).get(0);
        }
        ZhibanException answer = notFound(requestId);
        throw ZhibanException.outOfScope(answer.code(), answer.detail());
    }

    /** Requests the actor's unit sent in the last 30 days, newest first. */
    @Transactional(readOnly = true)
    public List<VerificationRequest> sent(Actor actor, int limit) {
        UUID unitId = Incidents.requireUnit(actor);
        return views(repository.requestsFrom(unitId, clock.instant().minus(RECENT), limit), null);
    }

    /** Requests to the actor's unit in the last 30 days, newest first, with its own row only. */
    @Transactional(readOnly = true)
    public List<VerificationRequest> received(Actor actor, int limit) {
        UUID unitId = Incidents.requireUnit(actor);
        return views(repository.requestsTo(unitId, clock.instant().minus(RECENT), limit), unitId);
    }

    /** Targets are units below the sender's own: a superior verifies through its subordinates. */
    List<UUID> requireSubordinates(UUID from, List<UUID> targetUnitIds) {
        if (targetUnitIds == null || targetUnitIds.isEmpty()) {
            throw ZhibanException.invalidField("targetUnitIds", "请选择核实的下级单位");
        }
        Set<UUID> distinct = new LinkedHashSet<>(targetUnitIds);
        distinct.remove(null);
        if (distinct.isEmpty() || distinct.size() > MAX_TARGETS) {
            throw ZhibanException.invalidField("targetUnitIds", "核实单位应为 1 至 " + MAX_TARGETS + " 个");
        }
        for (UUID target : distinct) {
            unitTree.find(target).orElseThrow(() -> ZhibanException.invalidField("targetUnitIds", "单位不存在：" + target));
            if (target.equals(from) || !unitTree.isWithin(from, target)) {
                throw ZhibanException.invalidField("targetUnitIds", "只能向本单位的下级单位发出核实要求");
            }
        }
        return List.copyOf(distinct);
    }

    static String subject(UUID requestId, UUID unitId) {
        return "verification:" + requestId + ":" + unitId;
    }

    /**
     * Requests with their targets' feedback and deadlines, in two queries whatever their number; with
     * {@code onlyUnit}, each shows that target's row alone.
     */
    private List<VerificationRequest> views(List<RequestRow> requests, UUID onlyUnit) {
        List<TargetRow> targets = repository.targetsOf(requests.stream().map(RequestRow::id).toList()).stream()
                .filter(t -> onlyUnit == null || t.unitId().equals(onlyUnit)).toList();
        Map<String, List<Obligation>> deadlines = obligations.forSubjects(Incidents.MODULE, targets.stream()
                .map(t -> subject(t.requestId(), t.unitId())).toList());
        return requests.stream().map(request -> new VerificationRequest(request.id(), request.fromUnitId(),
                name(request.fromUnitId()), request.subject(), request.details(), request.sentByName(),
                Zones.china(request.sentAt()), targets.stream().filter(t -> t.requestId().equals(request.id()))
                        .map(t -> new VerificationRequest.Target(t.unitId(), name(t.unitId()), t.phoneContent(),
                                t.phoneTakenBy(), t.phoneByName(), t.phoneAt() == null ? null : Zones.china(t.phoneAt()),
                                t.writtenContent(), t.writtenByName(),
                                t.writtenAt() == null ? null : Zones.china(t.writtenAt()),
                                deadlines.getOrDefault(subject(t.requestId(), t.unitId()), List.of()).stream()
                                        .map(obligations::view).toList()))
                        .toList()))
                .toList();
    }

    private String name(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }

    private static ZhibanException notFound(UUID id) {
        return ZhibanException.notFound("VERIFICATION_NOT_FOUND", "核实要求不存在：" + id);
    }
}
